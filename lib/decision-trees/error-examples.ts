// One small example of every problem parseDecisionTree reports, for the help page
// (/help/decision-trees), which runs each through the parser and shows the real messages.
// error-examples.test.ts checks that each example still produces the message it documents.
import { MAX_DEPTH, MAX_NODES, MAX_PATHS, MAX_SOURCE_CHARS } from "./types";

export interface ErrorExample {
  /** Anchor on the help page. */
  id: string;
  /** Short name; `backticks` mark keys and code. */
  title: string;
  /** How to fix it; `backticks` mark keys and code. */
  fix: string;
  source: string;
  /** Part of the one message the example produces (error-examples.test.ts keeps it true). */
  message: string;
  /** When the source is too long to print: what it is, shown instead of the source. */
  described?: string;
}

export interface ErrorExampleGroup {
  title: string;
  examples: ErrorExample[];
}

/** A valid tree; each example changes one thing about it. */
const BASE = `start: pick
questions:
  pick:
    text: Which one?
    answers:
      - text: The first
        next: first
      - text: The second
        next: second
      - text: Not sure
        next: second
outcomes:
  first:
    title: Use the first
  second:
    title: Use the second`;

/** The base tree with "Not sure" leading to a question "later" whose body is `body`. */
function withLaterQuestion(body: string): string {
  return changed("        next: second\noutcomes:", `        next: later\n  later:${body}\noutcomes:`);
}

function changed(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`The base tree has no ${JSON.stringify(from)}`);
  return BASE.replace(from, to);
}

/** A chain of `count` questions q1 → q2 → …, each with a way out to "stop". */
function chain(count: number): string {
  const lines = ["start: q1", "questions:"];
  for (let n = 1; n <= count; n++) {
    lines.push(`  q${n}:`, `    text: Question ${n}?`, "    answers:");
    lines.push(
      `      - { text: Go on, next: ${n < count ? `q${n + 1}` : "stop"} }`,
      "      - { text: Stop, next: stop }",
    );
  }
  lines.push("outcomes:", "  stop: { title: Stop here }");
  return lines.join("\n");
}

/** One question whose answers lead to `count` outcomes. */
function wide(count: number): string {
  const answers = Array.from({ length: count }, (_, n) => `      - { text: Option ${n + 1}, next: o${n + 1} }`);
  const outcomes = Array.from({ length: count }, (_, n) => `  o${n + 1}: { title: Outcome ${n + 1} }`);
  return [
    "start: pick",
    "questions:",
    "  pick:",
    "    text: Pick one",
    "    answers:",
    ...answers,
    "outcomes:",
    ...outcomes,
  ].join("\n");
}

/** `levels` questions in a row, each with three answers all leading to the next one: 3^levels paths. */
function braided(levels: number): string {
  const lines = ["start: q1", "questions:"];
  for (let n = 1; n <= levels; n++) {
    const next = n < levels ? `q${n + 1}` : "end";
    lines.push(`  q${n}:`, `    text: Question ${n}?`, "    answers:");
    for (const option of ["a", "b", "c"]) lines.push(`      - { text: ${option}, next: ${next} }`);
  }
  lines.push("outcomes:", "  end: { title: The end }");
  return lines.join("\n");
}

export const ERROR_EXAMPLE_GROUPS: ErrorExampleGroup[] = [
  {
    title: "The YAML itself",
    examples: [
      {
        id: "yaml-syntax",
        title: "YAML syntax error",
        fix: "The text is not valid YAML, so nothing else is checked yet. Common causes: an unclosed bracket or quote, a tab used for indentation (use spaces), or a colon followed by a space inside a text (put the text in quotes).",
        source: changed("text: Which one?", "text: [Which one?"),
        message: "YAML syntax error",
      },
      {
        id: "yaml-several-documents",
        title: "Several YAML documents",
        fix: "A fence holds exactly one tree. Remove the `---` line, or put the second tree in a fence of its own.",
        source: `${BASE}\n---\nstart: pick`,
        message: "YAML syntax error: Source contains multiple documents",
      },
      {
        id: "yaml-nesting",
        title: "Nested too deeply",
        fix: "A tree needs five levels of nesting (top level, questions, a question, its answers, an answer); anything nested more than ten levels deep is refused before it is read.",
        source: changed("text: Which one?", "text: [[[[[[[[[Which one?]]]]]]]]]"),
        message: "The YAML is nested more than",
      },
      {
        id: "alias",
        title: "Aliases",
        fix: "YAML anchors and aliases (`&name`, `*name`) are not supported: write the value out.",
        source: changed("  second:\n    title: Use the second", "  second:\n    title: *first-title").replace(
          "title: Use the first",
          "title: &first-title Use the first",
        ),
        message: '"title" of outcome "second" must be plain text, not an alias',
      },
    ],
  },
  {
    title: "Shape and keys",
    examples: [
      {
        id: "empty",
        title: "Empty tree",
        fix: "Write the three top-level keys: start, questions and outcomes.",
        source: "# to do",
        message: "The decision tree is empty",
      },
      {
        id: "not-a-mapping",
        title: "Not a mapping",
        fix: "The top level is a mapping with the keys start, questions and outcomes, not a list or a line of text.",
        source: "- Which one?\n- The first\n- The second",
        message: "The decision tree must be a mapping",
      },
      {
        id: "missing-start",
        title: "Missing `start`",
        fix: "Add `start:` with the id of the first question.",
        source: BASE.replace("start: pick\n", ""),
        message: 'Missing "start"',
      },
      {
        id: "start-not-text",
        title: "`start` is not an id",
        fix: "`start` takes the id of one question.",
        source: changed("start: pick", "start:"),
        message: '"start" must be the id of the first question',
      },
      {
        id: "missing-section",
        title: "Missing `questions` or `outcomes`",
        fix: "A tree needs both a `questions` and an `outcomes` mapping.",
        source: BASE.slice(0, BASE.indexOf("outcomes:")).trimEnd(),
        message: 'Missing "outcomes"',
      },
      {
        id: "empty-section",
        title: "Empty `questions` or `outcomes`",
        fix: "Give `questions` at least one question and `outcomes` at least one outcome.",
        source: `${BASE.slice(0, BASE.indexOf("outcomes:"))}outcomes:`,
        message: '"outcomes" is empty',
      },
      {
        id: "section-not-mapping",
        title: "`questions` or `outcomes` written as a list",
        fix: "`questions` and `outcomes` map ids to their content: write `pick:` rather than `- pick:`.",
        source: changed(
          "outcomes:\n  first:\n    title: Use the first\n  second:\n    title: Use the second",
          "outcomes:\n  - first\n  - second",
        ),
        message: '"outcomes" must be a mapping from id to outcome, not a list',
      },
      {
        id: "key-not-text",
        title: "A key that is not text",
        fix: "Keys are plain words; a list or a mapping cannot be a key.",
        source: `${BASE}\n? [extra]\n: value`,
        message: "Keys at the top level must be plain text",
      },
      {
        id: "unknown-key",
        title: "Unknown key",
        fix: "Only the keys listed in the message are allowed at that place. Usually a typo; the message suggests the closest key.",
        source: changed("    title: Use the second", "    title: Use the second\n    sction: solution-the-second"),
        message: 'Unknown key "sction" in outcome "second" (did you mean "section"?)',
      },
      {
        id: "duplicate-key",
        title: "A key written twice",
        fix: "Each key appears once in its mapping. Remove one of them.",
        source: changed("    text: Which one?", "    text: Which one?\n    text: Which one, really?"),
        message: 'Key "text" appears twice in question "pick"',
      },
    ],
  },
  {
    title: "Ids",
    examples: [
      {
        id: "invalid-id",
        title: "Invalid id",
        fix: 'Ids of questions and outcomes use lower-case letters, digits and "-", start with a letter or a digit, and have at most 40 characters. The message suggests one.',
        source: BASE.replaceAll("second", "Second Choice"),
        message: 'Invalid outcome id "Second Choice"',
      },
      {
        id: "id-defined-twice",
        title: "A question or an outcome defined twice",
        fix: "Each id names one question or one outcome. Rename or merge the two.",
        source: changed(
          "  second:\n    title: Use the second",
          "  second:\n    title: Use the second\n  first:\n    title: Use the first, again",
        ),
        message: 'Outcome "first" is defined twice',
      },
      {
        id: "id-question-and-outcome",
        title: "The same id for a question and an outcome",
        fix: "Questions and outcomes share one set of ids, so that `next` is never ambiguous.",
        source: changed("  second:\n    title: Use the second", "  pick:\n    title: Use the second").replaceAll(
          "next: second",
          "next: first",
        ),
        message: 'Id "pick" is used by both a question (line 3) and an outcome',
      },
    ],
  },
  {
    title: "Questions and answers",
    examples: [
      {
        id: "question-empty",
        title: "Empty question",
        fix: "A question is a mapping with `text` and `answers`.",
        source: withLaterQuestion(""),
        message: 'Question "later" is empty',
      },
      {
        id: "question-no-text",
        title: "Question without text",
        fix: "Give every question a `text`: what the reader is asked.",
        source: changed("    text: Which one?\n", ""),
        message: 'Question "pick" has no text',
      },
      {
        id: "question-text-not-text",
        title: "Question text that is not text",
        fix: "A text is one line or one block of text. A text that starts with `[` or `{`, or contains `: `, needs quotes.",
        source: changed("text: Which one?", "text: [Which, one?]"),
        message: 'The text of question "pick" must be plain text, not a list',
      },
      {
        id: "question-no-answers",
        title: "Question without answers",
        fix: "Every question needs at least two answers, each with `text` and `next`.",
        source: withLaterQuestion("\n    text: Which version?\n    answers:"),
        message: 'Question "later" has no answers',
      },
      {
        id: "question-one-answer",
        title: "Question with one answer",
        fix: "A question with one answer is not a choice: add another answer, or go straight to what follows.",
        source: changed(
          "      - text: The second\n        next: second\n      - text: Not sure\n        next: second\n",
          "",
        ).replace("\n  second:\n    title: Use the second", ""),
        message: 'Question "pick" has only one answer',
      },
      {
        id: "answers-not-list",
        title: "Answers that are not a list",
        fix: "`answers` is a list: start each answer with `- `.",
        source: withLaterQuestion("\n    text: Which version?\n    answers:\n      text: The first\n      next: first"),
        message: 'The answers of question "later" must be a list',
      },
      {
        id: "answer-not-mapping",
        title: "Answer that is not a mapping",
        fix: "Each answer is a mapping with `text` and `next`, not just the text.",
        source: changed("      - text: The second\n        next: second", "      - The second"),
        message: 'Answer 2 of question "pick" must be a mapping with text and next, not plain text',
      },
      {
        id: "answer-no-text",
        title: "Answer without text",
        fix: "Every answer needs a `text`: what the reader picks.",
        source: changed("      - text: The second\n        next: second", "      - next: second"),
        message: 'Answer 2 of question "pick" has no text',
      },
      {
        id: "answer-text-not-text",
        title: "Answer text that is not text",
        fix: "Quote a text that starts with `[` or `{`.",
        source: changed("- text: The second", "- text: { The second }"),
        message: 'The text of answer 2 of question "pick" must be plain text, not a mapping',
      },
      {
        id: "answer-no-next",
        title: "Answer without `next`",
        fix: "Every answer says where it leads: `next:` with the id of a question or an outcome.",
        source: changed("        next: second\n", ""),
        message: 'Answer "The second" has no "next"',
      },
      {
        id: "answer-next-not-id",
        title: "`next` that is not an id",
        fix: "`next` takes one id. To offer two ways on, ask another question.",
        source: changed("next: second", "next: [first, second]"),
        message: '"next" of Answer "The second" must be the id of a question or an outcome, not a list',
      },
    ],
  },
  {
    title: "Outcomes",
    examples: [
      {
        id: "outcome-no-title",
        title: "Outcome without title",
        fix: "Every outcome needs a `title`: the recommendation, in a few words.",
        source: changed("  second:\n    title: Use the second", "  second:\n    text: The second is better here."),
        message: 'Outcome "second" has no title',
      },
      {
        id: "outcome-not-mapping",
        title: "Outcome that is not a mapping",
        fix: "An outcome is a mapping: `title:` and, optionally, `text`, `section` and `entry`.",
        source: changed("  second:\n    title: Use the second", "  second: [Use the second]"),
        message: 'Outcome "second" must be a mapping with a title',
      },
      {
        id: "outcome-value-not-text",
        title: "Outcome field that is not text",
        fix: "`title`, `text`, `section` and `entry` are texts. For a long `text`, use `>-` and indent the lines below it.",
        source: changed(
          "    title: Use the second",
          "    title: Use the second\n    text:\n      - Faster\n      - Simpler",
        ),
        message: '"text" of outcome "second" must be plain text, not a list',
      },
      {
        id: "section-with-hash",
        title: "`section` written with `#`",
        fix: "`section` is the id of a heading of the same entry, without the `#`.",
        source: changed("    title: Use the second", '    title: Use the second\n    section: "#solution-the-second"'),
        message: 'Section "#solution-the-second" of outcome "second" must be written without "#"',
      },
      {
        id: "section-invalid",
        title: "`section` that is not a heading id",
        fix: "Use the heading's id as it appears in the page address after `#` when you follow the heading's link: lower-case, with `-` for spaces, prefixed with the field (`solution-…`).",
        source: changed("    title: Use the second", "    title: Use the second\n    section: Solution / The second"),
        message: 'Section "Solution / The second" of outcome "second" is not a valid anchor id',
      },
      {
        id: "section-too-long",
        title: "`section` that is too long",
        fix: "Heading ids have at most 120 characters: link to a heading with a shorter title.",
        source: changed(
          "    title: Use the second",
          `    title: Use the second\n    section: solution-${"very-".repeat(23)}long`,
        ),
        message: "is longer than 120 characters",
      },
      {
        id: "entry-url",
        title: "`entry` written as an address",
        fix: "`entry` is the slug of another entry: the last part of its address.",
        source: changed(
          "    title: Use the second",
          "    title: Use the second\n    entry: /entries/python-asyncio-basics",
        ),
        message:
          'Entry "/entries/python-asyncio-basics" of outcome "second" must be the slug only: "python-asyncio-basics"',
      },
      {
        id: "entry-invalid",
        title: "`entry` that is not a slug",
        fix: "Slugs are lower-case letters and digits separated by single `-`, at most 80 characters.",
        source: changed("    title: Use the second", "    title: Use the second\n    entry: Python asyncio basics"),
        message: 'Entry "Python asyncio basics" of outcome "second" is not a valid entry slug',
      },
    ],
  },
  {
    title: "How the questions connect",
    examples: [
      {
        id: "start-unknown",
        title: "`start` names no question",
        fix: "`start` must be the id of a question defined under `questions`. The message suggests the closest id.",
        source: changed("start: pick", "start: pik"),
        message: '"start" is "pik", which is not a question (did you mean "pick"?)',
      },
      {
        id: "start-outcome",
        title: "`start` names an outcome",
        fix: "The walk starts with a question; an outcome ends it.",
        source: changed("start: pick", "start: first"),
        message: '"start" is "first", which is an outcome',
      },
      {
        id: "next-unknown",
        title: "`next` names nothing",
        fix: "`next` must be the id of a question or an outcome of this tree. The message suggests the closest id.",
        source: changed("next: second", "next: secnd"),
        message: 'Answer "The second" leads to "secnd", which is not a question or an outcome (did you mean "second"?)',
      },
      {
        id: "cycle",
        title: "Cycle",
        fix: "Answers lead forward, to a later question or an outcome, so that every walk ends.",
        source: changed("        next: second", "        next: confirm").replace(
          "outcomes:",
          "  confirm:\n    text: Are you sure?\n    answers:\n      - text: Yes\n        next: second\n      - text: Let me choose again\n        next: pick\noutcomes:",
        ),
        message: "Cycle: pick → confirm → pick",
      },
      {
        id: "unreachable",
        title: "Unreachable question or outcome",
        fix: "Every question and outcome must be reachable from the start question: lead an answer to it, or delete it.",
        source: `${BASE}\n  third:\n    title: Use the third`,
        message: 'Outcome "third" cannot be reached from the start question "pick"',
      },
    ],
  },
  {
    title: "Size limits",
    examples: [
      {
        id: "too-long",
        title: "Too long",
        fix: `A tree's YAML has at most ${MAX_SOURCE_CHARS.toLocaleString("en")} characters. Shorten the texts, or move the explanations into the entry and link them with \`section\`.`,
        source: `${BASE}\n# ${"x".repeat(MAX_SOURCE_CHARS)}`,
        described: `The tree above followed by a comment of ${MAX_SOURCE_CHARS.toLocaleString("en")} characters.`,
        message: "The decision tree is",
      },
      {
        id: "too-many-nodes",
        title: "Too many questions and outcomes",
        fix: `A tree has at most ${MAX_NODES} questions and outcomes together. Split it into several trees, or into entries linked with \`entry\`.`,
        source: wide(MAX_NODES),
        described: `One question whose ${MAX_NODES} answers lead to ${MAX_NODES} outcomes: ${MAX_NODES + 1} nodes.`,
        message: `The tree has ${MAX_NODES + 1} nodes`,
      },
      {
        id: "too-deep",
        title: "Too many questions on one path",
        fix: `A reader answers at most ${MAX_DEPTH} questions before reaching an outcome. Ask fewer, broader questions.`,
        source: chain(MAX_DEPTH + 1),
        described: `${MAX_DEPTH + 1} questions in a row, q1 to q${MAX_DEPTH + 1}, each answered with "Go on" or "Stop".`,
        message: "The tree is too deep",
      },
      {
        id: "too-many-paths",
        title: "Too many paths",
        fix: `Several answers may lead to the same question, but the tree may have at most ${MAX_PATHS.toLocaleString("en")} distinct paths from the start to an outcome.`,
        source: braided(7),
        described: "7 questions in a row, each with 3 answers that all lead to the next question: 3⁷ = 2,187 paths.",
        message: `The tree has more than ${MAX_PATHS.toLocaleString("en")} paths`,
      },
    ],
  },
];
