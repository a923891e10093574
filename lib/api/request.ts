// Who is calling /api/v1 and what they sent. Callers authenticate with a personal API token
// (Authorization: Bearer) or with the browser session; writes with a session cookie must come
// from this site (CSRF). Anonymous callers may read and submit entries, as in the UI.

import "server-only";
import { userForApiToken } from "@/lib/api-tokens";
import type { CurrentUser } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOrigin, jsonError } from "@/lib/http/json";

export const MAX_BODY_BYTES = 256 * 1024;

type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

export async function apiCaller({
  db,
  request,
  write,
}: {
  db: Db;
  request: Request;
  write: boolean;
}): Promise<Outcome<CurrentUser | null>> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token)
      return { ok: false, response: jsonError("unauthorized", "Send the token as “Authorization: Bearer <token>”.") };
    const user = await userForApiToken({ db, token });
    if (!user) return { ok: false, response: jsonError("unauthorized", "Unknown or revoked API token.") };
    return { ok: true, value: user };
  }
  const user = await getCurrentUser();
  if (write && user && !isSameOrigin(request)) {
    return {
      ok: false,
      response: jsonError("forbidden", "Cross-site requests with a session cookie are refused; use an API token."),
    };
  }
  return { ok: true, value: user };
}

/** The JSON body, or a 413 when it is too large and a 400 when it is not a JSON object. */
export async function readJsonObject(request: Request): Promise<Outcome<Record<string, unknown>>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError("bad_request", "The request body is not valid JSON.") };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, response: jsonError("bad_request", "The request body must be a JSON object.") };
  return { ok: true, value: body as Record<string, unknown> };
}

function tooLarge() {
  return jsonError("too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
}

export function requestIp(request: Request): string {
  return clientIp((name) => request.headers.get(name));
}
