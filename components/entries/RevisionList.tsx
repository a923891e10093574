import { AgentMark } from "@/components/revisions/AgentMark";
import { formatDate } from "@/lib/format";
import type { RevisionSummary } from "@/lib/revisions/snapshots";

export function RevisionList({ revisions, total }: { revisions: RevisionSummary[]; total: number }) {
  if (total === 0) return <p className="text-stone-600 dark:text-stone-300">No revisions yet.</p>;
  return (
    <div className="space-y-2">
      <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800">
        {revisions.map((revision) => (
          <li key={revision.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 text-sm">
            <span className="font-mono text-stone-500">#{revision.number}</span>
            <span className="flex-1">{revision.summary || "No summary"}</span>
            <span className="text-stone-500 dark:text-stone-400">
              {revision.authorHandle ? `@${revision.authorHandle}` : "@anonymous"}
              {revision.agentClient && <AgentMark name={revision.agentClient} />} ·{" "}
              <time dateTime={revision.createdAt.toISOString()}>{formatDate(revision.createdAt)}</time>
            </span>
          </li>
        ))}
      </ol>
      {total > revisions.length && (
        <p className="text-sm text-stone-600 dark:text-stone-300">
          Showing the latest {revisions.length} of {total} revisions.
        </p>
      )}
    </div>
  );
}
