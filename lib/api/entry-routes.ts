// The /api/v1 entry routes' work, behind thin route files in app/api/v1. Each parses its request
// with the operation's schema (lib/api/schemas.ts), calls the lib function that the forms use
// too, and answers JSON in the shapes of lib/api/schemas.ts; failures go through toJsonError.
import "server-only";
import { entryJsonSelect, toEntryJson } from "@/lib/api/entry-json";
import { apiCaller, requestIp } from "@/lib/api/request";
import { EntryInputSchema, RevisionInputSchema, VoteInputSchema } from "@/lib/api/schemas";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { ENTRY_NOT_FOUND, findEntryByRef } from "@/lib/entries/find-entry";
import { submitEntry } from "@/lib/entries/submit-entry";
import { revisionsVisibleTo } from "@/lib/entries/visibility";
import { toJsonError } from "@/lib/errors";
import { jsonError, jsonOk, readJsonBody, SMALL_BODY_BYTES } from "@/lib/http/json";
import { revalidateEntry } from "@/lib/page-cache";
import { proposeRevision } from "@/lib/revisions/propose";
import { voteOnEntry } from "@/lib/votes";

async function entryJson(db: Db, slug: string, request: Request) {
  const row = await db.entry.findUniqueOrThrow({ where: { slug }, select: entryJsonSelect });
  return toEntryJson(row, new URL(request.url).origin);
}

export async function getEntryResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const caller = await apiCaller({ db, request, write: false });
  if (!caller.ok) return toJsonError(caller);
  const entry = await findEntryByRef(db, ref, caller.user, entryJsonSelect);
  return entry ? jsonOk(toEntryJson(entry, new URL(request.url).origin)) : jsonError("not_found", ENTRY_NOT_FOUND);
}

export async function createEntryResponse({ db, request }: { db: Db; request: Request }) {
  const caller = await apiCaller({ db, request, write: true });
  if (!caller.ok) return toJsonError(caller);
  const body = await readJsonBody(request, EntryInputSchema);
  if (!body.ok) return toJsonError(body);
  const result = await submitEntry({ db, input: body.value, user: caller.user, ip: requestIp(request) });
  if (!result.ok) return toJsonError(result);
  await revalidateEntry(result.slug);
  return jsonOk(await entryJson(db, result.slug, request), 201);
}

const revisionSelect = {
  id: true,
  number: true,
  status: true,
  summary: true,
  reviewNote: true,
  baseRevisionId: true,
  createdAt: true,
  author: { select: { handle: true } },
  reviewer: { select: { handle: true } },
} as const;

function revisionJson(row: {
  id: string;
  number: number;
  status: string;
  summary: string;
  reviewNote: string | null;
  baseRevisionId: string | null;
  createdAt: Date;
  author: { handle: string } | null;
  reviewer: { handle: string } | null;
}) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    summary: row.summary,
    author: row.author?.handle ?? null,
    reviewer: row.reviewer?.handle ?? null,
    reviewNote: row.reviewNote,
    baseRevisionId: row.baseRevisionId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The revisions of an entry that the caller may see (rejected ones: their proposer and moderators). */
export async function listRevisionsResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const caller = await apiCaller({ db, request, write: false });
  if (!caller.ok) return toJsonError(caller);
  const entry = await findEntryByRef(db, ref, caller.user, { id: true });
  if (!entry) return jsonError("not_found", ENTRY_NOT_FOUND);
  const rows = await db.revision.findMany({
    where: { entryId: entry.id, AND: [revisionsVisibleTo(caller.user)] },
    orderBy: { number: "desc" },
    select: revisionSelect,
  });
  return jsonOk({ revisions: rows.map(revisionJson) });
}

export async function createRevisionResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const caller = await apiCaller({ db, request, write: true });
  if (!caller.ok) return toJsonError(caller);
  const body = await readJsonBody(request, RevisionInputSchema);
  if (!body.ok) return toJsonError(body);
  const { summary, baseRevisionId, ...changes } = body.value;
  const result = await proposeRevision({ db, ref, user: caller.user, changes, summary, baseRevisionId });
  if (!result.ok) return toJsonError(result);
  if (result.status === "accepted") await revalidateEntry(result.slug);
  const revision = await db.revision.findFirstOrThrow({
    where: { entry: { slug: result.slug }, number: result.number },
    select: revisionSelect,
  });
  return jsonOk({ revision: revisionJson(revision), entry: await entryJson(db, result.slug, request) }, 201);
}

/**
 * POST …/vote for both transports once the caller is known (/api/v1 and the entry page's
 * /api/entries/<slug>/vote): one body schema, one write, the same errors.
 */
export async function voteResponse({
  db,
  request,
  ref,
  user,
}: {
  db: Db;
  request: Request;
  ref: string;
  user: CurrentUser | null;
}) {
  const body = await readJsonBody(request, VoteInputSchema, { maxBytes: SMALL_BODY_BYTES });
  if (!body.ok) return toJsonError(body);
  const result = await voteOnEntry({ db, ref, user, value: body.value.value });
  if (!result.ok) return toJsonError(result);
  await revalidateEntry(result.slug);
  return jsonOk({ score: result.score, userVote: result.userVote });
}

export async function apiVoteResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const caller = await apiCaller({ db, request, write: true });
  if (!caller.ok) return toJsonError(caller);
  return voteResponse({ db, request, ref, user: caller.user });
}
