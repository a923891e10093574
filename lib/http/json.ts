// JSON requests and responses of the route handlers (the API and the browser's JSON routes):
// bodies read one way (size limit, JSON object, zod schema), errors answered one way
// ({"error": {"code", "message", "fields"?}}, lib/errors.ts).
import type { z } from "zod";
import { type ErrorCode, type Failure, type FieldErrors, fail, fieldErrorsOf, toJsonError } from "@/lib/errors";

export const MAX_BODY_BYTES = 256 * 1024;

/** A failure answered directly by a route (the codes and statuses are lib/errors.ts's). */
export function jsonError(code: ErrorCode, message?: string, fieldErrors?: FieldErrors): Response {
  return toJsonError(fail(code, message, fieldErrors ? { fieldErrors } : {}));
}

export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export type Read<T> = { ok: true; value: T } | Failure;

/** The JSON body: too_large (413) over MAX_BODY_BYTES, bad_request (400) when it is not a JSON object. */
export async function readJsonObject(request: Request): Promise<Read<Record<string, unknown>>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail("bad_request", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return fail("bad_request", "The request body must be a JSON object.");
  return { ok: true, value: body as Record<string, unknown> };
}

/**
 * The JSON body parsed with `schema`, the operation's request schema. A body of the wrong
 * shape is `invalid` (422) with each field's problems, unless the route says otherwise.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  code: ErrorCode = "invalid",
): Promise<Read<z.output<S>>> {
  const body = await readJsonObject(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return fail(code, undefined, { fieldErrors: fieldErrorsOf(parsed.error) });
  return { ok: true, value: parsed.data };
}

function tooLarge() {
  return fail("too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
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
