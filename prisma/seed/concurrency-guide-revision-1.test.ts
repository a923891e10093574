// Revision 1 of the concurrency guide as content: what it keeps of revision 0, its decision
// tree (every outcome reachable and pointing at a heading the entry page renders), its code
// highlighted, and its diff from revision 0. Whether it passes the app's validation and how the
// seed adds it: ./guide-revision.test.ts; whether its Python runs: ./concurrency-guide-examples.test.ts.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The tree's own component is tested elsewhere; here only the headings and code matter.
vi.mock("@/components/decision-tree/DecisionTreeBlock", () => ({
  DecisionTreeBlock: ({ source, idPrefix }: { source: string; idPrefix?: string }) =>
    createElement("div", { "data-testid": "decision-tree", "data-id-prefix": idPrefix }, source),
}));

import { treeFences } from "@/lib/decision-trees/fences";
import { allPaths, parseDecisionTree } from "@/lib/decision-trees/parse";
import { entryContentSchema } from "@/lib/entries/schema";
import { renderMarkdown } from "@/lib/markdown/render";
import { DIFF_WORK, DiffBudget, diffRevisions } from "@/lib/revisions/diff";
import { concurrencyGuide } from "./concurrency-guide";
import { concurrencyGuideRevision1, revision1Changes } from "./concurrency-guide-revision-1";

const content = (entry: typeof concurrencyGuide) => {
  const { slug: _slug, status: _status, authorHandle: _author, ageDays: _age, ...fields } = entry;
  return entryContentSchema.parse(fields);
};

function guideTree() {
  const fences = treeFences(concurrencyGuideRevision1.solution);
  expect(fences).toHaveLength(1);
  const parsed = parseDecisionTree(fences[0]?.source ?? "");
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${error.line}: ${error.message}`).join("\n"));
  return parsed.tree;
}

describe("revision 1 of the concurrency guide", () => {
  it("changes the Solution and Why and states what it was verified with; revision 0 stays the original page", () => {
    expect(Object.keys(revision1Changes).sort()).toEqual(["solution", "verifiedWith", "why"]);
    expect(revision1Changes.verifiedWith).toEqual([
      { subject: "Python", version: "3.11.7", date: "2026-12-02", by: "@hivebrain-editors" },
    ]);
    expect(concurrencyGuide.verifiedWith ?? []).toEqual([]);
    const { solution: _s0, why: _w0, verifiedWith: _v0, ...before } = concurrencyGuide;
    const { solution: _s1, why: _w1, verifiedWith: _v1, ...after } = concurrencyGuideRevision1;
    expect(after).toEqual(before);
    // Revision 0 still has the original page's code, bugs included.
    expect(concurrencyGuide.solution).toContain("with Pool(processes=4) as pool:\n    results = pool.map");
    expect(concurrencyGuide.solution).not.toContain("__main__");
  });

  it("has a decision tree with the new branches, every outcome reachable and pointing at a heading of the Solution", async () => {
    const tree = guideTree();
    const reached = new Set(allPaths(tree).map((path) => path.nodes.at(-1)?.id));
    expect([...reached].sort()).toEqual(Object.keys(tree.outcomes).sort());
    expect(Object.keys(tree.outcomes).sort()).toEqual([
      "asyncio",
      "concurrent-futures",
      "free-threading",
      "interpreters",
      "multiprocessing",
      "shared-state",
      "threading",
      "to-thread",
    ]);
    // The start question and the I/O question keep their answers, in their places, and gain new ones.
    const start = tree.questions[tree.start];
    expect(start?.answers.map((answer) => answer.text)).toEqual([
      "Heavy computation in Python code (CPU-bound)",
      "Waiting on the network or disk (I/O-bound)",
      "A few independent calls to run in parallel, as simply as possible",
      "Workers that read and update shared state",
    ]);
    const cpu = tree.questions[start?.answers[0]?.next ?? ""];
    expect(cpu?.answers.map((answer) => answer.next)).toEqual(["free-threading", "interpreters", "multiprocessing"]);
    const io = tree.questions[start?.answers[1]?.next ?? ""];
    expect(io?.answers.map((answer) => answer.next)).toEqual(["asyncio", "threading", "to-thread"]);
    expect(io?.answers[1]?.text).toBe("No, only blocking libraries (such as requests)");

    // The ids the entry page gives the headings (rendered as it renders them).
    const html = renderToStaticMarkup(
      await renderMarkdown(concurrencyGuideRevision1.solution, { idPrefix: "solution" }),
    );
    const headingIds = [...html.matchAll(/<h[3-6] id="([^"]+)"/g)].map((match) => match[1]);
    expect(headingIds).toEqual([
      "solution-cpu-bound-work-use-multiprocessing",
      "solution-cpu-bound-work-in-one-process-subinterpreters-python-314",
      "solution-cpu-bound-work-on-the-free-threaded-build-use-threads",
      "solution-io-bound-with-many-connections-use-asyncio",
      "solution-when-one-failure-should-cancel-the-rest-asynciotaskgroup-python-311",
      "solution-blocking-calls-inside-async-code-asyncioto_thread-python-39",
      "solution-io-bound-with-blocking-libraries-use-threading",
      "solution-decision-tree",
      "solution-performance-characteristics",
    ]);
    for (const outcome of Object.values(tree.outcomes)) {
      expect(outcome.section, outcome.id).toBeDefined();
      expect(headingIds, outcome.id).toContain(outcome.section);
    }
  });

  it("shows every code block highlighted, and the performance table with the new rows", async () => {
    const html = renderToStaticMarkup(
      await renderMarkdown(concurrencyGuideRevision1.solution, { idPrefix: "solution" }),
    );
    expect(html).not.toContain("code blocks are highlighted");
    expect(html.match(/<span class="code-block-lang">python<\/span>/g)).toHaveLength(8);
    expect(html.match(/<pre class="shiki/g)).toHaveLength(8);
    expect(html.match(/data-testid="decision-tree"/g)).toHaveLength(1);
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((match) => match[1]);
    expect(rows).toEqual([
      "asyncio",
      "asyncio.to_thread",
      "threading",
      "threading on the free-threaded build (3.14t)",
      "subinterpreters (3.14+)",
      "multiprocessing",
    ]);
  });

  it("compares with revision 0 as the history page does, showing the added __main__ guard", () => {
    const diff = diffRevisions(
      { ...content(concurrencyGuide), gotchas: [], errorMessages: [] },
      { ...content(concurrencyGuideRevision1), gotchas: [], errorMessages: [] },
      // The page's budget of work, without its time limit (a busy test machine must not decide).
      new DiffBudget(DIFF_WORK, 60_000),
    );
    expect(diff.text.map((field) => field.field)).toEqual(["solution", "why", "verifiedWith"]);
    expect(diff.scalars).toEqual([]);
    expect(diff.tags).toEqual({ added: [], removed: [] });
    const solution = diff.text.find((field) => field.field === "solution")!;
    const added = solution.changes.filter((change) => change.added).map((change) => change.value);
    expect(added.some((value) => value.includes('if __name__ == "__main__":'))).toBe(true);
    expect(added.some((value) => value.includes("async with session.get(url) as resp:"))).toBe(true);
    const removed = solution.changes.filter((change) => change.removed).map((change) => change.value);
    expect(removed.join("")).toContain("tasks = [session.get(url) for url in urls]");
    // Too many changes to line up within one page's diff budget (lib/revisions/diff.ts): the
    // Solution is shown old struck out, then new, which the page says ("Too many changes…").
    expect(solution.detail).toBe("whole");
    // The Why comes after the Solution, whose diff spent the budget: it shows old then new.
    const why = diff.text.find((field) => field.field === "why")!;
    expect(why.changes.filter((change) => change.added).map((change) => change.value)).toEqual([revision1Changes.why]);
  });
});
