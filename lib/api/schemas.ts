// The shapes of /api/v1 requests and responses as zod schemas. They generate the OpenAPI
// document (lib/api/openapi.ts), and the API tests parse real responses with them, so the
// document and the API cannot drift apart unnoticed.
import { z } from "zod";
import { SEARCH_SORTS } from "@/lib/entries/browse-params";
import { BODY_MAX, LIST_ITEM_MAX, LIST_MAX_ITEMS, TITLE_MAX, TITLE_MIN } from "@/lib/entries/schema";
import { CATEGORIES, SEVERITIES, STATUSES } from "@/lib/entries/taxonomy";
import { SUMMARY_MAX } from "@/lib/revisions/propose";
import { MAX_TAG_LENGTH, MAX_TAGS_PER_ENTRY } from "@/lib/tags/names";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "too_large",
        "invalid",
        "rate_limited",
      ]),
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

const contentFields = {
  title: z.string().min(TITLE_MIN).max(TITLE_MAX),
  category: z.enum(CATEGORIES),
  language: z.string().max(40).nullable().optional(),
  framework: z.string().max(40).nullable().optional(),
  severity: z.enum(SEVERITIES),
  tags: z.array(z.string().max(MAX_TAG_LENGTH)).min(1).max(MAX_TAGS_PER_ENTRY),
  problem: z.string().max(BODY_MAX),
  solution: z.string().max(BODY_MAX),
  why: z.string().max(BODY_MAX).optional(),
  context: z.string().max(BODY_MAX).optional(),
  gotchas: z.array(z.string().max(LIST_ITEM_MAX)).max(LIST_MAX_ITEMS).optional(),
  errorMessages: z.array(z.string().max(LIST_ITEM_MAX)).max(LIST_MAX_ITEMS).optional(),
};

export const EntryInputSchema = z
  .object(contentFields)
  .meta({ id: "EntryInput", description: "A new entry. Validated like the submit form, decision trees included." });

export const RevisionInputSchema = z
  .object({
    summary: z.string().min(1).max(SUMMARY_MAX).describe("What changed and why; shown in the history."),
    baseRevisionId: z
      .string()
      .optional()
      .describe(
        "The revision the edit started from (see GET …/revisions). Changes saved since are merged in; overlaps answer 409. Defaults to the current revision.",
      ),
    ...Object.fromEntries(Object.entries(contentFields).map(([name, schema]) => [name, schema.optional()])),
  })
  .meta({
    id: "RevisionInput",
    description: "Fields to change; fields left out keep their value from the base revision.",
  });

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

export const VoteInputSchema = z
  .object({
    value: z.union([z.literal(1), z.literal(-1), z.literal(0)]).describe("1 up, -1 down, 0 takes the vote back."),
  })
  .meta({ id: "VoteInput" });
export const VoteResultSchema = z
  .object({ score: z.number().int(), userVote: z.union([z.literal(1), z.literal(-1), z.literal(0)]) })
  .meta({ id: "VoteResult" });

export const TagListSchema = z
  .object({ tags: z.array(z.object({ name: z.string(), entryCount: z.number().int(), url: z.url() })) })
  .meta({ id: "TagList" });

export const ListQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .describe('Search words; [tag], category:, language:, status: and "quoted phrases" work as on /search.'),
  category: z.enum(CATEGORIES).optional(),
  language: z.string().optional(),
  status: z
    .enum([...STATUSES, "all"])
    .optional()
    .describe("Default: approved and pending."),
  tag: z.array(z.string()).max(5).optional().describe("Repeat for several tags; all must match."),
  sort: z.enum(SEARCH_SORTS).optional(),
  page: z.number().int().min(1).optional(),
});
