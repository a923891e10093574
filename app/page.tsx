import { EntryBrowser } from "@/components/entries/EntryBrowser";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";
import { listEntries, listLanguages } from "@/lib/entries/list-entries";

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const state = parseBrowseState(await searchParams);
  const viewer = await getCurrentUser();
  const [result, languages] = await Promise.all([listEntries({ db, viewer, ...state }), listLanguages({ db, viewer })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Programming patterns, gotchas and fixes</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Browse what developers have learned the hard way. Filter by category, language, status or tag.
        </p>
      </div>
      <EntryBrowser basePath="/" state={state} result={result} languages={languages} />
    </div>
  );
}
