// Session versions. A session is a JWT that no server can take back, so each one carries the
// user's sessionVersion from when it was issued (claim `sv`), and a session is honoured only
// while that is still the user's version. "Sign out everywhere" and a password change increment
// the version, which ends every session issued before.
import "server-only";
import type { CurrentUser, Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

/** The claims of a session token that HiveBrain sets (lib/auth/options.ts, jwt callback). */
export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  [claim: string]: unknown;
}

/** The version a token was issued under; tokens from before versions existed count as 0. */
export function tokenVersion(token: SessionClaims): number | null {
  if (token.sv === undefined) return 0;
  return typeof token.sv === "number" && Number.isInteger(token.sv) ? token.sv : null;
}

/**
 * The user a session token signs in, with their current role, or null: no user id, the user is
 * gone, or the token is older than the user's session version (signed out everywhere, or the
 * password changed since).
 */
export async function userForSession({ db, token }: { db: Db; token: SessionClaims }): Promise<CurrentUser | null> {
  const version = tokenVersion(token);
  if (typeof token.uid !== "string" || version === null) return null;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, handle: true, role: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== version) return null;
  return { id: user.id, handle: user.handle, role: user.role as Role };
}

/** The version a session issued now carries. */
export async function sessionVersionOf({ db, userId }: { db: Db; userId: string }): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return user.sessionVersion;
}

/** Ends every session of the user, this browser's too. Answers the new version. */
export async function endAllSessions({ db, userId }: { db: Db; userId: string }): Promise<number> {
  const user = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}
