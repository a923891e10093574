// View counting: a visitor's view of an entry counts at most once per hour.
// Visitors are identified by a random cookie; only its SHA-256 is stored.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { visibleTo } from "@/lib/entries/visibility";
import { type Failure, fail } from "@/lib/errors";

export const VIEW_WINDOW_MS = 60 * 60 * 1000;

export function visitorKey(visitorId: string): string {
  return createHash("sha256").update(visitorId).digest("hex");
}

/**
 * Counts a view unless this visitor's last counted view of the entry is under an hour old; a
 * request without a visitor (null: no visitor cookie yet) counts nothing and only reads the
 * count. Answers not_found for an unknown slug and for a rejected entry. Safe under concurrent requests: the window
 * check and the claim of the window are one conditional UPDATE (or one INSERT guarded by the
 * primary key).
 */
export async function recordView({
  db,
  slug,
  visitorId,
  now = new Date(),
}: {
  db: Db;
  slug: string;
  visitorId: string | null;
  now?: Date;
}): Promise<{ ok: true; counted: boolean; viewCount: number } | Failure> {
  // Views are counted on public entries only: a rejected entry does not exist for the public.
  const entry = await db.entry.findFirst({
    where: { slug, AND: [visibleTo(null)] },
    select: { id: true, viewCount: true },
  });
  if (!entry) return fail("not_found", `No entry has the slug "${slug}".`);
  if (visitorId === null) return { ok: true, counted: false, viewCount: entry.viewCount };
  const key = { entryId: entry.id, visitorKey: visitorKey(visitorId) };
  const windowStart = new Date(now.getTime() - VIEW_WINDOW_MS);

  let counted: boolean;
  const claimed = await db.entryView.updateMany({
    where: { ...key, countedAt: { lte: windowStart } },
    data: { countedAt: now },
  });
  if (claimed.count === 1) {
    counted = true;
  } else {
    try {
      await db.entryView.create({ data: { ...key, countedAt: now } });
      counted = true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      counted = false; // seen within the hour (or a concurrent request just counted it)
    }
  }

  const updated = counted
    ? await db.entry.update({
        where: { id: entry.id },
        data: { viewCount: { increment: 1 } },
        select: { viewCount: true },
      })
    : await db.entry.findUniqueOrThrow({ where: { id: entry.id }, select: { viewCount: true } });
  return { ok: true, counted, viewCount: updated.viewCount };
}

/** Drops view records whose hour has passed; they no longer affect counting. */
export async function pruneViews({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> {
  const { count } = await db.entryView.deleteMany({
    where: { countedAt: { lte: new Date(now.getTime() - VIEW_WINDOW_MS) } },
  });
  return count;
}
