// Finds the ```decision-tree fences of an entry and names them as the entry page does, so the
// server can check that feedback names a tree and an outcome the entry really has, and
// validation can name the line of a problem.
import type { Element, Root } from "hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { MAX_NESTING, nestingDepth } from "@/lib/markdown/nesting";
import { MAX_TREES_PER_FIELD } from "./types";

export interface EntryMarkdownFields {
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: readonly string[];
}

/**
 * The fence bodies of an entry by tree key (`solution-tree-1`, `gotcha-2-tree-1`, …). The key is
 * the idPrefix lib/markdown/plugins.ts gives each fence: `<field prefix>-tree-<n>`, counted in
 * the order the rendered HTML has them, with the field prefixes the entry page passes.
 */
export function entryTreeSources(entry: EntryMarkdownFields): Map<string, string> {
  const fields: [string, string][] = [
    ["problem", entry.problem],
    ["solution", entry.solution],
    ["why", entry.why],
    ["context", entry.context],
    ...entry.gotchas.map((gotcha, index): [string, string] => [`gotcha-${index + 1}`, gotcha]),
  ];
  const sources = new Map<string, string>();
  for (const [prefix, markdown] of fields) {
    for (const [index, fence] of treeFences(markdown).entries())
      sources.set(`${prefix}-tree-${index + 1}`, fence.source);
  }
  return sources;
}

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).freeze();

export interface TreeFence {
  source: string;
  /** Line of the opening ``` in the field (1-based); the YAML starts on the next line. */
  line: number;
}

const TREE_FENCE = /(?:`{3,}|~{3,})[ \t]*decision-tree/gi;

/**
 * How many decision-tree fences the field may have, without parsing it: every fence's opening
 * line has "```decision-tree" (or "~~~"), so this may count too many, never too few.
 */
export function treeFenceCount(markdown: string): number {
  return markdown.match(TREE_FENCE)?.length ?? 0;
}

/**
 * The decision-tree fences of one Markdown field, in rendered order: the first
 * MAX_TREES_PER_FIELD, which the entry page shows as trees. None in a field nested too deeply,
 * which the entry page shows unformatted (and which is not worth parsing).
 */
export function treeFences(markdown: string): TreeFence[] {
  if (treeFenceCount(markdown) === 0 || nestingDepth(markdown, MAX_NESTING) > MAX_NESTING) return [];
  // mdast → hast (not just mdast) because footnotes move to the end of the rendered HTML.
  const tree = toHast.runSync(toHast.parse(markdown)) as Root;
  const fences: TreeFence[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const code =
        child.tagName === "pre"
          ? child.children.find((c): c is Element => c.type === "element" && c.tagName === "code")
          : undefined;
      if (code && languageOf(code) === "decision-tree") {
        const text = code.children.map((c) => (c.type === "text" ? c.value : "")).join("");
        fences.push({ source: text.endsWith("\n") ? text.slice(0, -1) : text, line: child.position?.start.line ?? 1 });
      } else {
        visit(child);
      }
    }
  };
  visit(tree);
  return fences.slice(0, MAX_TREES_PER_FIELD);
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  return list
    .find((name) => name.startsWith("language-"))
    ?.slice("language-".length)
    .toLowerCase();
}
