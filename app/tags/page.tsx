import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { plural } from "@/lib/format";
import { tagPath } from "@/lib/tags/names";
import { listTagsWithCounts } from "@/lib/tags/store";

export const metadata: Metadata = { title: "Tags" };
// Counts change with every submission; render per request.
export const dynamic = "force-dynamic";

export default async function TagsPage() {
  const tags = await listTagsWithCounts({ db });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Tags</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          {plural(tags.length, "tag")} on approved and pending entries, most used first.
        </p>
      </div>
      {tags.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
          No tags yet.
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="All tags">
          {tags.map((tag) => (
            <li key={tag.name}>
              <Link
                href={tagPath(tag.name)}
                className="flex items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white px-3 py-2 hover:border-amber-400 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-amber-600"
              >
                <span className="truncate font-mono text-sm">{tag.name}</span>
                <span className="shrink-0 text-xs text-stone-500 dark:text-stone-400" data-testid="tag-count">
                  {plural(tag.entryCount, "entry", "entries")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
