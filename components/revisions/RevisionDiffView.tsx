import { Fragment } from "react";
import { FIELD_LABELS } from "@/lib/entries/field-labels";
import type { RevisionDiff } from "@/lib/revisions/diff";

/** A word-level diff: removed words struck through in red, added words in green. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const unchanged =
    diff.text.length === 0 &&
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
      {diff.text.map(({ field, changes }) => (
        <section key={field} aria-label={`Changes to ${FIELD_LABELS[field]}`}>
          <h3 className="mb-1 text-sm font-semibold">{FIELD_LABELS[field]}</h3>
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
    </div>
  );
}
