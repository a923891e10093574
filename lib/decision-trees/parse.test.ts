import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { concurrencyGuide } from "@/prisma/seed/concurrency-guide";
import {
  allPaths,
  type DecisionTree,
  type DecisionTreeError,
  linkedEntrySlugs,
  MAX_DEPTH,
  MAX_NODES,
  MAX_PATHS,
  MAX_SOURCE_CHARS,
  MAX_YAML_NESTING,
  nodeById,
  parseDecisionTree,
  walk,
} from "./parse";

/** Strips the common indentation and the first newline, so sources read like the fence. */
function yaml(source: string): string {
  const lines = source
    .replace(/^\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

/** 1-based line of the `occurrence`-th line containing `needle`. */
function lineOf(source: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = source.split("\n");
  for (const [index, line] of lines.entries()) if (line.includes(needle) && ++seen === occurrence) return index + 1;
  throw new Error(`"${needle}" is not in the source`);
}

function errorsOf(source: string): DecisionTreeError[] {
  const result = parseDecisionTree(source);
  if (result.ok) throw new Error("expected the tree to be invalid");
  return result.errors;
}

function treeOf(source: string): DecisionTree {
  const result = parseDecisionTree(source);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n"));
  return result.tree;
}

const VALID = `${yaml(`
  start: workload              # id of the first question
  questions:
    workload:
      text: What does your code spend most of its time doing?
      answers:
        - text: Computing (CPU-bound)
          next: cpu
        - text: Waiting on the network or disk (I/O-bound)
          next: io-library
    io-library:
      text: Is there an async library for your I/O?
      answers:
        - text: "Yes"
          next: asyncio
        - text: "No"
          next: threads
  outcomes:
    cpu:
      title: Use multiprocessing
      text: Processes bypass the GIL.
      section: solution-cpu-bound-work
    asyncio:
      title: Use asyncio
      entry: python-asyncio-basics
    threads:
      title: Use threads
`)}\n`;

describe("parseDecisionTree: valid trees", () => {
  it("parses the documented format", () => {
    expect(treeOf(VALID)).toEqual({
      start: "workload",
      questions: {
        workload: {
          id: "workload",
          text: "What does your code spend most of its time doing?",
          answers: [
            { text: "Computing (CPU-bound)", next: "cpu" },
            { text: "Waiting on the network or disk (I/O-bound)", next: "io-library" },
          ],
        },
        "io-library": {
          id: "io-library",
          text: "Is there an async library for your I/O?",
          answers: [
            { text: "Yes", next: "asyncio" },
            { text: "No", next: "threads" },
          ],
        },
      },
      outcomes: {
        cpu: {
          id: "cpu",
          title: "Use multiprocessing",
          text: "Processes bypass the GIL.",
          section: "solution-cpu-bound-work",
        },
        asyncio: { id: "asyncio", title: "Use asyncio", entry: "python-asyncio-basics" },
        threads: { id: "threads", title: "Use threads" },
      },
    });
  });

  it("keeps what was written for numbers and booleans used as ids or text", () => {
    const tree = treeOf(
      yaml(`
        start: 1
        questions:
          1:
            text: true
            answers:
              - { text: 010, next: 2 }
              - { text: 1.50, next: 3 }
        outcomes:
          2: { title: Two }
          3: { title: Three }
      `),
    );
    expect(tree.start).toBe("1");
    expect(tree.questions["1"]?.text).toBe("true");
    expect(tree.questions["1"]?.answers).toEqual([
      { text: "010", next: "2" },
      { text: "1.50", next: "3" },
    ]);
  });

  it("allows several answers to share a question or an outcome", () => {
    const source = yaml(`
      start: a
      questions:
        a:
          text: A?
          answers:
            - { text: one, next: b }
            - { text: two, next: b }
            - { text: three, next: done }
        b:
          text: B?
          answers:
            - { text: yes, next: done }
            - { text: no, next: other }
      outcomes:
        done: { title: Done }
        other: { title: Other }
    `);
    expect(allPaths(treeOf(source)).map((path) => path.nodes.map((node) => node.id).join(">"))).toEqual([
      "a>b>done",
      "a>b>other",
      "a>b>done",
      "a>b>other",
      "a>done",
    ]);
  });

  it("returns plain objects (a client component can receive them)", () => {
    const tree = treeOf(VALID);
    expect(Object.getPrototypeOf(tree.questions)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(tree.outcomes)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it("does not look ids up on Object.prototype", () => {
    const tree = treeOf(VALID.replace("next: threads", "next: constructor").replace("  threads:", "  constructor:"));
    expect(nodeById(tree, "constructor")).toMatchObject({ kind: "outcome", title: "Use threads" });
    expect(nodeById(tree, "toString")).toBeUndefined();
    expect(errorsOf(VALID.replace("next: threads", "next: hasOwnProperty"))[0]?.message).toContain(
      '"hasOwnProperty", which is not a question or an outcome',
    );
  });
});

describe("walk, allPaths and linkedEntrySlugs", () => {
  const tree = treeOf(VALID);

  it("walks the chosen answers from the start question", () => {
    expect(walk(tree, []).map((node) => node.id)).toEqual(["workload"]);
    expect(walk(tree, [1]).map((node) => node.id)).toEqual(["workload", "io-library"]);
    const path = walk(tree, [1, 0]);
    expect(path.map((node) => `${node.kind}:${node.id}`)).toEqual([
      "question:workload",
      "question:io-library",
      "outcome:asyncio",
    ]);
    expect(path.at(-1)).toMatchObject({ kind: "outcome", title: "Use asyncio", entry: "python-asyncio-basics" });
  });

  it("stops at an outcome or at the first index that is not an answer", () => {
    expect(walk(tree, [0, 1, 1]).map((node) => node.id)).toEqual(["workload", "cpu"]);
    expect(walk(tree, [2]).map((node) => node.id)).toEqual(["workload"]);
    expect(walk(tree, [-1]).map((node) => node.id)).toEqual(["workload"]);
    expect(walk(tree, [0.5]).map((node) => node.id)).toEqual(["workload"]);
    expect(walk(tree, [1, 7]).map((node) => node.id)).toEqual(["workload", "io-library"]);
  });

  it("lists every path to an outcome with the answer indexes that walk it", () => {
    const paths = allPaths(tree);
    expect(paths.map((path) => path.answerIndexes)).toEqual([[0], [1, 0], [1, 1]]);
    expect(paths.map((path) => path.nodes.map((node) => node.id))).toEqual([
      ["workload", "cpu"],
      ["workload", "io-library", "asyncio"],
      ["workload", "io-library", "threads"],
    ]);
    for (const path of paths) expect(walk(tree, path.answerIndexes)).toEqual(path.nodes);
  });

  it("lists linked entry slugs once each", () => {
    expect(linkedEntrySlugs(tree)).toEqual(["python-asyncio-basics"]);
    const twice = treeOf(VALID.replace("title: Use threads", "title: Use threads\n    entry: python-asyncio-basics"));
    expect(linkedEntrySlugs(twice)).toEqual(["python-asyncio-basics"]);
  });
});

interface ErrorCase {
  name: string;
  source: string;
  /** Text on the line the error must point at. */
  at: string;
  message: string;
  /** Which line containing `at`, when it is not the first. */
  occurrence?: number;
  column?: number;
}

const cases: ErrorCase[] = [
  // YAML itself
  {
    name: "a YAML syntax error",
    source: VALID.replace("text: Is there an async library for your I/O?", "text: [Is there an async library"),
    at: "answers:",
    occurrence: 2,
    message: "YAML syntax error",
  },
  {
    name: "a tab used for indentation",
    source: VALID.replace("  io-library:\n    text:", "  io-library:\n\ttext:"),
    at: "\ttext:",
    message: "YAML syntax error",
  },
  {
    name: "several YAML documents",
    source: `${VALID}\n---\nstart: again`,
    at: "---",
    message: "YAML syntax error: Source contains multiple documents",
  },
  // Shape
  { name: "an empty source", source: "# nothing yet\n", at: "# nothing", message: "The decision tree is empty" },
  {
    name: "a list instead of a mapping",
    source: "- a\n- b",
    at: "- a",
    message: "must be a mapping with start, questions and outcomes, not a list",
  },
  { name: "plain text instead of a mapping", source: "just text", at: "just text", message: "must be a mapping" },
  { name: "a missing start", source: VALID.replace(/^start:.*\n/, ""), at: "questions:", message: 'Missing "start"' },
  {
    name: "an empty start",
    source: VALID.replace(/^start:.*\n/, "start:\n"),
    at: "start:",
    message: '"start" must be the id of the first question, not empty',
  },
  {
    name: "a start that is not a question",
    source: VALID.replace("start: workload", "start: workloads"),
    at: "start: workloads",
    column: 8,
    message: '"start" is "workloads", which is not a question (did you mean "workload"?)',
  },
  {
    name: "a start that is an outcome",
    source: VALID.replace("start: workload", "start: cpu"),
    at: "start: cpu",
    message: '"start" is "cpu", which is an outcome; start must be the id of a question',
  },
  {
    name: "missing questions",
    source: yaml(`
      start: a
      outcomes:
        done: { title: Done }
    `),
    at: "start: a",
    message: 'Missing "questions"',
  },
  {
    name: "missing outcomes",
    source: VALID.replace(/outcomes:[\s\S]*/, ""),
    at: "start:",
    message: 'Missing "outcomes"',
  },
  {
    name: "empty outcomes",
    source: VALID.replace(/outcomes:[\s\S]*/, "outcomes: {}"),
    at: "outcomes:",
    message: '"outcomes" is empty',
  },
  {
    name: "questions as a list",
    source: VALID.replace(/questions:[\s\S]*(?=outcomes:)/, "questions:\n  - a\n  - b\n"),
    at: "  - a",
    message: '"questions" must be a mapping from id to question, not a list',
  },
  // References and ids
  {
    name: "an unknown node reference",
    source: VALID.replace("next: cpu\n", "next: cpu-bond\n"),
    at: "next: cpu-bond",
    column: 15,
    message:
      'Answer "Computing (CPU-bound)" leads to "cpu-bond", which is not a question or an outcome (did you mean "cpu"?)',
  },
  {
    name: "an answer without next",
    source: VALID.replace("        next: cpu\n", ""),
    at: "- text: Computing",
    message: 'Answer "Computing (CPU-bound)" has no "next"',
  },
  {
    name: "the same id for a question and an outcome",
    source: VALID.replace("  threads:\n    title: Use threads", "  io-library:\n    title: Use threads").replace(
      "next: threads",
      "next: cpu",
    ),
    at: "  io-library:",
    occurrence: 2,
    message: 'Id "io-library" is used by both a question (line 10) and an outcome',
  },
  {
    name: "a question defined twice",
    source: VALID.replace("  io-library:\n", "  workload:\n"),
    at: "  workload:",
    occurrence: 2,
    message: 'Question "workload" is defined twice (first on line 3)',
  },
  {
    name: "an outcome defined twice",
    source: VALID.replace("  threads:\n", "  cpu:\n").replace("next: threads", "next: cpu"),
    at: "  cpu:",
    occurrence: 2,
    message: 'Outcome "cpu" is defined twice (first on line 18)',
  },
  {
    name: "a top-level key written twice",
    source: `${VALID}\nstart: io-library`,
    at: "start: io-library",
    message: 'Key "start" appears twice at the top level (first on line 1)',
  },
  {
    name: "a key written twice in a question",
    source: VALID.replace("text: Is there an async library for your I/O?", "text: Async?\n    text: Async again?"),
    at: "text: Async again?",
    message: 'Key "text" appears twice in question "io-library" (first on line 11)',
  },
  {
    name: "an invalid question id",
    source: VALID.replaceAll("io-library", "IO Library"),
    at: "  IO Library:",
    message: 'Invalid question id "IO Library": use lower-case letters, digits and "-"',
  },
  {
    name: "an invalid outcome id",
    source: VALID.replaceAll("threads", "-threads"),
    at: "  -threads:",
    message: 'Invalid outcome id "-threads"',
  },
  {
    name: "an id longer than 40 characters",
    source: VALID.replaceAll("threads", "t".repeat(41)),
    at: `  ${"t".repeat(41)}:`,
    message: "at most 40 characters",
  },
  // Graph
  {
    name: "a cycle",
    source: VALID.replace("next: threads", "next: workload").replace(/ {2}threads:\n.*\n/, ""),
    at: "next: workload",
    message: "Cycle: workload → io-library → workload",
  },
  {
    name: "a question leading to itself",
    source: VALID.replace("next: threads", "next: io-library").replace(/ {2}threads:\n.*\n/, ""),
    at: "next: io-library",
    occurrence: 2,
    message: "Cycle: io-library → io-library",
  },
  {
    name: "an unreachable outcome",
    source: VALID.replace("next: threads", "next: asyncio"),
    at: "  threads:",
    message: 'Outcome "threads" cannot be reached from the start question "workload"',
  },
  // Questions and answers
  {
    name: "a question with one answer",
    source: VALID.replace('      - text: "No"\n        next: threads\n', "").replace(/ {2}threads:\n.*\n/, ""),
    at: "answers:",
    occurrence: 2,
    message: 'Question "io-library" has only one answer; a question needs at least two',
  },
  {
    name: "a question without answers",
    source: VALID.replace(/ {4}answers:\n(?= {6}- text: "Yes")[\s\S]*?(?=outcomes:)/, "")
      .replace(/ {2}threads:\n.*\n/, "")
      .replace(/ {2}asyncio:\n.*\n.*\n/, ""),
    at: "  io-library:",
    message: 'Question "io-library" has no answers',
  },
  {
    name: "an empty answers list",
    source: VALID.replace(/ {4}answers:\n(?= {6}- text: "Yes")[\s\S]*?(?=outcomes:)/, "    answers: []\n")
      .replace(/ {2}threads:\n.*\n/, "")
      .replace(/ {2}asyncio:\n.*\n.*\n/, ""),
    at: "answers: []",
    message: 'Question "io-library" has no answers',
  },
  {
    name: "answers written as a mapping",
    source: VALID.replace(
      / {4}answers:\n(?= {6}- text: "Yes")[\s\S]*?(?=outcomes:)/,
      "    answers:\n      yes: asyncio\n      no: threads\n",
    ),
    at: "yes: asyncio",
    message: 'The answers of question "io-library" must be a list',
  },
  {
    name: "a question with empty text",
    source: VALID.replace("text: Is there an async library for your I/O?", 'text: ""'),
    at: 'text: ""',
    message: 'Question "io-library" has no text',
  },
  {
    name: "a question without text",
    source: VALID.replace("    text: Is there an async library for your I/O?\n", ""),
    at: "  io-library:",
    message: 'Question "io-library" has no text',
  },
  {
    name: "a question text that is a list",
    source: VALID.replace("text: Is there an async library for your I/O?", "text: [a, b]"),
    at: "text: [a, b]",
    message: 'The text of question "io-library" must be plain text, not a list',
  },
  {
    name: "an answer with empty text",
    source: VALID.replace('- text: "No"', "- text:   "),
    at: "- text:   ",
    message: 'Answer 2 of question "io-library" has no text',
  },
  {
    name: "an answer that is not a mapping",
    source: VALID.replace('- text: "No"\n        next: threads', "- No").replace(/ {2}threads:\n.*\n/, ""),
    at: "- No",
    message: 'Answer 2 of question "io-library" must be a mapping with text and next, not plain text',
  },
  {
    name: "an alias",
    source: VALID.replace("text: Computing (CPU-bound)", "text: &computing Computing").replace(
      'text: "Yes"',
      "text: *computing",
    ),
    at: "text: *computing",
    message: "not an alias (aliases are not supported)",
  },
  // Outcomes
  {
    name: "an outcome without title",
    source: VALID.replace("    title: Use threads", "    text: Threads."),
    at: "  threads:",
    message: 'Outcome "threads" has no title',
  },
  {
    name: "an outcome with an empty title",
    source: VALID.replace("title: Use threads", "title:"),
    at: "title:",
    occurrence: 3,
    message: 'Outcome "threads" has no title',
  },
  {
    name: "an empty outcome",
    source: VALID.replace("  threads:\n    title: Use threads", "  threads:"),
    at: "  threads:",
    message: 'Outcome "threads" has no title',
  },
  {
    name: "a section with #",
    source: VALID.replace("section: solution-cpu-bound-work", "section: '#solution-cpu-bound-work'"),
    at: "section:",
    column: 14,
    message:
      'Section "#solution-cpu-bound-work" of outcome "cpu" must be written without "#": "solution-cpu-bound-work"',
  },
  {
    name: "a section that is not an anchor id",
    source: VALID.replace("section: solution-cpu-bound-work", "section: CPU-bound work!"),
    at: "section:",
    message:
      'Section "CPU-bound work!" of outcome "cpu" is not a valid anchor id: use the id of a heading in this entry (lower-case letters, digits, "-" and "_"), e.g. "cpu-bound-work"',
  },
  {
    name: "an invalid entry slug",
    source: VALID.replace("entry: python-asyncio-basics", "entry: Python_Asyncio"),
    at: "entry:",
    message: 'Entry "Python_Asyncio" of outcome "asyncio" is not a valid entry slug',
  },
  {
    name: "an entry written as a path",
    source: VALID.replace("entry: python-asyncio-basics", "entry: /entries/python-asyncio-basics"),
    at: "entry:",
    message: 'must be the slug only: "python-asyncio-basics"',
  },
  {
    name: "an outcome written as plain text",
    source: VALID.replace("  threads:\n    title: Use threads", "  threads: Use threads"),
    at: "  threads:",
    message: 'Outcome "threads" must be a mapping with a title ("title: …"), not plain text',
  },
  // Typos
  {
    name: "an unknown top-level key",
    source: VALID.replace("outcomes:", "outcome:"),
    at: "outcome:",
    message:
      'Unknown key "outcome" at the top level (did you mean "outcomes"?); the keys allowed here are start, questions, outcomes',
  },
  {
    name: "an unknown key in a question",
    source: VALID.replace("text: Is there an async library for your I/O?", "text: Async?\n    help: See the docs"),
    at: "help:",
    message: 'Unknown key "help" in question "io-library"; the keys allowed here are text, answers',
  },
  {
    name: "an unknown key in an answer",
    source: VALID.replace("next: asyncio", "nxt: asyncio"),
    at: "nxt: asyncio",
    message: 'Unknown key "nxt" in answer 1 of question "io-library" (did you mean "next"?)',
  },
  {
    name: "an unknown key in an outcome",
    source: VALID.replace("title: Use threads", "titel: Use threads"),
    at: "titel:",
    message:
      'Unknown key "titel" in outcome "threads" (did you mean "title"?); the keys allowed here are title, text, section, entry',
  },
];

describe("parseDecisionTree: each problem is reported where it is", () => {
  it.each(cases)("reports $name", ({ source, at, occurrence, message, column }) => {
    const errors = errorsOf(source);
    const line = lineOf(source, at, occurrence);
    expect(errors).toContainEqual(expect.objectContaining({ line, message: expect.stringContaining(message) }));
    if (column !== undefined) {
      expect(errors.find((error) => error.message.includes(message))?.column).toBe(column);
    }
  });

  it("reports a question that cannot be reached, and only that", () => {
    const source = VALID.replace(
      "outcomes:",
      "  orphan:\n    text: Never asked\n    answers:\n      - { text: a, next: cpu }\n      - { text: b, next: threads }\noutcomes:",
    );
    expect(errorsOf(source)).toEqual([
      {
        line: lineOf(source, "  orphan:"),
        column: 3,
        message: 'Question "orphan" cannot be reached from the start question "workload"',
      },
    ]);
  });

  it("does not pile reference errors onto a missing outcomes section", () => {
    expect(errorsOf(VALID.replace(/outcomes:[\s\S]*/, "")).map((error) => error.message)).toEqual([
      'Missing "outcomes": the tree needs at least one outcome',
    ]);
  });

  it("stops after YAML syntax errors and reports each of them", () => {
    const source = "start: a\nquestions: [\noutcomes: {";
    const errors = errorsOf(source);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.message).toMatch(/^YAML syntax error: /);
  });
});

/** A chain of `count` questions q1 → q2 → …, each also offering the outcome "stop". */
function chain(count: number): string {
  const lines = ["start: q1", "questions:"];
  for (let n = 1; n <= count; n++) {
    lines.push(`  q${n}:`, `    text: Question ${n}?`, "    answers:");
    lines.push(
      `      - { text: Go on, next: ${n < count ? `q${n + 1}` : "stop"} }`,
      "      - { text: Stop, next: stop }",
    );
  }
  lines.push("outcomes:", "  stop:", "    title: Stop here");
  return lines.join("\n");
}

describe("parseDecisionTree: size limits", () => {
  it(`accepts ${MAX_DEPTH} questions on a path and rejects ${MAX_DEPTH + 1}`, () => {
    expect(parseDecisionTree(chain(MAX_DEPTH)).ok).toBe(true);
    const source = chain(MAX_DEPTH + 1);
    const errors = errorsOf(source);
    expect(errors).toEqual([
      {
        line: lineOf(source, `  q${MAX_DEPTH + 1}:`),
        column: 3,
        message: expect.stringContaining(`The tree is too deep: the path q1 → q2 → q3`),
      },
    ]);
    expect(errors[0]?.message).toContain(`asks ${MAX_DEPTH + 1} questions; the limit is ${MAX_DEPTH}`);
  });

  it(`accepts ${MAX_NODES} nodes and rejects more, pointing at the first node over the limit`, () => {
    const tree = (outcomes: number) =>
      [
        "start: pick",
        "questions:",
        "  pick:",
        "    text: Pick one",
        "    answers:",
        ...Array.from({ length: outcomes }, (_, n) => `      - { text: Option ${n}, next: o${n} }`),
        "outcomes:",
        ...Array.from({ length: outcomes }, (_, n) => `  o${n}: { title: Outcome ${n} }`),
      ].join("\n");
    expect(parseDecisionTree(tree(MAX_NODES - 1)).ok).toBe(true);
    const source = tree(MAX_NODES + 4);
    expect(errorsOf(source)).toEqual([
      {
        line: lineOf(source, `  o${MAX_NODES - 1}:`),
        column: 3,
        message: `The tree has ${MAX_NODES + 5} nodes (questions and outcomes); the limit is ${MAX_NODES}`,
      },
    ]);
  });

  it(`rejects sources over ${MAX_SOURCE_CHARS.toLocaleString("en")} characters`, () => {
    const source = `${VALID}\n# ${"x".repeat(MAX_SOURCE_CHARS)}`;
    expect(errorsOf(source)).toEqual([
      {
        line: 1,
        column: 1,
        message: expect.stringContaining(`characters long; the limit is ${MAX_SOURCE_CHARS.toLocaleString("en")}`),
      },
    ]);
  });

  it(`rejects YAML nested more than ${MAX_YAML_NESTING} levels before building it (no stack overflow)`, () => {
    // Each of these overflowed yaml's recursive composer; a second parse then crashed Node.
    for (const source of [
      "- ".repeat(5_000),
      "[".repeat(9_000),
      `start: a\nquestions:\n  a: ${"{x: ".repeat(2_400)}`,
    ]) {
      for (let round = 0; round < 2; round++) {
        const errors = errorsOf(source);
        expect(errors).toHaveLength(1);
        expect(errors[0]?.message).toBe(
          `The YAML is nested more than ${MAX_YAML_NESTING} levels deep here; a decision tree needs at most 5`,
        );
      }
    }
    const source = yaml(`
      start: a
      questions:
        a:
          text: A?
          answers: [[[[[[[[[x]]]]]]]]]
    `);
    // Top level, questions, "a" and seven lists make ten; the eighth "[" is one too many.
    expect(errorsOf(source)).toEqual([{ line: 5, column: 21, message: expect.stringContaining("nested more than") }]);
  });

  it(`rejects trees with more than ${MAX_PATHS} paths (answers sharing questions)`, () => {
    const lines = ["start: q1", "questions:"];
    for (let n = 1; n <= 8; n++) {
      const next = n < 8 ? `q${n + 1}` : "end";
      lines.push(`  q${n}:`, `    text: Question ${n}?`, "    answers:");
      for (const option of ["a", "b", "c"]) lines.push(`      - { text: ${option}, next: ${next} }`);
    }
    lines.push("outcomes:", "  end: { title: End }");
    const source = lines.join("\n");
    expect(errorsOf(source)).toEqual([
      { line: 1, column: 8, message: expect.stringContaining(`more than ${MAX_PATHS.toLocaleString("en")} paths`) },
    ]);
  });
});

describe("parseDecisionTree: several errors at once", () => {
  it("collects every problem, sorted by line", () => {
    const source = yaml(`
      start: workload
      questions:
        workload:
          text: ""
          answers:
            - text: Computing
              next: cpu-bond
            - text: Waiting
              next: IO
        IO:
          text: Which library?
          answer:
            - text: async
              next: asyncio
      outcomes:
        asyncio:
          titel: Use asyncio
        cpu:
          title: Use multiprocessing
          section: "#cpu"
    `);
    const errors = errorsOf(source);
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [4, 'Question "workload" has no text'],
      [7, 'Answer "Computing" leads to "cpu-bond", which is not a question or an outcome (did you mean "cpu"?)'],
      [10, expect.stringContaining('Invalid question id "IO"')],
      [10, 'Question "IO" has no answers; a question needs at least two'],
      [12, 'Unknown key "answer" in question "IO" (did you mean "answers"?); the keys allowed here are text, answers'],
      [16, 'Outcome "asyncio" has no title'],
      [16, 'Outcome "asyncio" cannot be reached from the start question "workload"'],
      [
        17,
        'Unknown key "titel" in outcome "asyncio" (did you mean "title"?); the keys allowed here are title, text, section, entry',
      ],
      [18, 'Outcome "cpu" cannot be reached from the start question "workload"'],
      [20, 'Section "#cpu" of outcome "cpu" must be written without "#": "cpu"'],
    ]);
    const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
    expect(errors).toEqual(sorted);
  });
});

describe("the concurrency guide's decision tree", () => {
  const solution = concurrencyGuide.solution;
  const fences = [...solution.matchAll(/^```decision-tree\n([\s\S]*?)\n```$/gm)];

  it("has exactly one decision-tree fence, and it parses", () => {
    expect(fences).toHaveLength(1);
    const result = parseDecisionTree(fences[0]?.[1] ?? "");
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("has five outcomes, all reachable from the start", () => {
    const tree = treeOf(fences[0]?.[1] ?? "");
    expect(Object.keys(tree.outcomes)).toHaveLength(5);
    const reached = new Set(allPaths(tree).map((path) => path.nodes.at(-1)?.id));
    expect([...reached].sort()).toEqual(Object.keys(tree.outcomes).sort());
    expect(linkedEntrySlugs(tree)).toEqual([]);
  });

  it("points every outcome's section at a heading of the solution", () => {
    // Headings outside code fences (Python comments start with "# " too).
    const prose = solution.replace(/^```[\s\S]*?^```$/gm, "");
    const slugger = new GithubSlugger();
    const headingIds = [...prose.matchAll(/^#{1,6} (.+)$/gm)].map(
      (match) => `solution-${slugger.slug(match[1] ?? "")}`,
    );
    expect(headingIds).toEqual([
      "solution-cpu-bound-work-use-multiprocessing",
      "solution-io-bound-with-many-connections-use-asyncio",
      "solution-io-bound-with-blocking-libraries-use-threading",
      "solution-decision-tree",
      "solution-performance-characteristics",
    ]);
    const tree = treeOf(fences[0]?.[1] ?? "");
    for (const outcome of Object.values(tree.outcomes)) {
      expect(outcome.section, outcome.id).toBeDefined();
      expect(headingIds, outcome.id).toContain(outcome.section);
    }
  });
});
