"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { similarEntriesAction } from "@/app/entries/form-actions";

type Similar = Extract<Awaited<ReturnType<typeof similarEntriesAction>>, { ok: true }>["entries"];

/** Entries with similar titles, so people can revise one instead of submitting a duplicate. */
export function SimilarEntries({ title }: { title: string }) {
  const [similar, setSimilar] = useState<Similar>([]);
  useEffect(() => {
    if (title.trim().length < 8) return setSimilar([]);
    let current = true;
    const timer = setTimeout(async () => {
      const found = await similarEntriesAction({ title });
      if (current) setSimilar(found.ok ? found.entries : []);
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [title]);
  if (similar.length === 0) return null;
  return (
    <div
      role="status"
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
      data-testid="possible-duplicates"
    >
      <p className="font-medium">Possible duplicates — could you improve one of these instead?</p>
      <ul className="mt-1 list-disc pl-5">
        {similar.map((entry) => (
          <li key={entry.slug}>
            <Link
              href={`/entries/${entry.slug}`}
              target="_blank"
              className="text-amber-800 hover:underline dark:text-amber-300"
            >
              {entry.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
