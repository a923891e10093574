import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { markReportsReviewedAction, reviewEntryAction, reviewRevisionAction } from "@/app/review/actions";
import { QueueItem } from "@/components/review/QueueItem";
import { QueueSection } from "@/components/review/QueueSection";
import { WrongReports } from "@/components/review/WrongReports";
import { RevisionDiffView } from "@/components/revisions/RevisionDiffView";
import { isModerator } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countUnverifiedEntries } from "@/lib/entries/unverified";
import { verificationMaxAgeMonths } from "@/lib/entries/verification";
import { entriesReportedWrong } from "@/lib/outcomes";
import { DiffBudget, diffLength, diffRevisions, NO_CONTENT, type RevisionContent } from "@/lib/revisions/diff";
import { reviewQueue } from "@/lib/revisions/review";

export const metadata: Metadata = { title: "Review queue" };

/**
 * Characters of changes each queue item shows, and the whole page (up to 50 items): the rest is
 * a link away. A queue of huge submissions would otherwise make a page of megabytes, and rendering
 * it would hold the server up for every other request.
 */
const ITEM_DIFF_CHARS = 8_000;
const PAGE_DIFF_CHARS = 100_000;

export default async function ReviewPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Freview");
  if (!isModerator(user)) {
    return (
      <div className="mx-auto max-w-xl space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Review queue</h1>
        <p role="alert">
          Only moderators can review submissions. Your own proposals and their outcomes are on{" "}
          <Link href={`/users/${user.handle}`} className="text-amber-700 underline dark:text-amber-400">
            your profile
          </Link>
          .
        </p>
      </div>
    );
  }
  const [queue, reportedWrong, unverified] = await Promise.all([
    reviewQueue({ db }),
    entriesReportedWrong({ db }),
    countUnverifiedEntries({ db, now: new Date(), maxAgeMonths: verificationMaxAgeMonths() }),
  ]);
  // One budget for every diff on the page: a queue of huge rewrites is compared more coarsely
  // rather than holding up the server, and shown in part.
  const budget = new DiffBudget();
  let charsLeft = PAGE_DIFF_CHARS;
  const queueDiff = (from: RevisionContent, to: RevisionContent, href: string) => {
    const diff = diffRevisions(from, to, budget);
    const maxChars = Math.min(ITEM_DIFF_CHARS, charsLeft);
    charsLeft -= Math.min(diffLength(diff), maxChars);
    return { diff, clip: { maxChars, href } };
  };
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Review queue</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          New entries and proposed revisions, oldest first. Approving shows them to everyone; rejecting needs a note,
          which the author sees on their profile. What coding agents wrote is marked &ldquo;via agent&rdquo;.
        </p>
        <p className="mt-2 text-sm">
          <Link href="/review/unverified" className="font-medium text-amber-700 hover:underline dark:text-amber-400">
            Not verified recently ({unverified.toLocaleString("en")})
          </Link>{" "}
          <span className="text-stone-600 dark:text-stone-300">
            — approved entries whose code nobody has run lately, to check and update.
          </span>
        </p>
      </div>

      {reportedWrong.length > 0 && <WrongReports reports={reportedWrong} action={markReportsReviewedAction} />}

      <QueueSection
        id="pending-entries"
        heading="New entries"
        total={queue.entryTotal}
        shown={queue.entries.length}
        emptyText="No entries wait for review."
      >
        {queue.entries.map((entry) => (
          <QueueItem
            key={entry.id}
            label={`Entry: ${entry.title}`}
            href={`/entries/${entry.slug}`}
            title={entry.title}
            byline="New entry"
            authorHandle={entry.authorHandle}
            agentClient={entry.agentClient}
            createdAt={entry.createdAt}
            action={reviewEntryAction}
            hidden={{ entryId: entry.id }}
          >
            <details>
              <summary className="cursor-pointer text-sm font-medium">Show the submission</summary>
              <div className="mt-2">
                <RevisionDiffView {...queueDiff(NO_CONTENT, entry.content, `/entries/${entry.slug}`)} />
              </div>
            </details>
          </QueueItem>
        ))}
      </QueueSection>

      <QueueSection
        id="proposed-revisions"
        heading="Proposed revisions"
        total={queue.revisionTotal}
        shown={queue.revisions.length}
        emptyText="No revisions wait for review."
      >
        {queue.revisions.map((revision) => (
          <QueueItem
            key={revision.id}
            label={`Revision #${revision.number} of ${revision.entry.title}`}
            href={`/entries/${revision.entry.slug}/history`}
            title={
              <>
                {revision.entry.title} <span className="font-mono text-stone-500">#{revision.number}</span>
              </>
            }
            byline={<>&ldquo;{revision.summary}&rdquo;</>}
            authorHandle={revision.authorHandle}
            agentClient={revision.agentClient}
            createdAt={revision.createdAt}
            action={reviewRevisionAction}
            hidden={{ revisionId: revision.id }}
          >
            <RevisionDiffView
              {...queueDiff(
                revision.base ?? NO_CONTENT,
                revision.proposed,
                `/entries/${revision.entry.slug}/history?${revision.baseNumber === null ? "" : `from=${revision.baseNumber}&`}to=${revision.number}`,
              )}
            />
          </QueueItem>
        ))}
      </QueueSection>
    </div>
  );
}
