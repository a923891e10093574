import GithubSlugger from "github-slugger";
import type { Nodes } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * Heading id → heading text of a Markdown field, with the ids the entry page gives them
 * (`<field>-<slug>`), so the example tree's "See:" links name the guide's sections.
 */
export function headingTitles(markdown: string, field: string): Record<string, string> {
  const slugger = new GithubSlugger();
  const titles: Record<string, string> = {};
  const visit = (node: Nodes) => {
    if (node.type === "heading") {
      const text = textOf(node).trim();
      titles[`${field}-${slugger.slug(text)}`] = text;
    } else if ("children" in node) {
      node.children.forEach(visit);
    }
  };
  visit(unified().use(remarkParse).parse(markdown));
  return titles;
}

function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}
