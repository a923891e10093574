import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntryArticle } from "@/components/entries/EntryArticle";
import { publicEntryForRender } from "@/lib/entries/get-entry";

// Entry pages are static HTML: rendered on first request, cached, and revalidated on demand
// (revalidatePath) when the entry changes. Anything per visitor (the view count, the
// visitor's vote, who is signed in) is fetched by client components after load, never read here.
// So the page shows an entry as anyone may see it: a private (rejected) entry is not found here,
// for everyone, and its cached HTML holds nothing of it; its author and moderators read it at
// /entries/<slug>/private, rendered per request (lib/entries/visibility.ts, entryPath).
export const dynamicParams = true;
// A backstop for sites with several app servers and no shared cache (REDIS_URL): revalidatePath
// only clears the cache of the server that made the change, so other servers re-render a page at
// most this often.
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const entry = await publicEntryForRender((await params).slug);
  if (!entry) return { title: "Entry not found" };
  return { title: entry.title, description: entry.problem.slice(0, 160) };
}

export default async function EntryPage({ params }: Params) {
  const entry = await publicEntryForRender((await params).slug);
  if (!entry) notFound();
  return <EntryArticle entry={entry} />;
}
