// Brute-force protection for sign-in, kept in the database (RateLimit table) so every app
// server sees the same counters.
//
// Per account: the attempts since the last successful sign-in, keyed on the account the login
// names (its user id, so its handle and its email share one count) or, when no account has that
// handle or email, on the normalized login, so that probing answers alike for every name. The
// first FREE_FAILURES cost nothing; after them, each attempt must come at least a delay after the
// previous one, FIRST_DELAY_S doubling with each failure up to MAX_DELAY_S. An attempt that comes
// too early is refused before the password is checked, and the right password after the delay
// signs in: a stranger can slow an account down, but not lock its owner out.
//
// Per address: MAX_FAILURES_PER_IP failed attempts in 15 minutes lock the address out.
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { databaseRateLimiter } from "@/lib/rate-limits";

export const FREE_FAILURES = 5;
export const FIRST_DELAY_S = 5;
export const MAX_DELAY_S = 15 * 60;
/** A count with no attempt for this long starts again from zero. */
export const FAILURES_FORGOTTEN_AFTER_S = 24 * 3600;
export const MAX_FAILURES_PER_IP = 30;
const IP_WINDOW_S = 15 * 60;

const ACCOUNT_PREFIX = "signin-delay:";
const LOGIN_KEY_MAX = 320;

/** The seconds the attempt after `failures` failed ones must wait after the last of them. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - FREE_FAILURES));
}

/** What the account count is keyed on: the account, or the login as typed when none matches. */
export function throttleKey(userId: string | null, login: string): string {
  return userId ? `user:${userId}` : `login:${login.trim().toLowerCase().slice(0, LOGIN_KEY_MAX)}`;
}

export interface SignInLimits {
  /** Seconds until this address may try again, or null. */
  addressWait(ip: string): Promise<number | null>;
  /**
   * Takes the account's next attempt: null when it may go ahead (it counts as a failure until
   * recordSuccess), or the seconds to wait when it comes too early (then nothing is counted).
   */
  claimAttempt(key: string): Promise<number | null>;
  recordAddressFailure(ip: string): Promise<void>;
  recordSuccess(key: string): Promise<void>;
}

/** `now` is for tests, which move the clock instead of waiting. */
export function signInLimits(db: Db, now: () => number = Date.now): SignInLimits {
  const perIp = databaseRateLimiter({
    db,
    keyPrefix: "signin-ip",
    points: MAX_FAILURES_PER_IP,
    durationSeconds: IP_WINDOW_S,
  });
  const forgetMs = FAILURES_FORGOTTEN_AFTER_S * 1000;

  // The row holds the count (points) and, in expire, when it is forgotten: the last attempt plus
  // FAILURES_FORGOTTEN_AFTER_S. Taking an attempt is a compare-and-swap on the count, so of
  // several attempts sent at once only one gets each slot.
  async function claimAttempt(key: string, tries = 5): Promise<number | null> {
    const at = now();
    const row = await db.rateLimit.findUnique({ where: { key: ACCOUNT_PREFIX + key } });
    const live = row?.expire && row.expire.getTime() > at ? row : null;
    const failures = live?.points ?? 0;
    if (live?.expire) {
      const waitMs = live.expire.getTime() - forgetMs + delayAfter(failures) * 1000 - at;
      if (waitMs > 0) return Math.ceil(waitMs / 1000);
    }
    const data = { points: failures + 1, expire: new Date(at + forgetMs) };
    if (!row) {
      try {
        await db.rateLimit.create({ data: { key: ACCOUNT_PREFIX + key, ...data } });
        return null;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    } else {
      const swapped = await db.rateLimit.updateMany({ where: { key: ACCOUNT_PREFIX + key, points: row.points }, data });
      if (swapped.count === 1) return null;
    }
    // Another attempt took this slot meanwhile: judge again against the count it left.
    return tries > 1 ? claimAttempt(key, tries - 1) : Math.max(1, delayAfter(failures + 1));
  }

  return {
    async addressWait(ip) {
      const res = await perIp.get(ip);
      return res && res.consumedPoints >= MAX_FAILURES_PER_IP ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : null;
    },
    claimAttempt: (key) => claimAttempt(key),
    async recordAddressFailure(ip) {
      // consume() rejects once the limit is passed; the lock-out is read by addressWait.
      await perIp.consume(ip).catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      });
    },
    async recordSuccess(key) {
      await db.rateLimit.deleteMany({ where: { key: ACCOUNT_PREFIX + key } });
    },
  };
}
