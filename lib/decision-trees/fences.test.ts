import { isValidElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";
import { concurrencyGuide } from "@/prisma/seed/concurrency-guide";
import { entryTreeSources, treeFences } from "./fences";
import { parseDecisionTree } from "./parse";

const fence = (body: string, lang = "decision-tree") => `\`\`\`${lang}\n${body}\n\`\`\``;

/** idPrefix → source of every decision-tree element renderMarkdown made (what the entry page shows). */
function renderedTrees(node: ReactNode, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(node)) for (const child of node) renderedTrees(child as ReactNode, found);
  else if (isValidElement<{ idPrefix?: string; source?: string; children?: ReactNode }>(node)) {
    const { idPrefix, source, children } = node.props;
    if (typeof idPrefix === "string" && typeof source === "string") found.set(idPrefix, source);
    renderedTrees(children, found);
  }
  return found;
}

describe("treeFences and entryTreeSources", () => {
  it("find the concurrency guide's tree", () => {
    const sources = entryTreeSources(concurrencyGuide);
    expect([...sources.keys()]).toEqual(["solution-tree-1"]);
    const parsed = parseDecisionTree(sources.get("solution-tree-1") ?? "");
    expect(parsed.ok && Object.keys(parsed.tree.outcomes)).toContain("asyncio");
  });

  it("number the trees of each field as the rendered entry does (footnotes last)", async () => {
    const markdown = [
      "Intro.[^note]",
      "",
      "[^note]: A tree in a footnote:",
      "",
      `    ${fence("start: f").replaceAll("\n", "\n    ")}`,
      "",
      fence("start: a"),
      "",
      "- in a list:",
      "",
      `  ${fence("start: b", "Decision-Tree").replaceAll("\n", "\n  ")}`,
      "",
      fence("start: not-a-tree", "yaml"),
      "",
      "> quoted:",
      ">",
      `> ${fence("start: c").replaceAll("\n", "\n> ")}`,
    ].join("\n");
    expect(treeFences(markdown).map((fence) => fence.source)).toEqual(["start: a", "start: b", "start: c", "start: f"]);

    const rendered = renderedTrees(await renderMarkdown(markdown, { idPrefix: "gotcha-3" }));
    const sources = entryTreeSources({ problem: "", solution: "", why: "", context: "", gotchas: ["", "", markdown] });
    expect(sources).toEqual(rendered);
    expect([...sources.keys()]).toEqual(["gotcha-3-tree-1", "gotcha-3-tree-2", "gotcha-3-tree-3", "gotcha-3-tree-4"]);
  });

  it("skip fields without trees", () => {
    expect(treeFences("Just `decision-tree` mentioned.")).toEqual([]);
    expect(entryTreeSources({ problem: "p", solution: "s", why: "", context: "", gotchas: [] }).size).toBe(0);
  });
});
