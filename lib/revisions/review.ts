// Moderation: the review queue (pending entries and proposed revisions, oldest first),
// approving or rejecting them, changing an entry's status (recorded as a StatusChange with
// its reason), and rolling an entry back to an earlier revision (as a new revision).

import "server-only";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import type { EntryContent } from "@/lib/entries/schema";
import { type EntryStatus, STATUSES } from "@/lib/entries/taxonomy";
import { type Failure, fail } from "@/lib/errors";
import { mergeContent, sameContent } from "@/lib/revisions/merge";
import {
  headRevision,
  lockEntry,
  nextRevisionNumber,
  revisionSnapshot,
  showContent,
  snapshotContent,
  snapshotSelect,
} from "@/lib/revisions/snapshots";
import { refuse, transactionOrRefusal } from "@/lib/transactions";

export const REASON_MAX = 500;

export type ReviewResult = { ok: true; slug: string; message: string } | Failure;

const forbidden = fail("forbidden", "Only moderators can do this.");
const invalid = (message: string) => fail("invalid", message);

function reasonProblem(reason: string, required: boolean): string | null {
  if (required && reason.trim().length === 0) return "Give a reason; the author sees it.";
  if (reason.length > REASON_MAX) return `Keep the reason under ${REASON_MAX} characters.`;
  return null;
}

export interface PendingEntry {
  id: string;
  slug: string;
  title: string;
  status: EntryStatus;
  authorHandle: string | null;
  /** The MCP client that submitted it, when an agent did. */
  agentClient: string | null;
  createdAt: Date;
  content: EntryContent;
}

export interface ProposedRevision {
  id: string;
  number: number;
  summary: string;
  authorHandle: string | null;
  /** The MCP client that proposed it, when an agent did. */
  agentClient: string | null;
  createdAt: Date;
  entry: { slug: string; title: string };
  base: EntryContent | null;
  /** The number of the revision it was proposed on (what its diff compares with). */
  baseNumber: number | null;
  proposed: EntryContent;
}

/**
 * Items of each kind on /review. Each can hold 30,000 characters: with 50 of each, a request sent
 * while the page rendered waited 220-250 ms; with 25 (and /review's cap on characters of changes)
 * about 70 ms (e2e/security/limits.spec.ts, on an idle machine).
 */
const QUEUE_LIMIT = 25;

/** What waits for a moderator: new entries and proposed revisions, oldest first. */
export async function reviewQueue({
  db,
  limit = QUEUE_LIMIT,
}: {
  db: Db;
  limit?: number;
}): Promise<{ entries: PendingEntry[]; revisions: ProposedRevision[]; entryTotal: number; revisionTotal: number }> {
  const [entries, revisions, entryTotal, revisionTotal] = await Promise.all([
    db.entry.findMany({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: {
        id: true,
        slug: true,
        status: true,
        createdAt: true,
        author: { select: { handle: true } },
        revisions: { where: { status: "accepted" }, orderBy: { number: "desc" }, take: 1, select: snapshotSelect },
      },
    }),
    db.revision.findMany({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: {
        id: true,
        number: true,
        summary: true,
        createdAt: true,
        baseRevisionId: true,
        agentClient: true,
        author: { select: { handle: true } },
        entry: { select: { slug: true, title: true } },
        ...snapshotSelect,
      },
    }),
    db.entry.count({ where: { status: "pending" } }),
    db.revision.count({ where: { status: "pending" } }),
  ]);
  const baseIds = revisions.flatMap((revision) => (revision.baseRevisionId ? [revision.baseRevisionId] : []));
  const bases = await db.revision.findMany({
    where: { id: { in: baseIds } },
    select: { id: true, number: true, ...snapshotSelect },
  });
  const baseById = new Map(bases.map((base) => [base.id, { number: base.number, content: snapshotContent(base) }]));
  // Who submitted an entry is on its original revision (the one shown may be a later edit).
  const originals = await db.revision.findMany({
    where: { entryId: { in: entries.map((entry) => entry.id) }, number: 0, agentClient: { not: null } },
    select: { entryId: true, agentClient: true },
  });
  const agentByEntry = new Map(originals.map((original) => [original.entryId, original.agentClient]));
  return {
    entryTotal,
    revisionTotal,
    entries: entries.flatMap((entry) => {
      // What the entry shows now: the submission, with any edits its author made since.
      const shown = entry.revisions[0];
      if (!shown) return [];
      const content = snapshotContent(shown);
      return [
        {
          id: entry.id,
          slug: entry.slug,
          title: content.title,
          status: entry.status as EntryStatus,
          authorHandle: entry.author?.handle ?? null,
          agentClient: agentByEntry.get(entry.id) ?? null,
          createdAt: entry.createdAt,
          content,
        },
      ];
    }),
    revisions: revisions.map((revision) => {
      const base = revision.baseRevisionId ? baseById.get(revision.baseRevisionId) : undefined;
      return {
        id: revision.id,
        number: revision.number,
        summary: revision.summary,
        authorHandle: revision.author?.handle ?? null,
        agentClient: revision.agentClient,
        createdAt: revision.createdAt,
        entry: revision.entry,
        base: base?.content ?? null,
        baseNumber: base?.number ?? null,
        proposed: snapshotContent(revision),
      };
    }),
  };
}

/**
 * Accepts a proposed revision. When the entry changed since the revision was proposed, the
 * proposal is merged with those changes first; if they overlap, nothing changes and the
 * moderator is told to reject it (the author can propose it again on the current version).
 */
export async function approveRevision({
  db,
  revisionId,
  moderator,
  note = "",
}: {
  db: Db;
  revisionId: string;
  moderator: CurrentUser | null;
  note?: string;
}): Promise<ReviewResult> {
  if (!isModerator(moderator) || !moderator) return forbidden;
  const noteProblem = reasonProblem(note, false);
  if (noteProblem) return invalid(noteProblem);
  const proposal = await db.revision.findUnique({ where: { id: revisionId }, select: { entryId: true } });
  if (!proposal) return { ok: false, code: "not_found", message: "No such revision." };
  return transactionOrRefusal<ReviewResult>(db, async (tx) => {
    const entry = await lockEntry(tx, proposal.entryId);
    const revision = await tx.revision.findUnique({
      where: { id: revisionId },
      select: { status: true, number: true, baseRevisionId: true, ...snapshotSelect },
    });
    if (!entry || !revision) refuse<ReviewResult>({ ok: false, code: "not_found", message: "No such revision." });
    if (revision.status !== "pending")
      refuse<ReviewResult>({
        ok: false,
        code: "conflict",
        message: `Revision #${revision.number} was already ${revision.status}.`,
      });
    const head = await headRevision(tx, entry.id);
    let content = snapshotContent(revision);
    if (revision.baseRevisionId !== head.id) {
      const base = revision.baseRevisionId
        ? await tx.revision.findUnique({ where: { id: revision.baseRevisionId }, select: snapshotSelect })
        : null;
      const merged = mergeContent({
        base: base ? snapshotContent(base) : head.content,
        theirs: head.content,
        yours: content,
      });
      if (merged.conflicts.length) {
        refuse<ReviewResult>({
          ok: false,
          code: "conflict",
          message: `Revision #${revision.number} overlaps with changes made since it was proposed (now at #${head.number}). Reject it with a note so its author can propose it again on the current version.`,
        });
      }
      content = merged.content;
    }
    if (sameContent(content, head.content))
      refuse<ReviewResult>({
        ok: false,
        code: "conflict",
        message: `Revision #${revision.number} no longer changes anything; reject it instead.`,
      });
    // Revision numbers follow the order in which content was shown: a proposal overtaken by
    // another accepted revision becomes the newest one.
    const number = revision.number > head.number ? revision.number : await nextRevisionNumber(tx, entry.id);
    await tx.revision.update({
      where: { id: revisionId },
      data: {
        status: "accepted",
        number,
        baseRevisionId: head.id,
        reviewerId: moderator.id,
        reviewedAt: new Date(),
        reviewNote: note.trim() || null,
        ...revisionSnapshot(content),
      },
    });
    await showContent(tx, entry.id, content);
    return { ok: true, slug: entry.slug, message: `Revision accepted as #${number}.` };
  });
}

export async function rejectRevision({
  db,
  revisionId,
  moderator,
  reason,
}: {
  db: Db;
  revisionId: string;
  moderator: CurrentUser | null;
  reason: string;
}): Promise<ReviewResult> {
  if (!isModerator(moderator) || !moderator) return forbidden;
  const problem = reasonProblem(reason, true);
  if (problem) return invalid(problem);
  const updated = await db.revision.updateMany({
    where: { id: revisionId, status: "pending" },
    data: { status: "rejected", reviewerId: moderator.id, reviewedAt: new Date(), reviewNote: reason.trim() },
  });
  const revision = await db.revision.findUnique({
    where: { id: revisionId },
    select: { number: true, status: true, entry: { select: { slug: true } } },
  });
  if (!revision) return { ok: false, code: "not_found", message: "No such revision." };
  if (updated.count === 0)
    return { ok: false, code: "conflict", message: `Revision #${revision.number} was already ${revision.status}.` };
  return { ok: true, slug: revision.entry.slug, message: `Revision #${revision.number} rejected.` };
}

/** Which status changes need a reason: the ones the author would ask "why?" about. */
export const REASON_REQUIRED: readonly EntryStatus[] = ["rejected", "archived"];

export async function changeEntryStatus({
  db,
  entryId,
  moderator,
  status,
  reason = "",
}: {
  db: Db;
  entryId: string;
  moderator: CurrentUser | null;
  status: string;
  reason?: string;
}): Promise<ReviewResult> {
  if (!isModerator(moderator) || !moderator) return forbidden;
  if (!STATUSES.includes(status as EntryStatus)) return invalid(`Status must be one of: ${STATUSES.join(", ")}.`);
  const problem = reasonProblem(reason, REASON_REQUIRED.includes(status as EntryStatus));
  if (problem) return invalid(problem);
  return transactionOrRefusal<ReviewResult>(db, async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (!entry) refuse<ReviewResult>({ ok: false, code: "not_found", message: "No such entry." });
    if (entry.status === status)
      refuse<ReviewResult>({ ok: false, code: "conflict", message: `The entry is already ${status}.` });
    await tx.entry.update({ where: { id: entryId }, data: { status } });
    await tx.statusChange.create({
      data: { entryId, fromStatus: entry.status, toStatus: status, reason: reason.trim(), actorId: moderator.id },
    });
    return {
      ok: true,
      slug: entry.slug,
      message: `Entry ${status === "approved" && entry.status === "archived" ? "restored" : status}.`,
    };
  });
}

/** Shows an earlier revision's content again, as a new revision, so nothing is lost. */
export async function rollBack({
  db,
  entryId,
  toNumber,
  moderator,
  reason = "",
}: {
  db: Db;
  entryId: string;
  toNumber: number;
  moderator: CurrentUser | null;
  reason?: string;
}): Promise<ReviewResult> {
  if (!isModerator(moderator) || !moderator) return forbidden;
  const problem = reasonProblem(reason, false);
  if (problem) return invalid(problem);
  return transactionOrRefusal<ReviewResult>(db, async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (!entry) refuse<ReviewResult>({ ok: false, code: "not_found", message: "No such entry." });
    const target = await tx.revision.findUnique({
      where: { entryId_number: { entryId, number: toNumber } },
      select: { status: true, ...snapshotSelect },
    });
    if (target?.status !== "accepted")
      refuse(invalid(`Revision #${toNumber} is not an accepted revision of this entry.`));
    const head = await headRevision(tx, entryId);
    const content = snapshotContent(target);
    if (sameContent(content, head.content))
      refuse<ReviewResult>({
        ok: false,
        code: "conflict",
        message: `The entry already shows the content of #${toNumber}.`,
      });
    const number = await nextRevisionNumber(tx, entryId);
    const summary = `Rolled back to #${toNumber}${reason.trim() ? `: ${reason.trim()}` : ""}`;
    await tx.revision.create({
      data: {
        entryId,
        number,
        status: "accepted",
        baseRevisionId: head.id,
        summary,
        authorId: moderator.id,
        reviewerId: moderator.id,
        reviewedAt: new Date(),
        ...revisionSnapshot(content),
      },
    });
    await showContent(tx, entryId, content);
    return { ok: true, slug: entry.slug, message: `Rolled back to #${toNumber} as revision #${number}.` };
  });
}

export interface StatusChangeItem {
  id: string;
  fromStatus: string;
  toStatus: string;
  reason: string;
  actorHandle: string | null;
  createdAt: Date;
}

export async function listStatusChanges({ db, entryId }: { db: Db; entryId: string }): Promise<StatusChangeItem[]> {
  const rows = await db.statusChange.findMany({
    where: { entryId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      reason: true,
      createdAt: true,
      actor: { select: { handle: true } },
    },
  });
  return rows.map(({ actor, ...row }) => ({ ...row, actorHandle: actor?.handle ?? null }));
}

export type ReviewOutcome =
  | {
      kind: "revision";
      id: string;
      status: string;
      number: number;
      summary: string;
      note: string | null;
      at: Date;
      entry: { slug: string; title: string };
    }
  | { kind: "entry"; id: string; status: string; note: string; at: Date; entry: { slug: string; title: string } };

/** What happened to a user's proposals and entries, newest first: shown to them on their profile. */
export async function reviewOutcomes({
  db,
  userId,
  limit = 30,
}: {
  db: Db;
  userId: string;
  limit?: number;
}): Promise<ReviewOutcome[]> {
  const [revisions, changes] = await Promise.all([
    db.revision.findMany({
      where: { authorId: userId, number: { gt: 0 }, OR: [{ status: "pending" }, { reviewerId: { not: null } }] },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: {
        id: true,
        status: true,
        number: true,
        summary: true,
        reviewNote: true,
        reviewedAt: true,
        createdAt: true,
        entry: { select: { slug: true, title: true } },
      },
    }),
    db.statusChange.findMany({
      where: { entry: { authorId: userId } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: {
        id: true,
        toStatus: true,
        reason: true,
        createdAt: true,
        entry: { select: { slug: true, title: true } },
      },
    }),
  ]);
  const outcomes: ReviewOutcome[] = [
    ...revisions.map((revision) => ({
      kind: "revision" as const,
      id: revision.id,
      status: revision.status,
      number: revision.number,
      summary: revision.summary,
      note: revision.reviewNote,
      at: revision.reviewedAt ?? revision.createdAt,
      entry: revision.entry,
    })),
    ...changes.map((change) => ({
      kind: "entry" as const,
      id: change.id,
      status: change.toStatus,
      note: change.reason,
      at: change.createdAt,
      entry: change.entry,
    })),
  ];
  return outcomes.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
