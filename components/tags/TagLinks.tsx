import Link from "next/link";
import { tagPath } from "@/lib/tags/names";

export function TagLinks({ tags, label = "Tags" }: { tags: string[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            href={tagPath(tag)}
            className="inline-block rounded bg-amber-100/70 px-2 py-0.5 font-mono text-xs text-amber-950 hover:bg-amber-200 dark:bg-amber-900/40 dark:text-amber-100 dark:hover:bg-amber-800/60"
          >
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
