// The shapes of /api/v1 requests and responses as zod schemas, one per operation. The routes
// parse each request with its schema (lib/http/json.ts readJsonBody, lib/api/list-params.ts),
// the OpenAPI document (lib/api/openapi.ts) is generated from the same schemas, and the API
// tests parse real responses with the response schemas, so the document and the API cannot
// drift apart unnoticed.
import { z } from "zod";
import { MAX_PAGE, MAX_QUERY_LENGTH, SEARCH_SORTS } from "@/lib/entries/browse-params";
import { BODY_MAX, entryContentShape, LIST_ITEM_MAX, LIST_MAX_ITEMS, TITLE_MAX, TITLE_MIN } from "@/lib/entries/schema";
import { CATEGORIES, SEVERITIES, STATUSES } from "@/lib/entries/taxonomy";
import { BY_MAX, SUBJECT_MAX, VERIFIED_WITH_MAX, VERSION_MAX } from "@/lib/entries/verification";
import { ERROR_CODES } from "@/lib/errors";
import { SUMMARY_MAX } from "@/lib/revisions/propose";
import { MAX_TAG_LENGTH, MAX_TAGS_PER_ENTRY, normalizeTag, tagProblem } from "@/lib/tags/names";

// ---- Requests ----

export const EntryRefSchema = z.object({ ref: z.string().describe("The entry's id or slug.") });

/** Query parameters arrive as strings (`tag` as every value given); they are described and parsed as such. */
const MAX_TAG_PARAMS = 5;
const LANGUAGE_PATTERN = /^[\p{L}\p{N}.+#_-]{1,40}$/u;
export const ListQuerySchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters.`)
    .optional()
    .describe('Search words; [tag], category:, language:, status: and "quoted phrases" work as on /search.'),
  category: z.enum(CATEGORIES, { error: `category must be one of: ${CATEGORIES.join(", ")}.` }).optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(LANGUAGE_PATTERN, "language must be 1 to 40 letters, digits or . + # _ -.")
    .meta({ pattern: LANGUAGE_PATTERN.source }) // the generator would write the flags into the pattern
    .optional(),
  status: z
    .enum([...STATUSES, "all"], { error: `status must be one of: ${[...STATUSES, "all"].join(", ")}.` })
    .optional()
    .describe("Default: approved and pending."),
  tag: z
    .array(z.string().transform(normalizeTag))
    .max(MAX_TAG_PARAMS, `Use at most ${MAX_TAG_PARAMS} tag parameters.`)
    .superRefine((tags, ctx) => {
      for (const tag of tags) {
        const problem = tagProblem(tag);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    })
    .default([])
    .describe("Repeat for several tags; all must match."),
  sort: z.enum(SEARCH_SORTS, { error: `sort must be one of: ${SEARCH_SORTS.join(", ")}.` }).optional(),
  page: z
    .string()
    .regex(/^\d+$/, "page must be a whole number from 1.")
    .transform(Number)
    .refine((page) => page >= 1 && page <= MAX_PAGE, `page must be from 1 to ${MAX_PAGE}.`)
    .optional()
    .describe(`A whole number from 1 to ${MAX_PAGE}; default 1.`),
});

// Entry content in a request body: the request schema checks the types (entryContentShape, as
// the forms' actions do); the values, with the limits documented here, are judged by
// validateEntryContent, so the API answers with the same messages as the forms.
const shape = entryContentShape.shape;
const MARKDOWN = "Markdown; may contain ```decision-tree fences (see /help/decision-trees).";
const contentFields = {
  title: shape.title.meta({ minLength: TITLE_MIN, maxLength: TITLE_MAX }),
  category: shape.category.meta({ enum: [...CATEGORIES] }),
  language: shape.language.meta({ maxLength: 40, description: "Lower-cased; null or empty for none." }),
  framework: shape.framework.meta({ maxLength: 40, description: "Lower-cased; null or empty for none." }),
  severity: shape.severity.meta({ enum: [...SEVERITIES] }),
  tags: shape.tags.meta({
    minItems: 1,
    maxItems: MAX_TAGS_PER_ENTRY,
    description: `Tag names of at most ${MAX_TAG_LENGTH} characters, lower-cased.`,
  }),
  problem: shape.problem.meta({ minLength: 1, maxLength: BODY_MAX, description: MARKDOWN }),
  solution: shape.solution.meta({ minLength: 1, maxLength: BODY_MAX, description: MARKDOWN }),
  why: shape.why.meta({ maxLength: BODY_MAX, description: MARKDOWN }),
  context: shape.context.meta({ maxLength: BODY_MAX, description: MARKDOWN }),
  gotchas: shape.gotchas.meta({
    maxItems: LIST_MAX_ITEMS,
    description: `Markdown items of at most ${LIST_ITEM_MAX} characters.`,
  }),
  errorMessages: shape.errorMessages.meta({
    maxItems: LIST_MAX_ITEMS,
    description: `Verbatim error texts of at most ${LIST_ITEM_MAX} characters.`,
  }),
  verifiedWith: shape.verifiedWith.meta({
    maxItems: VERIFIED_WITH_MAX,
    description: `What the entry's code was run or compiled with: the runtime or library (\`subject\`, at most ${SUBJECT_MAX} characters), its \`version\` (one word, at most ${VERSION_MAX}), the \`date\` (YYYY-MM-DD, not in the future) and optionally who (\`by\`, at most ${BY_MAX}). No part may contain "·" or "|". Empty or left out: none stated.`,
  }),
};

export const EntryInputSchema = z
  .object(contentFields)
  .meta({ id: "EntryInput", description: "A new entry. Validated like the submit form, decision trees included." });

export const RevisionInputSchema = z
  .object(contentFields)
  .partial()
  .extend({
    summary: z
      .string()
      .meta({ minLength: 1, maxLength: SUMMARY_MAX })
      .describe("What changed and why; shown in the history."),
    baseRevisionId: z
      .string()
      .optional()
      .describe(
        "The revision the edit started from (see GET …/revisions). Changes saved since are merged in; overlaps answer 409. Defaults to the current revision.",
      ),
  })
  .meta({
    id: "RevisionInput",
    description: "Fields to change; fields left out keep their value from the base revision.",
  });

// The generator documents only the first value of a multi-value literal: name them all.
const VOTE_VALUES = [1, -1, 0] as const;
const voteValue = () => z.literal(VOTE_VALUES, "Must be 1, -1 or 0.").meta({ enum: [...VOTE_VALUES] });

export const VoteInputSchema = z
  .object({ value: voteValue().describe("1 up, -1 down, 0 takes the vote back.") })
  .meta({ id: "VoteInput" });

// ---- Responses ----

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe("Problems per request field, for 400 and 422."),
      conflicts: z
        .array(z.object({ field: z.string(), theirs: z.string(), yours: z.string() }))
        .optional()
        .describe("For 409 on revisions: the overlapping parts."),
    }),
  })
  .meta({ id: "Error" });

/** What an entry was verified with, as the API and the MCP tools answer it. */
export const VerifiedWithSchema = z
  .array(
    z.object({
      subject: z.string().describe("The runtime or library, e.g. Python."),
      version: z.string().describe("e.g. 3.14.0"),
      date: z.iso.date().describe("The day it was verified."),
      by: z.string().nullable().describe("Who verified it; null when not said."),
    }),
  )
  .describe("What the entry's code was run or compiled with; empty when it states nothing.");

export const VerifiedRecentlySchema = z
  .boolean()
  .describe(
    'False when the entry states no verification or its newest is older than the site\'s maximum age (18 months unless configured): shown as "Not verified recently".',
  );

export const EntrySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    category: z.enum(CATEGORIES),
    language: z.string().nullable(),
    framework: z.string().nullable(),
    severity: z.enum(SEVERITIES),
    status: z.enum(STATUSES),
    problem: z.string().describe("Markdown"),
    solution: z.string().describe("Markdown; may contain ```decision-tree fences"),
    why: z.string(),
    context: z.string(),
    gotchas: z.array(z.string()),
    errorMessages: z.array(z.string()),
    verifiedWith: VerifiedWithSchema,
    verifiedRecently: VerifiedRecentlySchema,
    tags: z.array(z.string()),
    author: z.string().nullable().describe("The author's handle; null for anonymous entries."),
    score: z.number().int(),
    viewCount: z.number().int(),
    revisionCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    url: z.url(),
  })
  .meta({ id: "Entry" });

export const EntryListSchema = z
  .object({
    entries: z.array(EntrySchema),
    page: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int(),
    totalCapped: z.boolean().meta({
      description:
        "True when a search matches more entries than it ranks: total is then the number ranked (the newest matches), and more exist.",
    }),
  })
  .meta({ id: "EntryList" });

export const RevisionSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(["pending", "accepted", "rejected"]),
    summary: z.string(),
    author: z.string().nullable(),
    reviewer: z.string().nullable(),
    reviewNote: z.string().nullable(),
    baseRevisionId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Revision" });

export const RevisionListSchema = z.object({ revisions: z.array(RevisionSchema) }).meta({ id: "RevisionList" });
export const RevisionCreatedSchema = z
  .object({ revision: RevisionSchema, entry: EntrySchema })
  .meta({ id: "RevisionCreated" });

export const VoteResultSchema = z.object({ score: z.number().int(), userVote: voteValue() }).meta({ id: "VoteResult" });

export const TagListSchema = z
  .object({ tags: z.array(z.object({ name: z.string(), entryCount: z.number().int(), url: z.url() })) })
  .meta({ id: "TagList" });
