import { db } from "@/lib/db";
import { toJsonError } from "@/lib/errors";
import { jsonOk } from "@/lib/http/json";
import { pruneViews, recordView } from "@/lib/views";
import { readVisitorId, rememberVisitor } from "@/lib/visitors";

const PRUNE_PROBABILITY = 0.01;

/** Counts a view of the entry for this visitor (at most once an hour) and returns the count. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const visitorId = await readVisitorId();
  const result = await recordView({ db, slug: (await params).slug, visitorId });
  if (!result.ok) return toJsonError(result);
  if (Math.random() < PRUNE_PROBABILITY) await pruneViews({ db });
  await rememberVisitor(visitorId, request);
  return jsonOk({ counted: result.counted, viewCount: result.viewCount });
}
