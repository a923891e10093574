import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isSameOrigin, jsonError, jsonOk } from "@/lib/http/json";
import { castVote, userVote } from "@/lib/votes";

type Params = { params: Promise<{ slug: string }> };

async function findEntry(slug: string) {
  return db.entry.findUnique({ where: { slug }, select: { id: true, score: true, authorId: true } });
}

/** The score and this visitor's vote (per visitor, so never part of the cached page). */
export async function GET(_request: Request, { params }: Params) {
  const entry = await findEntry((await params).slug);
  if (!entry) return jsonError("not_found", "No such entry.");
  const user = await getCurrentUser();
  return jsonOk({
    score: entry.score,
    userVote: user ? await userVote({ db, userId: user.id, entryId: entry.id }) : 0,
    signedIn: Boolean(user),
    ownEntry: Boolean(user && entry.authorId === user.id),
  });
}

const voteBody = z.object({ value: z.union([z.literal(1), z.literal(-1), z.literal(0)]) });

/** Vote +1 / -1, or 0 to take the vote back. Signed-in users only, never on their own entry. */
export async function POST(request: Request, { params }: Params) {
  if (!isSameOrigin(request)) return jsonError("forbidden", "Cross-site requests are not allowed.");
  const user = await getCurrentUser();
  if (!user) return jsonError("unauthorized", "Sign in to vote.");
  const body = voteBody.safeParse(await request.json().catch(() => null));
  if (!body.success) return jsonError("bad_request", 'Send {"value": 1 | -1 | 0}.', { value: ["Must be 1, -1 or 0."] });
  const { slug } = await params;
  const entry = await findEntry(slug);
  if (!entry) return jsonError("not_found", "No such entry.");
  const result = await castVote({ db, userId: user.id, entryId: entry.id, value: body.data.value });
  if (!result.ok)
    return result.code === "own_entry"
      ? jsonError("forbidden", result.message)
      : jsonError("not_found", result.message);
  revalidatePath(`/entries/${slug}`);
  return jsonOk({ score: result.score, userVote: result.userVote });
}
