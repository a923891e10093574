import { HomeView } from "@/app/home-view";
import { getCurrentUser } from "@/lib/auth/session";
import { parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";

// Views that differ per visitor; the others are served from app/views/home (proxy.ts).
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  return <HomeView state={parseBrowseState(await searchParams)} viewer={await getCurrentUser()} />;
}
