// "Did this fit your case?" answers on the outcomes of an entry's decision trees: one answer
// per visitor and outcome (a visitor may change it), counted per outcome for the entry's author
// and the moderators, so a tree that sends people to the wrong place gets noticed.
import "server-only";
import { z } from "zod";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { stringList } from "@/lib/entries/schema";
import { visibleTo } from "@/lib/entries/visibility";
import { type Failure, fail } from "@/lib/errors";
import { visitorKey } from "@/lib/views";
import { entryTreeSources } from "./fences";
import { parseDecisionTree } from "./parse";
import { ID_PATTERN, MAX_ID_LENGTH } from "./types";

/** Tree keys are the idPrefix of a fence: `solution-tree-1`, `gotcha-2-tree-1`. */
export const TREE_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*-tree-[1-9][0-9]*$/;
const MAX_TREE_KEY_LENGTH = 60;

export const treeFeedbackInput = z.object({
  treeKey: z
    .string()
    .max(MAX_TREE_KEY_LENGTH, "Too long.")
    .regex(TREE_KEY_PATTERN, 'Must name a tree of the entry, e.g. "solution-tree-1".'),
  outcomeId: z.string().max(MAX_ID_LENGTH, "Too long.").regex(ID_PATTERN, "Must be the id of an outcome of the tree."),
  fits: z.boolean("Must be true or false."),
});
export type TreeFeedbackInput = z.infer<typeof treeFeedbackInput>;

export type RecordTreeFeedbackResult = { ok: true; treeKey: string; outcomeId: string; fits: boolean } | Failure;

const NO_ENTRY = "No such entry.";
const NO_VISITOR =
  "Answers count once per visitor, and this request came without a visitor cookie: it has one now, send the answer again.";

/**
 * Records (or changes) this visitor's answer for one outcome. The tree and the outcome must be
 * in the entry as it reads now, so stray requests cannot invent outcomes. Without a visitor
 * (null: no visitor cookie yet) nothing is recorded: unauthorized.
 */
export async function recordTreeFeedback({
  db,
  slug,
  visitorId,
  treeKey,
  outcomeId,
  fits,
}: { db: Db; slug: string; visitorId: string | null } & TreeFeedbackInput): Promise<RecordTreeFeedbackResult> {
  // Answers are taken on public entries only: a rejected entry does not exist for the public.
  const entry = await db.entry.findFirst({
    where: { slug, AND: [visibleTo(null)] },
    select: { id: true, problem: true, solution: true, why: true, context: true, gotchas: true },
  });
  if (!entry) return fail("not_found", NO_ENTRY);
  const source = entryTreeSources({ ...entry, gotchas: stringList(entry.gotchas) }).get(treeKey);
  if (source === undefined) {
    const message = `The entry has no decision tree "${treeKey}".`;
    return fail("bad_request", message, { fieldErrors: { treeKey: [message] } });
  }
  const parsed = parseDecisionTree(source);
  if (!parsed.ok || !Object.hasOwn(parsed.tree.outcomes, outcomeId)) {
    const message = `The decision tree has no outcome "${outcomeId}".`;
    return fail("bad_request", message, { fieldErrors: { outcomeId: [message] } });
  }
  if (visitorId === null) return fail("unauthorized", NO_VISITOR);

  const key = { entryId: entry.id, treeKey, outcomeId, visitorKey: visitorKey(visitorId) };
  try {
    await db.decisionTreeFeedback.upsert({
      where: { entryId_treeKey_outcomeId_visitorKey: key },
      create: { ...key, fits },
      update: { fits },
    });
  } catch (error) {
    // Two first answers of one visitor at once: the other request inserted the row; update it.
    if (!isUniqueViolation(error)) throw error;
    await db.decisionTreeFeedback.update({ where: { entryId_treeKey_outcomeId_visitorKey: key }, data: { fits } });
  }
  return { ok: true, treeKey, outcomeId, fits };
}

export interface OutcomeFeedbackCount {
  treeKey: string;
  outcomeId: string;
  /** Visitors who said the outcome fit their case. */
  fits: number;
  /** Visitors who said it did not. */
  doesNotFit: number;
}

export type ReadTreeFeedbackResult = { ok: true; counts: OutcomeFeedbackCount[] } | Failure;

/** Who may read an entry's feedback counts: its author, moderators and admins. */
export function canReadTreeFeedback(viewer: CurrentUser, entry: { authorId: string | null }): boolean {
  return isModerator(viewer) || (entry.authorId !== null && entry.authorId === viewer.id);
}

/** The answers per outcome of every tree of the entry, by tree key then outcome id: for its author and moderators. */
export async function readTreeFeedback({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: CurrentUser | null;
}): Promise<ReadTreeFeedbackResult> {
  if (!viewer)
    return fail("unauthorized", "Sign in as the entry's author or a moderator to see the decision-tree feedback.");
  // An entry the viewer may not see (someone else's rejected one) does not exist for them.
  const entry = await db.entry.findFirst({
    where: { slug, AND: [visibleTo(viewer)] },
    select: { id: true, authorId: true },
  });
  if (!entry) return fail("not_found", NO_ENTRY);
  if (!canReadTreeFeedback(viewer, entry))
    return fail("forbidden", "Only the entry's author and moderators see the decision-tree feedback.");
  const groups = await db.decisionTreeFeedback.groupBy({
    by: ["treeKey", "outcomeId", "fits"],
    where: { entryId: entry.id },
    _count: { _all: true },
  });
  const counts = new Map<string, OutcomeFeedbackCount>();
  for (const group of groups) {
    const id = `${group.treeKey} ${group.outcomeId}`;
    const count = counts.get(id) ?? { treeKey: group.treeKey, outcomeId: group.outcomeId, fits: 0, doesNotFit: 0 };
    if (group.fits) count.fits += group._count._all;
    else count.doesNotFit += group._count._all;
    counts.set(id, count);
  }
  const ordered = [...counts.values()].sort(
    (a, b) => a.treeKey.localeCompare(b.treeKey) || a.outcomeId.localeCompare(b.outcomeId),
  );
  return { ok: true, counts: ordered };
}
