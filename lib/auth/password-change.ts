// Changing a password: by its owner (current password first, rate-limited) on their profile, or
// by an admin with `npm run user:password`. Either way the session version goes up, so every
// session issued before, on any device, is signed out (lib/auth/session-version.ts).
import "server-only";
import { z } from "zod";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from "@/lib/auth/passwords";
import type { Db } from "@/lib/db";
import { type Failure, fail } from "@/lib/errors";
import { consumeOrWait } from "@/lib/rate-limits";

export const PASSWORD_CHANGES_PER_HOUR = 10;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export type ChangePasswordResult = { ok: true; sessionVersion: number } | Failure;

const NEEDS_ATTENTION = "Some fields need attention.";

export async function changePassword({
  db,
  userId,
  currentPassword,
  newPassword,
}: {
  db: Db;
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<ChangePasswordResult> {
  const parsed = newPasswordSchema.safeParse(newPassword);
  if (!parsed.success)
    return fail("invalid", NEEDS_ATTENTION, {
      fieldErrors: { newPassword: parsed.error.issues.map((i) => i.message) },
    });
  // Counted before the current password is checked: each try costs two Argon2id runs, and the
  // check is a way to guess the password of a session left open.
  const wait = await consumeOrWait([
    { db, keyPrefix: "password-change-user", points: PASSWORD_CHANGES_PER_HOUR, durationSeconds: 3600, key: userId },
  ]);
  if (wait)
    return fail("rate_limited", `Too many password changes. Try again in ${Math.ceil(wait / 60)} minutes.`, {
      retryAfterSeconds: wait,
    });
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword)))
    return fail("invalid", NEEDS_ATTENTION, {
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
  if (currentPassword === newPassword)
    return fail("invalid", NEEDS_ATTENTION, {
      fieldErrors: { newPassword: ["Choose a password you do not use now."] },
    });
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return { ok: true, sessionVersion: updated.sessionVersion };
}

/** Whether the account has a password to change (accounts from GitHub or an import may not). */
export async function hasPassword({ db, userId }: { db: Db; userId: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}

/** Sets the password of the account with this handle (the admin's CLI). False when there is none. */
export async function setPassword({ db, handle, password }: { db: Db; handle: string; password: string }) {
  const updated = await db.user.updateMany({
    where: { handle: handle.trim().toLowerCase() },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
  });
  return updated.count > 0;
}
