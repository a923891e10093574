// Walking a parsed (valid) decision tree: for the outline, the interactive version and link checks.
import type { DecisionTree, TreeNode, TreePath } from "./types";

/** The question or outcome with this id. Own properties only, so "constructor" is not found by accident. */
export function nodeById(tree: DecisionTree, id: string): TreeNode | undefined {
  if (Object.hasOwn(tree.questions, id)) {
    const question = tree.questions[id];
    if (question) return { kind: "question", ...question };
  }
  if (Object.hasOwn(tree.outcomes, id)) {
    const outcome = tree.outcomes[id];
    if (outcome) return { kind: "outcome", ...outcome };
  }
  return undefined;
}

/**
 * The nodes visited when choosing `answerIndexes[0]` at the start question, then
 * `answerIndexes[1]` at the next question, and so on: the start question first.
 * The walk stops at an outcome, at the end of the list, or at the first index that is not an
 * answer of the current question (the indexes may come from a URL), so
 * `walk(...).length - 1` is the number of indexes used.
 */
export function walk(tree: DecisionTree, answerIndexes: readonly number[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  let node = nodeById(tree, tree.start);
  for (let step = 0; node; step++) {
    nodes.push(node);
    if (node.kind === "outcome" || step >= answerIndexes.length) break;
    const index = answerIndexes[step];
    const answer = index === undefined ? undefined : node.answers[index];
    if (!answer) break;
    node = nodeById(tree, answer.next);
  }
  return nodes;
}

/**
 * Every path from the start question to an outcome, in answer order (depth first).
 * A parsed tree has at most MAX_PATHS of them; a loop in a hand-made tree is not followed.
 */
export function allPaths(tree: DecisionTree): TreePath[] {
  const paths: TreePath[] = [];
  const nodes: TreeNode[] = [];
  const answerIndexes: number[] = [];
  const onPath = new Set<string>();

  const visit = (node: TreeNode) => {
    nodes.push(node);
    if (node.kind === "outcome") {
      paths.push({ answerIndexes: [...answerIndexes], nodes: [...nodes] });
    } else if (!onPath.has(node.id)) {
      onPath.add(node.id);
      node.answers.forEach((answer, index) => {
        const next = nodeById(tree, answer.next);
        if (!next) return;
        answerIndexes.push(index);
        visit(next);
        answerIndexes.pop();
      });
      onPath.delete(node.id);
    }
    nodes.pop();
  };

  const start = nodeById(tree, tree.start);
  if (start) visit(start);
  return paths;
}

/** Slugs of the other entries that outcomes link to, each once, in order: the caller checks they exist. */
export function linkedEntrySlugs(tree: DecisionTree): string[] {
  const slugs = new Set<string>();
  for (const outcome of Object.values(tree.outcomes)) if (outcome.entry) slugs.add(outcome.entry);
  return [...slugs];
}
