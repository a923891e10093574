// Public profiles: a user's entries, accepted revisions and reputation.

import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { type EntryCard, entryCardSelect, toEntryCard } from "@/lib/entries/list-entries";
import { LISTED_STATUSES } from "@/lib/entries/taxonomy";
import { seesPrivateProfile, type Viewer, visibleTo } from "@/lib/entries/visibility";

/** Reputation rules, shown on the profile page too. */
export const REPUTATION_PER_ACCEPTED_REVISION = 2;

export interface Profile {
  id: string;
  handle: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
  /** The viewer is this user or a moderator: they see all of the user's entries and review outcomes. */
  viewerSeesPrivate: boolean;
  reputation: number;
  voteTotal: number;
  entries: EntryCard[];
  acceptedRevisions: {
    id: string;
    number: number;
    summary: string;
    createdAt: Date;
    agentClient: string | null;
    entry: { slug: string; title: string; status: string };
  }[];
}

/**
 * A profile as `viewer` may see it: other people see approved and pending entries; the user
 * themselves and moderators also see rejected and archived ones. Accepted revisions of entries
 * the viewer may not see are left out.
 */
export async function getProfile({
  db,
  handle,
  viewer,
}: {
  db: Db;
  handle: string;
  viewer: Viewer;
}): Promise<Profile | null> {
  const user = await db.user.findUnique({
    where: { handle },
    select: { id: true, handle: true, name: true, role: true, createdAt: true },
  });
  if (!user) return null;
  const viewerSeesPrivate = seesPrivateProfile(viewer, user.id);
  const [entries, acceptedRevisions, votes] = await Promise.all([
    db.entry.findMany({
      where: {
        authorId: user.id,
        AND: [visibleTo(viewer), viewerSeesPrivate ? {} : { status: { in: [...LISTED_STATUSES] } }],
      },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: entryCardSelect,
    }),
    db.revision.findMany({
      where: { authorId: user.id, status: "accepted", number: { gt: 0 }, entry: visibleTo(viewer) },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        number: true,
        summary: true,
        createdAt: true,
        agentClient: true,
        entry: { select: { slug: true, title: true, status: true } },
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
    viewerSeesPrivate,
    voteTotal,
    reputation: voteTotal + REPUTATION_PER_ACCEPTED_REVISION * acceptedCount,
    entries: entries.map(toEntryCard),
    acceptedRevisions,
  };
}
