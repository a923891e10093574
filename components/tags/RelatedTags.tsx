import Link from "next/link";
import { plural } from "@/lib/format";
import { tagPath } from "@/lib/tags/names";
import type { TagCount } from "@/lib/tags/store";

/** Tags that appear on the same entries, with how many entries they share. */
export function RelatedTags({ tags }: { tags: TagCount[] }) {
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="related-tags-heading" className="flex flex-wrap items-center gap-2 text-sm">
      <h2 id="related-tags-heading" className="text-stone-600 dark:text-stone-300">
        Related tags:
      </h2>
      <ul className="flex flex-wrap gap-1.5" aria-label="Related tags">
        {tags.map((tag) => (
          <li key={tag.name}>
            <Link
              href={tagPath(tag.name)}
              aria-label={`${tag.name}, ${plural(tag.entryCount, "shared entry", "shared entries")}`}
              className="inline-flex items-center gap-1.5 rounded bg-stone-100 px-2 py-0.5 font-mono text-xs hover:bg-amber-100 dark:bg-stone-800 dark:hover:bg-amber-900/50"
            >
              {tag.name}
              <span className="text-stone-500 dark:text-stone-400">×{tag.entryCount}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
