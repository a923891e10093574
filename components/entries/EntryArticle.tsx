import Link from "next/link";
import type { ReactNode } from "react";
import { AgentOutcomes } from "@/components/entries/AgentOutcomes";
import { EntryBadges } from "@/components/entries/EntryBadges";
import { EntrySection } from "@/components/entries/EntrySection";
import { RevisionList } from "@/components/entries/RevisionList";
import { VerifiedWith } from "@/components/entries/VerifiedWith";
import { ViewCounter } from "@/components/entries/ViewCounter";
import { TagLinks } from "@/components/tags/TagLinks";
import { VoteButtons } from "@/components/votes/VoteButtons";
import type { EntryDetail } from "@/lib/entries/get-entry";
import { formatDate } from "@/lib/format";
import { renderMarkdown } from "@/lib/markdown/render";

/**
 * An entry as its page shows it: the static page of a public entry and the per-request page of
 * a private one render the same article. `notice` comes first under the title.
 */
export async function EntryArticle({ entry, notice }: { entry: EntryDetail; notice?: ReactNode }) {
  const [problem, solution, why, context, gotchas] = await Promise.all([
    renderMarkdown(entry.problem, { idPrefix: "problem" }),
    renderMarkdown(entry.solution, { idPrefix: "solution" }),
    entry.why ? renderMarkdown(entry.why, { idPrefix: "why" }) : null,
    entry.context ? renderMarkdown(entry.context, { idPrefix: "context" }) : null,
    Promise.all(entry.gotchas.map((gotcha, i) => renderMarkdown(gotcha, { idPrefix: `gotcha-${i + 1}` }))),
  ]);

  const sections = [
    { id: "problem", title: "Problem" },
    { id: "solution", title: "Solution" },
    ...(why ? [{ id: "why", title: "Why" }] : []),
    ...(context ? [{ id: "context", title: "Context" }] : []),
    ...(gotchas.length ? [{ id: "gotchas", title: "Gotchas" }] : []),
    ...(entry.errorMessages.length ? [{ id: "error-messages", title: "Error messages" }] : []),
    { id: "revisions", title: `Revisions (${entry.revisionCount})` },
  ];

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10">
      <article className="min-w-0 space-y-8">
        <header className="space-y-3">
          <Link
            href="/"
            className="text-sm text-stone-600 hover:text-amber-700 dark:text-stone-300 dark:hover:text-amber-400"
          >
            ← Back to all entries
          </Link>
          <EntryBadges {...entry} />
          <h1 className="text-2xl font-bold leading-tight tracking-tight sm:text-3xl">{entry.title}</h1>
          {notice}
          <VerifiedWith verifications={entry.verifiedWith} mark />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-600 dark:text-stone-300">
            <span>
              Submitted by{" "}
              <strong className="font-medium text-stone-900 dark:text-stone-100">
                {entry.authorHandle ? `@${entry.authorHandle}` : "@anonymous"}
              </strong>{" "}
              · <time dateTime={entry.createdAt.toISOString()}>{formatDate(entry.createdAt)}</time>
            </span>
            <VoteButtons slug={entry.slug} initialScore={entry.score} />
            {(entry.importedUpvotes > 0 || entry.importedDownvotes > 0) && (
              <span
                data-testid="imported-votes"
                title="Anonymous votes from the original HiveBrain, counted in the score"
              >
                +{entry.importedUpvotes} / −{entry.importedDownvotes} from the original HiveBrain
              </span>
            )}
            <ViewCounter slug={entry.slug} initialCount={entry.viewCount} />
            <AgentOutcomes slug={entry.slug} />
            <Link
              href={`/entries/${entry.slug}/edit`}
              className="font-medium text-amber-700 hover:underline dark:text-amber-400"
            >
              Edit
            </Link>
          </div>
          <TagLinks tags={entry.tags} />
        </header>

        <EntrySection id="problem" title="Problem">
          <div className="markdown">{problem}</div>
        </EntrySection>
        <EntrySection id="solution" title="Solution">
          <div className="markdown">{solution}</div>
        </EntrySection>
        {why && (
          <EntrySection id="why" title="Why">
            <div className="markdown">{why}</div>
          </EntrySection>
        )}
        {context && (
          <EntrySection id="context" title="Context">
            <div className="markdown">{context}</div>
          </EntrySection>
        )}
        {gotchas.length > 0 && (
          <EntrySection id="gotchas" title="Gotchas">
            <ul className="list-disc space-y-2 pl-6">
              {gotchas.map((gotcha, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the entry's list in its saved order; two items can read the same
                <li key={i} className="markdown">
                  {gotcha}
                </li>
              ))}
            </ul>
          </EntrySection>
        )}
        {entry.errorMessages.length > 0 && (
          <EntrySection id="error-messages" title="Error messages">
            <ul className="space-y-2">
              {entry.errorMessages.map((message, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the entry's list in its saved order; two items can read the same
                <li key={i}>
                  <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md border border-red-200 bg-red-50 p-3 font-mono text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
                    {message}
                  </pre>
                </li>
              ))}
            </ul>
          </EntrySection>
        )}
        <EntrySection id="revisions" title={`Revisions (${entry.revisionCount})`}>
          <RevisionList revisions={entry.recentRevisions} total={entry.revisionCount} />
          <p className="mt-3 flex gap-4 text-sm font-medium">
            <Link
              href={`/entries/${entry.slug}/history`}
              className="text-amber-700 hover:underline dark:text-amber-400"
            >
              Full history
            </Link>
            <Link href={`/entries/${entry.slug}/edit`} className="text-amber-700 hover:underline dark:text-amber-400">
              Improve this entry
            </Link>
          </p>
        </EntrySection>
      </article>

      <nav aria-label="On this page" className="hidden lg:block">
        <div className="sticky top-20 space-y-2 text-sm">
          <p className="font-semibold text-stone-500 uppercase tracking-wide text-xs">On this page</p>
          <ul className="space-y-1 border-l border-stone-200 dark:border-stone-800">
            {sections.map((section) => (
              <li key={section.id}>
                <a
                  href={`#${section.id}`}
                  className="-ml-px block border-l border-transparent pl-3 text-stone-600 hover:border-amber-500 hover:text-stone-950 dark:text-stone-300 dark:hover:text-white"
                >
                  {section.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </div>
  );
}
