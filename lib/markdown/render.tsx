/**
 * Server-side Markdown → React renderer for entry fields.
 *
 * remark-parse → remark-gfm → demote headings → remark-rehype (raw HTML dropped)
 * → rehype-sanitize (GitHub schema) → rehype-slug (`<idPrefix>-` ids)
 * → links/images/tables → shiki / decision-tree → React elements.
 *
 * Sanitizing runs before slugging (no `user-content-` on heading ids) and
 * before highlighting (shiki's inline styles would be stripped).
 *
 * Text nested too deeply, or with too much markup, is shown unformatted instead: blocks
 * (quotes, lists) and markup are counted before parsing, since the parser slows down steeply
 * with both; inline nesting (emphasis inside emphasis, …) after, since the steps after the
 * parser recurse once per level. New entries cannot have either (lib/entries/schema.ts); older
 * ones still show.
 */

import type { Root as HastRoot } from "hast";
import { type Components, toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { HighlighterCore } from "shiki/core";
import { unified } from "unified";
import { DecisionTreeBlock } from "@/components/decision-tree/DecisionTreeBlock";
import { CodeBlock } from "@/components/markdown/CodeBlock";
import { getHighlighter } from "./highlighter";
import { MAX_NESTING, nestingDepth } from "./nesting";
import {
  DECISION_TREE_TAG,
  rehypeCodeBlocks,
  rehypeLinksImagesTables,
  remarkDemoteHeadings,
  sanitizeSchema,
} from "./plugins";
import { MAX_MARKUP_WEIGHT, markupWeight } from "./weight";

export interface RenderMarkdownOptions {
  /** Prefix for heading and footnote ids, e.g. "solution" → `solution-cpu-bound-work`. */
  idPrefix: string;
}

/** Deepest Markdown syntax tree rendered: blocks nested MAX_NESTING deep, with room for inline markup. */
const MAX_TREE_DEPTH = 2 * MAX_NESTING + 40;

export async function renderMarkdown(source: string, options: RenderMarkdownOptions): Promise<ReactNode> {
  const highlighter = await getHighlighter();
  // Each field in a turn of the event loop of its own, so that requests in between are served.
  await new Promise((resolve) => setImmediate(resolve));
  if (nestingDepth(source, MAX_NESTING) > MAX_NESTING) return unformatted(source, TOO_DEEP);
  if (markupWeight(source) > MAX_MARKUP_WEIGHT) return unformatted(source, TOO_MUCH);
  const processor = processorFor(options.idPrefix, highlighter);
  const markdown = processor.parse(source);
  if (treeDepth(markdown) > MAX_TREE_DEPTH) return unformatted(source, TOO_DEEP);
  const tree: HastRoot = await processor.run(markdown);
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components });
}

/** How deep the syntax tree goes, without recursion. */
function treeDepth(root: MdastRoot): number {
  let deepest = 0;
  const pending: [MdastNodes, number][] = [[root, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    if ("children" in node) for (const child of node.children) pending.push([child, depth + 1]);
  }
  return deepest;
}

const TOO_DEEP = "This text nests quotes, lists or emphasis too deeply to format, so it is shown unformatted.";
const TOO_MUCH = "This text has too much markup to format quickly, so it is shown unformatted.";

function unformatted(source: string, why: string): ReactNode {
  return (
    <>
      <p role="note" className="text-sm text-stone-600 dark:text-stone-300">
        {why}
      </p>
      <pre className="whitespace-pre-wrap break-words">{source}</pre>
    </>
  );
}

function buildProcessor(idPrefix: string, highlighter: HighlighterCore) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkDemoteHeadings, 3)
      // No allowDangerousHtml: raw HTML in the source is dropped. Footnote ids
      // get their prefix from the sanitizer's clobberPrefix below.
      .use(remarkRehype, { clobberPrefix: "", footnoteLabelTagName: "h3" })
      .use(rehypeSanitize, { ...sanitizeSchema, clobberPrefix: `${idPrefix}-` })
      .use(rehypeSlug, { prefix: `${idPrefix}-` })
      .use(rehypeLinksImagesTables, { idPrefix })
      .use(rehypeCodeBlocks, { highlighter, idPrefix })
      .freeze()
  );
}

// Frozen processors are reusable (plugins keep no state between runs); there
// is one per field prefix ("problem", "solution", …), so the cache stays tiny.
const processors = new Map<string, ReturnType<typeof buildProcessor>>();

function processorFor(idPrefix: string, highlighter: HighlighterCore) {
  let processor = processors.get(idPrefix);
  if (!processor) {
    if (processors.size >= 64) processors.clear();
    processor = buildProcessor(idPrefix, highlighter);
    processors.set(idPrefix, processor);
  }
  return processor;
}

/** Props of the custom `<decision-tree>` hast element made by rehypeCodeBlocks. */
function DecisionTreeHost({
  source,
  idPrefix,
  sectionTitles,
}: {
  source?: string;
  idPrefix?: string;
  sectionTitles?: string;
}) {
  return (
    <DecisionTreeBlock
      source={source ?? ""}
      idPrefix={idPrefix ?? ""}
      sectionTitles={sectionTitles ? (JSON.parse(sectionTitles) as Record<string, string>) : {}}
    />
  );
}

// `decision-tree` is not an intrinsic element, hence the cast.
const components = { pre: CodeBlock, [DECISION_TREE_TAG]: DecisionTreeHost } as Partial<Components>;
