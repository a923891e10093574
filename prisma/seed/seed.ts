// Seeds the hand-written entries: the concurrency guide and the samples, then the guide's
// revision 1 (./guide-revision.ts). Idempotent: users are matched by handle and entries by slug,
// existing rows are never overwritten, and revision 1 is only added to a guide still exactly as
// seeded, so running it again (every `npm start` does) keeps whatever people changed.
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import { concurrencyGuide } from "./concurrency-guide";
import { guideEditor } from "./concurrency-guide-revision-1";
import { addGuideRevision1, type GuideRevisionOutcome } from "./guide-revision";
import { sampleEntries, seedUsers } from "./sample-entries";
import type { SeedEntry, SeedUser } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

export const seedEntries: SeedEntry[] = [concurrencyGuide, ...sampleEntries];

export interface SeedReport {
  usersCreated: number;
  entriesCreated: number;
  entriesKept: number;
  /** What happened to the guide's revision 1 (see ./guide-revision.ts). */
  guideRevision1: GuideRevisionOutcome;
}

export async function seedDatabase({ db, now = new Date() }: { db: Db; now?: Date }): Promise<SeedReport> {
  const report: SeedReport = { usersCreated: 0, entriesCreated: 0, entriesKept: 0, guideRevision1: "kept" };
  const userIds = new Map<string, string>();
  const ensureUser = async (user: SeedUser) => {
    const existing = await db.user.findUnique({ where: { handle: user.handle }, select: { id: true } });
    const row = existing ?? (await db.user.create({ data: user, select: { id: true } }));
    if (!existing) report.usersCreated++;
    return row.id;
  };
  for (const user of seedUsers) userIds.set(user.handle, await ensureUser(user));
  // The guide's editor proposes revision 1 and nothing else (no entries, no votes).
  await ensureUser(guideEditor);

  for (const [index, seed] of seedEntries.entries()) {
    if (await db.entry.findUnique({ where: { slug: seed.slug }, select: { id: true } })) {
      report.entriesKept++;
      continue;
    }
    const authorId = seed.authorHandle ? (userIds.get(seed.authorHandle) ?? null) : null;
    const { slug, status, authorHandle: _author, ageDays, ...content } = seed;
    // Seconds apart even on the same day, so "newest" has one order.
    const createdAt = new Date(now.getTime() - ageDays * DAY_MS - index * 1000);
    const entry = await createEntry({ db, content, authorId, status, slug, createdAt });
    if (seed !== concurrencyGuide)
      await seedVotes({ db, entryId: entry.id, authorId, index, userIds: [...userIds.values()] });
    report.entriesCreated++;
  }
  report.guideRevision1 = await addGuideRevision1({ db });
  return report;
}

// A few votes from the seed users so that "top score" means something. Deterministic, never
// on the voter's own entry; the score is the sum of the rows, as everywhere else.
async function seedVotes({
  db,
  entryId,
  authorId,
  index,
  userIds,
}: {
  db: Db;
  entryId: string;
  authorId: string | null;
  index: number;
  userIds: string[];
}) {
  const votes = userIds
    .filter((userId) => userId !== authorId)
    .map((userId, voter) => ({ userId, entryId, value: (index + voter) % 3 === 0 ? -1 : 1 }))
    .slice(0, index % 4);
  if (votes.length === 0) return;
  await db.$transaction([
    db.vote.createMany({ data: votes }),
    db.entry.update({ where: { id: entryId }, data: { score: votes.reduce((sum, vote) => sum + vote.value, 0) } }),
  ]);
}
