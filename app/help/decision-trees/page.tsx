import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DecisionTreeBlock } from "@/components/decision-tree/DecisionTreeBlock";
import { treeFences } from "@/lib/decision-trees/fences";
import { renderMarkdown } from "@/lib/markdown/render";
// The guide as it shows now: the seed adds revision 1 to the original page.
import { concurrencyGuideRevision1 as guide } from "@/prisma/seed/concurrency-guide-revision-1";
import { ErrorReference } from "./ErrorReference";
import { FormatReference, IdRules, LimitsTable } from "./FormatReference";
import { headingTitles } from "./heading-titles";

export const metadata: Metadata = {
  title: "Decision trees: format, limits and errors",
  description:
    "How to write a decision tree in an entry: a copy-paste example, every key, the id rules, the limits and every error message.",
};

const GUIDE_PATH = `/entries/${guide.slug}`;

const sections = [
  { id: "example", title: "A complete example" },
  { id: "format", title: "The format" },
  { id: "ids", title: "Ids" },
  { id: "limits", title: "Limits" },
  { id: "readers", title: "How readers use a tree" },
  { id: "errors", title: "Errors and how to fix them" },
];

export default async function DecisionTreeHelpPage() {
  const example = treeFences(guide.solution)[0]?.source ?? "";
  const copyable = await renderMarkdown(`\`\`\`\`yaml\n\`\`\`decision-tree\n${example}\n\`\`\`\n\`\`\`\``, {
    idPrefix: "help",
  });

  return (
    <article className="markdown mx-auto">
      <h1 className="mb-2 text-2xl font-bold tracking-tight sm:text-3xl">Decision trees</h1>
      <p className="text-lg text-stone-700 dark:text-stone-300">
        A decision tree leads a reader to the right answer by asking a few questions. Write it in any Markdown field of
        an entry (usually the Solution) as a fenced block with the language <code>decision-tree</code>; the entry page
        then asks one question at a time and ends with a recommendation.
      </p>

      <nav aria-label="On this page">
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <HelpSection id="example" title="A complete example">
        <p>
          This is the tree of the <Link href={GUIDE_PATH}>{guide.title}</Link>. Copy it, with the two fence lines, into
          an entry and change the questions and outcomes:
        </p>
        {copyable}
        <p>It reads like this (try it: the buttons work here too):</p>
        <DecisionTreeBlock
          source={example}
          idPrefix="help-example"
          sectionTitles={headingTitles(guide.solution, "solution")}
          sectionPage={GUIDE_PATH}
        />
      </HelpSection>

      <HelpSection id="format" title="The format">
        <FormatReference />
      </HelpSection>

      <HelpSection id="ids" title="Ids">
        <IdRules />
      </HelpSection>

      <HelpSection id="limits" title="Limits">
        <p>
          Trees are meant to be read, so they are kept small. A tree over any of these limits is refused with an error.
        </p>
        <LimitsTable />
      </HelpSection>

      <HelpSection id="readers" title="How readers use a tree">
        <ul>
          <li>
            <strong>Guided:</strong> one question at a time, the answers as buttons. The answers given so far are listed
            above the question; choosing one of them goes back to it. <em>Start over</em> returns to the first question.
          </li>
          <li>
            <strong>In the address:</strong> each step has its own address, so Back and Forward work and a link shares a
            step. The first tree of the Solution is <code>solution-tree-1</code>, and <code>?solution-tree-1=1.0</code>{" "}
            means &ldquo;the second answer to the first question, then the first answer to the next&rdquo; (answers are
            counted from 0). Adding a tree above another renumbers the ones below it.
          </li>
          <li>
            <strong>Whole tree:</strong> the second view shows every question and outcome as a nested outline, with the
            reader&apos;s path marked. Browsers without JavaScript show this outline.
          </li>
          <li>
            <strong>Feedback:</strong> every outcome asks &ldquo;Did this fit your case?&rdquo;. Each visitor has one
            answer per outcome and may change it. The entry&apos;s author and the moderators see the counts under each
            outcome, so a tree that sends people to the wrong place gets noticed. The counts belong to the
            outcome&apos;s id: renaming an outcome starts its count again.
          </li>
        </ul>
      </HelpSection>

      <HelpSection id="errors" title="Errors and how to fix them">
        <ErrorReference />
      </HelpSection>
    </article>
  );
}

function HelpSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2
        id={id}
        className="mb-3 scroll-mt-20 border-b border-stone-200 pb-1 text-xl font-semibold dark:border-stone-800"
      >
        {title}
      </h2>
      {children}
    </section>
  );
}
