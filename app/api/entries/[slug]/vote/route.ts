import { voteResponse } from "@/lib/api/entry-routes";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toJsonError } from "@/lib/errors";
import { isSameOrigin, jsonError, jsonOk } from "@/lib/http/json";
import { voteState } from "@/lib/votes";

type Params = { params: Promise<{ slug: string }> };

/** The score and this visitor's vote (per visitor, so never part of the cached page). */
export async function GET(_request: Request, { params }: Params) {
  const state = await voteState({ db, ref: (await params).slug, user: await getCurrentUser() });
  if (!state.ok) return toJsonError(state);
  const { ok: _, ...body } = state;
  return jsonOk(body);
}

/** Vote +1 / -1, or 0 to take the vote back: the same write, body and errors as POST /api/v1/entries/<ref>/vote. */
export async function POST(request: Request, { params }: Params) {
  if (!isSameOrigin(request)) return jsonError("forbidden", "Cross-site requests are not allowed.");
  return voteResponse({ db, request, ref: (await params).slug, user: await getCurrentUser() });
}
