import type { ReactNode } from "react";

/** One kind of item in the review queue: a heading with how many wait, and the oldest of them. */
export function QueueSection({
  id,
  heading,
  total,
  shown,
  emptyText,
  children,
}: {
  id: string;
  heading: string;
  total: number;
  shown: number;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-xl font-semibold">
        {heading} ({total})
      </h2>
      {shown === 0 && <p className="text-stone-600 dark:text-stone-300">{emptyText}</p>}
      {total > shown && (
        <p className="text-sm text-stone-600 dark:text-stone-300">
          Showing the oldest {shown}; the next appear as these are decided.
        </p>
      )}
      {children}
    </section>
  );
}
