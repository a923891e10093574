import Link from "next/link";
import { Fragment } from "react";
import { FIELD_LABELS } from "@/lib/entries/field-labels";
import { clipDiff, type DiffDetail, type RevisionDiff } from "@/lib/revisions/diff";

// A field with more changes than a page may spend comparing (lib/revisions/diff.ts) is compared
// more coarsely; the page says so, in place of the words it could not line up.
const COARSER: Record<Exclude<DiffDetail, "words">, string> = {
  lines:
    "Too many changes to compare word by word: compared line by line, with changed lines word by word where there was time.",
  whole: "Too many changes to compare: the old text is shown struck out, then the new text.",
};

/**
 * A word-level diff: removed words struck through in red, added words in green. With `clip`,
 * only the first `maxChars` characters of the changes show, and a link leads to all of them.
 */
export function RevisionDiffView({
  diff: whole,
  clip,
}: {
  diff: RevisionDiff;
  clip?: { maxChars: number; href: string };
}) {
  const { diff, hidden } = clip ? clipDiff(whole, clip.maxChars) : { diff: whole, hidden: 0 };
  // Fields clipped away entirely still say when they were compared coarsely.
  const coarseButHidden = whole.text
    .filter((field) => field.detail !== "words" && !diff.text.some((shown) => shown.field === field.field))
    .map((field) => FIELD_LABELS[field.field]);
  const unchanged =
    whole.text.length === 0 &&
    diff.scalars.length === 0 &&
    diff.tags.added.length === 0 &&
    diff.tags.removed.length === 0;
  if (unchanged) return <p className="text-stone-600 dark:text-stone-300">These revisions have the same content.</p>;
  return (
    <div className="space-y-5" data-testid="revision-diff">
      {(diff.scalars.length > 0 || diff.tags.added.length > 0 || diff.tags.removed.length > 0) && (
        <ul className="space-y-1 text-sm">
          {diff.scalars.map((change) => (
            <li key={change.field}>
              <span className="font-semibold">{FIELD_LABELS[change.field]}:</span>{" "}
              <del className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">{change.from || "none"}</del> →{" "}
              <ins className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200">
                {change.to || "none"}
              </ins>
            </li>
          ))}
          {diff.tags.added.length > 0 && (
            <li>
              <span className="font-semibold">Tags added:</span>{" "}
              <ins className="bg-emerald-100 font-mono text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200">
                {diff.tags.added.join(", ")}
              </ins>
            </li>
          )}
          {diff.tags.removed.length > 0 && (
            <li>
              <span className="font-semibold">Tags removed:</span>{" "}
              <del className="bg-red-100 font-mono text-red-900 dark:bg-red-950 dark:text-red-200">
                {diff.tags.removed.join(", ")}
              </del>
            </li>
          )}
        </ul>
      )}
      {diff.text.map(({ field, changes, detail }) => (
        <section key={field} aria-label={`Changes to ${FIELD_LABELS[field]}`}>
          <h3 className="mb-1 text-sm font-semibold">{FIELD_LABELS[field]}</h3>
          {detail !== "words" && (
            <p role="note" className="mb-1 text-xs text-stone-600 dark:text-stone-300">
              {COARSER[detail]}
            </p>
          )}
          <p className="whitespace-pre-wrap break-words rounded-md border border-stone-200 bg-white p-3 font-mono text-sm dark:border-stone-800 dark:bg-stone-900">
            {changes.map((change, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, in order; the same words can repeat
              <Fragment key={i}>
                {change.added ? (
                  <ins className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200">
                    {change.value}
                  </ins>
                ) : change.removed ? (
                  <del className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">{change.value}</del>
                ) : (
                  <span>{change.value}</span>
                )}
              </Fragment>
            ))}
          </p>
        </section>
      ))}
      {clip && hidden > 0 && (
        <p role="note" className="text-sm text-stone-600 dark:text-stone-300">
          {hidden.toLocaleString("en")} more characters of these changes are not shown here.{" "}
          {coarseButHidden.length > 0 &&
            `Too many changes to compare word by word in ${coarseButHidden.join(", ")}: compared more coarsely. `}
          <Link href={clip.href} className="text-amber-700 underline dark:text-amber-400">
            See all the changes
          </Link>
        </p>
      )}
    </div>
  );
}
