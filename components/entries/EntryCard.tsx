import Link from "next/link";
import { EntryBadges } from "@/components/entries/EntryBadges";
import { VerifiedWith } from "@/components/entries/VerifiedWith";
import { Snippet } from "@/components/search/Snippet";
import { TagLinks } from "@/components/tags/TagLinks";
import type { EntryCard as EntryCardData } from "@/lib/entries/list-entries";
import { entryPath } from "@/lib/entries/visibility";
import { formatDate, plural, timeAgo } from "@/lib/format";
import type { SnippetSegment } from "@/lib/search/snippet";

/** A search hit's extras: where it matched, and whether its recorded error message is the query. */
export interface CardMatch {
  snippet?: SnippetSegment[] | null;
  exactErrorMatch?: boolean;
}

export function EntryCard({ entry, now }: { entry: EntryCardData & CardMatch; now: Date }) {
  return (
    <article
      className="flex gap-4 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      data-testid="entry-card"
    >
      <div className="hidden w-16 shrink-0 flex-col items-end gap-1 text-right text-xs text-stone-500 sm:flex dark:text-stone-400">
        <span>
          <strong className="text-base text-stone-900 dark:text-stone-100">{entry.score}</strong> score
        </span>
        <span>{plural(entry.viewCount, "view")}</span>
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <EntryBadges {...entry} />
        <h2 className="text-lg font-semibold leading-snug">
          <Link href={entryPath(entry)} className="hover:text-amber-700 dark:hover:text-amber-400">
            {entry.title}
          </Link>
        </h2>
        <VerifiedWith verifications={entry.verifiedWith} />
        {entry.exactErrorMatch && (
          <p className="text-xs font-medium text-emerald-700 dark:text-emerald-400" data-testid="exact-error-match">
            Exact match for this error message
          </p>
        )}
        {entry.snippet && <Snippet segments={entry.snippet} />}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <TagLinks tags={entry.tags} />
          <p className="text-xs text-stone-500 dark:text-stone-400">
            <span className="sm:hidden">
              {entry.score} score · {plural(entry.viewCount, "view")} ·{" "}
            </span>
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
