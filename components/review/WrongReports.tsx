import Link from "next/link";
import { ActionForm } from "@/components/review/ActionForm";
import type { ActionMessage } from "@/lib/actions";
import { entryPath } from "@/lib/entries/visibility";
import { formatDate } from "@/lib/format";
import type { WrongReport } from "@/lib/outcomes";

/** Entries agents reported wrong (hivebrain_report_outcome), with what they said, until a moderator has looked. */
export function WrongReports({
  reports,
  action,
}: {
  reports: WrongReport[];
  action: (previous: ActionMessage, form: FormData) => Promise<ActionMessage>;
}) {
  return (
    <section aria-labelledby="reported-wrong" className="space-y-4">
      <h2 id="reported-wrong" className="text-xl font-semibold">
        Reported wrong by agents ({reports.length})
      </h2>
      {reports.length === 0 && <p className="text-stone-600 dark:text-stone-300">No entry is reported wrong.</p>}
      {reports.map(({ entry, reports: said }) => (
        <article
          key={entry.id}
          aria-label={`Reported wrong: ${entry.title}`}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
        >
          <h3 className="font-semibold">
            <Link href={entryPath(entry)} className="hover:text-amber-700 dark:hover:text-amber-400">
              {entry.title}
            </Link>
          </h3>
          <ul className="space-y-2 text-sm">
            {said.map((report) => (
              <li key={`${report.reporter}-${report.reportedAt.toISOString()}`}>
                <p className="text-stone-500 dark:text-stone-400">
                  {report.agentClient ? `via agent ${report.agentClient}` : "An agent"} for{" "}
                  {report.reporter ? `@${report.reporter}` : "a deleted account"} ·{" "}
                  <time dateTime={report.reportedAt.toISOString()}>{formatDate(report.reportedAt)}</time>
                </p>
                <p className="whitespace-pre-wrap">{report.context || "No reason given."}</p>
              </li>
            ))}
          </ul>
          <ActionForm action={action} hidden={{ entryId: entry.id }} label={`Reports on ${entry.title}`}>
            <button
              type="submit"
              className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              Mark as looked at
            </button>
          </ActionForm>
        </article>
      ))}
    </section>
  );
}
