// The original HiveBrain's entry (an item of its db/batch-*.json files or its export, or a row of
// its SQLite `entries` table) mapped onto this app's export format, so all go through one
// validating importer. Nothing of the content is dropped: fields without a column of their own
// (environment, keywords, version_info, code_snippets, submitted_by, learned_from, a category or
// severity we do not have, tags beyond our limits) stay visible in the entry's solution or context.
import { createHash } from "node:crypto";
import { z } from "zod";
import { slugFromTitle } from "@/lib/entries/slug";
import { type Category, isCategory, isSeverity, type Severity } from "@/lib/entries/taxonomy";
import type { exportedEntrySchema } from "@/lib/porting/format";
import { MAX_TAGS_PER_ENTRY, normalizeTags, tagProblem } from "@/lib/tags/names";

// The original has one category we lack: a principle is a general design rule, which is what
// our "pattern" holds. Anything else unknown becomes a pattern too; the original name is kept.
const CATEGORY_FOR: Record<string, Category> = { principle: "pattern" };
const FALLBACK_CATEGORY: Category = "pattern";
// The original ranks critical > major > moderate > minor > tip and defaults to moderate; ours
// ranks critical > major > minor and defaults to minor. Defaults map to defaults, and "major"
// stays for what the original called major.
const SEVERITY_FOR: Record<string, Severity> = { moderate: "minor", tip: "minor" };
const FALLBACK_SEVERITY: Severity = "minor";

// Its SQLite columns hold JSON arrays as text; an export may carry them either way.
const jsonList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === null || value === undefined || value === "") return [];
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, z.array(item));

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value?.trim() ?? "");

// Counters of its database rows (NULL in rows written before the column existed).
const counter = z
  .int("Must be a whole number.")
  .min(0, "Must not be negative.")
  .nullish()
  .transform((value) => value ?? 0);

const originalEntrySchema = z.object({
  title: z.string(),
  category: z.string(),
  language: z.string().nullish(),
  framework: z.string().nullish(),
  severity: z.string().nullish(),
  tags: jsonList(z.string()),
  problem: z.string(),
  solution: z.string(),
  why: optionalText,
  gotchas: jsonList(z.string()),
  error_messages: jsonList(z.string()),
  keywords: jsonList(z.string()),
  environment: jsonList(z.string()),
  context: optionalText,
  code_snippets: jsonList(
    z.object({ lang: z.string().nullish(), code: z.string(), description: z.string().nullish() }),
  ),
  version_info: optionalText,
  submitted_by: optionalText,
  learned_from: optionalText,
  // The batch files have none: such entries are dated at import (see mapOriginalEntry).
  created_at: z.union([z.string(), z.number()]).nullish(),
  view_count: counter,
  upvotes: counter,
  downvotes: counter,
});

export type OriginalEntry = z.input<typeof originalEntrySchema>;

/** `YYYY-MM-DD HH:MM:SS` (SQLite's CURRENT_TIMESTAMP, UTC), ISO 8601, or Unix seconds. */
export function parseOriginalDate(value: string | number): Date | null {
  let date: Date;
  if (typeof value === "number") date = new Date(value < 1e11 ? value * 1000 : value);
  else if (/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value.trim()))
    date = new Date(`${value.trim().replace(" ", "T")}${value.includes(" ") ? "Z" : "T00:00:00Z"}`);
  else if (/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) date = new Date(value.trim());
  else return null;
  return Number.isNaN(date.getTime()) ? null : date;
}

function fenced(code: string, lang: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${lang.replace(/[^\w+#.-]/g, "")}\n${code.replace(/\n+$/, "")}\n${fence}`;
}

type MappedEntry = z.input<typeof exportedEntrySchema>;

export type MapResult =
  | {
      ok: true;
      entry: MappedEntry;
      /** False when the item had no created_at and was given `importedAt` instead. */
      dated: boolean;
    }
  | { ok: false; message: string };

/**
 * Maps one original entry; content rules are checked later by the importer. An entry without
 * created_at (the batch files have none) is dated `importedAt`: the importer recognizes it again
 * by originalIdentity, not by its date.
 */
export function mapOriginalEntry(item: unknown, { importedAt = new Date() }: { importedAt?: Date } = {}): MapResult {
  const parsed = originalEntrySchema.safeParse(item);
  if (!parsed.success)
    return {
      ok: false,
      message: parsed.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
        .join("; "),
    };
  const original = parsed.data;
  const given = original.created_at === "" ? null : (original.created_at ?? null);
  const createdAt = given === null ? importedAt : parseOriginalDate(given);
  if (!createdAt)
    return {
      ok: false,
      message: `created_at: "${original.created_at}" is not a date (use YYYY-MM-DD HH:MM:SS or ISO 8601).`,
    };

  const originalCategory = original.category.trim().toLowerCase();
  const category = isCategory(originalCategory)
    ? originalCategory
    : (CATEGORY_FOR[originalCategory] ?? FALLBACK_CATEGORY);
  const originalSeverity = original.severity?.trim().toLowerCase() ?? "";
  const severity = isSeverity(originalSeverity)
    ? originalSeverity
    : (SEVERITY_FOR[originalSeverity] ?? FALLBACK_SEVERITY);

  const candidates = normalizeTags([
    ...original.tags,
    ...(isCategory(originalCategory) || !originalCategory ? [] : [originalCategory]),
  ]);
  const usable = candidates.filter((tag) => tagProblem(tag) === null);
  const tags = usable.slice(0, MAX_TAGS_PER_ENTRY);
  if (tags.length === 0)
    tags.push(
      original.language?.trim() && tagProblem(original.language.trim().toLowerCase()) === null
        ? original.language.trim().toLowerCase()
        : category,
    );
  const otherTags = candidates.filter((tag) => !tags.includes(tag));

  const snippets = original.code_snippets.map((snippet) =>
    [snippet.description?.trim() ? `**${snippet.description.trim()}**` : "", fenced(snippet.code, snippet.lang ?? "")]
      .filter(Boolean)
      .join("\n\n"),
  );
  const notes = [
    original.environment.length ? `- Environment: ${original.environment.join(", ")}` : "",
    original.keywords.length ? `- Keywords: ${original.keywords.join(", ")}` : "",
    original.version_info ? `- Versions: ${original.version_info}` : "",
    category !== originalCategory ? `- Original category: ${original.category} (shown as ${category})` : "",
    severity !== originalSeverity ? `- Original severity: ${original.severity ?? "none"} (shown as ${severity})` : "",
    otherTags.length ? `- More tags: ${otherTags.join(", ")}` : "",
    // "seed" marks the original's own starter corpus, as "anonymous" marks no name.
    original.submitted_by && !["anonymous", "seed"].includes(original.submitted_by)
      ? `- Submitted by: ${original.submitted_by}`
      : "",
    original.learned_from ? `- Learned from: ${original.learned_from}` : "",
  ].filter(Boolean);

  const content = {
    title: original.title,
    category,
    language: original.language ?? null,
    framework: original.framework ?? null,
    severity,
    tags,
    problem: original.problem,
    solution: [original.solution.trim(), ...snippets].filter(Boolean).join("\n\n"),
    why: original.why,
    context: [original.context, notes.length ? `**From the original HiveBrain**\n\n${notes.join("\n")}` : ""]
      .filter(Boolean)
      .join("\n\n"),
    gotchas: original.gotchas,
    errorMessages: original.error_messages,
  };
  const date = createdAt.toISOString();
  return {
    ok: true,
    dated: given !== null,
    entry: {
      // Provisional ("new" is reserved): the importer picks a free slug from the title when it writes the entry.
      slug: slugFromTitle(original.title).replace(/^new$/, "new-entry"),
      status: "approved",
      author: null,
      createdAt: date,
      updatedAt: date,
      viewCount: original.view_count,
      // Its votes are anonymous (an IP address at most): counts, not votes of users.
      importedUpvotes: original.upvotes,
      importedDownvotes: original.downvotes,
      content,
      revisions: [
        { number: 0, status: "accepted", summary: "Imported from the original HiveBrain", createdAt: date, content },
      ],
    },
  };
}

const normalized = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

/**
 * What makes an original entry the same entry again: its title and problem, which its revision 0
 * keeps unchanged however the entry is edited later. Dates cannot serve, as the batch files have
 * none. A hash, so that keys stay short however long the problem is.
 */
export function originalIdentity({ title, problem }: { title: string; problem: string }): string {
  return createHash("sha256")
    .update(`${normalized(title)}\n${normalized(problem)}`)
    .digest("hex");
}

// Our field names where the original's differ.
const ORIGINAL_FIELD: Record<string, string> = { errorMessages: "error_messages" };

/** Content problems of a mapped entry, named by the original's fields (its revision 0 repeats them). */
export function describeOriginalContentError(error: z.ZodError): string {
  return error.issues
    .filter((issue) => issue.path[0] === "content")
    .map((issue) => {
      const [, field = "", ...rest] = issue.path.map(String);
      return `${[ORIGINAL_FIELD[field] ?? field, ...rest].join(".")}: ${issue.message}`;
    })
    .join("; ");
}
