import { EntryBrowser } from "@/components/entries/EntryBrowser";
import { db } from "@/lib/db";
import type { BrowseState } from "@/lib/entries/browse-params";
import { listEntries, listLanguages } from "@/lib/entries/list-entries";
import type { Viewer } from "@/lib/entries/visibility";

/** The home page's list, for a viewer; the cached pages pass null (what everyone sees). */
export async function HomeView({ state, viewer }: { state: BrowseState; viewer: Viewer }) {
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
