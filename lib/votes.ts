// Votes: one per user and entry (unique constraint), +1 or -1. An entry's score is the sum of
// its votes, rewritten in the same transaction as the vote.
import "server-only";
import type { Db } from "@/lib/db";

export type VoteValue = 1 | -1 | 0; // 0 takes the vote back

export type VoteResult =
  | { ok: true; score: number; userVote: VoteValue }
  | { ok: false; code: "not_found" | "own_entry"; message: string };

export async function castVote({
  db,
  userId,
  entryId,
  value,
}: {
  db: Db;
  userId: string;
  entryId: string;
  value: VoteValue;
}): Promise<VoteResult> {
  return db.$transaction(async (tx) => {
    // Touching the entry row first locks it (PostgreSQL) so that concurrent votes on one
    // entry run one after another and each sums what the previous ones wrote. SQLite
    // transactions are serialized anyway.
    const entry = await tx.entry
      .update({ where: { id: entryId }, data: { score: { increment: 0 } }, select: { authorId: true } })
      .catch(() => null);
    if (!entry) return { ok: false as const, code: "not_found" as const, message: "No such entry." };
    if (entry.authorId === userId)
      return { ok: false as const, code: "own_entry" as const, message: "You cannot vote on your own entry." };

    const key = { userId_entryId: { userId, entryId } };
    if (value === 0) await tx.vote.deleteMany({ where: { userId, entryId } });
    else await tx.vote.upsert({ where: key, create: { userId, entryId, value }, update: { value } });

    const { _sum } = await tx.vote.aggregate({ where: { entryId }, _sum: { value: true } });
    const score = _sum.value ?? 0;
    await tx.entry.update({ where: { id: entryId }, data: { score } });
    return { ok: true as const, score, userVote: value };
  });
}

export async function userVote({
  db,
  userId,
  entryId,
}: {
  db: Db;
  userId: string;
  entryId: string;
}): Promise<VoteValue> {
  const vote = await db.vote.findUnique({ where: { userId_entryId: { userId, entryId } }, select: { value: true } });
  return (vote?.value ?? 0) as VoteValue;
}
