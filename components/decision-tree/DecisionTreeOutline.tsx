import type { ReactNode } from "react";
import { nodeById, type Answer, type DecisionTree, type Outcome, type Question } from "@/lib/decision-trees/parse";

interface OutlineProps {
  tree: DecisionTree;
  anchorPrefix: string;
  sectionTitles: Readonly<Record<string, string>>;
  entryTitles: Readonly<Record<string, string>>;
}

/**
 * The tree as nested lists: each question, under it its answers, under each answer the next
 * question or the outcome. Several answers may lead to the same node: a question is written out
 * once (later answers link back to it, so the outline stays as small as the tree) and only the
 * first copy of a node carries its anchor id.
 */
export function DecisionTreeOutline({ tree, anchorPrefix, sectionTitles, entryTitles }: OutlineProps) {
  const placed = new Set<string>();
  const anchorFor = (id: string): string | undefined => {
    if (placed.has(id)) return undefined;
    placed.add(id);
    return `${anchorPrefix}${id}`;
  };

  // Plain recursive functions rather than components, so `placed` is filled in document order.
  const renderQuestion = (question: Question): ReactNode => (
    <div id={anchorFor(question.id)} className="min-w-0 scroll-mt-20">
      <p className="m-0 font-semibold text-stone-900 dark:text-stone-50">{question.text}</p>
      <ul className="m-0 mt-2 list-none space-y-3 border-l-2 border-amber-300 p-0 pl-3 sm:pl-5 dark:border-amber-700">
        {question.answers.map((answer, index) => (
          <li key={index} className="m-0 min-w-0">
            <p className="m-0 text-sm font-medium text-stone-700 dark:text-stone-300">
              <span aria-hidden="true" className="mr-1 text-amber-600 dark:text-amber-400">
                ↳
              </span>
              <span className="sr-only">Answer: </span>
              {answer.text}
            </p>
            <div className="mt-2">{renderNext(answer)}</div>
          </li>
        ))}
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
        Continue with the question above: <a href={`#${anchorPrefix}${node.id}`}>{node.text}</a>
      </p>
    );
  };

  const renderOutcome = (outcome: Outcome): ReactNode => {
    const links: ReactNode[] = [];
    if (outcome.section) {
      links.push(
        <a key="section" href={`#${outcome.section}`}>
          {sectionTitles[outcome.section] ?? spellOut(outcome.section.replace(/^(?:problem|solution|why|context)-/, ""))}
        </a>,
      );
    }
    if (outcome.entry) {
      links.push(
        <a key="entry" href={`/entries/${encodeURIComponent(outcome.entry)}`}>
          {entryTitles[outcome.entry] ?? spellOut(outcome.entry)}
        </a>,
      );
    }
    return (
      <div
        id={anchorFor(outcome.id)}
        className="min-w-0 scroll-mt-20 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 dark:border-emerald-800 dark:bg-emerald-950/50"
      >
        <p className="m-0">
          <span className="sr-only">Outcome: </span>
          <strong className="font-semibold text-emerald-900 dark:text-emerald-100">{outcome.title}</strong>
        </p>
        {outcome.text && <p className="m-0 mt-1 text-sm text-stone-700 dark:text-stone-300">{outcome.text}</p>}
        {links.length > 0 && (
          <p className="m-0 mt-1 text-sm text-stone-700 dark:text-stone-300">
            See:{" "}
            {links.map((link, index) => (
              <span key={index}>
                {index > 0 && " · "}
                {link}
              </span>
            ))}
          </p>
        )}
      </div>
    );
  };

  const start = nodeById(tree, tree.start);
  return (
    <section
      aria-label="Decision tree"
      className="my-6 rounded-xl border border-stone-200 bg-white p-3 [overflow-wrap:anywhere] shadow-sm sm:p-5 dark:border-stone-700 dark:bg-stone-900"
    >
      <h4 className="m-0 mb-3 text-xs font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
        Decision tree
      </h4>
      {start?.kind === "question" && renderQuestion(start)}
    </section>
  );
}

/** "cpu-bound-work_use" → "Cpu bound work use": a readable stand-in when no title is known. */
function spellOut(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
