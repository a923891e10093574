import { EntryCardView } from "@/components/entries/EntryCardView";
import type { EntryCard as EntryCardData } from "@/lib/entries/list-entries";
import { entryPath } from "@/lib/entries/visibility";
import { formatDate, plural, timeAgo } from "@/lib/format";
import type { SnippetSegment } from "@/lib/search/snippet";

/** A search hit's extras: where it matched, and whether its recorded error message is the query. */
export interface CardMatch {
  snippet?: SnippetSegment[] | null;
  exactErrorMatch?: boolean;
}

/** An entry in a list: what the card shows, worked out here on the server (times against `now`). */
export function EntryCard({ entry, now }: { entry: EntryCardData & CardMatch; now: Date }) {
  return (
    <EntryCardView
      card={{
        href: entryPath(entry),
        title: entry.title,
        category: entry.category,
        language: entry.language,
        framework: entry.framework,
        severity: entry.severity,
        status: entry.status,
        score: entry.score,
        views: plural(entry.viewCount, "view"),
        tags: entry.tags,
        author: entry.authorHandle ? `@${entry.authorHandle}` : "@anonymous",
        createdAt: entry.createdAt.toISOString(),
        createdAgo: timeAgo(entry.createdAt, now),
        createdOn: formatDate(entry.createdAt),
        verifiedWith: entry.verifiedWith,
        // Only search hits have these; absent keys stay out of the page's payload.
        ...(entry.snippet && { snippet: entry.snippet }),
        ...(entry.exactErrorMatch && { exactErrorMatch: true }),
      }}
    />
  );
}
