// The decision tree written in a ```decision-tree fence of an entry (YAML; see parse.ts).

/** Longest source accepted, in characters (the whole fence body). The guide's tree has 4,800 (2,600 in its revision 0). */
export const MAX_SOURCE_CHARS = 10_000;
/**
 * Most decision trees in one Markdown field: each one is parsed and checked when the entry is
 * saved and again when it is shown. Later fences show as plain code.
 */
export const MAX_TREES_PER_FIELD = 5;
/** Most nodes (questions and outcomes together) in one tree. */
export const MAX_NODES = 60;
/** Most questions on one path from the start question to an outcome. */
export const MAX_DEPTH = 12;
/**
 * Most distinct paths from the start to the outcomes. Nodes may be shared by several answers,
 * so without this a small tree could describe millions of paths (5 answers x 12 levels).
 */
export const MAX_PATHS = 1_000;
/**
 * Deepest nesting of YAML collections. A valid tree needs 5 (top level → questions → question →
 * answers → answer). Checked before the document is built: yaml builds it recursively, and a
 * stack overflow there can bring the whole Node process down on a later parse (seen with
 * yaml 2.9.1 on Node 20: "RegExpCompiler Allocation failed").
 */
export const MAX_YAML_NESTING = 10;
/** Longest node id. */
export const MAX_ID_LENGTH = 40;
/** Longest entry slug (the entry slug generator cuts at 80 characters). */
export const MAX_ENTRY_SLUG_LENGTH = 80;
/** Longest section anchor id. */
export const MAX_SECTION_LENGTH = 120;

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ENTRY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Heading ids as github-slugger makes them: lower-case letters, digits, "-" and "_". */
export const SECTION_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}_-]+$/u;

export interface Answer {
  text: string;
  /** Id of a question or an outcome. */
  next: string;
}

export interface Question {
  id: string;
  text: string;
  answers: Answer[];
}

export interface Outcome {
  id: string;
  title: string;
  /** Short plain-text explanation. */
  text?: string;
  /** Anchor id of a heading in the same entry, without "#". */
  section?: string;
  /** Slug of another entry. */
  entry?: string;
}

export interface DecisionTree {
  start: string;
  questions: Record<string, Question>;
  outcomes: Record<string, Outcome>;
}

/** 1-based position in the fence body. */
export interface DecisionTreeError {
  line: number;
  column: number;
  message: string;
}

export type ParseResult = { ok: true; tree: DecisionTree } | { ok: false; errors: DecisionTreeError[] };

export type TreeNode = ({ kind: "question" } & Question) | ({ kind: "outcome" } & Outcome);

export interface TreePath {
  /** Index of the answer chosen at each question; `walk(tree, answerIndexes)` gives `nodes`. */
  answerIndexes: number[];
  /** Start question first, an outcome last. */
  nodes: TreeNode[];
}
