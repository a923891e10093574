// Rate limiters whose counters live in the database (RateLimit table), so every app server
// shares them. Used for sign-in attempts and submissions.
import { RateLimiterPrisma } from "rate-limiter-flexible";
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
