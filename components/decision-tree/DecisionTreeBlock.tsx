// A ```decision-tree fence of an entry: the guided walk (DecisionTreeWalk), which the server
// renders as a nested outline for browsers without JavaScript, or, when the YAML is invalid,
// the problems with their line numbers next to the source. The YAML is parsed here, on the
// server; the client receives the parsed tree only.
import { type DecisionTree, linkedEntrySlugs, parseDecisionTree } from "@/lib/decision-trees/parse";
import { DecisionTreeErrors } from "./DecisionTreeErrors";
import { DecisionTreeWalk } from "./DecisionTreeWalk";

export interface DecisionTreeBlockProps {
  /** The fence body (YAML). */
  source: string;
  /**
   * Keeps anchors unique when a page shows several trees: nodes get `<idPrefix>-dt-<id>`
   * (e.g. `solution-tree-1-dt-workload`); without a prefix they get `dt-<id>`. It also names the
   * tree in the URL (`?solution-tree-1=0.1`) and in the feedback on its outcomes.
   */
  idPrefix?: string;
  /** Heading text by heading id, for the "See:" links of outcomes (else the id is spelled out). */
  sectionTitles?: Readonly<Record<string, string>>;
  /** Entry titles by slug, for the "See:" links of outcomes (else the slug is spelled out). */
  entryTitles?: Readonly<Record<string, string>>;
  /** The page the outcomes' sections are on, when the tree is shown on another page (the help page's example). */
  sectionPage?: string;
}

export function DecisionTreeBlock({
  source,
  idPrefix,
  sectionTitles,
  entryTitles,
  sectionPage,
}: DecisionTreeBlockProps) {
  const result = parseDecisionTree(source);
  const anchorPrefix = idPrefix ? `${idPrefix}-dt-` : "dt-";
  if (!result.ok) return <DecisionTreeErrors source={source} errors={result.errors} anchorPrefix={anchorPrefix} />;
  const { tree } = result;
  return (
    <DecisionTreeWalk
      tree={tree}
      treeKey={idPrefix || "decision-tree"}
      anchorPrefix={anchorPrefix}
      links={{
        // Only what the outcomes link to travels to the browser, not every heading of the entry.
        sectionTitles: pick(sectionTitles ?? {}, linkedSections(tree)),
        entryTitles: pick(entryTitles ?? {}, linkedEntrySlugs(tree)),
        ...(sectionPage !== undefined && { sectionPage }),
      }}
    />
  );
}

function linkedSections(tree: DecisionTree): string[] {
  return Object.values(tree.outcomes).flatMap((outcome) => (outcome.section ? [outcome.section] : []));
}

function pick(titles: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) if (Object.hasOwn(titles, key) && titles[key] !== undefined) picked[key] = titles[key];
  return picked;
}
