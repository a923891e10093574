import type { Metadata } from "next";
import { EntryBrowser } from "@/components/entries/EntryBrowser";
import { SearchForm } from "@/components/search/SearchForm";
import { db } from "@/lib/db";
import type { BrowseState } from "@/lib/entries/browse-params";
import { listLanguages } from "@/lib/entries/list-entries";
import type { Viewer } from "@/lib/entries/visibility";
import { searchEntries } from "@/lib/search/search-entries";

export function searchMetadata(state: BrowseState): Metadata {
  const q = state.q?.trim();
  return { title: q ? `Search: ${q.length > 60 ? `${q.slice(0, 60)}…` : q}` : "Search", robots: { index: false } };
}

/** The search page for a viewer; the cached pages pass null (what everyone sees). */
export async function SearchView({ state, viewer }: { state: BrowseState; viewer: Viewer }) {
  const [result, languages] = await Promise.all([
    searchEntries({ db, query: state.q ?? "", viewer, ...state }),
    listLanguages({ db, viewer }),
  ]);
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight">Search</h1>
        <SearchForm query={state.q ?? ""} />
      </div>
      <EntryBrowser basePath="/search" state={state} result={result} languages={languages} />
    </div>
  );
}
