// Signing in with a handle or email and a password, behind the throttle of lib/auth/rate-limit.ts.
// next-auth's credentials provider (lib/auth/options.ts) calls this and shows its message.
import "server-only";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/passwords";
import { type SignInLimits, signInLimits, throttleKey } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db";
import { findUserForSignIn } from "@/lib/users";

export const SIGN_IN_FAILED = "Wrong handle, email or password.";

function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export const tooManyMessage = (seconds: number) => `Too many failed sign-ins. Try again in ${inWords(seconds)}.`;

export type PasswordSignIn =
  | { ok: true; user: { id: string; handle: string; email: string | null } }
  | { ok: false; message: string; retryAfterSeconds?: number };

export async function signInWithPassword({
  db,
  login,
  password,
  ip,
  limits = signInLimits(db),
}: {
  db: Db;
  login: string;
  password: string;
  ip: string;
  limits?: SignInLimits;
}): Promise<PasswordSignIn> {
  const refused = (seconds: number): PasswordSignIn => ({
    ok: false,
    message: tooManyMessage(seconds),
    retryAfterSeconds: seconds,
  });
  const addressWait = await limits.addressWait(ip);
  if (addressWait) return refused(addressWait);
  const user = await findUserForSignIn({ db, login });
  const key = throttleKey(user?.id ?? null, login);
  const accountWait = await limits.claimAttempt(key);
  if (accountWait) return refused(accountWait);
  // Same work whether or not the account exists, and the same message either way.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !valid) {
    await limits.recordAddressFailure(ip);
    return { ok: false, message: SIGN_IN_FAILED };
  }
  await limits.recordSuccess(key);
  return { ok: true, user: { id: user.id, handle: user.handle, email: user.email } };
}
