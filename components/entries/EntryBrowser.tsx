import Link from "next/link";
import { BrowseFilters } from "@/components/entries/BrowseFilters";
import { type CardMatch, EntryCard } from "@/components/entries/EntryCard";
import { Pagination } from "@/components/entries/Pagination";
import { SortTabs } from "@/components/entries/SortTabs";
import { type BrowseState, browseQuery, defaultSort, hasFilters, PAGE_SIZE } from "@/lib/entries/browse-params";
import type { EntryCard as EntryCardData, EntryPage } from "@/lib/entries/list-entries";
import { plural } from "@/lib/format";

interface EntryBrowserProps {
  basePath: string;
  state: BrowseState;
  /** Search results carry snippets, and say when more entries match than were ranked. */
  result: Omit<EntryPage, "entries"> & { entries: (EntryCardData & CardMatch)[]; totalCapped?: boolean };
  languages: string[];
  /** On a tag page the tag is part of the path, not a removable filter. */
  lockedTag?: string;
}

export function EntryBrowser({ basePath, state, result, languages, lockedTag }: EntryBrowserProps) {
  const now = new Date();
  // Links leave the locked tag to the path: /tags/gil?sort=top, not /tags/gil?tag=gil&sort=top.
  const linkState = {
    ...state,
    filters: { ...state.filters, tags: state.filters.tags.filter((tag) => tag !== lockedTag) },
  };
  const filtered = hasFilters(linkState.filters);
  const first = (result.page - 1) * PAGE_SIZE + 1;
  const count = result.totalCapped
    ? `${result.total.toLocaleString("en")}+ entries`
    : plural(result.total, "entry", "entries");
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <BrowseFilters basePath={basePath} state={linkState} languages={languages} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600 dark:text-stone-300" role="status" data-testid="result-count">
          {result.total === 0
            ? "No entries"
            : result.entries.length === 0
              ? `${count}; this page is past the end`
              : `${count}${result.pageCount > 1 ? ` · showing ${first}–${first + result.entries.length - 1}` : ""}`}
        </p>
        <SortTabs basePath={basePath} state={linkState} />
      </div>
      {result.totalCapped && (
        <p className="text-sm text-stone-600 dark:text-stone-300" data-testid="capped-note">
          More than {result.total.toLocaleString("en")} entries match; only the newest{" "}
          {result.total.toLocaleString("en")} of them are ranked and listed. Add words or filters to narrow the search.
        </p>
      )}
      {result.entries.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-stone-300 p-8 text-center dark:border-stone-700"
          data-testid="empty-state"
        >
          <p className="font-medium">{state.q ? "No entries match this search." : "No entries match these filters."}</p>
          {filtered || state.page > 1 ? (
            <Link
              href={`${basePath}${browseQuery({ filters: { tags: [] }, sort: defaultSort(state), page: 1, q: state.q })}`}
              className="mt-3 inline-block rounded-md bg-amber-500 px-3 py-1.5 text-sm font-medium text-stone-950 hover:bg-amber-400"
            >
              Clear filters
            </Link>
          ) : (
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
              {state.q ? "Try fewer or other words." : "Nothing has been submitted here yet."}
            </p>
          )}
        </div>
      ) : (
        <ol className="space-y-3">
          {result.entries.map((entry) => (
            <li key={entry.id}>
              <EntryCard entry={entry} now={now} />
            </li>
          ))}
        </ol>
      )}
      <Pagination basePath={basePath} state={linkState} pageCount={result.pageCount} />
    </div>
  );
}
