import { db } from "@/lib/db";
import { toJsonError } from "@/lib/errors";
import { isSameOrigin, jsonError, jsonOk, readBodyBytes, SMALL_BODY_BYTES } from "@/lib/http/json";
import { pruneViews, recordView } from "@/lib/views";
import { newVisitor, visitorOf } from "@/lib/visitors";

const PRUNE_PROBABILITY = 0.01;

/**
 * Counts a view of the entry for this visitor (at most once an hour) and returns the count. A
 * request without a visitor cookie gets one and counts nothing (the page sends it again).
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (!isSameOrigin(request)) return jsonError("forbidden", "Cross-site requests are not allowed.");
  // The route takes no body: a small one is read and ignored, a larger one refused.
  const body = await readBodyBytes(request, SMALL_BODY_BYTES);
  if (!body.ok) return toJsonError(body);
  const visitorId = await visitorOf(request);
  const result = await recordView({ db, slug: (await params).slug, visitorId });
  if (!result.ok) return toJsonError(result);
  if (Math.random() < PRUNE_PROBABILITY) await pruneViews({ db });
  const response = jsonOk({ counted: result.counted, viewCount: result.viewCount });
  return visitorId ? response : newVisitor(response);
}
