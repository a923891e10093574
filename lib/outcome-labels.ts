// The outcomes an agent may report about an entry (lib/outcomes.ts), shared with the page that shows their counts.
export const OUTCOMES = ["helped", "partially_helped", "did_not_help", "wrong"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeCounts = Record<Outcome, number>;

export const OUTCOME_LABELS: Record<Outcome, string> = {
  helped: "helped",
  partially_helped: "partly helped",
  did_not_help: "did not help",
  wrong: "wrong",
};
