import { type ReactNode, type Ref, useId } from "react";
import type { Outcome, Question } from "@/lib/decision-trees/types";
import { OutcomeLinks, type OutcomeLinkTargets } from "./OutcomeLinks";

// The step headings take focus after each answer (tabIndex -1), so keyboard and screen-reader
// users continue from the new question instead of from the top of the page.
const headingClass = "m-0 rounded-sm text-lg leading-snug font-semibold";

interface QuestionStepProps {
  question: Question;
  /** 1-based number of the question on the path. */
  number: number;
  headingRef: Ref<HTMLParagraphElement>;
  onAnswer: (answerIndex: number) => void;
}

export function QuestionStep({ question, number, headingRef, onAnswer }: QuestionStepProps) {
  const headingId = useId();
  return (
    <div>
      <p className="m-0 text-xs font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">
        Question {number}
      </p>
      <p id={headingId} ref={headingRef} tabIndex={-1} className={`${headingClass} text-stone-900 dark:text-stone-50`}>
        {question.text}
      </p>
      <fieldset aria-labelledby={headingId} className="mt-3 grid min-w-0 gap-2">
        {question.answers.map((answer, index) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: an answer is its position (the URL records answer indexes)
            key={index}
            type="button"
            onClick={() => onAnswer(index)}
            className="min-h-11 w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 text-left text-sm font-medium text-stone-900 hover:border-amber-500 hover:bg-amber-50 sm:text-base dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100 dark:hover:border-amber-500 dark:hover:bg-amber-950/50"
          >
            {answer.text}
          </button>
        ))}
      </fieldset>
    </div>
  );
}

interface OutcomeStepProps {
  outcome: Outcome;
  links: OutcomeLinkTargets;
  headingRef: Ref<HTMLParagraphElement>;
  /** The feedback question and, for the author and moderators, its tally. */
  children?: ReactNode;
}

export function OutcomeStep({ outcome, links, headingRef, children }: OutcomeStepProps) {
  return (
    <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 sm:p-4 dark:border-emerald-800 dark:bg-emerald-950/50">
      <p className="m-0 text-xs font-semibold tracking-wide text-emerald-800 uppercase dark:text-emerald-300">
        Outcome
      </p>
      <p ref={headingRef} tabIndex={-1} className={`${headingClass} text-emerald-950 dark:text-emerald-50`}>
        {outcome.title}
      </p>
      {outcome.text && (
        <p className="m-0 mt-2 text-sm text-stone-800 sm:text-base dark:text-stone-200">{outcome.text}</p>
      )}
      <OutcomeLinks outcome={outcome} targets={links} />
      {children}
    </div>
  );
}
