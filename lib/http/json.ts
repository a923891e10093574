// JSON requests and responses of the route handlers (the API and the browser's JSON routes):
// bodies read one way (size limit, JSON object, zod schema), errors answered one way
// ({"error": {"code", "message", "fields"?}}, lib/errors.ts).
import type { z } from "zod";
import { type ErrorCode, type Failure, type FieldErrors, fail, fieldErrorsOf, toJsonError } from "@/lib/errors";

/** The cap of the API's entry and revision bodies. */
export const MAX_BODY_BYTES = 256 * 1024;
/** The cap of the small JSON bodies (a vote, a decision-tree answer) and of bodies a route ignores (a view). */
export const SMALL_BODY_BYTES = 1024;

/** A failure answered directly by a route (the codes and statuses are lib/errors.ts's). */
export function jsonError(code: ErrorCode, message?: string, fieldErrors?: FieldErrors): Response {
  return toJsonError(fail(code, message, fieldErrors ? { fieldErrors } : {}));
}

export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export type Read<T> = { ok: true; value: T } | Failure;

/**
 * The raw body, read as a stream and counted as it arrives: too_large (413) as soon as it
 * passes maxBytes, whether or not Content-Length said so (a chunked upload has none). Past the
 * cap the stream is cancelled, so the rest is never read: Node answers an unfinished request
 * with `Connection: close` and closes the connection after the answer.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Read<Uint8Array<ArrayBuffer>>> {
  const body = request.body;
  if (!body) return { ok: true, value: new Uint8Array() };
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    await body.cancel().catch(() => {});
    return tooLarge(maxBytes);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return { ok: true, value: Buffer.concat(chunks, size) };
}

/** The JSON body: too_large (413) over maxBytes, bad_request (400) when it is not a JSON object. */
export async function readJsonObject(
  request: Request,
  maxBytes: number = MAX_BODY_BYTES,
): Promise<Read<Record<string, unknown>>> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (!bytes.ok) return bytes;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes.value));
  } catch {
    return fail("bad_request", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return fail("bad_request", "The request body must be a JSON object.");
  return { ok: true, value: body as Record<string, unknown> };
}

/**
 * The JSON body parsed with `schema`, the operation's request schema, read up to `maxBytes`
 * (MAX_BODY_BYTES unless the route's bodies are small). A body of the wrong shape is `invalid`
 * (422) with each field's problems, unless the route names another `code`.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { code = "invalid", maxBytes = MAX_BODY_BYTES }: { code?: ErrorCode; maxBytes?: number } = {},
): Promise<Read<z.output<S>>> {
  const body = await readJsonObject(request, maxBytes);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return fail(code, undefined, { fieldErrors: fieldErrorsOf(parsed.error) });
  return { ok: true, value: parsed.data };
}

function tooLarge(maxBytes: number) {
  const size = maxBytes % 1024 === 0 ? `${maxBytes / 1024} KiB` : `${maxBytes} bytes`;
  return fail("too_large", `The request body is larger than ${size}.`);
}

/**
 * CSRF protection for cookie-authenticated writes: the browser's Origin header must name
 * this site. Cross-site forms and scripts cannot forge it. X-Forwarded-Host counts only when a
 * trusted proxy set it: scripts/server.mjs drops it from anyone else.
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
