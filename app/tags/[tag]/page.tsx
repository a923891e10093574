import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { EntryBrowser } from "@/components/entries/EntryBrowser";
import { RelatedTags } from "@/components/tags/RelatedTags";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { browseQuery, parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";
import { listEntries, listLanguages } from "@/lib/entries/list-entries";
import { tagFromSegment, tagPath } from "@/lib/tags/names";
import { relatedTags, tagExists } from "@/lib/tags/store";

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tagged ${tagFromSegment((await params).tag)}` };
}

export default async function TagPage({ params, searchParams }: Props) {
  const segment = (await params).tag;
  const tag = tagFromSegment(segment);
  const viewer = await getCurrentUser();
  if (!(await tagExists({ db, name: tag, viewer }))) notFound();

  const parsed = parseBrowseState(await searchParams);
  // "GIL" and "gil" are one tag: send other spellings to the canonical address.
  if (tagPath(tag) !== `/tags/${segment}`) permanentRedirect(`${tagPath(tag)}${browseQuery(parsed)}`);

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
