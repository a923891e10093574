// Whether entry content may be saved: the content schema (lengths, the entry's total length,
// Markdown nesting), then the decision trees in its Markdown fields. Submitting, revising and
// importing all check content here.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { decisionTreeProblems } from "@/lib/entries/decision-tree-check";
import { type EntryContentDraft, type EntryContentInput, entryContentSchema } from "@/lib/entries/schema";

export type EntryField = keyof EntryContentInput;
export type FieldErrors = Partial<Record<EntryField, string[]>>;

const MARKDOWN_FIELDS = ["problem", "solution", "why", "context"] as const;

/** Validates entry content: the schema, then the decision trees in its Markdown fields. */
export async function validateEntryContent({
  db,
  input,
  selfSlug,
  upcomingSlugs,
}: {
  db: Db;
  input: EntryContentDraft;
  selfSlug?: string;
  upcomingSlugs?: ReadonlySet<string>;
}) {
  const parsed = entryContentSchema.safeParse(input);
  const fieldErrors: FieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as FieldErrors);
  for (const field of MARKDOWN_FIELDS) {
    const markdown = input[field];
    // A field already refused (too long, nested too deeply) is not parsed for its trees.
    if (typeof markdown !== "string" || !markdown.includes("decision-tree") || fieldErrors[field]) continue;
    const problems = await decisionTreeProblems({ db, markdown, selfSlug, upcomingSlugs });
    if (problems.length) fieldErrors[field] = [...(fieldErrors[field] ?? []), ...problems];
  }
  return parsed.success && Object.keys(fieldErrors).length === 0
    ? { ok: true as const, content: parsed.data }
    : { ok: false as const, fieldErrors };
}
