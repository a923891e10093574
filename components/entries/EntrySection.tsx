import type { ReactNode } from "react";

export function EntrySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-20">
      <h2
        id={`${id}-heading`}
        className="mb-3 border-b border-stone-200 pb-1 text-xl font-semibold dark:border-stone-800"
      >
        {title}
      </h2>
      {children}
    </section>
  );
}
