// Revisions: every accepted or proposed change of an entry's content, as a full snapshot.
// Revision 0 is the original submission and is not counted in "Revisions (N)".
import type { Db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { EntryContent } from "@/lib/entries/schema";

export const REVISION_STATUSES = ["pending", "accepted", "rejected"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

type Tx = Prisma.TransactionClient;

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
    tags: content.tags,
  };
}

/** Records the original submission of a new entry; call inside the entry's transaction. */
export async function createOriginalRevision({
  tx,
  entryId,
  authorId,
  content,
  createdAt,
}: {
  tx: Tx;
  entryId: string;
  authorId: string | null;
  content: EntryContent;
  createdAt?: Date;
}) {
  return tx.revision.create({
    data: { entryId, number: 0, status: "accepted", authorId, summary: "Original submission", createdAt, ...revisionSnapshot(content) },
    select: { id: true },
  });
}

export interface RevisionSummary {
  id: string;
  number: number;
  summary: string;
  authorHandle: string | null;
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
    select: { id: true, number: true, summary: true, createdAt: true, author: { select: { handle: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    summary: row.summary,
    authorHandle: row.author?.handle ?? null,
    createdAt: row.createdAt,
  }));
}

export interface RevisionListItem extends RevisionSummary {
  status: RevisionStatus;
}

/** Every revision of an entry, proposed, accepted or rejected, newest first. */
export async function listAllRevisions({ db, entryId }: { db: Db; entryId: string }): Promise<RevisionListItem[]> {
  const rows = await db.revision.findMany({
    where: { entryId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true, summary: true, createdAt: true, author: { select: { handle: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status as RevisionStatus,
    summary: row.summary,
    authorHandle: row.author?.handle ?? null,
    createdAt: row.createdAt,
  }));
}

/** The full snapshot of one revision of an entry, by its number. */
export async function getRevisionContent({ db, entryId, number }: { db: Db; entryId: string; number: number }) {
  return db.revision.findUnique({
    where: { entryId_number: { entryId, number } },
    select: { number: true, title: true, category: true, language: true, framework: true, severity: true, problem: true, solution: true, why: true, context: true, gotchas: true, errorMessages: true, tags: true },
  });
}
