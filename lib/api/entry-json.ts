// The JSON shape of an entry in the /api/v1 routes, one serializer for all of them.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { entryDetailSelect, toEntryDetail } from "@/lib/entries/get-entry";
import { type Verification, verificationMaxAgeMonths, verificationStatus } from "@/lib/entries/verification";
import { entryPath, type Viewer, visibleTo } from "@/lib/entries/visibility";

export interface EntryJson {
  id: string;
  slug: string;
  title: string;
  category: string;
  language: string | null;
  framework: string | null;
  severity: string;
  status: string;
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: string[];
  errorMessages: string[];
  /** What it was verified with; empty when it states nothing. */
  verifiedWith: Verification[];
  /** False when it states no verification, or its newest is older than VERIFICATION_MAX_AGE_MONTHS. */
  verifiedRecently: boolean;
  tags: string[];
  /** The author's handle; null for anonymous or deleted authors. */
  author: string | null;
  score: number;
  viewCount: number;
  revisionCount: number;
  createdAt: string;
  updatedAt: string;
  /** Absolute URL of the entry's page (of a rejected entry, the page its author and moderators read it on). */
  url: string;
}

export const entryJsonSelect = entryDetailSelect satisfies Prisma.EntrySelect;

export type EntryJsonRow = Prisma.EntryGetPayload<{ select: typeof entryJsonSelect }>;

/**
 * `origin` is the site's origin ("https://hivebrain.example"), for the entry's absolute URL;
 * `now` decides whether its verification is recent.
 */
export function toEntryJson(row: EntryJsonRow, origin: string, now: Date = new Date()): EntryJson {
  const { authorHandle, createdAt, updatedAt, ...fields } = toEntryDetail(row);
  return {
    ...fields,
    verifiedRecently: !verificationStatus(fields.verifiedWith, now, verificationMaxAgeMonths()).stale,
    author: authorHandle,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    url: new URL(entryPath(row), origin).href,
  };
}

/** The entries with these ids that `viewer` may see, as JSON, in the order of the ids. */
export async function entriesJsonByIds({
  db,
  ids,
  viewer,
  origin,
}: {
  db: Db;
  ids: string[];
  viewer: Viewer;
  origin: string;
}): Promise<EntryJson[]> {
  if (ids.length === 0) return [];
  const rows = await db.entry.findMany({
    where: { id: { in: ids }, AND: [visibleTo(viewer)] },
    select: entryJsonSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toEntryJson(row, origin)] : [];
  });
}
