// Proposing a revision of an entry. Any signed-in user may; the entry's author and moderators
// apply theirs at once, everyone else's waits in review. An edit records the revision it
// started from; when the entry changed meanwhile, the edit is merged with those changes
// (lib/revision-merge) and only real overlaps come back as conflicts, with nothing written.
import "server-only";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import type { EntryContent, EntryContentInput } from "@/lib/entries/schema";
import { type FieldErrors, validateEntryContent } from "@/lib/entries/validate-content";
import { consumeOrWait } from "@/lib/rate-limits";
import { type MergeConflict, mergeContent, sameContent } from "@/lib/revisions/merge";
import {
  headRevision,
  lockEntry,
  nextRevisionNumber,
  revisionSnapshot,
  showContent,
  snapshotContent,
  snapshotSelect,
} from "@/lib/revisions/snapshots";
import { refuse, transactionOrRefusal } from "@/lib/transactions";

export const SUMMARY_MAX = 300;
export const REVISIONS_PER_HOUR_PER_USER = 30;

export interface ReviseInput {
  content: EntryContentInput;
  summary: string;
  baseRevisionId: string;
}

export type ReviseResult =
  | { ok: true; slug: string; number: number; status: "accepted" | "pending" }
  | { ok: false; code: "unauthorized" | "not_found" | "bad_base" | "unchanged"; message: string }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors & { summary?: string[] } }
  | { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number }
  | {
      ok: false;
      code: "conflict";
      message: string;
      head: { id: string; number: number };
      content: EntryContent;
      conflicts: MergeConflict[];
    };

function summaryProblem(summary: string): string | null {
  if (summary.trim().length === 0) return "Say briefly what you changed and why.";
  if (summary.length > SUMMARY_MAX) return `Keep the summary under ${SUMMARY_MAX} characters.`;
  return null;
}

function consumeRevision(db: Db, userId: string): Promise<number | null> {
  return consumeOrWait([
    { db, keyPrefix: "revise-user", points: REVISIONS_PER_HOUR_PER_USER, durationSeconds: 3600, key: userId },
  ]);
}

/** Everyone may propose; these people's revisions apply without review. */
export function revisesDirectly(user: CurrentUser, entry: { authorId: string | null }): boolean {
  return isModerator(user) || (entry.authorId !== null && entry.authorId === user.id);
}

export async function proposeRevision({
  db,
  slug,
  user,
  input,
}: {
  db: Db;
  slug: string;
  user: CurrentUser | null;
  input: ReviseInput;
}): Promise<ReviseResult> {
  if (!user) return { ok: false, code: "unauthorized", message: "Sign in to propose a revision." };
  const entry = await db.entry.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!entry) return { ok: false, code: "not_found", message: "No such entry." };

  const checked = await validateEntryContent({ db, input: input.content, selfSlug: entry.slug });
  const summary = summaryProblem(input.summary);
  if (!checked.ok || summary) {
    const fieldErrors = { ...(checked.ok ? {} : checked.fieldErrors), ...(summary ? { summary: [summary] } : {}) };
    return { ok: false, code: "invalid", message: "Some fields need attention.", fieldErrors };
  }
  const base = await db.revision.findFirst({
    where: { id: input.baseRevisionId, entryId: entry.id },
    select: snapshotSelect,
  });
  if (!base)
    return {
      ok: false,
      code: "bad_base",
      message: "The revision this edit started from is not one of this entry's revisions. Reload the edit page.",
    };
  const wait = await consumeRevision(db, user.id);
  if (wait)
    return {
      ok: false,
      code: "rate_limited",
      message: `You have proposed many revisions in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`,
      retryAfterSeconds: wait,
    };

  return transactionOrRefusal<ReviseResult>(db, async (tx) => {
    const locked = await lockEntry(tx, entry.id);
    if (!locked) refuse({ ok: false, code: "not_found", message: "No such entry." });
    const head = await headRevision(tx, entry.id);
    let content = checked.content;
    if (head.id !== input.baseRevisionId) {
      const merged = mergeContent({ base: snapshotContent(base), theirs: head.content, yours: content });
      if (merged.conflicts.length) {
        refuse({
          ok: false,
          code: "conflict",
          message: `Someone else changed this entry while you were editing (revision #${head.number}). Their changes and yours overlap in the places shown below; choose what to keep and save again.`,
          head: { id: head.id, number: head.number },
          content: merged.content,
          conflicts: merged.conflicts,
        });
      }
      content = merged.content;
    }
    if (sameContent(content, head.content))
      refuse({ ok: false, code: "unchanged", message: "This edit does not change anything." });

    const direct = revisesDirectly(user, locked);
    const number = await nextRevisionNumber(tx, entry.id);
    await tx.revision.create({
      data: {
        entryId: entry.id,
        number,
        status: direct ? "accepted" : "pending",
        baseRevisionId: head.id,
        summary: input.summary.trim(),
        authorId: user.id,
        ...revisionSnapshot(content),
      },
    });
    if (direct) await showContent(tx, entry.id, content);
    return {
      ok: true as const,
      slug: entry.slug,
      number,
      status: direct ? ("accepted" as const) : ("pending" as const),
    };
  });
}
