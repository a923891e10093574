// JSON responses of the API: one error shape, {"error": {"code", "message", "fields"?}}.
import { NextResponse } from "next/server";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "invalid"
  | "rate_limited";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  rate_limited: 429,
};

export function jsonError(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string[]>,
  extra: { conflicts?: unknown[]; retryAfterSeconds?: number } = {},
): NextResponse {
  const { conflicts, retryAfterSeconds } = extra;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return NextResponse.json(
    { error: { code, message, ...(fields ? { fields } : {}), ...(conflicts ? { conflicts } : {}) } },
    { status: STATUS[code], headers },
  );
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
