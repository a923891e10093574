import { QueryField } from "@/components/search/QueryField";

/** The search page's own box, prefilled with the query, with a reminder of the syntax. */
export function SearchForm({ query }: { query: string }) {
  return (
    <search aria-label="Search entries">
      <form action="/search" method="get" className="space-y-1.5">
        <div className="flex gap-2">
          <label htmlFor="search-query" className="sr-only">
            Search query
          </label>
          <QueryField key={query} query={query} />
          <button
            type="submit"
            className="self-start rounded-md bg-amber-500 px-4 py-2 text-sm font-medium text-stone-950 hover:bg-amber-400"
          >
            Search
          </button>
        </div>
        <p className="text-xs text-stone-500 dark:text-stone-400">
          <code>[tag]</code> narrows to a tag, <code>category:</code>, <code>language:</code> and <code>status:</code>{" "}
          filter, <code>&quot;quoted words&quot;</code> must appear together. Paste an error message as it is.
        </p>
      </form>
    </search>
  );
}
