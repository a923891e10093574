// JSON responses of the API: one error shape, {"error": {"code", "message", "fields"?}}.
import { NextResponse } from "next/server";
import { type ErrorCode, type FieldErrors, fail, toJsonError } from "@/lib/errors";

/** A failure answered directly by a route (the codes and statuses are lib/errors.ts's). */
export function jsonError(code: ErrorCode, message?: string, fieldErrors?: FieldErrors): NextResponse {
  return toJsonError(fail(code, message, fieldErrors ? { fieldErrors } : {}));
}

export function jsonOk(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * CSRF protection for cookie-authenticated writes: the browser's Origin header must name
 * this site. Cross-site forms and scripts cannot forge it.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
