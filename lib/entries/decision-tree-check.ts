// Decision trees inside an entry's Markdown are validated when the entry is saved: a field has
// at most MAX_TREES_PER_FIELD of them, every ```decision-tree fence must parse, and every entry
// it links to must exist. The count (and each tree's length) is checked before anything parses.
import "server-only";
import type { Db } from "@/lib/db";
import { treeFenceCount, treeFences } from "@/lib/decision-trees/fences";
import { linkedEntrySlugs, MAX_TREES_PER_FIELD, parseDecisionTree } from "@/lib/decision-trees/parse";

/**
 * Problems of the decision trees in one Markdown field, each naming its line in the field.
 * Links to `selfSlug` and to `upcomingSlugs` (entries written in the same import) count as existing.
 */
export async function decisionTreeProblems({
  db,
  markdown,
  selfSlug,
  upcomingSlugs,
}: {
  db: Db;
  markdown: string;
  selfSlug?: string;
  upcomingSlugs?: ReadonlySet<string>;
}): Promise<string[]> {
  const count = treeFenceCount(markdown);
  if (count > MAX_TREES_PER_FIELD)
    return [`Use at most ${MAX_TREES_PER_FIELD} decision trees in one field; this one has ${count}.`];
  const problems: string[] = [];
  for (const [index, fence] of treeFences(markdown).entries()) {
    const label = `Decision tree ${index + 1}`;
    const result = parseDecisionTree(fence.source);
    if (!result.ok) {
      for (const error of result.errors) problems.push(`${label}, line ${fence.line + error.line}: ${error.message}`);
      continue;
    }
    const slugs = linkedEntrySlugs(result.tree).filter((slug) => slug !== selfSlug && !upcomingSlugs?.has(slug));
    if (slugs.length === 0) continue;
    const found = new Set(
      (await db.entry.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map((row) => row.slug),
    );
    for (const slug of slugs)
      if (!found.has(slug)) problems.push(`${label}: an outcome links to the entry "${slug}", which does not exist`);
  }
  return problems;
}
