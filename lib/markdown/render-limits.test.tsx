// Rendering stays safe and quick whatever an entry already holds: Markdown nested too deeply or
// with too much markup shows unformatted (never an error, never seconds of work), and code
// highlighting and decision trees stop at their limits.
import type { Element, Root } from "hast";
import { renderToStaticMarkup } from "react-dom/server";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { treeFences } from "@/lib/decision-trees/fences";
import { MAX_TREES_PER_FIELD } from "@/lib/decision-trees/types";
import { fastestCpuMs } from "@/lib/test/cpu";
import { getHighlighter } from "./highlighter";
import { DECISION_TREE_TAG, MAX_HIGHLIGHTED_BLOCKS, MAX_HIGHLIGHTED_CHARS, rehypeCodeBlocks } from "./plugins";
import { renderMarkdown } from "./render";

async function html(source: string): Promise<string> {
  return renderToStaticMarkup(await renderMarkdown(source, { idPrefix: "problem" }));
}

describe("renderMarkdown: what no entry should hold", () => {
  it.each([
    ["10,000 nested quotes", `${"> ".repeat(9_999)}x`, "too deeply"],
    ["2,000 nested lists", `${"- ".repeat(2_000)}x`, "too deeply"],
    ["9,000 nested lists", `${"- ".repeat(9_000)}x`, "too deeply"],
    ["quotes and lists", `${"> - ".repeat(2_500)}x`, "too deeply"],
    ["150 levels of emphasis", `${"*".repeat(300)}a${"*".repeat(300)}`, "too deeply"],
    ["5,000 setext headings", "a\n=\n".repeat(4_999), "too much markup"],
    ["5,000 one-word list items", "- x\n".repeat(4_999), "too much markup"],
    ["3,300 lines of nested lists", "- - x\n".repeat(3_300), "too much markup"],
    ["emphasis inside emphasis, 5,000 deep", `${"**".repeat(4_999)}a${"**".repeat(4_999)}`, "too much markup"],
  ])("shows %s unformatted, at once", async (_name, source, reason) => {
    await html("warm up");
    const out = await html(source);
    expect(out).toContain(reason);
    expect(out).toContain("shown unformatted");
    expect(out).toContain(source.slice(0, 50).replaceAll(">", "&gt;"));
    expect(await fastestCpuMs(() => html(source))).toBeLessThan(100);
  });

  it("formats nesting and markup within the limits as usual", async () => {
    const out = await html(`${"> ".repeat(5)}**quoted**\n\n${"- item\n".repeat(200)}`);
    expect(out).not.toContain("unformatted");
    expect(out).toContain("<blockquote>");
    expect(out).toContain("<strong>quoted</strong>");
    expect(out.match(/<li>/g)).toHaveLength(200);
  });
});

describe("renderMarkdown: code highlighting has limits", () => {
  it("highlights the first code blocks and shows the rest plain, saying so", async () => {
    const blocks = MAX_HIGHLIGHTED_BLOCKS + 5;
    const out = await html("```python\nx = 1\n```\n\n".repeat(blocks));
    expect(out.match(/class="shiki/g)).toHaveLength(MAX_HIGHLIGHTED_BLOCKS);
    expect(out.match(/<pre/g)).toHaveLength(blocks);
    expect(out).toContain(`Only the first ${MAX_HIGHLIGHTED_BLOCKS} code blocks are highlighted`);
    expect(out).toContain("5 more are shown plain");
  });

  it("highlights at most so many characters of code", async () => {
    const long = "x = 1\n".repeat(Math.ceil(MAX_HIGHLIGHTED_CHARS / 6) + 1);
    const out = await html(`\`\`\`python\nprint(1)\n\`\`\`\n\n\`\`\`python\n${long}\`\`\``);
    expect(out.match(/class="shiki/g)).toHaveLength(1);
    expect(out).toContain("1 more are shown plain");
  });

  it("keeps ordinary code highlighted, without a note", async () => {
    const out = await html("```ts\nconst a = 1;\n```");
    expect(out).toContain('class="shiki');
    expect(out).not.toContain("shown plain");
  });
});

describe("decision trees have a limit per field", () => {
  const fences = Array.from({ length: MAX_TREES_PER_FIELD + 2 }, (_, i) => `\`\`\`decision-tree\nstart: q${i}\n\`\`\``);
  const markdown = fences.join("\n\n");

  it("renders the first ones as trees and the rest as code", async () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeCodeBlocks, { highlighter: await getHighlighter(), idPrefix: "solution" });
    const tree = (await processor.run(processor.parse(markdown))) as Root;
    const tags = tree.children.filter((node): node is Element => node.type === "element").map((el) => el.tagName);
    expect(tags).toEqual([...Array(MAX_TREES_PER_FIELD).fill(DECISION_TREE_TAG), "pre", "pre"]);
  });

  it("names as many trees as the entry page shows, and none in a field too deeply nested", () => {
    expect(treeFences(markdown).map((fence) => fence.source)).toEqual(
      Array.from({ length: MAX_TREES_PER_FIELD }, (_, i) => `start: q${i}`),
    );
    expect(treeFences(`${fences[0]}\n\n${"> ".repeat(9_999)}x`)).toEqual([]);
  });
});
