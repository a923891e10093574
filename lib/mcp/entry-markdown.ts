// An entry as one Markdown document for agents (hivebrain_get, hivebrain://entries/<slug>): the
// sections in the page's order with their Markdown as written (code fences intact), then each
// decision tree as an outline of its questions, answers and outcomes, so an agent can read it
// without a YAML parser.

import type { EntryJson } from "@/lib/api/entry-json";
import { entryTreeSources } from "@/lib/decision-trees/fences";
import { parseDecisionTree } from "@/lib/decision-trees/parse";
import type { DecisionTree } from "@/lib/decision-trees/types";
import { formatVerification } from "@/lib/entries/verification";

export interface EntryTreeOutline {
  key: string;
  start: string;
  questions: { id: string; text: string; answers: { text: string; next: string }[] }[];
  outcomes: { id: string; title: string; text: string | null; section: string | null; entry: string | null }[];
}

/** The entry's valid decision trees, by the keys its page gives them. */
export function entryTrees(entry: Pick<EntryJson, "problem" | "solution" | "why" | "context" | "gotchas">) {
  const trees: { key: string; tree: DecisionTree }[] = [];
  for (const [key, source] of entryTreeSources(entry)) {
    const parsed = parseDecisionTree(source);
    if (parsed.ok) trees.push({ key, tree: parsed.tree });
  }
  return trees;
}

export function treeOutline(key: string, tree: DecisionTree): EntryTreeOutline {
  return {
    key,
    start: tree.start,
    questions: Object.values(tree.questions).map(({ id, text, answers }) => ({
      id,
      text,
      answers: answers.map(({ text: answer, next }) => ({ text: answer, next })),
    })),
    outcomes: Object.values(tree.outcomes).map((outcome) => ({
      id: outcome.id,
      title: outcome.title,
      text: outcome.text ?? null,
      section: outcome.section ?? null,
      entry: outcome.entry ?? null,
    })),
  };
}

function outlineMarkdown(outline: EntryTreeOutline): string {
  const lines = [`### Decision tree \`${outline.key}\` (starts at \`${outline.start}\`)`, ""];
  for (const question of outline.questions) {
    lines.push(`- **${question.id}**: ${question.text}`);
    for (const answer of question.answers) lines.push(`  - ${answer.text} → \`${answer.next}\``);
  }
  for (const outcome of outline.outcomes) {
    const where = [
      outcome.section ? `section #${outcome.section}` : "",
      outcome.entry ? `entry ${outcome.entry}` : "",
    ].filter(Boolean);
    lines.push(
      `- Outcome **${outcome.id}**: ${outcome.title}${outcome.text ? ` (${outcome.text})` : ""}${where.length ? `; see ${where.join(", ")}` : ""}`,
    );
  }
  return lines.join("\n");
}

/** A code block for any text: its fence longer than any run of backticks inside. */
function codeBlock(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${text}\n${fence}`;
}

const list = (items: string[]) => items.map((item) => `- ${item.replace(/\n/g, "\n  ")}`).join("\n");

/** "Verified with: Python 3.14.0 · 2026-12-01 · @who", and whether that is recent. */
export function verifiedWithLine(entry: Pick<EntryJson, "verifiedWith" | "verifiedRecently">): string {
  const stated = entry.verifiedWith.length ? entry.verifiedWith.map(formatVerification).join("; ") : "not stated";
  return `Verified with: ${stated}${entry.verifiedRecently ? "" : " (not verified recently)"}`;
}

export function entryMarkdown(entry: EntryJson, outlines: EntryTreeOutline[]): string {
  const facts = [
    `Category: ${entry.category}`,
    entry.language ? `Language: ${entry.language}` : "",
    entry.framework ? `Framework: ${entry.framework}` : "",
    `Severity: ${entry.severity}`,
    `Status: ${entry.status}`,
    `Score: ${entry.score}`,
  ].filter(Boolean);
  const sections: [string, string][] = [
    ["Problem", entry.problem],
    ["Solution", entry.solution],
    ["Why", entry.why],
    ["Context", entry.context],
    ["Gotchas", list(entry.gotchas)],
    ["Error messages", entry.errorMessages.map(codeBlock).join("\n\n")],
  ];
  return [
    `# ${entry.title}`,
    "",
    `${verifiedWithLine(entry)}  `,
    `${facts.join(" · ")}  `,
    `Tags: ${entry.tags.join(", ")}  `,
    `Id: ${entry.id} · Slug: ${entry.slug} · ${entry.url}`,
    ...sections.filter(([, body]) => body.trim() !== "").flatMap(([heading, body]) => ["", `## ${heading}`, "", body]),
    ...(outlines.length ? ["", "## Decision trees", "", outlines.map(outlineMarkdown).join("\n\n")] : []),
    "",
  ].join("\n");
}
