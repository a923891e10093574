// Writes a whole instance as one HiveBrain export document (see lib/porting/format.ts).
// Exported: users (handle, name, role, createdAt: no emails, no password hashes), every entry
// of every status with its tags, revisions, status changes and votes. Not exported: page views
// per visitor, decision-tree feedback, sessions, API tokens and rate-limit counters.

import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { Db, Prisma } from "@/lib/db";
import type { EntryStatus } from "@/lib/entries/taxonomy";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from "@/lib/porting/format";
import { contentColumns, contentOf, type RevisionStatus, snapshotContent } from "@/lib/revisions/snapshots";

// Status columns hold strings that only the app's validated writes fill, hence the casts below.
const PAGE_SIZE = 200;

const handleOf = { select: { handle: true } } as const;

const orderBy: Prisma.EntryOrderByWithRelationInput[] = [{ createdAt: "asc" }, { slug: "asc" }];

const entrySelect = {
  ...contentColumns,
  slug: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  score: true,
  importedUpvotes: true,
  importedDownvotes: true,
  viewCount: true,
  revisionCount: true,
  author: handleOf,
  tags: { select: { tag: { select: { name: true } } } },
  revisions: {
    orderBy: { number: "asc" },
    select: {
      ...contentColumns,
      id: true,
      tags: true,
      number: true,
      status: true,
      summary: true,
      baseRevisionId: true,
      reviewNote: true,
      reviewedAt: true,
      createdAt: true,
      author: handleOf,
      reviewer: handleOf,
    },
  },
  statusChanges: {
    orderBy: [{ createdAt: "asc" }, { fromStatus: "asc" }, { toStatus: "asc" }],
    select: { fromStatus: true, toStatus: true, reason: true, createdAt: true, actor: handleOf },
  },
  votes: {
    orderBy: [{ createdAt: "asc" }, { user: { handle: "asc" } }],
    select: { value: true, createdAt: true, updatedAt: true, user: handleOf },
  },
} satisfies Prisma.EntrySelect;

export async function exportDatabase({ db, now = new Date() }: { db: Db; now?: Date }): Promise<ExportDocument> {
  const users = await db.user.findMany({
    orderBy: [{ createdAt: "asc" }, { handle: "asc" }],
    select: { handle: true, name: true, role: true, createdAt: true },
  });
  // In pages: loading the relations of every entry at once exceeds SQLite's limit on query parameters.
  const ids = (await db.entry.findMany({ orderBy, select: { id: true } })).map((row) => row.id);
  const entries = [];
  for (let start = 0; start < ids.length; start += PAGE_SIZE) {
    entries.push(
      ...(await db.entry.findMany({
        where: { id: { in: ids.slice(start, start + PAGE_SIZE) } },
        orderBy,
        select: entrySelect,
      })),
    );
  }

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    users: users.map((user) => ({
      handle: user.handle,
      name: user.name,
      role: user.role as Role,
      createdAt: user.createdAt.toISOString(),
    })),
    entries: entries.map((entry) => {
      const numberById = new Map(entry.revisions.map((revision) => [revision.id, revision.number]));
      return {
        slug: entry.slug,
        status: entry.status as EntryStatus,
        author: entry.author?.handle ?? null,
        createdAt: entry.createdAt.toISOString(),
        updatedAt: entry.updatedAt.toISOString(),
        score: entry.score,
        viewCount: entry.viewCount,
        importedUpvotes: entry.importedUpvotes,
        importedDownvotes: entry.importedDownvotes,
        revisionCount: entry.revisionCount,
        content: contentOf(entry, entry.tags.map((link) => link.tag.name).sort()),
        revisions: entry.revisions.map((revision) => ({
          number: revision.number,
          status: revision.status as RevisionStatus,
          summary: revision.summary,
          author: revision.author?.handle ?? null,
          reviewer: revision.reviewer?.handle ?? null,
          reviewNote: revision.reviewNote,
          reviewedAt: revision.reviewedAt?.toISOString() ?? null,
          baseRevision: revision.baseRevisionId ? (numberById.get(revision.baseRevisionId) ?? null) : null,
          createdAt: revision.createdAt.toISOString(),
          content: snapshotContent(revision),
        })),
        statusChanges: entry.statusChanges.map((change) => ({
          fromStatus: change.fromStatus as EntryStatus,
          toStatus: change.toStatus as EntryStatus,
          reason: change.reason,
          actor: change.actor?.handle ?? null,
          createdAt: change.createdAt.toISOString(),
        })),
        votes: entry.votes.map((vote) => ({
          voter: vote.user.handle,
          value: vote.value as 1 | -1,
          createdAt: vote.createdAt.toISOString(),
          updatedAt: vote.updatedAt.toISOString(),
        })),
      };
    }),
  };
}
