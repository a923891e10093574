// Computes EntryErrorKey rows for the entries that database triggers queued in ErrorKeyRefresh
// (new entries, changed error messages). Runs before every search, so keys are never stale
// when they are read; when nothing is queued it costs one indexed read.
import "server-only";
import type { Db } from "@/lib/db";
import { stringList } from "@/lib/entries/schema";
import { errorKey } from "@/lib/search/error-key";

const BATCH = 500;

/** Processes queued entries; returns how many it handled. Loop until 0 to drain a bulk load. */
export async function refreshErrorKeys({ db, batch = BATCH }: { db: Db; batch?: number }): Promise<number> {
  const queued = await db.errorKeyRefresh.findMany({ select: { entryId: true }, take: batch });
  if (queued.length === 0) return 0;
  const entryIds = queued.map((row) => row.entryId);
  await db.$transaction(async (tx) => {
    // Dequeue first: a concurrent change of an entry's messages queues it again after this
    // transaction, so the entry's newest messages are always picked up by some refresh.
    await tx.errorKeyRefresh.deleteMany({ where: { entryId: { in: entryIds } } });
    const entries = await tx.entry.findMany({
      where: { id: { in: entryIds } },
      select: { id: true, errorMessages: true },
    });
    await tx.entryErrorKey.deleteMany({ where: { entryId: { in: entryIds } } });
    const keys = entries.flatMap((entry) =>
      [...new Set(stringList(entry.errorMessages).map(errorKey))]
        .filter((key): key is string => key !== null)
        .map((key) => ({ entryId: entry.id, key })),
    );
    if (keys.length) await tx.entryErrorKey.createMany({ data: keys });
  });
  return queued.length;
}
