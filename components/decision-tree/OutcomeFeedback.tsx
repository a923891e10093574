"use client";

import { useId, useState } from "react";
import { visitorFetch } from "@/components/entries/visitor-fetch";

interface OutcomeFeedbackProps {
  slug: string;
  treeKey: string;
  outcomeId: string;
  /** What this visitor answered earlier on this page, if anything. */
  answer: boolean | undefined;
  onSaved: (fits: boolean) => void;
}

type SaveState = "idle" | "saving" | "saved" | "failed";

/** "Did this fit your case?" with Yes / No; the visitor may change the answer (the server keeps one per visitor). */
export function OutcomeFeedback({ slug, treeKey, outcomeId, answer, onSaved }: OutcomeFeedbackProps) {
  const [state, setState] = useState<SaveState>(answer === undefined ? "idle" : "saved");
  const labelId = useId();

  async function send(fits: boolean) {
    // Not `disabled` while saving: disabling the focused button would drop keyboard focus.
    if (state === "saving") return;
    setState("saving");
    const response = await visitorFetch(`/api/entries/${encodeURIComponent(slug)}/tree-feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ treeKey, outcomeId, fits }),
    }).catch(() => null);
    if (!response?.ok) {
      setState("failed");
      return;
    }
    setState("saved");
    onSaved(fits);
  }

  const button = (fits: boolean) => (
    <button
      type="button"
      onClick={() => send(fits)}
      aria-disabled={state === "saving"}
      aria-pressed={answer === fits}
      className="min-h-11 min-w-16 rounded-md border border-stone-300 bg-white px-4 text-sm font-medium text-stone-900 hover:bg-stone-100 aria-disabled:opacity-60 aria-pressed:border-amber-500 aria-pressed:bg-amber-100 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800 dark:aria-pressed:border-amber-500 dark:aria-pressed:bg-amber-900/60"
    >
      {fits ? "Yes" : "No"}
    </button>
  );

  return (
    <fieldset
      aria-labelledby={labelId}
      className="mt-4 min-w-0 border-t border-emerald-200 pt-3 dark:border-emerald-800"
    >
      <p id={labelId} className="m-0 text-sm font-semibold text-stone-900 dark:text-stone-100">
        Did this fit your case?
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {button(true)}
        {button(false)}
        <p role="status" className="m-0 text-sm text-stone-700 dark:text-stone-300">
          {state === "saved" && "Thanks — noted. You can change your answer."}
          {state === "failed" && "Your answer could not be saved. Try again."}
        </p>
      </div>
    </fieldset>
  );
}
