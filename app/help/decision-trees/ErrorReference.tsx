import type { ReactNode } from "react";
import { DecisionTreeBlock } from "@/components/decision-tree/DecisionTreeBlock";
import { ERROR_EXAMPLE_GROUPS, type ErrorExample } from "@/lib/decision-trees/error-examples";
import { parseDecisionTree } from "@/lib/decision-trees/parse";

/**
 * Every problem the parser reports, each with a small tree that has it. The examples go through
 * the real parser, so the messages shown are the ones authors get.
 */
export function ErrorReference() {
  return (
    <>
      <p>
        When an entry is saved, every problem of its trees is reported at once, each with its line and column. On a
        page, a tree with problems shows them next to its numbered source instead of the tree. Each example below is a
        small tree with one problem, followed by exactly what you would see.
      </p>
      <ul>
        {ERROR_EXAMPLE_GROUPS.map((group) => (
          <li key={group.title}>
            {group.title}:{" "}
            {group.examples.map((example, index) => (
              <span key={example.id}>
                {index > 0 && ", "}
                {/* Plain text: link blue on the inline-code background falls short of AA contrast. */}
                <a href={`#error-${example.id}`}>{example.title.replaceAll("`", "")}</a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      {ERROR_EXAMPLE_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          {group.examples.map((example) => (
            <ErrorExampleItem key={example.id} example={example} />
          ))}
        </section>
      ))}
    </>
  );
}

function ErrorExampleItem({ example }: { example: ErrorExample }) {
  return (
    <div className="mt-6">
      <h4 id={`error-${example.id}`} className="scroll-mt-20">
        {withInlineCode(example.title)}
      </h4>
      <p>{withInlineCode(example.fix)}</p>
      {example.described ? (
        <DescribedExample example={example} />
      ) : (
        <DecisionTreeBlock source={example.source} idPrefix={`error-${example.id}`} />
      )}
    </div>
  );
}

/** An example too long to print: its description and the message it produces. */
function DescribedExample({ example }: { example: ErrorExample }) {
  const result = parseDecisionTree(example.source);
  const errors = result.ok ? [] : result.errors;
  return (
    <div className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm sm:p-5 dark:border-red-800 dark:bg-red-950/40">
      <p className="m-0 text-stone-800 dark:text-stone-200">
        <strong>Example:</strong> {example.described}
      </p>
      <ul className="m-0 mt-2">
        {errors.map((error, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parser's list, fixed for a given source; two errors can read the same
          <li key={index} className="text-red-950 dark:text-red-50">
            Line {error.line}, column {error.column}: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Use `next`" → ["Use ", <code>next</code>]. */
function withInlineCode(text: string): ReactNode[] {
  // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of a fixed string, never reordered
  return text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
