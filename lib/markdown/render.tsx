/**
 * Server-side Markdown → React renderer for entry fields.
 *
 * remark-parse → remark-gfm → demote headings → remark-rehype (raw HTML dropped)
 * → rehype-sanitize (GitHub schema) → rehype-slug (`<idPrefix>-` ids)
 * → links/images/tables → shiki / decision-tree → React elements.
 *
 * Sanitizing runs before slugging (no `user-content-` on heading ids) and
 * before highlighting (shiki's inline styles would be stripped).
 */

import type { Root as HastRoot } from "hast";
import { type Components, toJsxRuntime } from "hast-util-to-jsx-runtime";
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
import {
  DECISION_TREE_TAG,
  rehypeCodeBlocks,
  rehypeLinksImagesTables,
  remarkDemoteHeadings,
  sanitizeSchema,
} from "./plugins";

export interface RenderMarkdownOptions {
  /** Prefix for heading and footnote ids, e.g. "solution" → `solution-cpu-bound-work`. */
  idPrefix: string;
}

export async function renderMarkdown(source: string, options: RenderMarkdownOptions): Promise<ReactNode> {
  const processor = processorFor(options.idPrefix, await getHighlighter());
  const tree: HastRoot = await processor.run(processor.parse(source));
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components });
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
