import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TagView, tagMetadata } from "@/app/tags/[tag]/tag-view";
import { stateFromViewKey } from "@/lib/entries/view-keys";
import { tagFromSegment } from "@/lib/tags/names";

type Props = { params: Promise<{ tag: string; view: string }> };

// A cached tag page view (proxy.ts); see app/views/home/[view]/page.tsx.
export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ tag: string; view: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).tag);
}

export default async function CachedTagPage({ params }: Props) {
  const { tag, view } = await params;
  const parsed = stateFromViewKey(view);
  if (!parsed) notFound();
  return <TagView tag={tagFromSegment(tag)} parsed={parsed} viewer={null} />;
}
