// One schema for an entry's content, shared by seeding, forms and the API.
import { z } from "zod";
import { CATEGORIES, SEVERITIES } from "@/lib/entries/taxonomy";
import {
  normalizeVerification,
  VERIFIED_WITH_MAX,
  type Verification,
  verificationProblems,
} from "@/lib/entries/verification";
import { MAX_NESTING, nestingDepth } from "@/lib/markdown/nesting";
import { MAX_MARKUP_WEIGHT, markupWeight } from "@/lib/markdown/weight";
import { MAX_TAGS_PER_ENTRY, normalizeTags, tagProblem } from "@/lib/tags/names";

export const TITLE_MIN = 8;
export const TITLE_MAX = 150;
export const BODY_MAX = 20_000;
export const LIST_ITEM_MAX = 2_000;
export const LIST_MAX_ITEMS = 20;
/**
 * Characters of text in one entry, all fields together (title, the Markdown fields, gotchas and
 * error messages; "verified with" has small limits of its own). Each field's own limit alone would allow 160,000; every revision is stored
 * whole, compared with others, rendered and sent, so the entry as a whole has a limit too. The
 * longest seeded entry has 5,300.
 */
export const TOTAL_CONTENT_MAX = 30_000;

/**
 * Refuses Markdown that would be slow to render: nested deeper than MAX_NESTING, or with more
 * markup than MAX_MARKUP_WEIGHT (both found without parsing; lib/markdown/nesting.ts, weight.ts).
 */
function checkMarkup(label: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (value.length > BODY_MAX) return; // already refused, and not worth reading
    if (nestingDepth(value, MAX_NESTING) > MAX_NESTING)
      ctx.addIssue({
        code: "custom",
        message: `${label} nests quotes and lists more than ${MAX_NESTING} levels deep; use at most ${MAX_NESTING}.`,
      });
    else if (markupWeight(value) > MAX_MARKUP_WEIGHT)
      ctx.addIssue({
        code: "custom",
        message: `${label} has too much markup to render quickly (lines, list items, emphasis, links…); split it up or simplify it.`,
      });
  };
}

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
    .max(BODY_MAX, `${label} is longer than ${BODY_MAX.toLocaleString("en")} characters.`)
    .superRefine(checkMarkup(label));
  return required ? base.min(1, `${label} is required.`) : base.default("");
};

const textList = (label: string, { markdown }: { markdown: boolean }) => {
  const item = z.string().trim().max(LIST_ITEM_MAX, `Each ${label} item must be at most ${LIST_ITEM_MAX} characters.`);
  return z
    .array(markdown ? item.superRefine(checkMarkup(`A ${label}`)) : item)
    .max(LIST_MAX_ITEMS, `Use at most ${LIST_MAX_ITEMS} ${label} items.`)
    .default([])
    .transform((items) => items.filter((item) => item.length > 0));
};

const verificationShape = z.object({
  subject: z.string(),
  version: z.string(),
  date: z.string(),
  by: z.string().nullable().optional(),
});

/**
 * What the entry was verified with (lib/entries/verification.ts): at most VERIFIED_WITH_MAX,
 * each with a runtime or library, its version, a real date that is not in the future, and
 * optionally who. Problems name each verification by its position. An empty list states none.
 */
const verifiedWith = z
  .array(verificationShape)
  .max(VERIFIED_WITH_MAX, `Give at most ${VERIFIED_WITH_MAX} verifications.`)
  .default([])
  .transform((items): Verification[] => items.map(normalizeVerification))
  .superRefine((items, ctx) => {
    const now = new Date();
    for (const [index, item] of items.entries())
      for (const message of verificationProblems(item, index + 1, now))
        ctx.addIssue({ code: "custom", path: [index], message });
  });

const LIMITED_FIELDS = ["title", "problem", "solution", "why", "context", "gotchas", "errorMessages"] as const;

/** Characters of text in each field of the content (list items together). */
function fieldLengths(content: Record<(typeof LIMITED_FIELDS)[number], string | string[]>) {
  return LIMITED_FIELDS.map((field) => {
    const value = content[field];
    return { field, length: Array.isArray(value) ? value.reduce((sum, item) => sum + item.length, 0) : value.length };
  });
}

export const entryContentSchema = z
  .object({
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
    gotchas: textList("gotcha", { markdown: true }),
    errorMessages: textList("error message", { markdown: false }),
    verifiedWith,
  })
  .superRefine((content, ctx) => {
    const lengths = fieldLengths(content);
    const total = lengths.reduce((sum, { length }) => sum + length, 0);
    if (total <= TOTAL_CONTENT_MAX) return;
    // Named on the longest field, the one most worth shortening.
    const longest = lengths.reduce((a, b) => (b.length > a.length ? b : a));
    ctx.addIssue({
      code: "custom",
      path: [longest.field],
      message: `The entry is ${total.toLocaleString("en")} characters long in all; the limit is ${TOTAL_CONTENT_MAX.toLocaleString("en")}. Shorten this field or others.`,
    });
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
  verifiedWith: z.array(verificationShape).optional(),
});

/** Entry content as it arrives, before validation: entryContentShape's output, or EntryContentInput. */
export type EntryContentDraft = z.output<typeof entryContentShape>;
export type EntryContent = z.output<typeof entryContentSchema>;

/** Reads a Json column that holds string[] (gotchas, errorMessages, revision tags). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
