// The contract between the entry form (components/entries/form) and the actions that save it
// (submitting, revising): the form's values (list fields as text, items separated by a blank
// line), their conversions to and from entry content, what a save sends and what it answers.
// Client-safe: types and pure functions only.

import { LIST_ITEM_SEPARATOR, splitListItems } from "@/lib/entries/list-fields";
import type { EntryContent, EntryContentInput } from "@/lib/entries/schema";
import type { Category, Severity } from "@/lib/entries/taxonomy";
import { formatVerifications, parseVerificationLines } from "@/lib/entries/verification";
import type { Conflict } from "@/lib/errors";

export interface EntryFormValues {
  title: string;
  category: string;
  language: string;
  framework: string;
  severity: string;
  tags: string[];
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: string;
  errorMessages: string;
  /** One verification per line: "Python 3.14.0 · 2026-12-01 · @who" (lib/entries/verification.ts). */
  verifiedWith: string;
}

export const EMPTY_ENTRY: EntryFormValues = {
  title: "",
  category: "pattern",
  language: "",
  framework: "",
  severity: "minor",
  tags: [],
  problem: "",
  solution: "",
  why: "",
  context: "",
  gotchas: "",
  errorMessages: "",
  verifiedWith: "",
};

export function formInput(values: EntryFormValues): EntryContentInput {
  return {
    ...values,
    category: values.category as Category,
    severity: values.severity as Severity,
    gotchas: splitListItems(values.gotchas),
    errorMessages: splitListItems(values.errorMessages),
    verifiedWith: parseVerificationLines(values.verifiedWith),
  };
}

export function formValues(content: EntryContent): EntryFormValues {
  return {
    ...content,
    language: content.language ?? "",
    framework: content.framework ?? "",
    gotchas: content.gotchas.join(LIST_ITEM_SEPARATOR),
    errorMessages: content.errorMessages.join(LIST_ITEM_SEPARATOR),
    verifiedWith: formatVerifications(content.verifiedWith),
  };
}

/** What the form sends to its save action. `slug`, `summary` and `baseRevisionId` are for revisions. */
export interface EntrySaveInput {
  slug?: string;
  content: EntryContentInput;
  summary: string;
  baseRevisionId: string;
}

export type EntryFormField = keyof EntryFormValues | "summary";

/** One overlap between your edit and a change saved meanwhile; `field` names a form field. */
export type FormConflict = Conflict;

/** What a save action answers; both submitting and revising fit this shape. */
export type EntrySaveResult =
  | { ok: true; href: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: Partial<Record<EntryFormField | (string & {}), string[]>>;
      conflicts?: FormConflict[];
      /** After a conflict: the merged text, with your side of each overlap, based on `head`. */
      mergedValues?: EntryFormValues;
      head?: { id: string; number: number };
    };
