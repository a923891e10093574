import Link from "next/link";
import { tagPath } from "@/lib/tags/names";

export function TagLinks({ tags, label = "Tags" }: { tags: string[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={tagPath(tag)} className="tag-link">
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
