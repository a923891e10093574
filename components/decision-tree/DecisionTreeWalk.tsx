"use client";

import { usePathname } from "next/navigation";
import { useSession } from "next-auth/react";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { walk } from "@/lib/decision-trees/paths";
import type { DecisionTree, TreeNode } from "@/lib/decision-trees/types";
import { DecisionTreeOutline } from "./DecisionTreeOutline";
import type { OutcomeFeedbackTally } from "./FeedbackCount";
import { FeedbackCount } from "./FeedbackCount";
import { OutcomeStep, QuestionStep } from "./GuidedStep";
import { OutcomeFeedback } from "./OutcomeFeedback";
import type { OutcomeLinkTargets } from "./OutcomeLinks";
import { currentSearch, hrefWithTreePath, pushTreePath, subscribeToTreeUrl, treePathFromSearch } from "./tree-url";
import { WalkBreadcrumb } from "./WalkBreadcrumb";

export interface DecisionTreeWalkProps {
  tree: DecisionTree;
  /** Names the tree in the URL and in feedback: the fence's idPrefix, e.g. "solution-tree-1". */
  treeKey: string;
  /** Outline anchors are `<anchorPrefix><node id>`. */
  anchorPrefix: string;
  links: OutcomeLinkTargets;
}

type View = "guided" | "tree";

const noSearchOnServer = () => null;

/**
 * The decision tree, one question at a time. The server (and a browser without JavaScript)
 * shows the whole tree as an outline; after hydration the guided walk takes over, at the step
 * the URL names (see tree-url.ts).
 */
export function DecisionTreeWalk({ tree, treeKey, anchorPrefix, links }: DecisionTreeWalkProps) {
  // null while rendering on the server and hydrating: the page then shows the plain outline.
  const search = useSyncExternalStore(subscribeToTreeUrl, currentSearch, noSearchOnServer);
  const enhanced = search !== null;
  const [view, setView] = useState<View>("guided");
  const requestedPath = enhanced ? treePathFromSearch(search, treeKey) : [];
  const nodes = walk(tree, requestedPath);
  // walk() stops at the first index that is not an answer (a hand-edited URL): keep what it used.
  const answerIndexes = requestedPath.slice(0, nodes.length - 1);
  const current = nodes.at(-1);
  const pathKey = answerIndexes.join(".");

  const headingRef = useRef<HTMLParagraphElement>(null);
  // The step an answer or a breadcrumb link asked for: its heading takes focus once it is shown.
  const focusOnStep = useRef<string | null>(null);
  const goTo = useCallback(
    (path: readonly number[]) => {
      focusOnStep.current = path.join(".");
      pushTreePath(treeKey, path);
    },
    [treeKey],
  );

  const announcement = useStepAnnouncement(enhanced ? pathKey : null, current ? describeStep(current) : "");
  useEffect(() => {
    if (focusOnStep.current !== pathKey) return;
    focusOnStep.current = null;
    headingRef.current?.focus();
  }, [pathKey]);

  // A link to an anchor inside the outline (`#solution-tree-1-dt-asyncio`) needs the outline shown.
  useEffect(() => {
    const showTargetedNode = () => {
      if (window.location.hash.startsWith(`#${anchorPrefix}`)) setView("tree");
    };
    showTargetedNode();
    window.addEventListener("hashchange", showTargetedNode);
    return () => window.removeEventListener("hashchange", showTargetedNode);
  }, [anchorPrefix]);

  const feedbackSlug = entrySlugOf(usePathname());
  const feedback = useFeedbackCounts(
    feedbackSlug,
    treeKey,
    enhanced && (view === "tree" || current?.kind === "outcome"),
  );
  const [answers, setAnswers] = useState<Readonly<Record<string, boolean>>>({});

  const showGuided = enhanced && view === "guided" && current !== undefined;
  return (
    <section
      aria-label="Decision tree"
      data-tree-key={treeKey}
      className="my-6 rounded-xl border border-stone-200 bg-white p-3 [overflow-wrap:anywhere] shadow-sm sm:p-5 dark:border-stone-700 dark:bg-stone-900"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h4 className="m-0 text-xs font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">
          Decision tree
        </h4>
        {enhanced && <ViewSwitch view={view} onChange={setView} />}
      </div>

      {showGuided && (
        <div data-testid="decision-tree-guided">
          <WalkBreadcrumb
            nodes={nodes}
            answerIndexes={answerIndexes}
            hrefFor={(steps) => hrefWithTreePath(search, treeKey, answerIndexes.slice(0, steps))}
            onStepBack={(steps) => goTo(answerIndexes.slice(0, steps))}
          />
          {current.kind === "question" ? (
            <QuestionStep
              key={current.id}
              question={current}
              number={answerIndexes.length + 1}
              headingRef={headingRef}
              onAnswer={(index) => goTo([...answerIndexes, index])}
            />
          ) : (
            <OutcomeStep key={current.id} outcome={current} links={links} headingRef={headingRef}>
              {feedbackSlug && (
                <OutcomeFeedback
                  slug={feedbackSlug}
                  treeKey={treeKey}
                  outcomeId={current.id}
                  answer={answers[current.id]}
                  onSaved={(fits) => {
                    setAnswers((before) => ({ ...before, [current.id]: fits }));
                    feedback.reload();
                  }}
                />
              )}
              {feedback.counts && <FeedbackCount tally={feedback.counts[current.id]} />}
            </OutcomeStep>
          )}
          {answerIndexes.length > 0 && (
            <button
              type="button"
              onClick={() => goTo([])}
              className="mt-4 min-h-11 rounded-md px-3 text-sm font-medium text-stone-700 underline underline-offset-2 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
            >
              Start over
            </button>
          )}
        </div>
      )}

      <div hidden={showGuided}>
        {enhanced && answerIndexes.length > 0 && (
          <p className="m-0 mb-3 text-sm text-stone-600 dark:text-stone-400">Your path through the tree is marked.</p>
        )}
        <DecisionTreeOutline
          tree={tree}
          anchorPrefix={anchorPrefix}
          links={links}
          position={enhanced ? { nodes, answerIndexes } : undefined}
          feedback={feedback.counts ?? undefined}
        />
      </div>

      <p role="status" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}

function ViewSwitch({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const option = (value: View, label: string) => (
    <button
      type="button"
      aria-pressed={view === value}
      onClick={() => onChange(value)}
      className="min-h-9 rounded-md px-3 text-sm font-medium text-stone-700 hover:bg-stone-100 aria-pressed:bg-stone-800 aria-pressed:text-white dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900"
    >
      {label}
    </button>
  );
  return (
    <fieldset
      aria-label="Show the decision tree"
      className="flex min-w-0 gap-1 rounded-lg border border-stone-300 p-0.5 dark:border-stone-600"
    >
      {option("guided", "Guided")}
      {option("tree", "Whole tree")}
    </fieldset>
  );
}

/**
 * What the live region says: the new question or outcome after each step, and nothing on the
 * first render (a page load should not interrupt with the tree's first question).
 */
function useStepAnnouncement(pathKey: string | null, stepText: string): string {
  const [announcement, setAnnouncement] = useState("");
  const announcedPath = useRef<string | null>(null);
  useEffect(() => {
    if (pathKey === null) return;
    if (announcedPath.current !== null && announcedPath.current !== pathKey) setAnnouncement(stepText);
    announcedPath.current = pathKey;
  }, [pathKey, stepText]);
  return announcement;
}

function describeStep(node: TreeNode): string {
  return node.kind === "question"
    ? `Question: ${node.text}`
    : `Outcome: ${node.title}.${node.text ? ` ${node.text}` : ""}`;
}

/** The slug when the tree is on an entry page (feedback is about an entry), else null. */
function entrySlugOf(pathname: string | null): string | null {
  const match = /^\/entries\/([^/]+)\/?$/.exec(pathname ?? "");
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * The feedback tally of this tree's outcomes, for the entry's author and moderators: asked for
 * once an outcome or the whole tree is on screen, and only when signed in (the API answers 401
 * or 403 to everyone else, and then nothing is shown).
 */
function useFeedbackCounts(slug: string | null, treeKey: string, wanted: boolean) {
  const signedIn = useSession().status === "authenticated";
  const [counts, setCounts] = useState<Record<string, OutcomeFeedbackTally> | null>(null);
  // Bumped after the visitor's own answer is saved, so the tally includes it.
  const [version, setVersion] = useState(0);
  const loadedVersion = useRef(-1);
  useEffect(() => {
    if (!slug || !signedIn || !wanted || loadedVersion.current === version) return;
    loadedVersion.current = version;
    fetch(`/api/entries/${encodeURIComponent(slug)}/tree-feedback`, { cache: "no-store" })
      .then((response) => (response.status === 200 ? (response.json() as Promise<{ counts: FeedbackRow[] }>) : null))
      .then((body) => {
        if (!body) return;
        const mine: Record<string, OutcomeFeedbackTally> = {};
        for (const row of body.counts)
          if (row.treeKey === treeKey) mine[row.outcomeId] = { fits: row.fits, doesNotFit: row.doesNotFit };
        setCounts(mine);
      })
      .catch(() => {
        // The tally is a convenience for authors; the tree works without it.
      });
  }, [slug, signedIn, wanted, treeKey, version]);
  return { counts, reload: () => setVersion((v) => v + 1) };
}

interface FeedbackRow {
  treeKey: string;
  outcomeId: string;
  fits: number;
  doesNotFit: number;
}
