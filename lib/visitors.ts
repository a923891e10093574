// The anonymous visitor behind a request: a random id in the long-lived `hb_visitor` cookie,
// signed by this site. Route handlers use it to count a view or a decision-tree answer once per
// visitor; the database only ever stores a hash of the id (visitorKey in lib/views.ts).
//
// A request without a valid cookie moves no count: it only receives a cookie (and the
// NEW_VISITOR_HEADER, on which the page sends the request again). Otherwise every cookieless
// request, or every made-up cookie, would be one more visitor.
import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/auth/secret";
import { NEW_VISITOR_HEADER } from "@/lib/new-visitor";

export const VISITOR_COOKIE = "hb_visitor";
const ONE_YEAR_S = 365 * 24 * 3600;

let signingKey: Buffer | undefined;

function signature(id: string): string {
  // A key of its own, derived from the auth secret, so a visitor cookie can never pass for anything else.
  signingKey ??= createHmac("sha256", authSecret()).update("hivebrain visitor cookie").digest();
  return createHmac("sha256", signingKey).update(id).digest("base64url");
}

/** A fresh cookie value: `<random id>.<signature>`. */
export function newVisitorCookie(): string {
  const id = randomUUID();
  return `${id}.${signature(id)}`;
}

/** The visitor id in a cookie value, or null when the value is missing or not signed by this site. */
export function visitorIdOf(cookie: string | undefined): string | null {
  if (!cookie) return null;
  const dot = cookie.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = cookie.slice(0, dot);
  const given = Buffer.from(cookie.slice(dot + 1));
  const expected = Buffer.from(signature(id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/**
 * This browser's visitor id, its cookie renewed for another year on the response; or null when
 * it has no valid cookie, in which case the response sets a fresh one (mark the answer with
 * newVisitor, and count nothing for this request).
 */
export async function visitorOf(request: Request): Promise<string | null> {
  const jar = await cookies();
  const current = jar.get(VISITOR_COOKIE)?.value;
  const visitorId = visitorIdOf(current);
  jar.set(VISITOR_COOKIE, visitorId && current ? current : newVisitorCookie(), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: ONE_YEAR_S,
    secure: isHttps(request),
  });
  return visitorId;
}

/** Marks the answer to a request that came without a visitor cookie: it got one, and should be sent again. */
export function newVisitor(response: Response): Response {
  response.headers.set(NEW_VISITOR_HEADER, "1");
  return response;
}

function isHttps(request: Request): boolean {
  // X-Forwarded-Proto reaches the app only from a trusted proxy (scripts/server.mjs drops it otherwise).
  return request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
}
