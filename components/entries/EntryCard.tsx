import Link from "next/link";
import { EntryBadges } from "@/components/entries/EntryBadges";
import { TagLinks } from "@/components/tags/TagLinks";
import type { EntryCard as EntryCardData } from "@/lib/entries/list-entries";
import { formatDate, plural, timeAgo } from "@/lib/format";

export function EntryCard({ entry, now }: { entry: EntryCardData; now: Date }) {
  return (
    <article className="flex gap-4 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="entry-card">
      <div className="hidden w-16 shrink-0 flex-col items-end gap-1 text-right text-xs text-stone-500 sm:flex dark:text-stone-400">
        <span><strong className="text-base text-stone-900 dark:text-stone-100">{entry.score}</strong> score</span>
        <span>{plural(entry.viewCount, "view")}</span>
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <EntryBadges {...entry} />
        <h2 className="text-lg font-semibold leading-snug">
          <Link href={`/entries/${entry.slug}`} className="hover:text-amber-700 dark:hover:text-amber-400">
            {entry.title}
          </Link>
        </h2>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <TagLinks tags={entry.tags} />
          <p className="text-xs text-stone-500 dark:text-stone-400">
            <span className="sm:hidden">{entry.score} score · {plural(entry.viewCount, "view")} · </span>
            {entry.authorHandle ? `@${entry.authorHandle}` : "@anonymous"} ·{" "}
            <time dateTime={entry.createdAt.toISOString()} title={formatDate(entry.createdAt)}>
              {timeAgo(entry.createdAt, now)}
            </time>
          </p>
        </div>
      </div>
    </article>
  );
}
