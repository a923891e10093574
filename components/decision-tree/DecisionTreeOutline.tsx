// Rendered on the server (the page without JavaScript) and by DecisionTreeWalk (the "Whole tree"
// view), so it imports only the yaml-free parts of lib/decision-trees.
import type { ReactNode } from "react";
import { nodeById } from "@/lib/decision-trees/paths";
import type { Answer, DecisionTree, Outcome, Question, TreeNode } from "@/lib/decision-trees/types";
import { FeedbackCount, type OutcomeFeedbackTally } from "./FeedbackCount";
import { OutcomeLinks, type OutcomeLinkTargets, treeLinkClass } from "./OutcomeLinks";

/** Where a guided walk stands: the nodes visited (start first) and the answer chosen at each question. */
export interface WalkPosition {
  nodes: readonly TreeNode[];
  answerIndexes: readonly number[];
}

interface OutlineProps {
  tree: DecisionTree;
  anchorPrefix: string;
  links: OutcomeLinkTargets;
  /** Marks the path taken so far. */
  position?: WalkPosition;
  /** Feedback per outcome id, shown under each outcome when given. */
  feedback?: Readonly<Record<string, OutcomeFeedbackTally>>;
}

const yourPathBadge =
  "ml-2 inline-block rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950 dark:bg-amber-800 dark:text-amber-50";

/**
 * The tree as nested lists: each question, under it its answers, under each answer the next
 * question or the outcome. Several answers may lead to the same node: a question is written out
 * once (later answers link back to it, so the outline stays as small as the tree) and only the
 * first copy of a node carries its anchor id.
 */
export function DecisionTreeOutline({ tree, anchorPrefix, links, position, feedback }: OutlineProps) {
  const placed = new Set<string>();
  const anchorFor = (id: string): string | undefined => {
    if (placed.has(id)) return undefined;
    placed.add(id);
    return `${anchorPrefix}${id}`;
  };
  const chosen = new Set(position?.answerIndexes.map((answer, step) => `${position.nodes[step]?.id ?? ""} ${answer}`));
  const current = position?.nodes.at(-1)?.id;
  const currentMark = (id: string) => (id === current ? ({ "aria-current": "step" } as const) : {});

  // Plain recursive functions rather than components, so `placed` is filled in document order.
  const renderQuestion = (question: Question): ReactNode => (
    <div id={anchorFor(question.id)} className="min-w-0 scroll-mt-20" {...currentMark(question.id)}>
      <p className="m-0 font-semibold text-stone-900 dark:text-stone-50">
        {question.text}
        {question.id === current && <span className={yourPathBadge}>You are here</span>}
      </p>
      <ul className="m-0 mt-2 list-none space-y-3 border-l-2 border-amber-300 p-0 pl-3 sm:pl-5 dark:border-amber-700">
        {question.answers.map((answer, index) => {
          const onPath = chosen.has(`${question.id} ${index}`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: an answer is its position (the URL records answer indexes)
            <li key={index} className="m-0 min-w-0">
              <p
                className={`m-0 text-sm font-medium ${onPath ? "-mx-1 rounded bg-amber-100 px-1 text-stone-950 dark:bg-amber-900/50 dark:text-stone-50" : "text-stone-700 dark:text-stone-300"}`}
              >
                <span aria-hidden="true" className="mr-1 text-amber-600 dark:text-amber-400">
                  ↳
                </span>
                <span className="sr-only">Answer: </span>
                {answer.text}
                {onPath && <span className={yourPathBadge}>Your answer</span>}
              </p>
              <div className="mt-2">{renderNext(answer)}</div>
            </li>
          );
        })}
      </ul>
    </div>
  );

  const renderNext = (answer: Answer): ReactNode => {
    const node = nodeById(tree, answer.next);
    if (!node) return null;
    if (node.kind === "outcome") return renderOutcome(node);
    if (!placed.has(node.id)) return renderQuestion(node);
    return (
      <p className="m-0 text-sm text-stone-600 dark:text-stone-400">
        Continue with the question above:{" "}
        <a href={`#${anchorPrefix}${node.id}`} className={treeLinkClass}>
          {node.text}
        </a>
      </p>
    );
  };

  const renderOutcome = (outcome: Outcome): ReactNode => {
    const reached = outcome.id === current;
    return (
      <div
        id={anchorFor(outcome.id)}
        className={`min-w-0 scroll-mt-20 rounded-lg border px-3 py-2 ${reached ? "border-emerald-600 bg-emerald-100 ring-2 ring-emerald-500 dark:border-emerald-500 dark:bg-emerald-900/60" : "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/50"}`}
        {...currentMark(outcome.id)}
      >
        <p className="m-0">
          <span className="sr-only">Outcome: </span>
          <strong className="font-semibold text-emerald-900 dark:text-emerald-100">{outcome.title}</strong>
          {reached && <span className={yourPathBadge}>Your outcome</span>}
        </p>
        {outcome.text && <p className="m-0 mt-1 text-sm text-stone-700 dark:text-stone-300">{outcome.text}</p>}
        <OutcomeLinks outcome={outcome} targets={links} />
        {feedback && <FeedbackCount tally={feedback[outcome.id]} />}
      </div>
    );
  };

  const start = nodeById(tree, tree.start);
  return <div data-testid="decision-tree-outline">{start?.kind === "question" && renderQuestion(start)}</div>;
}
