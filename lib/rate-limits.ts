// Rate limiters whose counters live in the database (RateLimit table), so every app server
// shares them. Used for sign-in attempts, submissions and revisions.
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db";

export function databaseRateLimiter({
  db,
  keyPrefix,
  points,
  durationSeconds,
}: {
  db: Db;
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}) {
  // tableName is the client's delegate name (db.rateLimit), not the SQL table.
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix,
    points,
    duration: durationSeconds,
    clearExpiredByTimeout: false,
  });
}

export interface Quota {
  db: Db;
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  key: string;
}

/**
 * Takes one point from each quota in turn. Answers null when all had room, or the seconds to
 * wait before the first spent one has room again (the quotas after it are not charged).
 */
export async function consumeOrWait(quotas: Quota[]): Promise<number | null> {
  try {
    for (const { key, ...limit } of quotas) await databaseRateLimiter(limit).consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
