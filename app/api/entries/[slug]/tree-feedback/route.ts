import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readTreeFeedback, recordTreeFeedback, treeFeedbackInput } from "@/lib/decision-trees/feedback";
import { toJsonError } from "@/lib/errors";
import { isSameOrigin, jsonError, jsonOk, readJsonBody, SMALL_BODY_BYTES } from "@/lib/http/json";
import { newVisitor, visitorOf } from "@/lib/visitors";

type Params = { params: Promise<{ slug: string }> };

/** The "Did this fit your case?" counts per tree and outcome: for the entry's author and moderators only. */
export async function GET(_request: Request, { params }: Params) {
  const result = await readTreeFeedback({ db, slug: (await params).slug, viewer: await getCurrentUser() });
  if (!result.ok) return toJsonError(result);
  return jsonOk({ counts: result.counts });
}

/**
 * Records this visitor's answer for one outcome: `{"treeKey", "outcomeId", "fits": true | false}`.
 * A request without a visitor cookie gets one (whatever the answer) and records nothing (401).
 */
export async function POST(request: Request, { params }: Params) {
  if (!isSameOrigin(request)) return jsonError("forbidden", "Cross-site requests are not allowed.");
  const visitorId = await visitorOf(request);
  const answer = (response: Response) => (visitorId ? response : newVisitor(response));
  // A tree or outcome the entry does not have is a bad request too (400), like a malformed answer.
  const body = await readJsonBody(request, treeFeedbackInput, { code: "bad_request", maxBytes: SMALL_BODY_BYTES });
  if (!body.ok) return answer(toJsonError(body));
  const result = await recordTreeFeedback({ db, slug: (await params).slug, visitorId, ...body.value });
  if (!result.ok) return answer(toJsonError(result));
  return jsonOk({ treeKey: result.treeKey, outcomeId: result.outcomeId, fits: result.fits });
}
