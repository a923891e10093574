// GET /api/v1/entries: the browse list as JSON, searchable with q (see lib/search).

import "server-only";
import { entriesJsonByIds } from "@/lib/api/entry-json";
import { parseListParams } from "@/lib/api/list-params";
import { apiCaller } from "@/lib/api/request";
import type { Db } from "@/lib/db";
import type { Viewer } from "@/lib/entries/visibility";
import { toJsonError } from "@/lib/errors";
import { jsonError, jsonOk } from "@/lib/http/json";
import { searchMatches } from "@/lib/search/search-entries";

/** GET /api/v1/entries as its caller (a token or the session) may see the list. */
export async function apiListEntriesResponse({ db, request }: { db: Db; request: Request }): Promise<Response> {
  const caller = await apiCaller({ db, request, write: false });
  if (!caller.ok) return toJsonError(caller);
  return listEntriesResponse({ db, request, viewer: caller.user });
}

/**
 * The list as `viewer` may see it (lib/entries/visibility.ts): a rejected entry only by its
 * author and moderators. Left out, the viewer is anonymous.
 */
export async function listEntriesResponse({
  db,
  request,
  viewer = null,
}: {
  db: Db;
  request: Request;
  viewer?: Viewer;
}): Promise<Response> {
  const url = new URL(request.url);
  const params = parseListParams(url.searchParams);
  if (!params.ok)
    return jsonError(
      "bad_request",
      `Invalid query parameters: ${Object.keys(params.fields).join(", ")}.`,
      params.fields,
    );
  const { q, ...state } = params.state;
  const result = await searchMatches({ db, query: q, viewer, ...state });
  const entries = await entriesJsonByIds({
    db,
    ids: result.entries.map((entry) => entry.id),
    viewer,
    origin: requestOrigin(request),
  });
  return jsonOk({
    entries,
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
    totalCapped: result.totalCapped,
  });
}

/** The origin the client asked for (behind a proxy, the forwarded one); `next start` reports "localhost" in request.url. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${protocol}://${host}`;
}
