import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ModerationTools } from "@/components/review/ModerationTools";
import { AgentMark } from "@/components/revisions/AgentMark";
import { RevisionDiffView } from "@/components/revisions/RevisionDiffView";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { isModerator } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { entryHeaderForRender } from "@/lib/entries/get-entry";
import type { EntryStatus } from "@/lib/entries/taxonomy";
import { entryPath } from "@/lib/entries/visibility";
import { formatDate } from "@/lib/format";
import { diffRevisions } from "@/lib/revisions/diff";
import { entryHistory } from "@/lib/revisions/history";
import { getRevisionContent, type RevisionStatus } from "@/lib/revisions/snapshots";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUS_TONE = { accepted: "green", pending: "amber", rejected: "red" } as const satisfies Record<
  RevisionStatus,
  string
>;
const STATUS_CHANGE_TONE: Record<string, BadgeTone> = {
  approved: "green",
  pending: "amber",
  rejected: "red",
  archived: "neutral",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await entryHeaderForRender((await params).slug);
  return { title: entry ? `History of ${entry.title}` : "Entry not found" };
}

function revisionNumber(value: string | string[] | undefined, fallback: number | undefined): number | undefined {
  const parsed = Number.parseInt(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""), 10);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

export default async function HistoryPage({ params, searchParams }: Props) {
  // Entry, revisions, diff and status changes: each read as this viewer may see it.
  const [entry, viewer] = await Promise.all([entryHeaderForRender((await params).slug), getCurrentUser()]);
  if (!entry) notFound();
  const { revisions, statusChanges } = await entryHistory({ db, entry, viewer });
  const accepted = revisions.filter((revision) => revision.status === "accepted");
  const query = await searchParams;
  const proposed = revisionNumber(query.proposed, undefined);
  const to = revisionNumber(query.to, revisions[0]?.number);
  const from = revisionNumber(query.from, revisions[1]?.number);
  const [fromContent, toContent] =
    from === undefined || to === undefined
      ? [null, null]
      : await Promise.all([
          getRevisionContent({ db, entryId: entry.id, number: from, viewer }),
          getRevisionContent({ db, entryId: entry.id, number: to, viewer }),
        ]);

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={entryPath(entry)}
          className="text-sm text-stone-600 hover:text-amber-700 dark:text-stone-300 dark:hover:text-amber-400"
        >
          ← Back to the entry
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">History of &ldquo;{entry.title}&rdquo;</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-300">
          Every revision, proposed, accepted or rejected. Pick two to compare.{" "}
          <Link href={`/entries/${entry.slug}/edit`} className="text-amber-700 underline dark:text-amber-400">
            Edit this entry
          </Link>
        </p>
      </div>
      {proposed !== undefined && (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100"
        >
          Thanks! Your revision #{proposed} waits for a moderator. You will see the outcome on your profile.
        </p>
      )}
      {isModerator(viewer) && (
        <ModerationTools
          entryId={entry.id}
          status={entry.status as EntryStatus}
          rollbackTargets={accepted.slice(1).map((revision) => revision.number)}
        />
      )}
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
                  <td className="px-3 py-2">
                    <input
                      type="radio"
                      name="from"
                      value={revision.number}
                      defaultChecked={revision.number === from}
                      aria-label={`Compare from revision ${revision.number}`}
                    />
                  </td>
                  <td className="px-3 py-2">
                    <input
                      type="radio"
                      name="to"
                      value={revision.number}
                      defaultChecked={revision.number === to}
                      aria-label={`Compare to revision ${revision.number}`}
                    />
                  </td>
                  <td className="px-3 py-2 font-mono">#{revision.number}</td>
                  <td className="px-3 py-2">
                    {revision.summary || "No summary"}
                    {revision.reviewNote && (
                      <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                        {revision.reviewerHandle ? `@${revision.reviewerHandle}` : "A moderator"}: {revision.reviewNote}
                      </p>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {revision.authorHandle ? `@${revision.authorHandle}` : "@anonymous"}
                    {revision.agentClient && <AgentMark name={revision.agentClient} />}
                  </td>
                  <td className="px-3 py-2">
                    <time dateTime={revision.createdAt.toISOString()}>{formatDate(revision.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS_TONE[revision.status]}>{revision.status}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 && (
          <button
            type="submit"
            className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900"
          >
            Compare
          </button>
        )}
      </form>
      {statusChanges.length > 0 && (
        <section aria-labelledby="status-heading" className="space-y-2">
          <h2 id="status-heading" className="text-xl font-semibold">
            Status changes
          </h2>
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800">
            {statusChanges.map((change) => (
              <li key={change.id} className="flex flex-wrap gap-x-3 px-4 py-2">
                <span>
                  <Badge tone={STATUS_CHANGE_TONE[change.toStatus] ?? "neutral"}>{change.toStatus}</Badge> from{" "}
                  {change.fromStatus}
                </span>
                <span className="flex-1">{change.reason}</span>
                <span className="text-stone-500 dark:text-stone-400">
                  {change.actorHandle ? `@${change.actorHandle}` : "a moderator"} ·{" "}
                  <time dateTime={change.createdAt.toISOString()}>{formatDate(change.createdAt)}</time>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {revisions.length < 2 ? (
        <p className="text-stone-600 dark:text-stone-300">
          Only the original submission exists; there is nothing to compare yet.
        </p>
      ) : fromContent && toContent ? (
        <section aria-labelledby="diff-heading" className="space-y-3">
          <h2 id="diff-heading" className="text-xl font-semibold">
            Changes from #{fromContent.number} to #{toContent.number}
          </h2>
          <RevisionDiffView diff={diffRevisions(fromContent, toContent)} />
        </section>
      ) : (
        <p role="alert" className="text-red-700 dark:text-red-400">
          This entry has no revision with that number.
        </p>
      )}
    </div>
  );
}
