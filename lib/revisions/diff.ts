// What changed between two revisions of an entry: text word by word, tags as added/removed,
// and every other field as old → new.
//
// A word diff's work grows with the square of the number of edits: two revisions of 20,000
// characters that share no word took 5 s, during which the server answered nobody. So the diffs
// of one page share a budget of work (DiffBudget). A field is compared word by word while the
// budget lasts; past it, line by line (runs of changed lines compared word by word while work is
// left); past that, shown whole, old then new. The page says which.
import { diffLines, diffWordsWithSpace } from "diff";
import { stringList } from "@/lib/entries/schema";
import { formatVerifications, verificationList } from "@/lib/entries/verification";

export const TEXT_FIELDS = [
  "title",
  "problem",
  "solution",
  "why",
  "context",
  "gotchas",
  "errorMessages",
  "verifiedWith",
] as const;
export const SCALAR_FIELDS = ["category", "language", "framework", "severity"] as const;

export type WordChange = { value: string; added: boolean; removed: boolean };

/** How finely a field was compared: word by word, line by line, or not at all (shown whole). */
export type DiffDetail = "words" | "lines" | "whole";

export interface RevisionContent {
  title: string;
  category: string;
  language: string | null;
  framework: string | null;
  severity: string;
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: unknown;
  errorMessages: unknown;
  verifiedWith: unknown;
  tags: unknown;
}

/** The "before" of a new entry, so its review shows every field as added. */
export const NO_CONTENT: RevisionContent = {
  title: "",
  category: "",
  language: null,
  framework: null,
  severity: "",
  problem: "",
  solution: "",
  why: "",
  context: "",
  gotchas: [],
  errorMessages: [],
  verifiedWith: [],
  tags: [],
};

export interface TextDiff {
  field: (typeof TEXT_FIELDS)[number];
  changes: WordChange[];
  detail: DiffDetail;
}

export interface RevisionDiff {
  text: TextDiff[];
  scalars: { field: (typeof SCALAR_FIELDS)[number]; from: string | null; to: string | null }[];
  tags: { added: string[]; removed: string[] };
}

/**
 * Work one page may spend on diffs, all of them together, in steps of the diff algorithm (an
 * edit distance of d costs about d² steps; jsdiff takes some 2.5 µs a step on the 2-core
 * development machine: 270 word edits of two 10,000-character texts took 190 ms): about 50 ms.
 */
export const DIFF_WORK = 20_000;
/** A limit in time as well, should a server be so slow that DIFF_WORK takes longer. */
export const DIFF_TIME_MS = 100;

/**
 * What the diffs of one page may still spend. Share one between all the diffs a page shows: it
 * bounds how long the page holds the server however many diffs it has, and since it counts
 * steps rather than time, the same revisions are compared the same way on a busy server.
 */
export class DiffBudget {
  private work: number;
  private readonly deadline: number;

  constructor(work = DIFF_WORK, milliseconds = DIFF_TIME_MS) {
    this.work = work;
    this.deadline = Date.now() + milliseconds;
  }

  /**
   * Options for one diff of these texts that may use `share` of the work left: the most edits it
   * may find, and the time left. Null when the budget is spent.
   */
  limits(
    before: string,
    after: string,
    maxEdits: number,
    share = 1,
  ): { maxEditLength: number; timeout: number } | null {
    const timeout = this.deadline - Date.now();
    const work = (this.work - textWork(before, after)) * share;
    const maxEditLength = Math.min(maxEdits, Math.floor(Math.sqrt(Math.max(0, work))));
    return timeout > 0 && maxEditLength >= MIN_EDITS ? { maxEditLength, timeout } : null;
  }

  /** Records a diff's work: the square of the edits it found, or of its limit when it gave up. */
  spend(before: string, after: string, edits: number): void {
    this.work -= textWork(before, after) + edits * edits;
  }
}

/** Reading the texts into words or lines: a step per few characters. */
function textWork(before: string, after: string): number {
  return (before.length + after.length) / 4;
}

// Edits beyond these are no longer readable word by word anyway.
const MAX_WORD_EDITS = 2_000;
const MAX_LINE_EDITS = 1_000;
/** Below this, a diff is not worth starting. */
const MIN_EDITS = 8;

function textOf(revision: RevisionContent, field: (typeof TEXT_FIELDS)[number]): string {
  const value = revision[field];
  if (field === "verifiedWith") return formatVerifications(verificationList(value)); // one per line
  return field === "gotchas" || field === "errorMessages" ? stringList(value).join("\n\n") : String(value ?? "");
}

type Part = { value: string; added?: boolean; removed?: boolean };

function changesOf(parts: Part[]): WordChange[] {
  return parts.map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));
}

/** Edits in a diff: the tokens added and removed. */
function editsOf(parts: Part[]): number {
  let edits = 0;
  for (const part of parts) if (part.added || part.removed) edits += (part as { count?: number }).count ?? 1;
  return edits;
}

/** A diff within the budget, or undefined when it would exceed it (the budget is charged either way). */
function bounded(
  unit: "words" | "lines",
  before: string,
  after: string,
  { maxEdits, budget, share = 1 }: { maxEdits: number; budget: DiffBudget; share?: number },
): Part[] | undefined {
  const limits = budget.limits(before, after, maxEdits, share);
  if (!limits) return undefined;
  const parts = unit === "words" ? diffWordsWithSpace(before, after, limits) : diffLines(before, after, limits);
  budget.spend(before, after, parts ? editsOf(parts) : limits.maxEditLength);
  return parts;
}

const removed = (value: string): WordChange => ({ value, added: false, removed: true });
const added = (value: string): WordChange => ({ value, added: true, removed: false });

/** Line by line; each run of changed lines compared word by word while the budget lasts. */
function byLines(before: string, after: string, budget: DiffBudget): WordChange[] | undefined {
  const lines = bounded("lines", before, after, { maxEdits: MAX_LINE_EDITS, budget });
  if (!lines) return undefined;
  const changes: WordChange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i] as Part;
    const next = lines[i + 1];
    if (part.removed && next?.added) {
      const words = bounded("words", part.value, next.value, { maxEdits: MAX_WORD_EDITS, budget });
      changes.push(...(words ? changesOf(words) : [removed(part.value), added(next.value)]));
      i++;
    } else {
      changes.push(...changesOf([part]));
    }
  }
  return changes;
}

function diffText(before: string, after: string, budget: DiffBudget): { changes: WordChange[]; detail: DiffDetail } {
  // Nothing to compare with: no budget needed.
  if (before === "") return { changes: [added(after)], detail: "words" };
  if (after === "") return { changes: [removed(before)], detail: "words" };
  // Half the budget at most, so that a field too changed for it can still be compared by lines.
  const words = bounded("words", before, after, { maxEdits: MAX_WORD_EDITS, budget, share: 0.5 });
  if (words) return { changes: changesOf(words), detail: "words" };
  const lines = byLines(before, after, budget);
  if (lines) return { changes: lines, detail: "lines" };
  return { changes: [removed(before), added(after)], detail: "whole" };
}

export function diffRevisions(
  from: RevisionContent,
  to: RevisionContent,
  budget: DiffBudget = new DiffBudget(),
): RevisionDiff {
  const text = TEXT_FIELDS.flatMap((field) => {
    const before = textOf(from, field);
    const after = textOf(to, field);
    if (before === after) return [];
    return [{ field, ...diffText(before, after, budget) }];
  });
  const scalars = SCALAR_FIELDS.filter((field) => from[field] !== to[field]).map((field) => ({
    field,
    from: from[field],
    to: to[field],
  }));
  const fromTags = stringList(from.tags);
  const toTags = stringList(to.tags);
  return {
    text,
    scalars,
    tags: {
      added: toTags.filter((tag) => !fromTags.includes(tag)),
      removed: fromTags.filter((tag) => !toTags.includes(tag)),
    },
  };
}

/** Characters of text in the diff's changes. */
export function diffLength(diff: RevisionDiff): number {
  let length = 0;
  for (const field of diff.text) for (const change of field.changes) length += change.value.length;
  return length;
}

/**
 * The diff with only its first `maxChars` characters of text (fields in order), for pages that
 * show many diffs; `hidden` counts the characters left out.
 */
export function clipDiff(diff: RevisionDiff, maxChars: number): { diff: RevisionDiff; hidden: number } {
  let left = maxChars;
  let hidden = 0;
  const text = diff.text.flatMap((field) => {
    const changes: WordChange[] = [];
    for (const change of field.changes) {
      if (left >= change.value.length) {
        changes.push(change);
        left -= change.value.length;
      } else {
        if (left > 0) changes.push({ ...change, value: change.value.slice(0, left) });
        hidden += change.value.length - left;
        left = 0;
      }
    }
    return changes.length > 0 ? [{ ...field, changes }] : [];
  });
  return { diff: { ...diff, text }, hidden };
}
