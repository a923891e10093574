import type { Page, Request } from "@playwright/test";
import type { Db } from "@/lib/db";
import { entryTreeSources } from "@/lib/decision-trees/fences";
import { allPaths, type DecisionTree, parseDecisionTree, type TreePath } from "@/lib/decision-trees/parse";
import { stringList } from "@/lib/entries/schema";
import { GUIDE_SLUG } from "../support/data";

export const GUIDE_PATH = `/entries/${GUIDE_SLUG}`;
export const GUIDE_TREE_KEY = "solution-tree-1";

/** A tree as the server has it: read from the entry in the database, so the tests follow the data. */
export async function treeOfEntry(db: Db, slug: string, treeKey: string): Promise<DecisionTree> {
  const entry = await db.entry.findUniqueOrThrow({ where: { slug } });
  const source = entryTreeSources({ ...entry, gotchas: stringList(entry.gotchas) }).get(treeKey);
  if (source === undefined) throw new Error(`${slug} has no tree ${treeKey}`);
  const parsed = parseDecisionTree(source);
  if (!parsed.ok) throw new Error(`${slug} ${treeKey}: ${parsed.errors.map((error) => error.message).join("; ")}`);
  return parsed.tree;
}

export async function guideTree(db: Db): Promise<{ tree: DecisionTree; paths: TreePath[] }> {
  const tree = await treeOfEntry(db, GUIDE_SLUG, GUIDE_TREE_KEY);
  return { tree, paths: allPaths(tree) };
}

/** The URL of a step of the guide's tree. */
export function guideStep(answerIndexes: readonly number[]): string {
  return answerIndexes.length ? `${GUIDE_PATH}?${GUIDE_TREE_KEY}=${answerIndexes.join(".")}` : GUIDE_PATH;
}

export function treeRegion(page: Page, treeKey = GUIDE_TREE_KEY) {
  return page.locator(`section[data-tree-key="${treeKey}"]`);
}

/**
 * Requests that fetch a page or its RSC payload from the server (a walk step must not). Link
 * prefetches of other pages (the header's, the tags') are not steps and are left out.
 */
export function watchServerRoundTrips(page: Page): Request[] {
  const trips: Request[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"]) return;
    if (request.resourceType() === "document" || headers.rsc || request.url().includes("_rsc=")) trips.push(request);
  });
  return trips;
}

export function questionText(tree: DecisionTree, id: string): string {
  const question = tree.questions[id];
  if (!question) throw new Error(`no question ${id}`);
  return question.text;
}

/** A small tree for entries the tests create (their own feedback, author and counts). */
export const SMALL_TREE = [
  "```decision-tree",
  "start: load",
  "questions:",
  "  load:",
  "    text: What limits your program?",
  "    answers:",
  "      - { text: The CPU, next: processes }",
  "      - { text: Waiting on I/O, next: threads }",
  "outcomes:",
  "  processes:",
  "    title: Use processes",
  "    text: One interpreter per core.",
  "  threads:",
  "    title: Use threads",
  "```",
].join("\n");
