// The anonymous visitor behind a request: a random id in the long-lived `hb_visitor` cookie.
// Route handlers use it to count a view or a decision-tree answer once per visitor; the
// database only ever stores a hash of it (visitorKey in lib/views.ts).
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";

export const VISITOR_COOKIE = "hb_visitor";
const ONE_YEAR_S = 365 * 24 * 3600;

/** This browser's visitor id, or a fresh one when it has none yet (keep it with rememberVisitor). */
export async function readVisitorId(): Promise<string> {
  return (await cookies()).get(VISITOR_COOKIE)?.value || randomUUID();
}

/** Sets (or renews for another year) the visitor cookie on the response. */
export async function rememberVisitor(visitorId: string, request: Request): Promise<void> {
  (await cookies()).set(VISITOR_COOKIE, visitorId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: ONE_YEAR_S,
    secure: isHttps(request),
  });
}

function isHttps(request: Request): boolean {
  return request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
}
