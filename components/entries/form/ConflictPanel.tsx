"use client";

import { FIELD_LABELS } from "@/lib/entries/field-labels";
import type { EntryFormValues, FormConflict } from "@/lib/entries/form";

const WHOLE_VALUE_FIELDS = new Set<keyof EntryFormValues>(["title", "category", "language", "framework", "severity"]);

/** The form values with their version of one overlap put in place of yours. */
function withTheirs(values: EntryFormValues, conflict: FormConflict): Partial<EntryFormValues> {
  // A merge conflict names one of the form's fields (lib/revisions/merge.ts MergeField).
  const field = conflict.field as keyof EntryFormValues;
  if (WHOLE_VALUE_FIELDS.has(field)) return { [field]: conflict.theirs };
  const current = String(values[field]);
  const replaced =
    conflict.yours && current.includes(conflict.yours)
      ? current.replace(conflict.yours, conflict.theirs)
      : `${current}\n\n${conflict.theirs}`.trim();
  return { [field]: replaced };
}

/**
 * The overlaps between your edit and changes saved meanwhile, side by side. The form already
 * holds your version of each; "Use theirs" swaps in the other, "Keep mine" leaves yours.
 */
export function ConflictPanel({
  conflicts,
  headNumber,
  values,
  onResolve,
  onDismiss,
}: {
  conflicts: FormConflict[];
  headNumber: number;
  values: EntryFormValues;
  onResolve: (values: Partial<EntryFormValues>) => void;
  onDismiss: (index: number) => void;
}) {
  return (
    <section
      aria-labelledby="conflicts-heading"
      className="space-y-4 rounded-lg border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40"
      data-testid="conflicts"
    >
      <h2 id="conflicts-heading" className="font-semibold">
        {conflicts.length === 1 ? "1 conflict" : `${conflicts.length} conflicts`} with revision #{headNumber}
      </h2>
      <p className="text-sm">
        Everything else merged by itself. The form below holds your version of each conflict; pick a side here or edit
        the field, then save again.
      </p>
      {conflicts.map((conflict, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: conflicts have no id and two can read the same; the group holds no state
          key={`${conflict.field}-${index}`}
          aria-label={`Conflict in ${FIELD_LABELS[conflict.field]}`}
          className="min-w-0 space-y-2"
        >
          <h3 className="text-sm font-semibold">{FIELD_LABELS[conflict.field]}</h3>
          <div className="grid gap-3 md:grid-cols-2">
            <figure className="rounded-md border border-stone-300 bg-white p-3 dark:border-stone-700 dark:bg-stone-900">
              <figcaption className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500">
                Saved meanwhile (#{headNumber})
              </figcaption>
              <pre className="whitespace-pre-wrap break-words font-mono text-sm" data-testid="conflict-theirs">
                {conflict.theirs || "(empty)"}
              </pre>
            </figure>
            <figure className="rounded-md border border-amber-400 bg-white p-3 dark:border-amber-700 dark:bg-stone-900">
              <figcaption className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">
                Yours
              </figcaption>
              <pre className="whitespace-pre-wrap break-words font-mono text-sm" data-testid="conflict-yours">
                {conflict.yours || "(empty)"}
              </pre>
            </figure>
          </div>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => {
                onResolve(withTheirs(values, conflict));
                onDismiss(index);
              }}
              className="rounded-md border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900"
            >
              Use theirs
            </button>
            <button
              type="button"
              onClick={() => onDismiss(index)}
              className="rounded-md bg-amber-500 px-3 py-1 text-sm font-medium text-stone-950 hover:bg-amber-400"
            >
              Keep mine
            </button>
          </div>
        </fieldset>
      ))}
    </section>
  );
}
