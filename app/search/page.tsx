import type { Metadata } from "next";
import { SearchView, searchMetadata } from "@/app/search/search-view";
import { getCurrentUser } from "@/lib/auth/session";
import { parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(parseBrowseState(await searchParams, { search: true }));
}

// Searches that differ per visitor; the others are served from app/views/search (proxy.ts).
export default async function SearchPage({ searchParams }: Props) {
  return <SearchView state={parseBrowseState(await searchParams, { search: true })} viewer={await getCurrentUser()} />;
}
