// One schema for an entry's content, shared by seeding, forms and the API.
import { z } from "zod";
import { CATEGORIES, SEVERITIES } from "@/lib/entries/taxonomy";
import { MAX_TAGS_PER_ENTRY, normalizeTags, tagProblem } from "@/lib/tags/names";

export const TITLE_MIN = 8;
export const TITLE_MAX = 150;
export const BODY_MAX = 20_000;
export const LIST_ITEM_MAX = 2_000;
export const LIST_MAX_ITEMS = 20;

const optionalName = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters.")
  .transform((value) => (value === "" ? null : value.toLowerCase()))
  .nullable()
  .default(null);

const markdown = (label: string, required: boolean) => {
  const base = z
    .string()
    .trim()
    .max(BODY_MAX, `${label} is longer than ${BODY_MAX.toLocaleString("en")} characters.`);
  return required ? base.min(1, `${label} is required.`) : base.default("");
};

const textList = (label: string) =>
  z
    .array(z.string().trim().max(LIST_ITEM_MAX, `Each ${label} item must be at most ${LIST_ITEM_MAX} characters.`))
    .max(LIST_MAX_ITEMS, `Use at most ${LIST_MAX_ITEMS} ${label} items.`)
    .default([])
    .transform((items) => items.filter((item) => item.length > 0));

export const entryContentSchema = z.object({
  title: z
    .string()
    .trim()
    .min(TITLE_MIN, `Title must be at least ${TITLE_MIN} characters.`)
    .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters.`),
  category: z.enum(CATEGORIES, { error: `Category must be one of: ${CATEGORIES.join(", ")}.` }),
  language: optionalName,
  framework: optionalName,
  severity: z.enum(SEVERITIES, { error: `Severity must be one of: ${SEVERITIES.join(", ")}.` }),
  tags: z
    .array(z.string())
    .transform(normalizeTags)
    .superRefine((tags, ctx) => {
      if (tags.length === 0) ctx.addIssue({ code: "custom", message: "Add at least one tag." });
      if (tags.length > MAX_TAGS_PER_ENTRY)
        ctx.addIssue({ code: "custom", message: `Use at most ${MAX_TAGS_PER_ENTRY} tags.` });
      for (const tag of tags) {
        const problem = tagProblem(tag);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    }),
  problem: markdown("Problem", true),
  solution: markdown("Solution", true),
  why: markdown("Why", false),
  context: markdown("Context", false),
  gotchas: textList("gotcha"),
  errorMessages: textList("error message"),
});

export type EntryContentInput = z.input<typeof entryContentSchema>;

const text = z.string();
const nullableText = z.string().nullable().optional();
const textArray = z.array(z.string());

/**
 * The shape entry content must have when it arrives from outside (a form's action, the API):
 * types only, so that a crafted request gets field errors instead of reaching code that
 * assumes strings. entryContentSchema (via validateEntryContent) then judges the values.
 */
export const entryContentShape = z.object({
  title: text,
  category: text,
  language: nullableText,
  framework: nullableText,
  severity: text,
  tags: textArray,
  problem: text.optional(),
  solution: text.optional(),
  why: text.optional(),
  context: text.optional(),
  gotchas: textArray.optional(),
  errorMessages: textArray.optional(),
});

/** Entry content as it arrives, before validation: entryContentShape's output, or EntryContentInput. */
export type EntryContentDraft = z.output<typeof entryContentShape>;
export type EntryContent = z.output<typeof entryContentSchema>;

/** Reads a Json column that holds string[] (gotchas, errorMessages, revision tags). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
