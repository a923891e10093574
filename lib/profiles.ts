// Public profiles: a user's entries, accepted revisions and reputation.

import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { type EntryCard, entryCardSelect, toEntryCard } from "@/lib/entries/list-entries";
import { LISTED_STATUSES } from "@/lib/entries/taxonomy";

/** Reputation rules, shown on the profile page too. */
export const REPUTATION_PER_ACCEPTED_REVISION = 2;

export interface Profile {
  id: string;
  handle: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
  reputation: number;
  voteTotal: number;
  entries: EntryCard[];
  acceptedRevisions: {
    id: string;
    number: number;
    summary: string;
    createdAt: Date;
    entry: { slug: string; title: string };
  }[];
}

/**
 * A profile as `viewer` may see it: other people see approved and pending entries; the user
 * themselves and moderators also see rejected and archived ones.
 */
export async function getProfile({
  db,
  handle,
  seeAllStatuses,
}: {
  db: Db;
  handle: string;
  seeAllStatuses: boolean;
}): Promise<Profile | null> {
  const user = await db.user.findUnique({
    where: { handle },
    select: { id: true, handle: true, name: true, role: true, createdAt: true },
  });
  if (!user) return null;
  const [entries, acceptedRevisions, votes] = await Promise.all([
    db.entry.findMany({
      where: { authorId: user.id, ...(seeAllStatuses ? {} : { status: { in: [...LISTED_STATUSES] } }) },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: entryCardSelect,
    }),
    db.revision.findMany({
      where: { authorId: user.id, status: "accepted", number: { gt: 0 } },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        number: true,
        summary: true,
        createdAt: true,
        entry: { select: { slug: true, title: true } },
      },
    }),
    db.vote.aggregate({ where: { entry: { authorId: user.id } }, _sum: { value: true } }),
  ]);
  const acceptedCount = await db.revision.count({
    where: { authorId: user.id, status: "accepted", number: { gt: 0 } },
  });
  const voteTotal = votes._sum.value ?? 0;
  return {
    id: user.id,
    handle: user.handle,
    name: user.name,
    role: user.role as Role,
    joinedAt: user.createdAt,
    voteTotal,
    reputation: voteTotal + REPUTATION_PER_ACCEPTED_REVISION * acceptedCount,
    entries: entries.map(toEntryCard),
    acceptedRevisions,
  };
}
