import type { Metadata } from "next";
import { EntryBrowser } from "@/components/entries/EntryBrowser";
import { SearchForm } from "@/components/search/SearchForm";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";
import { listLanguages } from "@/lib/entries/list-entries";
import { searchEntries } from "@/lib/search/search-entries";

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = parseBrowseState(await searchParams, { search: true }).q?.trim();
  return { title: q ? `Search: ${q.length > 60 ? `${q.slice(0, 60)}…` : q}` : "Search", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const state = parseBrowseState(await searchParams, { search: true });
  const viewer = await getCurrentUser();
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
