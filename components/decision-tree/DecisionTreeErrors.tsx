import type { DecisionTreeError } from "@/lib/decision-trees/parse";
import { MAX_SOURCE_CHARS } from "@/lib/decision-trees/parse";

interface ErrorsProps {
  source: string;
  errors: DecisionTreeError[];
  /** Prefix of this block's ids; source lines get `<anchorPrefix>L<n>` (upper-case L: never a node id). */
  anchorPrefix: string;
}

/** The problems of an invalid tree, each linked to its line in the numbered source below. */
export function DecisionTreeErrors({ source, errors, anchorPrefix }: ErrorsProps) {
  // An over-long source is the error itself; show only as much as a valid one could hold.
  const shown = source.length > MAX_SOURCE_CHARS ? `${source.slice(0, MAX_SOURCE_CHARS)}\n…` : source;
  const lines = shown.split("\n");
  const errorLines = new Set(errors.map((error) => error.line));
  const lineId = (line: number) => `${anchorPrefix}L${line}`;

  return (
    <section
      aria-label="Decision tree"
      className="my-6 rounded-xl border border-red-300 bg-red-50 p-3 [overflow-wrap:anywhere] sm:p-5 dark:border-red-800 dark:bg-red-950/40"
    >
      <h4 className="m-0 text-base font-semibold text-red-900 dark:text-red-100">
        Decision tree: {errors.length === 1 ? "1 error" : `${errors.length} errors`}
      </h4>
      <p className="m-0 mt-1 text-sm text-red-900 dark:text-red-100">
        This decision tree cannot be shown until the YAML below is fixed.
      </p>
      <ul className="m-0 mt-3 list-disc space-y-1 pl-5 text-sm text-red-950 dark:text-red-50">
        {errors.map((error, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parser's list, fixed for a given source; two errors can read the same
          <li key={index} className="m-0">
            <a href={`#${lineId(error.line)}`} className="font-semibold">
              Line {error.line}, column {error.column}
            </a>
            : {error.message}
          </li>
        ))}
      </ul>
      {/* Line numbers come from a CSS counter, so the text of the <pre> is exactly the source. */}
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls, so keyboard users must reach it (axe scrollable-region-focusable)
        tabIndex={0}
        aria-label="Decision tree source"
        className="mt-3 max-h-96 overflow-auto rounded-lg border border-red-200 bg-white dark:border-red-900 dark:bg-stone-950"
      >
        <pre className="m-0 [counter-reset:line] p-0 py-2 font-mono text-xs leading-5 whitespace-pre-wrap text-stone-800 dark:text-stone-200">
          <code>
            {lines.map((line, index) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: a source line is its number
                key={index}
                id={lineId(index + 1)}
                className={`flex scroll-mt-20 pr-3 [counter-increment:line] before:w-10 before:shrink-0 before:pr-3 before:text-right before:text-stone-500 before:content-[counter(line)] dark:before:text-stone-400 ${errorLines.has(index + 1) ? "bg-red-100 dark:bg-red-900/50" : ""}`}
              >
                <span className="min-w-0 flex-1">{line}</span>
                {"\n"}
              </span>
            ))}
          </code>
        </pre>
      </section>
    </section>
  );
}
