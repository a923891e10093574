/**
 * Small unified plugins used by renderMarkdown. Each one is a plain tree walk.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import type { Heading, Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import type { HighlighterCore } from "shiki/core";
import { MAX_TREES_PER_FIELD } from "@/lib/decision-trees/types";
import { DARK_THEME, LIGHT_THEME, resolveLanguage } from "./highlighter";

/** Custom hast element that render.tsx maps to <DecisionTreeBlock>. */
export const DECISION_TREE_TAG = "decision-tree";

/**
 * Highlighting costs about 20 ms per 1,000 characters and multiplies the size of the HTML by 40
 * or more, so one field highlights this much code at most; later blocks show plain (with a note).
 */
export const MAX_HIGHLIGHTED_BLOCKS = 20;
export const MAX_HIGHLIGHTED_CHARS = 8_000;
/** Longer lines are not highlighted (a single line's cost has no other bound). */
const MAX_HIGHLIGHTED_LINE = 1_000;

/**
 * GitHub's schema, narrowed: links may only use http(s) and mailto (plus
 * relative URLs and #anchors, which sanitize always allows). The footnote
 * label is an h3 (see render.tsx), so it may keep its `sr-only` class.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    h3: [["className", "sr-only"]],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
  },
};

// ---------------------------------------------------------------- mdast

/** Shift heading depths so the shallowest heading becomes `target` (h3). */
export function remarkDemoteHeadings(target = 3) {
  return (tree: MdastRoot) => {
    const headings: Heading[] = [];
    const walk = (node: MdastNodes) => {
      if (node.type === "heading") headings.push(node);
      if ("children" in node) for (const child of node.children) walk(child);
    };
    walk(tree);
    if (headings.length === 0) return;
    const shift = target - Math.min(...headings.map((h) => h.depth));
    for (const h of headings) {
      h.depth = Math.min(6, Math.max(target, h.depth + shift)) as typeof h.depth;
    }
  };
}

// ---------------------------------------------------------------- hast helpers

function visitElements(node: HastRoot | Element, fn: (el: Element, index: number, parent: HastRoot | Element) => void) {
  node.children.forEach((child, index) => {
    if (child.type !== "element") return;
    fn(child, index, node);
    // fn may have replaced the child; walk whatever sits there now.
    const current = node.children[index];
    if (current && current.type === "element") visitElements(current, fn);
  });
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function classNames(el: Element): string[] {
  const value: unknown = el.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/\s+/) : [];
}

const EXTERNAL_URL = /^(https?:)?\/\//i;
const HTTPS_URL = /^https:\/\//i;

// ---------------------------------------------------------------- hast

/**
 * Post-sanitize link, image and table treatment:
 * - `#anchor` links that point at a prefixed id in this document are
 *   rewritten to `#<prefix>-anchor` (footnotes, in-field heading links);
 * - external links get rel="nofollow ugc noopener noreferrer";
 * - images without an absolute https src are replaced by their alt text (plain
 *   http would let anyone on the way watch or swap them; relative and data: URLs
 *   are not entry content), the rest get referrerpolicy="no-referrer" and
 *   loading="lazy" (see "Security" in README.md);
 * - tables are wrapped in a horizontally scrollable, focusable div.
 */
export function rehypeLinksImagesTables(options: { idPrefix: string }) {
  const prefix = `${options.idPrefix}-`;
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    visitElements(tree, (el) => {
      if (typeof el.properties.id === "string") ids.add(el.properties.id);
    });

    visitElements(tree, (el, index, parent) => {
      if (el.tagName === "a" && typeof el.properties.href === "string") {
        const href = el.properties.href;
        if (href.startsWith("#")) {
          let target = href.slice(1);
          try {
            target = decodeURIComponent(target);
          } catch {
            // keep the raw fragment
          }
          if (!ids.has(target) && ids.has(prefix + target)) {
            el.properties.href = `#${encodeURIComponent(prefix + target)}`;
          }
        } else if (EXTERNAL_URL.test(href)) {
          el.properties.rel = ["nofollow", "ugc", "noopener", "noreferrer"];
        }
      } else if (el.tagName === "img") {
        const src = el.properties.src;
        if (typeof src !== "string" || !HTTPS_URL.test(src)) {
          const alt = typeof el.properties.alt === "string" ? el.properties.alt : "";
          parent.children[index] = { type: "text", value: alt };
          return;
        }
        // The image's host learns each reader's address, but not which page they read.
        el.properties.referrerPolicy = "no-referrer";
        el.properties.loading = "lazy";
        el.properties.decoding = "async";
      } else if (
        el.tagName === "table" &&
        !(parent.type === "element" && classNames(parent).includes("table-scroll"))
      ) {
        parent.children[index] = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], tabIndex: 0 },
          children: [el],
        };
      }
    });
  };
}

/**
 * Replace every `<pre><code class="language-x">` with either
 * - a `<decision-tree source="…" idPrefix="<prefix>-tree-N">` element
 *   (fence language `decision-tree`, the first MAX_TREES_PER_FIELD of them), or
 * - shiki's highlighted `<pre>` with `data-language` set for the label (within
 *   MAX_HIGHLIGHTED_BLOCKS and MAX_HIGHLIGHTED_CHARS; past them the block stays plain,
 *   and a note at the end of the field says so).
 * Runs after sanitizing: shiki's inline styles would not survive the schema.
 */
export function rehypeCodeBlocks(options: { highlighter: HighlighterCore; idPrefix: string }) {
  const { highlighter, idPrefix } = options;
  return (tree: HastRoot) => {
    let treeCount = 0;
    let highlighted = 0;
    let highlightedChars = 0;
    let plain = 0;
    const sectionTitles = headingTitles(tree);
    visitElements(tree, (el, index, parent) => {
      if (el.tagName !== "pre") return;
      const code = el.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
      const langClass = code ? classNames(code).find((c) => c.startsWith("language-")) : undefined;
      const fenceLang = langClass?.slice("language-".length).toLowerCase();
      let text = code ? textOf(code) : textOf(el);
      if (text.endsWith("\n")) text = text.slice(0, -1);

      if (fenceLang === "decision-tree" && treeCount < MAX_TREES_PER_FIELD) {
        parent.children[index] = {
          type: "element",
          tagName: DECISION_TREE_TAG,
          // Heading titles let the tree's "See:" links name the sections they point at.
          properties: {
            source: text,
            idPrefix: `${idPrefix}-tree-${++treeCount}`,
            sectionTitles: JSON.stringify(sectionTitles),
          },
          children: [],
        };
        return;
      }

      const lang = resolveLanguage(fenceLang);
      // Label: canonical name for known languages, the fence's own word otherwise.
      const label = lang !== "text" ? lang : fenceLang ? fenceLang.slice(0, 24) : undefined;
      if (highlighted >= MAX_HIGHLIGHTED_BLOCKS || highlightedChars + text.length > MAX_HIGHLIGHTED_CHARS) {
        // The sanitized <pre><code> as it is: plain text.
        if (label) el.properties.dataLanguage = label;
        plain++;
        return;
      }
      highlighted++;
      highlightedChars += text.length;
      const result = highlighter.codeToHast(text, {
        lang,
        themes: { light: LIGHT_THEME, dark: DARK_THEME },
        defaultColor: false,
        tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE,
      });
      const pre = result.children.find((c): c is Element => c.type === "element" && c.tagName === "pre");
      if (!pre) return;
      if (label) pre.properties.dataLanguage = label;
      parent.children[index] = pre;
    });
    if (plain > 0) tree.children.push(highlightingNote(highlighted, plain));
  };
}

function highlightingNote(highlighted: number, plain: number): Element {
  const text =
    `Only the first ${highlighted} code blocks are highlighted (at most ${MAX_HIGHLIGHTED_BLOCKS} blocks and ` +
    `${MAX_HIGHLIGHTED_CHARS.toLocaleString("en")} characters of code per section); ${plain} more are shown plain.`;
  return {
    type: "element",
    tagName: "p",
    properties: { role: "note", className: ["text-sm", "text-stone-600", "dark:text-stone-300"] },
    children: [{ type: "text", value: text }],
  };
}

/** id → text of every heading with an id. */
function headingTitles(tree: HastRoot): Record<string, string> {
  const titles: Record<string, string> = {};
  visitElements(tree, (el) => {
    const id = el.properties.id;
    if (/^h[1-6]$/.test(el.tagName) && typeof id === "string") titles[id] = textOf(el).trim();
  });
  return titles;
}
