import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/Badge";
import { RevisionDiffView } from "@/components/revisions/RevisionDiffView";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { getEntryHeader } from "@/lib/entries/get-entry";
import { diffRevisions } from "@/lib/revision-diff";
import { getRevisionContent, listAllRevisions, type RevisionStatus } from "@/lib/revisions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_TONE = { accepted: "green", pending: "amber", rejected: "red" } as const satisfies Record<RevisionStatus, string>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await getEntryHeader({ db, slug: (await params).slug });
  return { title: entry ? `History of ${entry.title}` : "Entry not found" };
}

function revisionNumber(value: string | string[] | undefined, fallback: number | undefined): number | undefined {
  const parsed = Number.parseInt(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""), 10);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const entry = await getEntryHeader({ db, slug: (await params).slug });
  if (!entry) notFound();
  const revisions = await listAllRevisions({ db, entryId: entry.id });
  const query = await searchParams;
  const to = revisionNumber(query.to, revisions[0]?.number);
  const from = revisionNumber(query.from, revisions[1]?.number);
  const [fromContent, toContent] = from === undefined || to === undefined ? [null, null] : await Promise.all([getRevisionContent({ db, entryId: entry.id, number: from }), getRevisionContent({ db, entryId: entry.id, number: to })]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/entries/${entry.slug}`} className="text-sm text-stone-600 hover:text-amber-700 dark:text-stone-300 dark:hover:text-amber-400">← Back to the entry</Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">History of &ldquo;{entry.title}&rdquo;</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-300">Every revision, proposed, accepted or rejected. Pick two to compare.</p>
      </div>
      <form method="get" className="space-y-3">
        <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
          <table className="w-full text-sm">
            <thead className="bg-stone-100 text-left dark:bg-stone-900">
              <tr>
                <th className="px-3 py-2">From</th>
                <th className="px-3 py-2">To</th>
                <th className="px-3 py-2">Revision</th>
                <th className="px-3 py-2">Summary</th>
                <th className="px-3 py-2">Author</th>
                <th className="px-3 py-2">Date</th>
                <th className="px-3 py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {revisions.map((revision) => (
                <tr key={revision.id}>
                  <td className="px-3 py-2"><input type="radio" name="from" value={revision.number} defaultChecked={revision.number === from} aria-label={`Compare from revision ${revision.number}`} /></td>
                  <td className="px-3 py-2"><input type="radio" name="to" value={revision.number} defaultChecked={revision.number === to} aria-label={`Compare to revision ${revision.number}`} /></td>
                  <td className="px-3 py-2 font-mono">#{revision.number}</td>
                  <td className="px-3 py-2">{revision.summary || "No summary"}</td>
                  <td className="px-3 py-2">{revision.authorHandle ? `@${revision.authorHandle}` : "@anonymous"}</td>
                  <td className="px-3 py-2"><time dateTime={revision.createdAt.toISOString()}>{formatDate(revision.createdAt)}</time></td>
                  <td className="px-3 py-2"><Badge tone={STATUS_TONE[revision.status]}>{revision.status}</Badge></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 && (
          <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900">
            Compare
          </button>
        )}
      </form>
      {revisions.length < 2 ? (
        <p className="text-stone-600 dark:text-stone-300">Only the original submission exists; there is nothing to compare yet.</p>
      ) : fromContent && toContent ? (
        <section aria-labelledby="diff-heading" className="space-y-3">
          <h2 id="diff-heading" className="text-xl font-semibold">Changes from #{fromContent.number} to #{toContent.number}</h2>
          <RevisionDiffView diff={diffRevisions(fromContent, toContent)} />
        </section>
      ) : (
        <p role="alert" className="text-red-700 dark:text-red-400">This entry has no revision with that number.</p>
      )}
    </div>
  );
}
