// The /api/v1 entry routes' work, behind thin route files in app/api/v1. Each answers JSON in
// the shapes of lib/api/schemas.ts, with errors as {"error": {"code", "message", ...}}.
import "server-only";
import { revalidatePath } from "next/cache";
import { entryJsonSelect, toEntryJson } from "@/lib/api/entry-json";
import { apiCaller, readJsonObject, requestIp } from "@/lib/api/request";
import { VoteInputSchema } from "@/lib/api/schemas";
import type { Db } from "@/lib/db";
import type { EntryContentInput } from "@/lib/entries/schema";
import { submitEntry } from "@/lib/entries/submit-entry";
import { toJsonError } from "@/lib/errors";
import { jsonError, jsonOk } from "@/lib/http/json";
import { proposeRevision } from "@/lib/revisions/propose";
import { headRevision, snapshotContent, snapshotSelect } from "@/lib/revisions/snapshots";
import { castVote } from "@/lib/votes";

const CONTENT_FIELDS = [
  "title",
  "category",
  "language",
  "framework",
  "severity",
  "tags",
  "problem",
  "solution",
  "why",
  "context",
  "gotchas",
  "errorMessages",
] as const;

/** An entry by its id or its slug. */
async function findEntry(db: Db, ref: string) {
  return db.entry.findFirst({ where: { OR: [{ id: ref }, { slug: ref }] }, select: { id: true, slug: true } });
}

async function entryJson(db: Db, id: string, request: Request) {
  const row = await db.entry.findUniqueOrThrow({ where: { id }, select: entryJsonSelect });
  return toEntryJson(row, new URL(request.url).origin);
}

function contentOf(body: Record<string, unknown>): Partial<EntryContentInput> {
  return Object.fromEntries(CONTENT_FIELDS.filter((field) => field in body).map((field) => [field, body[field]]));
}

function revalidateEntry(slug: string) {
  revalidatePath(`/entries/${slug}`);
  revalidatePath("/tags");
}

const notFound = () => jsonError("not_found", "No entry has that id or slug.");

export async function getEntryResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const entry = await findEntry(db, ref);
  return entry ? jsonOk(await entryJson(db, entry.id, request)) : notFound();
}

export async function createEntryResponse({ db, request }: { db: Db; request: Request }) {
  const caller = await apiCaller({ db, request, write: true });
  if (!caller.ok) return caller.response;
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const result = await submitEntry({
    db,
    input: contentOf(body.value) as EntryContentInput,
    user: caller.value,
    ip: requestIp(request),
  });
  if (!result.ok) {
    return toJsonError(result);
  }
  revalidateEntry(result.slug);
  const created = await db.entry.findUniqueOrThrow({ where: { slug: result.slug }, select: { id: true } });
  return jsonOk(await entryJson(db, created.id, request), 201);
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

export async function listRevisionsResponse({ db, ref }: { db: Db; ref: string }) {
  const entry = await findEntry(db, ref);
  if (!entry) return notFound();
  const rows = await db.revision.findMany({
    where: { entryId: entry.id },
    orderBy: { number: "desc" },
    select: revisionSelect,
  });
  return jsonOk({ revisions: rows.map(revisionJson) });
}

export async function createRevisionResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const caller = await apiCaller({ db, request, write: true });
  if (!caller.ok) return caller.response;
  if (!caller.value) return jsonError("unauthorized", "Sign in or send an API token to propose a revision.");
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const entry = await findEntry(db, ref);
  if (!entry) return notFound();

  const { summary, baseRevisionId } = body.value;
  if (summary !== undefined && typeof summary !== "string")
    return jsonError("invalid", "Some fields need attention.", { summary: ["summary must be a string."] });
  if (baseRevisionId !== undefined && typeof baseRevisionId !== "string")
    return jsonError("invalid", "Some fields need attention.", {
      baseRevisionId: ["baseRevisionId must be a string."],
    });
  const base = baseRevisionId
    ? await db.revision.findFirst({
        where: { id: baseRevisionId, entryId: entry.id },
        select: { id: true, ...snapshotSelect },
      })
    : await headRevision(db, entry.id).then((head) => ({ id: head.id, ...head.content }));
  if (!base)
    return jsonError("invalid", "Some fields need attention.", { baseRevisionId: ["Not a revision of this entry."] });

  const content = { ...snapshotContent(base), ...contentOf(body.value) } as EntryContentInput;
  const result = await proposeRevision({
    db,
    slug: entry.slug,
    user: caller.value,
    input: { content, summary: summary ?? "", baseRevisionId: base.id },
  });
  if (!result.ok) {
    switch (result.code) {
      case "invalid":
        return jsonError("invalid", result.message, result.fieldErrors);
      case "conflict":
        return toJsonError({ code: "conflict", message: result.message, conflicts: result.conflicts });
      case "rate_limited":
        return toJsonError(result);
      case "unchanged":
      case "bad_base":
        return jsonError("invalid", result.message);
      case "unauthorized":
        return jsonError("unauthorized", result.message);
      case "not_found":
        return notFound();
    }
  }
  if (result.status === "accepted") revalidateEntry(entry.slug);
  const revision = await db.revision.findUniqueOrThrow({
    where: { entryId_number: { entryId: entry.id, number: result.number } },
    select: revisionSelect,
  });
  return jsonOk({ revision: revisionJson(revision), entry: await entryJson(db, entry.id, request) }, 201);
}

export async function voteResponse({ db, request, ref }: { db: Db; request: Request; ref: string }) {
  const caller = await apiCaller({ db, request, write: true });
  if (!caller.ok) return caller.response;
  if (!caller.value) return jsonError("unauthorized", "Sign in or send an API token to vote.");
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const vote = VoteInputSchema.safeParse(body.value);
  if (!vote.success) return jsonError("invalid", 'Send {"value": 1 | -1 | 0}.', { value: ["Must be 1, -1 or 0."] });
  const entry = await findEntry(db, ref);
  if (!entry) return notFound();
  const result = await castVote({ db, userId: caller.value.id, entryId: entry.id, value: vote.data.value });
  if (!result.ok) return result.code === "own_entry" ? jsonError("forbidden", result.message) : notFound();
  revalidatePath(`/entries/${entry.slug}`);
  return jsonOk({ score: result.score, userVote: result.userVote });
}
