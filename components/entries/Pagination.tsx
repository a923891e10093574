import Link from "next/link";
import { type BrowseState, browseQuery } from "@/lib/entries/browse-params";

/** A run of skipped pages, named by the page shown after it. */
interface Gap {
  gapBefore: number;
}

/** Page numbers around the current page, with the first and last always reachable. */
export function pageWindow(page: number, pageCount: number): (number | Gap)[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => {
    const previous = sorted[i - 1];
    return previous !== undefined && n - previous > 1 ? [{ gapBefore: n }, n] : [n];
  });
}

export function Pagination({
  basePath,
  state,
  pageCount,
}: {
  basePath: string;
  state: BrowseState;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const href = (page: number) => `${basePath}${browseQuery({ ...state, page })}`;
  const linkClass =
    "rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-center gap-1 text-sm">
      {state.page > 1 && (
        <Link href={href(state.page - 1)} rel="prev" className={linkClass}>
          Previous
        </Link>
      )}
      {pageWindow(state.page, pageCount).map((item) =>
        typeof item === "object" ? (
          <span key={`gap-${item.gapBefore}`} className="px-2 text-stone-500">
            …
          </span>
        ) : item === state.page ? (
          <span
            key={item}
            aria-current="page"
            className="rounded-md bg-stone-900 px-3 py-1 font-medium text-white dark:bg-stone-100 dark:text-stone-900"
          >
            {item}
          </span>
        ) : (
          <Link key={item} href={href(item)} className={linkClass} aria-label={`Page ${item}`}>
            {item}
          </Link>
        ),
      )}
      {state.page < pageCount && (
        <Link href={href(state.page + 1)} rel="next" className={linkClass}>
          Next
        </Link>
      )}
    </nav>
  );
}
