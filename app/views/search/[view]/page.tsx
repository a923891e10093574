import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SearchView, searchMetadata } from "@/app/search/search-view";
import { stateFromViewKey } from "@/lib/entries/view-keys";

type Props = { params: Promise<{ view: string }> };

// A cached search (proxy.ts): a repeated query is a cached page, a new one costs what the
// database takes; see app/views/home/[view]/page.tsx.
export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ view: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = stateFromViewKey((await params).view, { search: true });
  return state ? searchMetadata(state) : {};
}

export default async function CachedSearchPage({ params }: Props) {
  const state = stateFromViewKey((await params).view, { search: true });
  if (!state) notFound();
  return <SearchView state={state} viewer={null} />;
}
