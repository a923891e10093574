import "server-only";
import type { Db, Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { type EntryContent, type EntryContentInput, entryContentSchema } from "@/lib/entries/schema";
import { uniqueSlug } from "@/lib/entries/slug";
import type { EntryStatus } from "@/lib/entries/taxonomy";
import { createOriginalRevision, shownColumns } from "@/lib/revisions/snapshots";
import { linkTags } from "@/lib/tags/store";

export interface CreateEntryOptions {
  db: Db;
  content: EntryContentInput;
  authorId: string | null;
  status: EntryStatus;
  /** Only for seeding and imports: keep an entry's original slug and date. */
  slug?: string;
  createdAt?: Date;
  /** The MCP client that submitted it, when an agent did. */
  agentClient?: string;
}

/**
 * Creates an entry, its tags and its original revision in one transaction.
 * Throws a ZodError when the content is invalid; nothing is written then.
 */
export async function createEntry({ db, content, authorId, status, slug, createdAt, agentClient }: CreateEntryOptions) {
  const valid = entryContentSchema.parse(content);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const entrySlug = slug ?? (await uniqueSlug({ db: tx, title: valid.title }));
        const entry = await insertEntry({
          tx,
          content: valid,
          slug: entrySlug,
          status,
          authorId,
          createdAt,
          updatedAt: createdAt,
        });
        await createOriginalRevision({ tx, entryId: entry.id, authorId, content: valid, createdAt, agentClient });
        return entry;
      });
    } catch (error) {
      // Two entries with the same title at once can pick the same free slug (SQLite writers
      // queue, PostgreSQL's do not): the later one looks again.
      if (slug !== undefined || attempt === MAX_SLUG_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}

const MAX_SLUG_ATTEMPTS = 5;

/**
 * Writes an Entry row showing the given (already validated) content, and its tags; call
 * inside a transaction that also writes the entry's revisions. Imports pass their own counters.
 */
export async function insertEntry({
  tx,
  content,
  slug,
  status,
  authorId,
  createdAt,
  updatedAt,
  counters,
}: {
  tx: Tx;
  content: EntryContent;
  slug: string;
  status: EntryStatus;
  authorId: string | null;
  createdAt?: Date;
  updatedAt?: Date;
  counters?: {
    score: number;
    viewCount: number;
    revisionCount: number;
    importedUpvotes?: number;
    importedDownvotes?: number;
  };
}) {
  const entry = await tx.entry.create({
    data: { ...shownColumns(content), slug, status, authorId, createdAt, updatedAt, ...counters },
    select: { id: true, slug: true },
  });
  await linkTags({ tx, entryId: entry.id, tags: content.tags });
  return entry;
}
