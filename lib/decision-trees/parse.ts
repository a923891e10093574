// Parses the YAML body of a ```decision-tree fence:
//
//   start: workload
//   questions:
//     workload:
//       text: What does your code spend most of its time doing?
//       answers:
//         - text: Computing (CPU-bound)
//           next: cpu
//         - ...
//   outcomes:
//     cpu:
//       title: Use multiprocessing
//       text: Processes bypass the GIL.      # optional
//       section: solution-cpu-bound-work     # optional heading id in this entry
//       entry: some-other-entry-slug         # optional
//
// Every problem is reported with its 1-based line and column, all at once. The YAML AST is read
// directly (not converted with toJS) so each error can point at its node; aliases are refused
// rather than expanded. After a YAML syntax error nothing else is checked: the document is
// incomplete and further messages would mostly be noise.
import { CST, LineCounter, Parser, parseDocument } from "yaml";
import { Reader } from "./read";
import type { DecisionTree, DecisionTreeError, Outcome, ParseResult, Question } from "./types";
import { MAX_SOURCE_CHARS, MAX_YAML_NESTING } from "./types";
import type { DraftTree } from "./validate";
import { checkTree } from "./validate";

export { allPaths, linkedEntrySlugs, nodeById, walk } from "./paths";
export * from "./types";

export function parseDecisionTree(source: string): ParseResult {
  if (source.length > MAX_SOURCE_CHARS) {
    return fail([
      {
        line: 1,
        column: 1,
        message: `The decision tree is ${source.length.toLocaleString("en")} characters long; the limit is ${MAX_SOURCE_CHARS.toLocaleString("en")}`,
      },
    ]);
  }
  const tooDeep = firstTooDeep(source);
  if (tooDeep) {
    const { line, col } = tooDeep;
    return fail([
      {
        line: Math.max(1, line),
        column: Math.max(1, col),
        message: `The YAML is nested more than ${MAX_YAML_NESTING} levels deep here; a decision tree needs at most 5`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  // uniqueKeys off: duplicates are reported below with a message that names the first one.
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const reader = new Reader(lineCounter);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) reader.report(reader.posAt(error.pos[0]), `YAML syntax error: ${error.message}`);
    return fail(reader.errors);
  }
  const draft = reader.readTree(doc.contents);
  if (draft) checkTree(draft, reader.report);
  if (reader.errors.length > 0 || !draft) return fail(reader.errors);
  return { ok: true, tree: buildTree(draft) };
}

/**
 * Where the first collection nested deeper than MAX_YAML_NESTING starts, or null. Uses yaml's
 * CST parser, which keeps its own stack, and walks the tokens without recursion.
 */
function firstTooDeep(source: string): { line: number; col: number } | null {
  const lineCounter = new LineCounter();
  const pending: { token: CST.Token; depth: number }[] = [];
  for (const token of new Parser(lineCounter.addNewLine).parse(source)) pending.push({ token, depth: 0 });
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === "document") {
      if (token.value) pending.push({ token: token.value, depth });
    } else if (CST.isCollection(token)) {
      if (depth + 1 > MAX_YAML_NESTING) return lineCounter.linePos(token.offset);
      for (const item of token.items) {
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return null;
}

function fail(errors: DecisionTreeError[]): ParseResult {
  return { ok: false, errors: [...errors].sort((a, b) => a.line - b.line || a.column - b.column) };
}

function buildTree(draft: DraftTree): DecisionTree {
  // Plain objects, so the tree can be passed to a client component (React refuses null
  // prototypes). Ids cannot be "__proto__" (no "_"); look nodes up with nodeById, which only
  // sees own properties, so "constructor" or "toString" never find Object.prototype members.
  const questions: Record<string, Question> = {};
  for (const question of draft.questions.values()) {
    questions[question.id] = {
      id: question.id,
      text: question.text ?? "",
      answers: question.answers.map((answer) => ({ text: answer.text ?? "", next: answer.next ?? "" })),
    };
  }
  const outcomes: Record<string, Outcome> = {};
  for (const outcome of draft.outcomes.values()) {
    outcomes[outcome.id] = {
      id: outcome.id,
      title: outcome.title ?? "",
      ...(outcome.text !== undefined && { text: outcome.text }),
      ...(outcome.section !== undefined && { section: outcome.section }),
      ...(outcome.entry !== undefined && { entry: outcome.entry }),
    };
  }
  return { start: draft.start ?? "", questions, outcomes };
}
