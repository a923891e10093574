// Revisions: every accepted or proposed change of an entry's content, as a full snapshot.
// Revision 0 is the original submission and is not counted in "Revisions (N)".

import "server-only";
import type { Db, Prisma, Tx } from "@/lib/db";
import { type EntryContent, stringList } from "@/lib/entries/schema";
import type { Category, Severity } from "@/lib/entries/taxonomy";
import { newestVerificationDate, verificationList } from "@/lib/entries/verification";
import { revisionsVisibleTo, type Viewer } from "@/lib/entries/visibility";
import { linkTags } from "@/lib/tags/store";

export const REVISION_STATUSES = ["pending", "accepted", "rejected"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** The snapshot columns of a revision for the given content. */
export function revisionSnapshot(content: EntryContent) {
  return {
    title: content.title,
    category: content.category,
    language: content.language,
    framework: content.framework,
    severity: content.severity,
    problem: content.problem,
    solution: content.solution,
    why: content.why,
    context: content.context,
    gotchas: content.gotchas,
    errorMessages: content.errorMessages,
    verifiedWith: content.verifiedWith,
    tags: content.tags,
  };
}

/**
 * The Entry columns that show `content`, tags apart (they live in EntryTag): its fields, and the
 * newest verification date derived from them (for the list of entries not verified recently).
 */
export function shownColumns(content: EntryContent) {
  const { tags: _tags, ...fields } = content;
  return { ...fields, verifiedOn: newestVerificationDate(content.verifiedWith) };
}

/** Records the original submission of a new entry; call inside the entry's transaction. */
export async function createOriginalRevision({
  tx,
  entryId,
  authorId,
  content,
  createdAt,
  agentClient,
}: {
  tx: Tx;
  entryId: string;
  authorId: string | null;
  content: EntryContent;
  createdAt?: Date;
  /** The MCP client that wrote it, for entries submitted by an agent. */
  agentClient?: string;
}) {
  return tx.revision.create({
    data: {
      entryId,
      number: 0,
      status: "accepted",
      authorId,
      summary: "Original submission",
      createdAt,
      agentClient,
      ...revisionSnapshot(content),
    },
    select: { id: true },
  });
}

export interface RevisionSummary {
  id: string;
  number: number;
  summary: string;
  authorHandle: string | null;
  /** The MCP client that wrote it, when an agent did. */
  agentClient: string | null;
  createdAt: Date;
}

/** The latest accepted revisions after the original, newest first. */
export async function listAcceptedRevisions({
  db,
  entryId,
  limit,
}: {
  db: Db;
  entryId: string;
  limit: number;
}): Promise<RevisionSummary[]> {
  const rows = await db.revision.findMany({
    where: { entryId, status: "accepted", number: { gt: 0 } },
    orderBy: { number: "desc" },
    take: limit,
    select: {
      id: true,
      number: true,
      summary: true,
      createdAt: true,
      agentClient: true,
      author: { select: { handle: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    summary: row.summary,
    authorHandle: row.author?.handle ?? null,
    agentClient: row.agentClient,
    createdAt: row.createdAt,
  }));
}

export interface RevisionListItem extends RevisionSummary {
  status: RevisionStatus;
  reviewerHandle: string | null;
  reviewNote: string | null;
}

/**
 * Every revision of an entry that `viewer` may see, proposed, accepted or rejected, newest first
 * (a rejected one only by its proposer and moderators). Check first that they may see the entry.
 */
export async function listAllRevisions({
  db,
  entryId,
  viewer,
}: {
  db: Db;
  entryId: string;
  viewer: Viewer;
}): Promise<RevisionListItem[]> {
  const rows = await db.revision.findMany({
    where: { entryId, AND: [revisionsVisibleTo(viewer)] },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      summary: true,
      createdAt: true,
      reviewNote: true,
      agentClient: true,
      author: { select: { handle: true } },
      reviewer: { select: { handle: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status as RevisionStatus,
    reviewerHandle: row.reviewer?.handle ?? null,
    reviewNote: row.reviewNote,
    summary: row.summary,
    authorHandle: row.author?.handle ?? null,
    agentClient: row.agentClient,
    createdAt: row.createdAt,
  }));
}

/** The content columns that Entry and Revision share (tags live apart on Entry). */
export const contentColumns = {
  title: true,
  category: true,
  language: true,
  framework: true,
  severity: true,
  problem: true,
  solution: true,
  why: true,
  context: true,
  gotchas: true,
  errorMessages: true,
  verifiedWith: true,
} as const;

export const snapshotSelect = { ...contentColumns, tags: true } as const;

export type ContentRow = Prisma.RevisionGetPayload<{ select: typeof contentColumns }>;

/** Content columns read back as entry content (the Json columns as string lists). */
export function contentOf(row: ContentRow, tags: string[]): EntryContent {
  return {
    title: row.title,
    category: row.category as Category,
    language: row.language,
    framework: row.framework,
    severity: row.severity as Severity,
    problem: row.problem,
    solution: row.solution,
    why: row.why,
    context: row.context,
    gotchas: stringList(row.gotchas),
    errorMessages: stringList(row.errorMessages),
    verifiedWith: verificationList(row.verifiedWith),
    tags,
  };
}

/** A stored snapshot as entry content. */
export function snapshotContent(row: ContentRow & { tags: unknown }): EntryContent {
  return contentOf(row, stringList(row.tags));
}

/** The full snapshot of one revision of an entry, by its number; null when there is none or `viewer` may not see it. */
export async function getRevisionContent({
  db,
  entryId,
  number,
  viewer,
}: {
  db: Db;
  entryId: string;
  number: number;
  viewer: Viewer;
}) {
  return db.revision.findFirst({
    where: { entryId, number, AND: [revisionsVisibleTo(viewer)] },
    select: { number: true, ...snapshotSelect },
  });
}

/**
 * Locks an entry for a change of its content: touching the row makes concurrent writers on
 * PostgreSQL wait for this transaction (SQLite serializes write transactions anyway), so each
 * reads the head revision the previous one wrote. Returns null when there is no such entry.
 */
export async function lockEntry(tx: Tx, entryId: string) {
  return tx.entry
    .update({
      where: { id: entryId },
      data: { revisionCount: { increment: 0 } },
      select: { id: true, slug: true, authorId: true, status: true },
    })
    .catch(() => null);
}

/** The entry's current content: its latest accepted revision. */
export async function headRevision(tx: Tx | Db, entryId: string) {
  const head = await tx.revision.findFirstOrThrow({
    where: { entryId, status: "accepted" },
    orderBy: { number: "desc" },
    select: { id: true, number: true, ...snapshotSelect },
  });
  return { id: head.id, number: head.number, content: snapshotContent(head) };
}

export async function nextRevisionNumber(tx: Tx, entryId: string): Promise<number> {
  const { _max } = await tx.revision.aggregate({ where: { entryId }, _max: { number: true } });
  return (_max.number ?? -1) + 1;
}

/** Makes `content` the entry's shown content; call with the accepting revision, in its transaction. */
export async function showContent(tx: Tx, entryId: string, content: EntryContent) {
  await tx.entry.update({
    where: { id: entryId },
    data: { ...shownColumns(content), revisionCount: { increment: 1 } },
  });
  await tx.entryTag.deleteMany({ where: { entryId } });
  await linkTags({ tx, entryId, tags: content.tags });
}
