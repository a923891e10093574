import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toJsonError } from "@/lib/errors";
import { jsonOk } from "@/lib/http/json";
import { readOutcomeCounts } from "@/lib/outcomes";

/** How agents reported the entry worked out (hivebrain_report_outcome): for its author and moderators only. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const result = await readOutcomeCounts({ db, slug: (await params).slug, viewer: await getCurrentUser() });
  if (!result.ok) return toJsonError(result);
  return jsonOk({ counts: result.counts });
}
