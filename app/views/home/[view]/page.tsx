import { notFound } from "next/navigation";
import { HomeView } from "@/app/home-view";
import { stateFromViewKey } from "@/lib/entries/view-keys";

// A cached home page view (proxy.ts), rendered on first request like entry pages and revalidated
// when entries change (lib/page-cache.ts); 300 s bounds how stale other app servers can be.
export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ view: string }[]> {
  return [];
}

export default async function CachedHomePage({ params }: { params: Promise<{ view: string }> }) {
  const state = stateFromViewKey((await params).view);
  if (!state) notFound();
  return <HomeView state={state} viewer={null} />;
}
