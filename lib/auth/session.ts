import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { cache } from "react";
import { authOptions, SESSION_MAX_AGE_S } from "@/lib/auth/options";
import { type CurrentUser, isRole } from "@/lib/auth/roles";

/**
 * The signed-in user for this request, with their current role from the database, or null.
 * Server-only (reads the session cookie): never call it from a page that must stay static.
 * The session callback (lib/auth/options.ts) has just read the user and checked the token's
 * session version; a signed-out token comes back as no session.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: unknown; name?: unknown; role?: unknown } | undefined;
  if (typeof user?.id !== "string" || typeof user.name !== "string" || !isRole(user.role)) return null;
  return { id: user.id, handle: user.name, role: user.role };
});

// next-auth's names for the session cookie: with the __Secure- prefix when the site is https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Re-issues this browser's session under a new session version, so that it stays signed in when
 * the version goes up (a password change). Only from a server action or route handler, which
 * may set cookies. False when the request carries no session.
 */
export async function reissueSession(sessionVersion: number): Promise<boolean> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.has(candidate));
  const secret = authOptions.secret;
  if (!name || !secret) return false;
  const token = await decode({ token: jar.get(name)?.value, secret });
  if (!token) return false;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_S });
  jar.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
  return true;
}
