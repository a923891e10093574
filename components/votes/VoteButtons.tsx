"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Vote = 1 | -1 | 0;
interface VoteState {
  score: number;
  userVote: Vote;
  signedIn: boolean;
  ownEntry: boolean;
}

/**
 * Up/down vote with the score between. The page around it is cached HTML, so the visitor's
 * own vote is fetched after load; clicks update at once and roll back if the server refuses.
 */
export function VoteButtons({ slug, initialScore }: { slug: string; initialScore: number }) {
  const router = useRouter();
  const [state, setState] = useState<VoteState>({ score: initialScore, userVote: 0, signedIn: false, ownEntry: false });
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const url = `/api/entries/${encodeURIComponent(slug)}/vote`;

  useEffect(() => {
    fetch(url, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<VoteState>) : null))
      .then((fresh) => fresh && setState(fresh))
      .finally(() => setLoaded(true));
  }, [url]);

  async function vote(clicked: 1 | -1) {
    setMessage(null);
    if (!state.signedIn) {
      router.push(`/sign-in?callbackUrl=${encodeURIComponent(`/entries/${slug}`)}`);
      return;
    }
    if (state.ownEntry) {
      setMessage("You cannot vote on your own entry.");
      return;
    }
    const before = state;
    const value: Vote = state.userVote === clicked ? 0 : clicked;
    setState({ ...state, userVote: value, score: state.score - state.userVote + value });
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ value }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { score?: number; error?: { message: string } } | null;
    if (!response?.ok || typeof body?.score !== "number") {
      setState(before);
      setMessage(body?.error?.message ?? "Your vote could not be saved. Try again.");
      return;
    }
    const score = body.score;
    setState((current) => ({ ...current, score, userVote: value }));
  }

  const button = (direction: 1 | -1) => {
    const active = state.userVote === direction;
    const label = direction === 1 ? "Vote up" : "Vote down";
    return (
      <button
        type="button"
        onClick={() => vote(direction)}
        disabled={!loaded}
        aria-pressed={active}
        aria-label={label}
        title={state.ownEntry ? "You cannot vote on your own entry" : label}
        className={`rounded-md px-2 py-0.5 text-base leading-none ring-1 ring-inset transition ${
          active
            ? "bg-amber-500 text-stone-950 ring-amber-500"
            : "ring-stone-300 hover:bg-stone-200 dark:ring-stone-700 dark:hover:bg-stone-800"
        } disabled:opacity-60`}
      >
        <span aria-hidden="true">{direction === 1 ? "▲" : "▼"}</span>
      </button>
    );
  };

  return (
    <div className="inline-flex flex-wrap items-center gap-2">
      <fieldset className="inline-flex min-w-0 items-center gap-1.5" aria-label="Score">
        {button(1)}
        <span data-testid="entry-score" className="min-w-[4.5rem] text-center">
          <strong className="text-stone-900 dark:text-stone-100">{state.score}</strong> score
        </span>
        {button(-1)}
      </fieldset>
      {message && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </span>
      )}
    </div>
  );
}
