// hivebrain_walk_tree: an entry's decision tree one question at a time, so an agent can walk it
// with its user: the answers so far in, the next question (or the outcome) out.
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { nodeById } from "@/lib/decision-trees/paths";
import type { DecisionTree } from "@/lib/decision-trees/types";
import { ENTRY_NOT_FOUND } from "@/lib/entries/find-entry";
import { fail, toToolError } from "@/lib/errors";
import type { McpCaller } from "@/lib/mcp/caller";
import { entryTrees } from "@/lib/mcp/entry-markdown";
import { entryRefField, loadEntryForAgent } from "@/lib/mcp/tools/get";

const input = z.object({
  entry: entryRefField,
  tree: z
    .string()
    .max(80)
    .optional()
    .describe("The tree's key from hivebrain_get (e.g. solution-tree-1); default: the entry's first tree."),
  answers: z
    .array(z.union([z.number().int().min(0), z.string().max(300)]))
    .max(50)
    .default([])
    .describe("The answers chosen so far, in order: each an answer's index (from 0) or its text."),
});

const output = z.object({
  tree: z.string(),
  path: z.array(z.object({ question: z.string(), answer: z.string() })),
  done: z.boolean().describe("True when the answers reach an outcome."),
  question: z
    .object({
      id: z.string(),
      text: z.string(),
      answers: z.array(z.object({ index: z.number().int(), text: z.string() })),
    })
    .nullable(),
  outcome: z
    .object({
      id: z.string(),
      title: z.string(),
      text: z.string().nullable(),
      section: z.string().nullable(),
      sectionUrl: z.string().nullable().describe("The section of the entry the outcome points to."),
      entry: z.string().nullable(),
      entryUrl: z.string().nullable().describe("Another entry the outcome points to."),
    })
    .nullable(),
});

type Walked = z.infer<typeof output>;

/** Follows `answers` from the start question; a failure names the step whose answer does not fit. */
export function walkTree(
  tree: DecisionTree,
  key: string,
  answers: (number | string)[],
  links: { entryUrl: string; origin: string },
): Walked | { error: string } {
  const path: Walked["path"] = [];
  let node = nodeById(tree, tree.start);
  for (const [step, given] of answers.entries()) {
    if (!node || node.kind === "outcome")
      return { error: `Answer ${step + 1} comes after the outcome; send only the answers up to it.` };
    const choices = node.answers;
    const index =
      typeof given === "number"
        ? given
        : choices.findIndex((choice) => choice.text.trim().toLowerCase() === given.trim().toLowerCase());
    const chosen = choices[index];
    if (!chosen)
      return {
        error: `Answer ${step + 1} (${JSON.stringify(given)}) is not an answer to "${node.text}". Its answers: ${choices.map((choice, i) => `${i}: ${choice.text}`).join("; ")}.`,
      };
    path.push({ question: node.text, answer: chosen.text });
    node = nodeById(tree, chosen.next);
  }
  if (!node) return { error: "The tree is broken at this step." };
  if (node.kind === "question")
    return {
      tree: key,
      path,
      done: false,
      question: {
        id: node.id,
        text: node.text,
        answers: node.answers.map((answer, index) => ({ index, text: answer.text })),
      },
      outcome: null,
    };
  return {
    tree: key,
    path,
    done: true,
    question: null,
    outcome: {
      id: node.id,
      title: node.title,
      text: node.text ?? null,
      section: node.section ?? null,
      sectionUrl: node.section ? `${links.entryUrl}#${node.section}` : null,
      entry: node.entry ?? null,
      entryUrl: node.entry ? new URL(`/entries/${node.entry}`, links.origin).href : null,
    },
  };
}

export function registerWalkTreeTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_walk_tree",
    {
      title: "Walk a decision tree",
      description:
        "Walk one of an entry's decision trees with your user: send the answers chosen so far (none to start) and get the next question with its answers, or the outcome with the section of the entry (and any other entry) it points to. Ask your user each question rather than guessing.",
      inputSchema: input,
      outputSchema: output,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    async ({ entry: ref, tree: key, answers }) => {
      const loaded = await loadEntryForAgent(caller, ref);
      if (!loaded) return toToolError(fail("not_found", ENTRY_NOT_FOUND));
      const trees = entryTrees(loaded.entry);
      const chosen = key ? trees.find((candidate) => candidate.key === key) : trees[0];
      if (!chosen) {
        const message = trees.length
          ? `The entry has no decision tree "${key}". Its trees: ${trees.map((candidate) => candidate.key).join(", ")}.`
          : "The entry has no decision tree.";
        return toToolError(fail("not_found", message));
      }
      const walked = walkTree(chosen.tree, chosen.key, answers, { entryUrl: loaded.entry.url, origin: caller.origin });
      if ("error" in walked)
        return toToolError(fail("invalid", walked.error, { fieldErrors: { answers: [walked.error] } }));
      const text = walked.question
        ? `${walked.question.text}\n${walked.question.answers.map((answer) => `${answer.index}: ${answer.text}`).join("\n")}`
        : `Outcome: ${walked.outcome?.title}${walked.outcome?.text ? `: ${walked.outcome.text}` : ""}${walked.outcome?.sectionUrl ? `\nRead: ${walked.outcome.sectionUrl}` : ""}${walked.outcome?.entryUrl ? `\nSee also: ${walked.outcome.entryUrl}` : ""}`;
      return { content: [{ type: "text", text }], structuredContent: walked };
    },
  );
}
