// What changed between two revisions of an entry: text word by word, tags as added/removed,
// and every other field as old → new.
import { diffWordsWithSpace } from "diff";
import { stringList } from "@/lib/entries/schema";

export const TEXT_FIELDS = ["title", "problem", "solution", "why", "context", "gotchas", "errorMessages"] as const;
export const SCALAR_FIELDS = ["category", "language", "framework", "severity"] as const;

export type WordChange = { value: string; added: boolean; removed: boolean };

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
  tags: [],
};

export interface RevisionDiff {
  text: { field: (typeof TEXT_FIELDS)[number]; changes: WordChange[] }[];
  scalars: { field: (typeof SCALAR_FIELDS)[number]; from: string | null; to: string | null }[];
  tags: { added: string[]; removed: string[] };
}

// Keeps huge rewrites from stalling a request: past this, a field shows as replaced whole.
const MAX_EDIT_LENGTH = 5_000;

function textOf(revision: RevisionContent, field: (typeof TEXT_FIELDS)[number]): string {
  const value = revision[field];
  return field === "gotchas" || field === "errorMessages" ? stringList(value).join("\n\n") : String(value ?? "");
}

export function diffRevisions(from: RevisionContent, to: RevisionContent): RevisionDiff {
  const text = TEXT_FIELDS.flatMap((field) => {
    const before = textOf(from, field);
    const after = textOf(to, field);
    if (before === after) return [];
    const parts = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
      { value: before, removed: true, added: false },
      { value: after, added: true, removed: false },
    ];
    return [
      {
        field,
        changes: parts.map((part) => ({
          value: part.value,
          added: Boolean(part.added),
          removed: Boolean(part.removed),
        })),
      },
    ];
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
