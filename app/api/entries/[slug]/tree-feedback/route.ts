import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readTreeFeedback, recordTreeFeedback, treeFeedbackInput } from "@/lib/decision-trees/feedback";
import { isSameOrigin, jsonError, jsonOk } from "@/lib/http/json";
import { readVisitorId, rememberVisitor } from "@/lib/visitors";

type Params = { params: Promise<{ slug: string }> };

/** The "Did this fit your case?" counts per tree and outcome: for the entry's author and moderators only. */
export async function GET(_request: Request, { params }: Params) {
  const user = await getCurrentUser();
  if (!user)
    return jsonError("unauthorized", "Sign in as the entry's author or a moderator to see the decision-tree feedback.");
  const result = await readTreeFeedback({ db, slug: (await params).slug, viewer: user });
  if (!result.ok) return jsonError(result.code === "forbidden" ? "forbidden" : "not_found", result.message);
  return jsonOk({ counts: result.counts });
}

/** Records this visitor's answer for one outcome: `{"treeKey", "outcomeId", "fits": true | false}`. */
export async function POST(request: Request, { params }: Params) {
  if (!isSameOrigin(request)) return jsonError("forbidden", "Cross-site requests are not allowed.");
  const body = treeFeedbackInput.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    const fields = z.flattenError(body.error).fieldErrors;
    return jsonError(
      "bad_request",
      'Send {"treeKey": "solution-tree-1", "outcomeId": "…", "fits": true | false}.',
      Object.keys(fields).length ? fields : undefined,
    );
  }
  const visitorId = await readVisitorId();
  const result = await recordTreeFeedback({ db, slug: (await params).slug, visitorId, ...body.data });
  if (!result.ok) {
    if (result.code === "entry_not_found") return jsonError("not_found", result.message);
    return jsonError(
      "bad_request",
      result.message,
      result.code === "tree_not_found" ? { treeKey: [result.message] } : { outcomeId: [result.message] },
    );
  }
  await rememberVisitor(visitorId, request);
  return jsonOk({ treeKey: result.treeKey, outcomeId: result.outcomeId, fits: result.fits });
}
