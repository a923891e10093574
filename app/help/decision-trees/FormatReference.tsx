import type { ReactNode } from "react";
import {
  MAX_DEPTH,
  MAX_ENTRY_SLUG_LENGTH,
  MAX_ID_LENGTH,
  MAX_NODES,
  MAX_PATHS,
  MAX_SECTION_LENGTH,
  MAX_SOURCE_CHARS,
  MAX_YAML_NESTING,
} from "@/lib/decision-trees/types";

interface KeyRow {
  key: string;
  required: boolean;
  meaning: ReactNode;
}

function KeyTable({ caption, rows }: { caption: string; rows: KeyRow[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls, so keyboard users must reach it (axe scrollable-region-focusable)
    <section className="table-scroll" tabIndex={0} aria-label={caption}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Required</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <code>{row.key}</code>
              </td>
              <td>{row.required ? "yes" : "no"}</td>
              <td>{row.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every key of the format, level by level. */
export function FormatReference() {
  return (
    <>
      <p>
        The block is YAML: <code>key: value</code> pairs, nested by indenting with spaces (never tabs). Lines starting
        with <code>#</code> are comments. Wrap a text in double quotes when it starts with <code>[</code>,{" "}
        <code>{"{"}</code>, <code>&amp;</code>, <code>*</code>, <code>!</code> or <code>%</code>, or contains{" "}
        <code>: </code> or <code> #</code>. For a long text, write <code>&gt;-</code> and continue on indented lines:
        they are joined with spaces. Everything else is written as you mean it: <code>Yes</code>, <code>No</code> or{" "}
        <code>010</code> stay text.
      </p>

      <h3>Top level</h3>
      <KeyTable
        caption="Top-level keys"
        rows={[
          { key: "start", required: true, meaning: "The id of the first question." },
          { key: "questions", required: true, meaning: "The questions, each under its id." },
          { key: "outcomes", required: true, meaning: "The outcomes (where a walk ends), each under its id." },
        ]}
      />

      <h3>A question</h3>
      <KeyTable
        caption="Keys of a question"
        rows={[
          { key: "text", required: true, meaning: "What the reader is asked." },
          {
            key: "answers",
            required: true,
            meaning: (
              <>
                A list of at least two answers, in the order they are offered. Each starts with <code>- </code>.
              </>
            ),
          },
        ]}
      />

      <h3>An answer</h3>
      <KeyTable
        caption="Keys of an answer"
        rows={[
          { key: "text", required: true, meaning: "The answer, as the reader would say it." },
          {
            key: "next",
            required: true,
            meaning:
              "The id of the question or the outcome this answer leads to. Several answers may lead to the same one; none may lead back to an earlier question.",
          },
        ]}
      />

      <h3>An outcome</h3>
      <KeyTable
        caption="Keys of an outcome"
        rows={[
          { key: "title", required: true, meaning: "The recommendation, in a few words." },
          { key: "text", required: false, meaning: "Why, in a sentence or two (plain text)." },
          {
            key: "section",
            required: false,
            meaning: (
              <>
                The id of a heading in the same entry, without <code>#</code>, e.g.{" "}
                <code>solution-cpu-bound-work-use-multiprocessing</code> for the heading &ldquo;CPU-bound work: use
                multiprocessing&rdquo; in the Solution. Follow a heading&apos;s link to see its id after the{" "}
                <code>#</code> in the address. Shown as a link under the outcome.
              </>
            ),
          },
          {
            key: "entry",
            required: false,
            meaning: (
              <>
                The slug of another entry (the last part of its address, e.g. <code>python-asyncio-basics</code>). The
                entry must exist when you save. Shown as a link under the outcome.
              </>
            ),
          },
        ]}
      />
    </>
  );
}

export function IdRules() {
  return (
    <>
      <p>Every question and every outcome has an id: the key it is written under.</p>
      <ul>
        <li>
          Lower-case letters <code>a</code>–<code>z</code>, digits and <code>-</code>; it starts with a letter or a
          digit; at most {MAX_ID_LENGTH} characters. <code>io-library</code>, <code>cpu</code> and <code>2</code> are
          ids; <code>IO Library</code>, <code>-cpu</code> and <code>cpu_bound</code> are not.
        </li>
        <li>Ids are unique within a tree: a question and an outcome cannot share one.</li>
        <li>
          Readers never see ids, but addresses do: the outline gives each node an anchor such as{" "}
          <code>#solution-tree-1-dt-asyncio</code>, and the feedback on an outcome is kept under its id. Renaming an id
          breaks links to its anchor and starts its feedback count again.
        </li>
      </ul>
      <p>
        The values of <code>section</code> and <code>entry</code> are ids too: a heading id (letters, digits,{" "}
        <code>-</code> and <code>_</code>, at most {MAX_SECTION_LENGTH} characters) and an entry slug (lower-case
        letters and digits separated by single <code>-</code>, at most {MAX_ENTRY_SLUG_LENGTH} characters).
      </p>
    </>
  );
}

export function LimitsTable() {
  const rows: [string, string, string][] = [
    ["MAX_SOURCE_CHARS", MAX_SOURCE_CHARS.toLocaleString("en"), "characters in the whole block"],
    ["MAX_NODES", String(MAX_NODES), "questions and outcomes together"],
    ["MAX_DEPTH", String(MAX_DEPTH), "questions on one path from the start to an outcome"],
    ["MAX_PATHS", MAX_PATHS.toLocaleString("en"), "distinct paths from the start to an outcome"],
    ["MAX_ID_LENGTH", String(MAX_ID_LENGTH), "characters in an id"],
    ["MAX_SECTION_LENGTH", String(MAX_SECTION_LENGTH), "characters in a section id"],
    ["MAX_ENTRY_SLUG_LENGTH", String(MAX_ENTRY_SLUG_LENGTH), "characters in an entry slug"],
    ["MAX_YAML_NESTING", String(MAX_YAML_NESTING), "levels of YAML nesting (a tree needs 5)"],
  ];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls, so keyboard users must reach it (axe scrollable-region-focusable)
    <section className="table-scroll" tabIndex={0} aria-label="Limits of a tree">
      <table>
        <thead>
          <tr>
            <th scope="col">Limit</th>
            <th scope="col">At most</th>
            <th scope="col">Of what</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, value, what]) => (
            <tr key={name}>
              <td>
                <code>{name}</code>
              </td>
              <td>{value}</td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
