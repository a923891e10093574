// Who is calling /api/v1. Callers authenticate with a personal API token (Authorization:
// Bearer) or with the browser session; writes with a session cookie must come from this site
// (CSRF), writes with a token need its write scope. Anonymous callers may read and submit
// entries, as in the UI.

import "server-only";
import { tokenAllows, userForApiToken } from "@/lib/api-tokens";
import type { CurrentUser } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { type Failure, fail } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOrigin } from "@/lib/http/json";

export async function apiCaller({
  db,
  request,
  write,
}: {
  db: Db;
  request: Request;
  write: boolean;
}): Promise<{ ok: true; user: CurrentUser | null } | Failure> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) return fail("unauthorized", "Send the token as “Authorization: Bearer <token>”.");
    const caller = await userForApiToken({ db, token });
    if (!caller.ok) return caller;
    const scope = write ? "write" : "read";
    if (!tokenAllows(caller.token, scope))
      return fail("forbidden", `This API token lacks the ${scope} scope; create a token with it on your profile.`);
    return { ok: true, user: caller.user };
  }
  const user = await getCurrentUser();
  if (write && user && !isSameOrigin(request))
    return fail("forbidden", "Cross-site requests with a session cookie are refused; use an API token.");
  return { ok: true, user };
}

export function requestIp(request: Request): string {
  return clientIp((name) => request.headers.get(name));
}
