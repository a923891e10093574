import Link from "next/link";
import { AutoSubmit } from "@/components/entries/AutoSubmit";
import { type BrowseState, browseQuery, defaultSort, withFilters } from "@/lib/entries/browse-params";
import { CATEGORIES, capitalize, STATUSES } from "@/lib/entries/taxonomy";

const selectClass =
  "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

/** The filter form: a plain GET form, so filters live in the URL and work without JavaScript. */
export function BrowseFilters({
  basePath,
  state,
  languages,
}: {
  basePath: string;
  /** On a tag page, without the tag of the path. */
  state: BrowseState;
  languages: string[];
}) {
  const { filters } = state;
  return (
    // Keyed by the state so that client-side navigation (back/forward) resets the selects.
    <form
      key={browseQuery(state)}
      method="get"
      action={basePath}
      className="flex flex-wrap items-end gap-3"
      aria-label="Filter entries"
    >
      <AutoSubmit />
      {state.q !== undefined && <input type="hidden" name="q" value={state.q} />}
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-300">
        Category
        <select name="category" defaultValue={filters.category ?? ""} className={selectClass}>
          <option value="">All categories</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {capitalize(category)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-300">
        Language
        <select name="language" defaultValue={filters.language ?? ""} className={selectClass}>
          <option value="">All languages</option>
          {[...new Set([...languages, ...(filters.language ? [filters.language] : [])])].map((language) => (
            <option key={language} value={language}>
              {language}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600 dark:text-stone-300">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={selectClass}>
          <option value="">Approved and pending</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {capitalize(status)}
            </option>
          ))}
          <option value="all">Any status</option>
        </select>
      </label>
      {filters.tags.map((tag) => (
        <input key={tag} type="hidden" name="tag" value={tag} />
      ))}
      {state.sort !== defaultSort(state) && <input type="hidden" name="sort" value={state.sort} />}
      <button
        type="submit"
        className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-white"
      >
        Apply
      </button>
      {filters.tags.length > 0 && (
        <div className="flex w-full flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600 dark:text-stone-300">Tagged:</span>
          {filters.tags.map((tag) => (
            <Link
              key={tag}
              href={`${basePath}${browseQuery(withFilters(state, { tags: filters.tags.filter((t) => t !== tag) }))}`}
              className="inline-flex items-center gap-1 rounded bg-amber-100 px-2 py-0.5 font-mono text-xs text-amber-950 hover:bg-amber-200 dark:bg-amber-900/50 dark:text-amber-100"
              aria-label={`Remove tag filter ${tag}`}
            >
              {tag} <span aria-hidden="true">×</span>
            </Link>
          ))}
        </div>
      )}
    </form>
  );
}
