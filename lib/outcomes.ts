// Agents' reports of whether an entry helped (hivebrain_report_outcome): one per API token and
// entry, changeable. The counts show to the entry's author and moderators beside the
// decision-tree feedback; a "wrong" report puts the entry in front of moderators on /review until
// one of them marks it looked at.
import "server-only";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { canReadTreeFeedback } from "@/lib/decision-trees/feedback";
import { ENTRY_NOT_FOUND, findEntryByRef } from "@/lib/entries/find-entry";
import { visibleTo } from "@/lib/entries/visibility";
import { type Failure, fail } from "@/lib/errors";
import { OUTCOMES, type Outcome, type OutcomeCounts } from "@/lib/outcome-labels";
import { consumeOrWait } from "@/lib/rate-limits";

export { OUTCOMES } from "@/lib/outcome-labels";
export const OUTCOME_CONTEXT_MAX = 1_000;
export const OUTCOME_REPORTS_PER_HOUR_PER_TOKEN = 120;

export async function recordOutcome({
  db,
  ref,
  user,
  tokenId,
  outcome,
  context,
  agent,
}: {
  db: Db;
  ref: string;
  user: CurrentUser;
  tokenId: string;
  outcome: Outcome;
  context: string;
  agent: string;
}): Promise<{ ok: true; slug: string; title: string; outcome: Outcome; replaced: Outcome | null } | Failure> {
  const wait = await consumeOrWait([
    { db, keyPrefix: "outcome-token", points: OUTCOME_REPORTS_PER_HOUR_PER_TOKEN, durationSeconds: 3600, key: tokenId },
  ]);
  if (wait)
    return fail(
      "rate_limited",
      `This token has reported many outcomes in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`,
      {
        retryAfterSeconds: wait,
      },
    );
  const trimmed = context.trim();
  if (trimmed.length > OUTCOME_CONTEXT_MAX) {
    const message = `The context is longer than ${OUTCOME_CONTEXT_MAX} characters.`;
    return fail("invalid", message, { fieldErrors: { task_context: [message] } });
  }
  const entry = await findEntryByRef(db, ref, user, { id: true, slug: true, title: true });
  if (!entry) return fail("not_found", ENTRY_NOT_FOUND);
  const key = { entryId: entry.id, tokenId };
  const data = { outcome, context: trimmed, agentClient: agent, userId: user.id, reviewedAt: null };
  const replaced = await db.$transaction(async (tx) => {
    const previous = await tx.entryOutcome.findUnique({ where: { entryId_tokenId: key }, select: { outcome: true } });
    await tx.entryOutcome.upsert({ where: { entryId_tokenId: key }, create: { ...key, ...data }, update: data });
    return (previous?.outcome as Outcome | undefined) ?? null;
  });
  return { ok: true, slug: entry.slug, title: entry.title, outcome, replaced };
}

/** The reports on an entry, by outcome. */
export async function outcomeCounts({ db, entryId }: { db: Db; entryId: string }): Promise<OutcomeCounts> {
  const groups = await db.entryOutcome.groupBy({ by: ["outcome"], where: { entryId }, _count: { _all: true } });
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as OutcomeCounts;
  for (const group of groups)
    if ((OUTCOMES as readonly string[]).includes(group.outcome)) counts[group.outcome as Outcome] = group._count._all;
  return counts;
}

export interface WrongReport {
  entry: { id: string; slug: string; title: string; status: string };
  reports: { agentClient: string | null; reporter: string | null; context: string; reportedAt: Date }[];
}

const WRONG_ENTRIES_SHOWN = 50;

/** Entries agents reported wrong that no moderator has looked at since, newest report first. */
export async function entriesReportedWrong({ db }: { db: Db }): Promise<WrongReport[]> {
  const rows = await db.entryOutcome.findMany({
    where: { outcome: "wrong", reviewedAt: null },
    orderBy: { updatedAt: "desc" },
    take: WRONG_ENTRIES_SHOWN * 5,
    select: {
      context: true,
      agentClient: true,
      updatedAt: true,
      user: { select: { handle: true } },
      entry: { select: { id: true, slug: true, title: true, status: true } },
    },
  });
  const byEntry = new Map<string, WrongReport>();
  for (const row of rows) {
    const report = byEntry.get(row.entry.id) ?? { entry: row.entry, reports: [] };
    report.reports.push({
      agentClient: row.agentClient,
      reporter: row.user?.handle ?? null,
      context: row.context,
      reportedAt: row.updatedAt,
    });
    byEntry.set(row.entry.id, report);
  }
  return [...byEntry.values()].slice(0, WRONG_ENTRIES_SHOWN);
}

/** A moderator has looked at the entry's "wrong" reports: they leave /review (a new one brings it back). */
export async function markWrongReportsReviewed({
  db,
  entryId,
  moderator,
}: {
  db: Db;
  entryId: string;
  moderator: CurrentUser;
}): Promise<{ ok: true; count: number } | Failure> {
  if (!isModerator(moderator)) return fail("forbidden", "Only moderators review reports.");
  const entry = await db.entry.findFirst({ where: { id: entryId, AND: [visibleTo(moderator)] }, select: { id: true } });
  if (!entry) return fail("not_found", ENTRY_NOT_FOUND);
  const { count } = await db.entryOutcome.updateMany({
    where: { entryId, outcome: "wrong", reviewedAt: null },
    data: { reviewedAt: new Date() },
  });
  return { ok: true, count };
}

/** The report counts of an entry, for its author and moderators (as the decision-tree feedback). */
export async function readOutcomeCounts({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: CurrentUser | null;
}): Promise<{ ok: true; counts: OutcomeCounts } | Failure> {
  if (!viewer) return fail("unauthorized", "Sign in as the entry's author or a moderator to see agents' reports.");
  const entry = await db.entry.findFirst({
    where: { slug, AND: [visibleTo(viewer)] },
    select: { id: true, authorId: true },
  });
  if (!entry) return fail("not_found", ENTRY_NOT_FOUND);
  // The same readers as the decision-tree feedback these counts are shown beside.
  if (!canReadTreeFeedback(viewer, entry))
    return fail("forbidden", "Only the entry's author and moderators see agents' reports.");
  return { ok: true, counts: await outcomeCounts({ db, entryId: entry.id }) };
}
