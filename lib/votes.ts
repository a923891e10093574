// Votes: one per user and entry (unique constraint), +1 or -1. An entry's score is the sum of
// its votes (plus the net of any anonymous votes imported from the original HiveBrain),
// rewritten in the same transaction as the vote. Both transports (the entry page's
// JSON route and /api/v1) vote through voteOnEntry.
import "server-only";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { ENTRY_NOT_FOUND, findEntryByRef } from "@/lib/entries/find-entry";
import { type Failure, fail } from "@/lib/errors";

export type VoteValue = 1 | -1 | 0; // 0 takes the vote back

export const OWN_ENTRY = "You cannot vote on your own entry.";

export type VoteResult = { ok: true; slug: string; score: number; userVote: VoteValue } | Failure;

/** Votes on the entry whose id or slug is `ref`: signed-in users only, never on their own entry. */
export async function voteOnEntry({
  db,
  ref,
  user,
  value,
}: {
  db: Db;
  ref: string;
  user: CurrentUser | null;
  value: VoteValue;
}): Promise<VoteResult> {
  if (!user) return fail("unauthorized", "Sign in to vote.");
  const found = await findEntryByRef(db, ref, user, { id: true, slug: true });
  if (!found) return fail("not_found", ENTRY_NOT_FOUND);
  const entryId = found.id;
  return db.$transaction(async (tx): Promise<VoteResult> => {
    // Touching the entry row first locks it (PostgreSQL) so that concurrent votes on one
    // entry run one after another and each sums what the previous ones wrote. SQLite
    // transactions are serialized anyway.
    const entry = await tx.entry
      .update({
        where: { id: entryId },
        data: { score: { increment: 0 } },
        select: { authorId: true, importedUpvotes: true, importedDownvotes: true },
      })
      .catch(() => null);
    if (!entry) return fail("not_found", ENTRY_NOT_FOUND);
    if (entry.authorId === user.id) return fail("forbidden", OWN_ENTRY);

    const userId = user.id;
    if (value === 0) await tx.vote.deleteMany({ where: { userId, entryId } });
    else
      await tx.vote.upsert({
        where: { userId_entryId: { userId, entryId } },
        create: { userId, entryId, value },
        update: { value },
      });

    const { _sum } = await tx.vote.aggregate({ where: { entryId }, _sum: { value: true } });
    const score = (_sum.value ?? 0) + entry.importedUpvotes - entry.importedDownvotes;
    await tx.entry.update({ where: { id: entryId }, data: { score } });
    return { ok: true, slug: found.slug, score, userVote: value };
  });
}

export type VoteState =
  | { ok: true; score: number; userVote: VoteValue; signedIn: boolean; ownEntry: boolean }
  | Failure;

/** The entry's score and what this visitor may do with it (per visitor, so never part of a cached page). */
export async function voteState({
  db,
  ref,
  user,
}: {
  db: Db;
  ref: string;
  user: CurrentUser | null;
}): Promise<VoteState> {
  const entry = await findEntryByRef(db, ref, user, { id: true, score: true, authorId: true });
  if (!entry) return fail("not_found", ENTRY_NOT_FOUND);
  const vote = user
    ? await db.vote.findUnique({
        where: { userId_entryId: { userId: user.id, entryId: entry.id } },
        select: { value: true },
      })
    : null;
  return {
    ok: true,
    score: entry.score,
    userVote: (vote?.value ?? 0) as VoteValue,
    signedIn: Boolean(user),
    ownEntry: Boolean(user && entry.authorId === user.id),
  };
}
