import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntryBrowser } from "@/components/entries/EntryBrowser";
import { RelatedTags } from "@/components/tags/RelatedTags";
import { db } from "@/lib/db";
import type { BrowseState } from "@/lib/entries/browse-params";
import { listEntries, listLanguages } from "@/lib/entries/list-entries";
import type { Viewer } from "@/lib/entries/visibility";
import { tagFromSegment, tagPath } from "@/lib/tags/names";
import { relatedTags, tagExists } from "@/lib/tags/store";

/** The title of a tag's page, from its /tags/<segment>. */
export function tagMetadata(segment: string): Metadata {
  return { title: `Tagged ${tagFromSegment(segment)}` };
}

/** A tag's page for a viewer (null in the cached pages): `parsed` is the rest of its filters. */
export async function TagView({ tag, parsed, viewer }: { tag: string; parsed: BrowseState; viewer: Viewer }) {
  if (!(await tagExists({ db, name: tag, viewer }))) notFound();
  const state = {
    ...parsed,
    filters: { ...parsed.filters, tags: [tag, ...parsed.filters.tags.filter((t) => t !== tag)] },
  };
  const [result, languages, related] = await Promise.all([
    listEntries({ db, viewer, ...state }),
    listLanguages({ db, viewer }),
    relatedTags({ db, name: tag }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <Link
          href="/tags"
          className="text-sm text-stone-600 hover:text-amber-700 dark:text-stone-300 dark:hover:text-amber-400"
        >
          ← All tags
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">
          Entries tagged <span className="font-mono text-amber-700 dark:text-amber-400">{tag}</span>
        </h1>
      </div>
      <RelatedTags tags={related} />
      <EntryBrowser basePath={tagPath(tag)} state={state} result={result} languages={languages} lockedTag={tag} />
    </div>
  );
}
