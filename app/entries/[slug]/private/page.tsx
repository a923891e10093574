import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EntryArticle } from "@/components/entries/EntryArticle";
import { entryForViewerRender } from "@/lib/entries/get-entry";
import { isPublicEntry } from "@/lib/entries/visibility";

// A private (rejected) entry's page, for the only people who may see it: its author and the
// moderators. The entry page itself is static and cached for everyone, so it cannot tell them
// apart; this one is rendered for each request from the session and never cached. For anyone
// else the entry does not exist (404); a public entry's address here leads to its own page.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const entry = await entryForViewerRender((await params).slug);
  return { title: entry ? entry.title : "Entry not found", robots: { index: false } };
}

export default async function PrivateEntryPage({ params }: Params) {
  const entry = await entryForViewerRender((await params).slug);
  if (!entry) notFound();
  if (isPublicEntry(entry)) redirect(`/entries/${entry.slug}`);
  return (
    <EntryArticle
      entry={entry}
      notice={
        <p
          role="note"
          className="rounded-md bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950/50 dark:text-red-100"
          data-testid="private-entry-notice"
        >
          This entry was rejected: only its author and moderators can see it.{" "}
          <Link href={`/entries/${entry.slug}/history`} className="font-medium underline">
            Its history
          </Link>{" "}
          says why.
        </p>
      }
    />
  );
}
