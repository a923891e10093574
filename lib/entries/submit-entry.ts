// Submitting a new entry: rate limits (every attempt counts), validation (including decision
// trees) and the status a new entry starts in. Anyone may submit; moderators' entries start
// approved, others pending, and everything an agent submits (over MCP) waits for review.

import "server-only";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import type { EntryContentDraft } from "@/lib/entries/schema";
import type { EntryStatus } from "@/lib/entries/taxonomy";
import { validateEntryContent } from "@/lib/entries/validate-content";
import { type Failure, fail } from "@/lib/errors";
import { consumeOrWait } from "@/lib/rate-limits";

// Everyone behind one NAT shares an address; a site can raise the per-address limit (the
// browser tests do, since all their visitors come from 127.0.0.1).
export const SUBMISSIONS_PER_HOUR_PER_IP = Number(process.env.SUBMISSIONS_PER_HOUR_PER_IP) || 10;
export const SUBMISSIONS_PER_HOUR_PER_USER = 20;
const HOUR_S = 3600;

export type SubmitResult = { ok: true; slug: string; status: EntryStatus } | Failure;

function consumeSubmission(db: Db, user: CurrentUser | null, ip: string): Promise<number | null> {
  const perIp = { db, keyPrefix: "submit-ip", points: SUBMISSIONS_PER_HOUR_PER_IP, durationSeconds: HOUR_S, key: ip };
  const perUser = { db, keyPrefix: "submit-user", points: SUBMISSIONS_PER_HOUR_PER_USER, durationSeconds: HOUR_S };
  return consumeOrWait(user ? [perIp, { ...perUser, key: user.id }] : [perIp]);
}

export async function submitEntry({
  db,
  input,
  user,
  ip,
  agent,
}: {
  db: Db;
  /** The content as it arrives (types checked, values not yet): validated here. */
  input: EntryContentDraft;
  user: CurrentUser | null;
  ip: string;
  /** The MCP client's name when an agent submits: the entry waits for review and says so. */
  agent?: string;
}): Promise<SubmitResult> {
  // Counted before validating: validation renders the Markdown and parses decision trees, so an
  // invalid submission costs as much as a valid one (the request schemas bounded the sizes).
  const wait = await consumeSubmission(db, user, ip);
  if (wait) {
    const message = `You have submitted a lot in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`;
    return fail("rate_limited", message, { retryAfterSeconds: wait });
  }
  const checked = await validateEntryContent({ db, input });
  if (!checked.ok) return fail("invalid", undefined, { fieldErrors: checked.fieldErrors });
  const status: EntryStatus = isModerator(user) && agent === undefined ? "approved" : "pending";
  const entry = await createEntry({
    db,
    content: checked.content,
    authorId: user?.id ?? null,
    status,
    agentClient: agent,
  });
  return { ok: true, slug: entry.slug, status };
}
