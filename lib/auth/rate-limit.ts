// Brute-force protection for sign-in: failed attempts are counted per account and per IP in
// the database (RateLimit table), so every app server sees the same counters.
import "server-only";
import type { RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db";
import { databaseRateLimiter } from "@/lib/rate-limits";

const WINDOW_S = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export interface SignInLimits {
  /** Seconds to wait when this account or IP is locked out, else null. */
  lockedFor(input: { login: string; ip: string }): Promise<number | null>;
  recordFailure(input: { login: string; ip: string }): Promise<void>;
  recordSuccess(input: { login: string }): Promise<void>;
}

export function signInLimits(db: Db): SignInLimits {
  const perAccount = databaseRateLimiter({
    db,
    keyPrefix: "signin-account",
    points: MAX_FAILURES_PER_ACCOUNT,
    durationSeconds: WINDOW_S,
  });
  const perIp = databaseRateLimiter({
    db,
    keyPrefix: "signin-ip",
    points: MAX_FAILURES_PER_IP,
    durationSeconds: WINDOW_S,
  });
  const account = (login: string) => login.trim().toLowerCase();
  const waitSeconds = (res: RateLimiterRes | null, max: number) =>
    res && res.consumedPoints >= max ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  return {
    async lockedFor({ login, ip }) {
      const [a, i] = await Promise.all([perAccount.get(account(login)), perIp.get(ip)]);
      const wait = Math.max(waitSeconds(a, MAX_FAILURES_PER_ACCOUNT), waitSeconds(i, MAX_FAILURES_PER_IP));
      return wait > 0 ? wait : null;
    },
    async recordFailure({ login, ip }) {
      // consume() rejects once the limit is passed; the lock-out is read by lockedFor.
      await Promise.allSettled([perAccount.consume(account(login)), perIp.consume(ip)]);
    },
    async recordSuccess({ login }) {
      await perAccount.delete(account(login));
    },
  };
}
