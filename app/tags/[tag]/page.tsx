import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { TagView, tagMetadata } from "@/app/tags/[tag]/tag-view";
import { getCurrentUser } from "@/lib/auth/session";
import { browseQuery, parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";
import { tagFromSegment, tagPath } from "@/lib/tags/names";

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).tag);
}

// Other spellings of a tag, and views that differ per visitor; the others are served from
// app/views/tags (proxy.ts).
export default async function TagPage({ params, searchParams }: Props) {
  const segment = (await params).tag;
  const tag = tagFromSegment(segment);
  const parsed = parseBrowseState(await searchParams);
  // "GIL" and "gil" are one tag: send other spellings to the canonical address.
  if (tagPath(tag) !== `/tags/${segment}`) permanentRedirect(`${tagPath(tag)}${browseQuery(parsed)}`);
  return <TagView tag={tag} parsed={parsed} viewer={await getCurrentUser()} />;
}
