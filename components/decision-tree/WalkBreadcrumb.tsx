import type { MouseEvent } from "react";
import type { TreeNode } from "@/lib/decision-trees/types";
import { treeLinkClass } from "./OutcomeLinks";

interface WalkBreadcrumbProps {
  /** Visited nodes, start first. */
  nodes: readonly TreeNode[];
  answerIndexes: readonly number[];
  /** The URL of the walk after the first `steps` answers. */
  hrefFor: (steps: number) => string;
  onStepBack: (steps: number) => void;
}

/**
 * The questions answered so far, each with the answer given; a question's link goes back to it.
 * Links, not buttons: each step is a real URL (open in a new tab, copy the link).
 */
export function WalkBreadcrumb({ nodes, answerIndexes, hrefFor, onStepBack }: WalkBreadcrumbProps) {
  if (answerIndexes.length === 0) return null;
  const follow = (steps: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onStepBack(steps);
  };
  return (
    <nav aria-label="Your answers so far" className="mb-4 border-b border-stone-200 pb-3 dark:border-stone-700">
      <p className="m-0 mb-1 text-xs text-stone-600 dark:text-stone-400">
        Your answers so far (choose a question to change your answer):
      </p>
      <ol className="m-0 list-none space-y-1.5 p-0 text-sm">
        {answerIndexes.map((answerIndex, step) => {
          const question = nodes[step];
          if (question?.kind !== "question") return null;
          return (
            <li key={question.id} className="m-0 flex min-w-0 flex-wrap gap-x-2">
              <a href={hrefFor(step)} onClick={follow(step)} className={treeLinkClass}>
                <span className="sr-only">Go back to: </span>
                {question.text}
              </a>
              <span className="font-medium text-stone-900 dark:text-stone-100">
                <span aria-hidden="true" className="text-amber-600 dark:text-amber-400">
                  →{" "}
                </span>
                <span className="sr-only">You answered: </span>
                {question.answers[answerIndex]?.text}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
