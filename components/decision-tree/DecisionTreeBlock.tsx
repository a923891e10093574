// A ```decision-tree fence of an entry: the tree as a nested outline (no JavaScript needed),
// or, when the YAML is invalid, the problems with their line numbers next to the source.
import { parseDecisionTree } from "@/lib/decision-trees/parse";
import { DecisionTreeErrors } from "./DecisionTreeErrors";
import { DecisionTreeOutline } from "./DecisionTreeOutline";

export interface DecisionTreeBlockProps {
  /** The fence body (YAML). */
  source: string;
  /**
   * Keeps anchors unique when a page shows several trees: nodes get `<idPrefix>-dt-<id>`
   * (e.g. `solution-tree-1-dt-workload`); without a prefix they get `dt-<id>`.
   */
  idPrefix?: string;
  /** Heading text by heading id, for the "See:" links of outcomes (else the id is spelled out). */
  sectionTitles?: Readonly<Record<string, string>>;
  /** Entry titles by slug, for the "See:" links of outcomes (else the slug is spelled out). */
  entryTitles?: Readonly<Record<string, string>>;
}

export function DecisionTreeBlock({ source, idPrefix, sectionTitles, entryTitles }: DecisionTreeBlockProps) {
  const result = parseDecisionTree(source);
  const anchorPrefix = idPrefix ? `${idPrefix}-dt-` : "dt-";
  if (!result.ok) return <DecisionTreeErrors source={source} errors={result.errors} anchorPrefix={anchorPrefix} />;
  return (
    <DecisionTreeOutline
      tree={result.tree}
      anchorPrefix={anchorPrefix}
      sectionTitles={sectionTitles ?? {}}
      entryTitles={entryTitles ?? {}}
    />
  );
}
