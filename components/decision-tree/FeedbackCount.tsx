/** How visitors answered "Did this fit your case?" for one outcome. */
export interface OutcomeFeedbackTally {
  fits: number;
  doesNotFit: number;
}

/** The tally, for the entry's author and moderators (the API only gives it to them). */
export function FeedbackCount({ tally }: { tally: OutcomeFeedbackTally | undefined }) {
  const { fits = 0, doesNotFit = 0 } = tally ?? {};
  return (
    <p className="m-0 mt-1 text-xs text-stone-600 dark:text-stone-400" data-testid="outcome-feedback-count">
      Visitor feedback: {fits} said it fit, {doesNotFit} said it did not
      <span className="sr-only"> (shown to the entry&apos;s author and moderators)</span>
    </p>
  );
}
