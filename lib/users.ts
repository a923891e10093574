// Accounts: creation (sign-up and the user:create script), lookup for sign-in, profiles.
import "server-only";
import { z } from "zod";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/passwords";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { type Failure, fail } from "@/lib/errors";
import { consumeOrWait } from "@/lib/rate-limits";

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9_-]{2,29}$/;

export const signUpSchema = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      HANDLE_PATTERN,
      "Handles are 3–30 characters: lower-case letters, digits, - and _, starting with a letter or digit.",
    ),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export type SignUpInput = z.input<typeof signUpSchema>;

export type CreateUserResult = { ok: true; user: { id: string; handle: string; role: Role } } | Failure;

// Everyone behind one NAT shares an address; a site can raise the limit (the browser tests do,
// since all their visitors come from 127.0.0.1).
export const SIGN_UPS_PER_HOUR_PER_IP = Number(process.env.SIGN_UPS_PER_HOUR_PER_IP) || 5;

const NEEDS_ATTENTION = "Some fields need attention.";

/**
 * Creates an account with a hashed password. Taken handles and emails are field errors. With
 * `ip` (the sign-up form), each well-formed attempt from that address counts against
 * SIGN_UPS_PER_HOUR_PER_IP before anything else: before the Argon2id hash, and before the answer
 * that a handle or email is taken, so that answer cannot be asked for in bulk either.
 */
export async function createUser({
  db,
  input,
  role = "user",
  ip,
}: {
  db: Db;
  input: SignUpInput;
  role?: Role;
  ip?: string;
}): Promise<CreateUserResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success)
    return fail("invalid", NEEDS_ATTENTION, { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  if (!ROLES.includes(role)) throw new Error(`Unknown role ${role}`);
  if (ip !== undefined) {
    const wait = await consumeOrWait([
      { db, keyPrefix: "signup-ip", points: SIGN_UPS_PER_HOUR_PER_IP, durationSeconds: 3600, key: ip },
    ]);
    if (wait)
      return fail(
        "rate_limited",
        `Too many accounts were created from your network in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`,
        { retryAfterSeconds: wait },
      );
  }
  const { handle, email, password } = parsed.data;
  const taken = await db.user.findFirst({
    where: { OR: [{ handle }, { email }] },
    select: { handle: true, email: true },
  });
  if (taken) {
    const fieldErrors =
      taken.handle === handle
        ? { handle: ["That handle is taken."] }
        : { email: ["An account already uses that email."] };
    return fail("invalid", NEEDS_ATTENTION, { fieldErrors });
  }
  try {
    const user = await db.user.create({
      data: { handle, email, role, name: handle, passwordHash: await hashPassword(password) },
      select: { id: true, handle: true, role: true },
    });
    return { ok: true, user: { ...user, role: user.role as Role } };
  } catch (error) {
    // Someone took the handle or email between the check and the insert.
    if (isUniqueViolation(error)) {
      return fail("invalid", NEEDS_ATTENTION, { fieldErrors: { handle: ["That handle or email is taken."] } });
    }
    throw error;
  }
}

/** The account a sign-in names, by handle or email (case-insensitive). Includes the hash: sign-in only. */
export async function findUserForSignIn({ db, login }: { db: Db; login: string }) {
  const normalized = login.trim().toLowerCase();
  if (!normalized) return null;
  return db.user.findFirst({
    where: { OR: [{ handle: normalized }, { email: normalized }] },
    select: { id: true, handle: true, email: true, role: true, passwordHash: true },
  });
}
