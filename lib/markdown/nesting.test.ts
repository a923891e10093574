import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { fastestCpuMs } from "@/lib/test/cpu";
import { seedEntries } from "@/prisma/seed/seed";
import { MAX_NESTING, nestingDepth } from "./nesting";

const parser = unified().use(remarkParse).use(remarkGfm);
const CONTAINERS = new Set(["blockquote", "listItem", "footnoteDefinition"]);

/** The depth the parser itself builds: containers inside containers. */
function parsedDepth(markdown: string): number {
  let deepest = 0;
  const pending: [Nodes, number][] = [[parser.parse(markdown) as Root, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    const own = depth + (CONTAINERS.has(node.type) ? 1 : 0);
    deepest = Math.max(deepest, own);
    if ("children" in node) for (const child of node.children) pending.push([child as Nodes, own]);
  }
  return deepest;
}

/** A small deterministic random generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Pieces of lines: every kind of container marker, indents and tabs, and the blocks that end
// or hide containers (fences, headings, breaks, tables, HTML), in random order.
const PIECES = [
  ...["> ", ">", "- ", "* ", "+ ", "-", "1. ", "2) ", "10. ", "1)", "[^a]: "],
  ...[" ", "  ", "   ", "    ", "\t"],
  ...["x", "text ", "[^1]", "`", "```", "~~~", "```js", "# ", "***", "---", "===", "| a | b |", "|---|---|", "<div>"],
];
const MARKERS = ["> ", "- ", "1. ", "2. ", "* ", "[^a]: ", "  ", "   ", "    ", " ", "x", "```", "\t", "<p>", ">"];

function generated(next: () => number, pieces: string[], maxLines: number, maxParts: number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * maxLines);
  for (let i = 0; i < count; i++) {
    let line = "";
    const parts = Math.floor(next() * maxParts);
    for (let j = 0; j < parts; j++) line += pieces[Math.floor(next() * pieces.length)];
    lines.push(next() < 0.1 ? "" : line);
  }
  return lines.join("\n");
}

describe("nestingDepth", () => {
  it.each([
    ["plain text", "Just a paragraph.\n\nAnother one.", 0],
    ["a list", "- a\n- b\n- c", 1],
    ["nested by indentation", "- a\n  - b\n    - c\n      - d", 4],
    ["nested on one line", "- - - x", 3],
    ["quotes", "> > > x\n> > y", 3],
    ["quotes and lists", "> - > 1. x", 4],
    ["a lazy line keeps the containers", "> > > a\nb\n> > > > c", 4],
    ["a fence inside a list", "- a\n\n  ```\n  - - - -\n  ```\n- b", 1],
    ["indented code is not nesting", "    > > > > x", 0],
    ["a thematic break is not a list", "* * *\n- - -", 0],
    ["tabs count to the next tab stop", "-\ta\n\t-\tb", 2],
    ["footnotes are containers", "Text[^a].\n\n[^a]: > - x", 3],
  ])("%s", (_name, markdown, depth) => {
    expect(nestingDepth(markdown)).toBe(depth);
    expect(parsedDepth(markdown)).toBe(depth);
  });

  it.each([
    ["any blocks", PIECES, 12, 7],
    ["mostly containers", MARKERS, 20, 10],
  ])("never counts less than the parser builds: 2,000 generated documents of %s", (_name, pieces, lines, parts) => {
    const next = random(20_261_201);
    const under: string[] = [];
    let exact = 0;
    const total = 2_000;
    for (let i = 0; i < total; i++) {
      const markdown = generated(next, pieces as string[], lines as number, parts as number);
      const counted = nestingDepth(markdown);
      const parsed = parsedDepth(markdown);
      if (counted < parsed) under.push(JSON.stringify(markdown));
      if (counted === parsed) exact++;
    }
    expect(under).toEqual([]);
    // Random fragments are far stranger than entries, and still mostly counted exactly; where
    // not, by a level or two (markers inside fenced code count, for one).
    expect(exact / total).toBeGreaterThan(0.6);
  });

  it("reads fenced code as Markdown too, so that a fence that is none cannot hide nesting", () => {
    // Inside an HTML block, ``` opens no fence: the nesting after the blank line is real.
    const hidden = `<div>\n\`\`\`\n\n${"> ".repeat(30)}x`;
    expect(parsedDepth(hidden)).toBe(30);
    expect(nestingDepth(hidden)).toBe(30);
    // The price: markers inside real fenced code count (deep nesting in code is rare).
    expect(nestingDepth("```\n> > > x\n```")).toBe(3);
    expect(parsedDepth("```\n> > > x\n```")).toBe(0);
  });

  it("counts the nesting of the reported attacks, and stops at the limit", () => {
    expect(nestingDepth(`${"> ".repeat(9_999)}x`, MAX_NESTING)).toBe(MAX_NESTING + 1);
    expect(nestingDepth(`${"- ".repeat(9_000)}x`, MAX_NESTING)).toBe(MAX_NESTING + 1);
    expect(nestingDepth(`${"> - ".repeat(2_500)}x`)).toBe(5_000);
    expect(nestingDepth(`${"> ".repeat(MAX_NESTING)}x`, MAX_NESTING)).toBe(MAX_NESTING);
    // Nesting by indentation, one level per line.
    const stairs = Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");
    expect(nestingDepth(stairs)).toBe(30);
    expect(parsedDepth(stairs)).toBe(30);
  });

  it("answers for 20 KB of the worst inputs in a few milliseconds", async () => {
    const worst = [
      `${"> ".repeat(9_999)}x`,
      `${"- ".repeat(9_999)}x`,
      `${"> - ".repeat(4_999)}x`,
      `${"- ".repeat(MAX_NESTING - 1)}x\n`.repeat(500),
      "\n".repeat(20_000),
      `${"- ".repeat(MAX_NESTING)}x${"\n".repeat(19_950)}`,
      "\t".repeat(20_000),
      `1. ${"123456789. ".repeat(1_800)}`,
      `${"- ".repeat(9_998)}* -`,
    ];
    for (const markdown of worst)
      expect(await fastestCpuMs(() => nestingDepth(markdown, MAX_NESTING))).toBeLessThan(40);
  });

  it("finds every seeded entry well within the limit", () => {
    for (const entry of seedEntries)
      for (const markdown of [entry.problem, entry.solution, entry.why, entry.context, ...entry.gotchas])
        expect(nestingDepth(markdown)).toBeLessThanOrEqual(3);
  });
});
