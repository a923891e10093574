import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiTokens } from "@/components/api/ApiTokens";
import { AccountSecurity } from "@/components/auth/AccountSecurity";
import { EntryCard } from "@/components/entries/EntryCard";
import { AgentMark } from "@/components/revisions/AgentMark";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { listApiTokens } from "@/lib/api-tokens";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { capitalize } from "@/lib/entries/taxonomy";
import { entryPath } from "@/lib/entries/visibility";
import { formatDate } from "@/lib/format";
import { getProfile, REPUTATION_PER_ACCEPTED_REVISION } from "@/lib/profiles";
import { reviewOutcomes } from "@/lib/revisions/review";

type Props = { params: Promise<{ handle: string }> };

const OUTCOME_TONE: Record<string, BadgeTone> = {
  accepted: "green",
  approved: "green",
  pending: "amber",
  rejected: "red",
  archived: "neutral",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `@${decodeURIComponent((await params).handle)}` };
}

export default async function ProfilePage({ params }: Props) {
  const handle = decodeURIComponent((await params).handle).toLowerCase();
  const viewer = await getCurrentUser();
  const profile = await getProfile({ db, handle, viewer });
  if (!profile) notFound();
  const seesPrivate = profile.viewerSeesPrivate;
  const isOwner = viewer?.id === profile.id;
  const [outcomes, tokens] = await Promise.all([
    seesPrivate ? reviewOutcomes({ db, userId: profile.id }) : [],
    isOwner ? listApiTokens({ db, userId: profile.id }) : [],
  ]);
  const now = new Date();
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">@{profile.handle}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-stone-600 dark:text-stone-300">
            {profile.role !== "user" && <Badge tone="violet">{capitalize(profile.role)}</Badge>}
            Joined <time dateTime={profile.joinedAt.toISOString()}>{formatDate(profile.joinedAt)}</time>
          </p>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white px-4 py-3 text-right dark:border-stone-800 dark:bg-stone-900">
          <p className="text-2xl font-bold" data-testid="reputation">
            {profile.reputation}
          </p>
          <p className="text-xs text-stone-500 dark:text-stone-400">reputation</p>
        </div>
      </header>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        Reputation is the sum of the votes on @{profile.handle}&apos;s entries ({profile.voteTotal >= 0 ? "+" : ""}
        {profile.voteTotal}: +1 per up vote, −1 per down vote) plus {REPUTATION_PER_ACCEPTED_REVISION} for each accepted
        revision of an entry.
      </p>

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-xl font-semibold">
          Entries ({profile.entries.length})
        </h2>
        {profile.entries.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">No entries yet.</p>
        ) : (
          <ol className="space-y-3">
            {profile.entries.map((entry) => (
              <li key={entry.id}>
                <EntryCard entry={entry} now={now} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {seesPrivate && (
        <section aria-labelledby="outcomes-heading" className="space-y-3">
          <h2 id="outcomes-heading" className="text-xl font-semibold">
            Reviews of your contributions
          </h2>
          <p className="text-sm text-stone-600 dark:text-stone-300">
            Only you and moderators see this: your proposed revisions and what moderators decided about your entries.
          </p>
          {outcomes.length === 0 ? (
            <p className="text-stone-600 dark:text-stone-300">Nothing has been reviewed yet.</p>
          ) : (
            <ul
              className="divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800"
              data-testid="review-outcomes"
            >
              {outcomes.map((outcome) => (
                <li key={outcome.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 text-sm">
                  <Badge tone={OUTCOME_TONE[outcome.status] ?? "neutral"}>{outcome.status}</Badge>
                  <span>
                    {outcome.kind === "revision" ? `Revision #${outcome.number} of ` : "Entry "}
                    {/* The entry may be rejected since: its private page sends public entries on to their own. */}
                    <Link
                      href={`/entries/${outcome.entry.slug}/private`}
                      className="font-medium hover:text-amber-700 dark:hover:text-amber-400"
                    >
                      {outcome.entry.title}
                    </Link>
                    {outcome.kind === "revision" && <span className="text-stone-500"> · {outcome.summary}</span>}
                  </span>
                  {outcome.note && (
                    <span className="w-full text-stone-600 dark:text-stone-300">
                      Moderator&apos;s note: {outcome.note}
                    </span>
                  )}
                  <time dateTime={outcome.at.toISOString()} className="text-stone-500">
                    {formatDate(outcome.at)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="tokens-heading" className="space-y-3">
          <h2 id="tokens-heading" className="text-xl font-semibold">
            API tokens
          </h2>
          <p className="text-sm text-stone-600 dark:text-stone-300">
            Scripts and agents use the{" "}
            <Link href="/api/v1/openapi.json" className="text-amber-700 underline dark:text-amber-400">
              JSON API
            </Link>{" "}
            as you by sending <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. Only you see this
            section; tokens are stored hashed, so a lost token cannot be shown again: revoke it and create another. Give
            each token only what it needs: read only for scripts that only read, and an expiry.
          </p>
          <ApiTokens tokens={tokens} />
        </section>
      )}
      {isOwner && <AccountSecurity userId={profile.id} />}

      <section aria-labelledby="revisions-heading" className="space-y-3">
        <h2 id="revisions-heading" className="text-xl font-semibold">
          Accepted revisions ({profile.acceptedRevisions.length})
        </h2>
        {profile.acceptedRevisions.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">No accepted revisions yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800">
            {profile.acceptedRevisions.map((revision) => (
              <li key={revision.id} className="flex flex-wrap gap-x-3 px-4 py-2 text-sm">
                <Link
                  href={entryPath(revision.entry)}
                  className="font-medium hover:text-amber-700 dark:hover:text-amber-400"
                >
                  {revision.entry.title}
                </Link>
                <span className="text-stone-500">
                  #{revision.number} · {revision.summary || "No summary"} · {formatDate(revision.createdAt)}
                </span>
                {revision.agentClient && <AgentMark name={revision.agentClient} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
