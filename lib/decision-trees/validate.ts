// Checks on the tree as a graph: references, unique ids, size, cycles, reachability and depth.
// It runs on the draft that parse.ts read from the YAML, so one pass reports every problem.
import { didYouMean, quote } from "./messages";
import { MAX_DEPTH, MAX_NODES, MAX_PATHS } from "./types";

export interface Pos {
  line: number;
  column: number;
}

export interface DraftAnswer {
  text: string | null;
  next: string | null;
  /** Position of the answer itself. */
  pos: Pos;
  /** Position of its `next` value (the answer's position when missing). */
  nextPos: Pos;
  /** How messages name the answer: `Answer "Computing"` or `Answer 2 of question "q"`. */
  label: string;
}

export interface DraftQuestion {
  id: string;
  text: string | null;
  answers: DraftAnswer[];
  pos: Pos;
}

export interface DraftOutcome {
  id: string;
  title: string | null;
  text?: string;
  section?: string;
  entry?: string;
  pos: Pos;
}

export interface DraftTree {
  start: string | null;
  startPos: Pos;
  questions: Map<string, DraftQuestion>;
  outcomes: Map<string, DraftOutcome>;
  /** False when `questions` or `outcomes` is missing or not a mapping: references cannot be judged. */
  complete: boolean;
}

export type Report = (pos: Pos, message: string) => void;

const byPosition = (a: { pos: Pos }, b: { pos: Pos }) => a.pos.line - b.pos.line || a.pos.column - b.pos.column;

export function checkTree(draft: DraftTree, report: Report): void {
  const { questions, outcomes } = draft;

  for (const outcome of outcomes.values()) {
    const question = questions.get(outcome.id);
    if (question) {
      report(
        outcome.pos,
        `Id ${quote(outcome.id)} is used by both a question (line ${question.pos.line}) and an outcome; ids must be unique`,
      );
    }
  }

  const nodes = [...questions.values(), ...outcomes.values()].sort(byPosition);
  const extra = nodes[MAX_NODES];
  if (extra) {
    report(extra.pos, `The tree has ${nodes.length} nodes (questions and outcomes); the limit is ${MAX_NODES}`);
  }

  const known = (id: string) => questions.has(id) || outcomes.has(id);
  let startQuestion: DraftQuestion | undefined;
  if (draft.start !== null && draft.complete) {
    startQuestion = questions.get(draft.start);
    if (!startQuestion) {
      report(
        draft.startPos,
        outcomes.has(draft.start)
          ? `"start" is ${quote(draft.start)}, which is an outcome; start must be the id of a question`
          : `"start" is ${quote(draft.start)}, which is not a question${didYouMean(draft.start, questions.keys())}`,
      );
    }
  }

  if (draft.complete) {
    const ids = [...questions.keys(), ...outcomes.keys()];
    for (const question of questions.values()) {
      for (const answer of question.answers) {
        if (answer.next !== null && !known(answer.next)) {
          report(
            answer.nextPos,
            `${answer.label} leads to ${quote(answer.next)}, which is not a question or an outcome${didYouMean(answer.next, ids)}`,
          );
        }
      }
    }
  }

  const hasCycle = reportCycles(draft, report);

  if (!startQuestion) return;
  const reached = reachable(draft, startQuestion.id);
  for (const node of nodes) {
    if (reached.has(node.id)) continue;
    const kind = questions.get(node.id) === node ? "Question" : "Outcome";
    report(node.pos, `${kind} ${quote(node.id)} cannot be reached from the start question ${quote(startQuestion.id)}`);
  }

  if (hasCycle) return;
  reportDepth(draft, startQuestion, report);
  const paths = countPaths(draft, startQuestion.id);
  if (paths > MAX_PATHS) {
    report(
      draft.startPos,
      `The tree has more than ${MAX_PATHS.toLocaleString("en")} paths from start to an outcome; ` +
        "lead fewer answers into shared questions",
    );
  }
}

/** Reports each loop once, at the answer that closes it. Returns whether there was one. */
function reportCycles(draft: DraftTree, report: Report): boolean {
  const { questions } = draft;
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let found = false;

  const visit = (question: DraftQuestion) => {
    stack.push(question.id);
    onStack.add(question.id);
    for (const answer of question.answers) {
      if (answer.next === null) continue;
      const next = questions.get(answer.next);
      if (!next) continue;
      if (onStack.has(next.id)) {
        found = true;
        const loop = [...stack.slice(stack.indexOf(next.id)), next.id];
        report(
          answer.nextPos,
          `Cycle: ${loop.join(" → ")}; answers must lead on to a later question or an outcome, never back`,
        );
      } else if (!done.has(next.id)) {
        visit(next);
      }
    }
    stack.pop();
    onStack.delete(question.id);
    done.add(question.id);
  };

  const start = draft.start === null ? undefined : questions.get(draft.start);
  for (const question of start ? [start, ...questions.values()] : questions.values()) {
    if (!done.has(question.id)) visit(question);
  }
  return found;
}

function reachable(draft: DraftTree, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const answer of draft.questions.get(id)?.answers ?? []) {
      const next = answer.next;
      if (next === null || seen.has(next)) continue;
      if (!draft.questions.has(next) && !draft.outcomes.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/** Needs an acyclic graph. */
function reportDepth(draft: DraftTree, start: DraftQuestion, report: Report): void {
  const depth = new Map<string, number>();
  // Number of questions on the longest path starting at `question`, and where it continues.
  const longest = (question: DraftQuestion): number => {
    const known = depth.get(question.id);
    if (known !== undefined) return known;
    let deepest = 0;
    for (const answer of question.answers) {
      const next = answer.next === null ? undefined : draft.questions.get(answer.next);
      if (next) deepest = Math.max(deepest, longest(next));
    }
    depth.set(question.id, deepest + 1);
    return deepest + 1;
  };
  if (longest(start) <= MAX_DEPTH) return;

  const path: DraftQuestion[] = [];
  for (let question: DraftQuestion | undefined = start; question; ) {
    path.push(question);
    const current: DraftQuestion = question;
    question = undefined;
    for (const answer of current.answers) {
      const next = answer.next === null ? undefined : draft.questions.get(answer.next);
      if (next && depth.get(next.id) === (depth.get(current.id) ?? 0) - 1) {
        question = next;
        break;
      }
    }
  }
  const offending = path[MAX_DEPTH] ?? start;
  report(
    offending.pos,
    `The tree is too deep: the path ${path.map((question) => question.id).join(" → ")} asks ${path.length} questions; ` +
      `the limit is ${MAX_DEPTH}`,
  );
}

/** Distinct paths from `start` to an outcome, capped just above MAX_PATHS. Needs an acyclic graph. */
function countPaths(draft: DraftTree, start: string): number {
  const counts = new Map<string, number>();
  const count = (id: string): number => {
    if (draft.outcomes.has(id)) return 1;
    const question = draft.questions.get(id);
    if (!question) return 0;
    const known = counts.get(id);
    if (known !== undefined) return known;
    let total = 0;
    for (const answer of question.answers) {
      if (answer.next !== null) total = Math.min(MAX_PATHS + 1, total + count(answer.next));
    }
    counts.set(id, total);
    return total;
  };
  return count(start);
}
