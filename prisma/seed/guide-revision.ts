// Adds revision 1 of the concurrency guide (./concurrency-guide-revision-1.ts) the way any
// improvement arrives: proposed by the seeded editor through proposeRevision, accepted by the
// seeded moderator through approveRevision, with a summary and a review note. Only while the
// guide is exactly as seeded: its one revision is #0 with the seeded content and the entry shows
// that content. Any later revision (proposed, accepted or rejected) or any other change to the
// entry means people have taken it over, and the seed leaves it alone; so seeding again adds
// nothing once revision 1 is there.
import "server-only";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { type EntryContent, entryContentSchema } from "@/lib/entries/schema";
import { sameContent } from "@/lib/revisions/merge";
import { proposeRevision } from "@/lib/revisions/propose";
import { approveRevision } from "@/lib/revisions/review";
import { contentColumns, contentOf, snapshotContent, snapshotSelect } from "@/lib/revisions/snapshots";
import { concurrencyGuide } from "./concurrency-guide";
import {
  GUIDE_REVIEWER_HANDLE,
  guideEditor,
  REVISION_1_REVIEW_NOTE,
  REVISION_1_SUMMARY,
  revision1Changes,
} from "./concurrency-guide-revision-1";

export type GuideRevisionOutcome =
  /** Revision 1 was proposed and accepted now. */
  | "added"
  /** A seed run stopped between proposing and accepting; the waiting proposal was accepted now. */
  | "accepted"
  /** The entry is not as seeded (or not there): nothing was done. */
  | "kept";

/** The seeded content of revision 0, as the app stores it (validated and normalized). */
function seededContent(): EntryContent {
  const { slug: _slug, status: _status, authorHandle: _author, ageDays: _age, ...content } = concurrencyGuide;
  return entryContentSchema.parse(content);
}

async function userByHandle(db: Db, handle: string): Promise<CurrentUser> {
  const user = await db.user.findUniqueOrThrow({ where: { handle }, select: { id: true, handle: true, role: true } });
  return user as CurrentUser;
}

/**
 * Adds revision 1 to the guide with slug `slug` (another slug only in tests, on a copy of the
 * guide) when it is still exactly as seeded. The editor and reviewer accounts must exist.
 */
export async function addGuideRevision1({
  db,
  slug = concurrencyGuide.slug,
}: {
  db: Db;
  slug?: string;
}): Promise<GuideRevisionOutcome> {
  const entry = await db.entry.findUnique({
    where: { slug },
    select: { id: true, ...contentColumns, tags: { select: { tag: { select: { name: true } } } } },
  });
  if (!entry) return "kept";
  const revisions = await db.revision.findMany({
    where: { entryId: entry.id },
    orderBy: { number: "asc" },
    select: { id: true, number: true, status: true, summary: true, authorId: true, ...snapshotSelect },
  });
  const [original, proposal, ...later] = revisions;
  const seeded = seededContent();
  if (original?.number !== 0 || !sameContent(snapshotContent(original), seeded)) return "kept";
  const shown = contentOf(entry, entry.tags.map(({ tag }) => tag.name).sort());
  if (!sameContent(shown, { ...seeded, tags: [...seeded.tags].sort() })) return "kept";

  const [editor, moderator] = await Promise.all([
    userByHandle(db, guideEditor.handle),
    userByHandle(db, GUIDE_REVIEWER_HANDLE),
  ]);
  if (proposal) {
    // Only our own proposal, left pending by an interrupted seed run, is finished here.
    const ours =
      later.length === 0 &&
      proposal.number === 1 &&
      proposal.status === "pending" &&
      proposal.authorId === editor.id &&
      proposal.summary === REVISION_1_SUMMARY;
    if (!ours) return "kept";
    await accept(db, proposal.id, moderator);
    return "accepted";
  }

  const proposed = await proposeRevision({
    db,
    ref: entry.id,
    user: editor,
    changes: revision1Changes,
    summary: REVISION_1_SUMMARY,
    baseRevisionId: original.id,
  });
  if (!proposed.ok) throw new Error(`Seed: proposing revision 1 of ${slug} failed: ${JSON.stringify(proposed)}`);
  const row = await db.revision.findUniqueOrThrow({
    where: { entryId_number: { entryId: entry.id, number: proposed.number } },
    select: { id: true },
  });
  await accept(db, row.id, moderator);
  return "added";
}

async function accept(db: Db, revisionId: string, moderator: CurrentUser) {
  const accepted = await approveRevision({ db, revisionId, moderator, note: REVISION_1_REVIEW_NOTE });
  if (!accepted.ok) throw new Error(`Seed: accepting revision 1 failed: ${accepted.message}`);
}
