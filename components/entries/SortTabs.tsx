import Link from "next/link";
import { type BrowseState, browseQuery, SEARCH_SORTS, SORT_LABELS, SORTS } from "@/lib/entries/browse-params";

export function SortTabs({ basePath, state }: { basePath: string; state: BrowseState }) {
  return (
    <nav aria-label="Sort entries" className="flex gap-1 rounded-lg bg-stone-200/70 p-1 text-sm dark:bg-stone-800">
      {(state.q === undefined ? SORTS : SEARCH_SORTS).map((sort) => {
        const active = state.sort === sort;
        return (
          <Link
            key={sort}
            href={`${basePath}${browseQuery({ ...state, sort, page: 1 })}`}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1 ${active ? "bg-white font-medium shadow-sm dark:bg-stone-950" : "text-stone-600 hover:text-stone-950 dark:text-stone-300 dark:hover:text-white"}`}
          >
            {SORT_LABELS[sort]}
          </Link>
        );
      })}
    </nav>
  );
}
