// Submitting a new entry: rate limits, validation (including decision trees) and the status a
// new entry starts in. Anyone may submit; moderators' entries start approved, others pending.

import { RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import { decisionTreeProblems } from "@/lib/entries/decision-tree-check";
import { type EntryContentInput, entryContentSchema } from "@/lib/entries/schema";
import type { EntryStatus } from "@/lib/entries/taxonomy";
import { databaseRateLimiter } from "@/lib/rate-limits";

// Everyone behind one NAT shares an address; a site can raise the per-address limit (the
// browser tests do, since all their visitors come from 127.0.0.1).
export const SUBMISSIONS_PER_HOUR_PER_IP = Number(process.env.SUBMISSIONS_PER_HOUR_PER_IP) || 10;
export const SUBMISSIONS_PER_HOUR_PER_USER = 20;
const HOUR_S = 3600;

export type EntryField = keyof EntryContentInput;
export type FieldErrors = Partial<Record<EntryField, string[]>>;

export type SubmitResult =
  | { ok: true; slug: string; status: EntryStatus }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors }
  | { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };

const MARKDOWN_FIELDS = ["problem", "solution", "why", "context"] as const;

/** Validates entry content: the schema, then the decision trees in its Markdown fields. */
export async function validateEntryContent({
  db,
  input,
  selfSlug,
  upcomingSlugs,
}: {
  db: Db;
  input: EntryContentInput;
  selfSlug?: string;
  upcomingSlugs?: ReadonlySet<string>;
}) {
  const parsed = entryContentSchema.safeParse(input);
  const fieldErrors: FieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as FieldErrors);
  for (const field of MARKDOWN_FIELDS) {
    const markdown = input[field];
    if (typeof markdown !== "string" || !markdown.includes("decision-tree")) continue;
    const problems = await decisionTreeProblems({ db, markdown, selfSlug, upcomingSlugs });
    if (problems.length) fieldErrors[field] = [...(fieldErrors[field] ?? []), ...problems];
  }
  return parsed.success && Object.keys(fieldErrors).length === 0
    ? { ok: true as const, content: parsed.data }
    : { ok: false as const, fieldErrors };
}

async function consumeSubmission(db: Db, user: CurrentUser | null, ip: string): Promise<number | null> {
  try {
    await databaseRateLimiter({
      db,
      keyPrefix: "submit-ip",
      points: SUBMISSIONS_PER_HOUR_PER_IP,
      durationSeconds: HOUR_S,
    }).consume(ip);
    if (user)
      await databaseRateLimiter({
        db,
        keyPrefix: "submit-user",
        points: SUBMISSIONS_PER_HOUR_PER_USER,
        durationSeconds: HOUR_S,
      }).consume(user.id);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

export async function submitEntry({
  db,
  input,
  user,
  ip,
}: {
  db: Db;
  input: EntryContentInput;
  user: CurrentUser | null;
  ip: string;
}): Promise<SubmitResult> {
  const checked = await validateEntryContent({ db, input });
  if (!checked.ok)
    return { ok: false, code: "invalid", message: "Some fields need attention.", fieldErrors: checked.fieldErrors };
  const wait = await consumeSubmission(db, user, ip);
  if (wait) {
    return {
      ok: false,
      code: "rate_limited",
      message: `You have submitted a lot in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`,
      retryAfterSeconds: wait,
    };
  }
  const status: EntryStatus = isModerator(user) ? "approved" : "pending";
  const entry = await createEntry({ db, content: checked.content, authorId: user?.id ?? null, status });
  return { ok: true, slug: entry.slug, status };
}
