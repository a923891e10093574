// Proposing a revision of an entry. Any signed-in user may; the entry's author and moderators
// apply theirs at once, everyone else's waits in review. An edit names the revision it started
// from (by default the current one) and the fields it changes; when the entry changed
// meanwhile, the edit is merged with those changes (lib/revisions/merge) and only real overlaps
// come back as conflicts, with nothing written. The edit form and the API both come here.
import "server-only";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { ENTRY_NOT_FOUND, findEntryByRef } from "@/lib/entries/find-entry";
import type { EntryContent, EntryContentDraft } from "@/lib/entries/schema";
import { validateEntryContent } from "@/lib/entries/validate-content";
import { type Conflict, type ErrorCode, type Failure, type FieldErrors, fail } from "@/lib/errors";
import { consumeOrWait } from "@/lib/rate-limits";
import { mergeContent, sameContent } from "@/lib/revisions/merge";
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

/** Content fields as they arrive (types checked, values not yet); fields left out keep the base's value. */
export type ContentChanges = Partial<EntryContentDraft>;

/** Someone saved overlapping changes since the edit's base: nothing was written. */
export interface ReviseConflict extends Failure {
  code: "conflict";
  conflicts: Conflict[];
  /** The revision the entry shows now. */
  head: { id: string; number: number };
  /** The merged content, holding the editor's side of each overlap. */
  content: EntryContent;
}

export type ReviseResult =
  | { ok: true; slug: string; number: number; status: "accepted" | "pending"; entryStatus: string }
  | (Failure & { code: Exclude<ErrorCode, "conflict"> })
  | ReviseConflict;

/** A failure other than a conflict (typed so that `code === "conflict"` tells the two apart). */
function failure(code: Exclude<ErrorCode, "conflict">, message?: string, extra?: Parameters<typeof fail>[2]) {
  return { ...fail(code, message, extra), code };
}

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

const BAD_BASE = "The revision this edit started from is not one of this entry's revisions. Reload the edit page.";

export async function proposeRevision({
  db,
  ref,
  user,
  changes,
  summary,
  baseRevisionId,
  agent,
}: {
  db: Db;
  /** The entry's id or slug. */
  ref: string;
  user: CurrentUser | null;
  changes: ContentChanges;
  summary: string;
  /** The revision the edit started from; the current one when left out. */
  baseRevisionId?: string;
  /** The MCP client's name when an agent proposes: the revision waits for review and says so. */
  agent?: string;
}): Promise<ReviseResult> {
  if (!user) return failure("unauthorized", "Sign in to propose a revision.");
  // Counted before any work, invalid proposals too: validating renders the Markdown.
  const wait = await consumeRevision(db, user.id);
  if (wait)
    return failure(
      "rate_limited",
      `You have proposed many revisions in the last hour. Try again in ${Math.ceil(wait / 60)} minutes.`,
      { retryAfterSeconds: wait },
    );
  const entry = await findEntryByRef(db, ref, user, { id: true, slug: true, status: true });
  if (!entry) return failure("not_found", ENTRY_NOT_FOUND);

  const base =
    baseRevisionId === undefined
      ? await headRevision(db, entry.id)
      : await db.revision
          .findFirst({ where: { id: baseRevisionId, entryId: entry.id }, select: { id: true, ...snapshotSelect } })
          .then((row) => row && { id: row.id, content: snapshotContent(row) });
  if (!base) return invalid({ baseRevisionId: [BAD_BASE] }, BAD_BASE);

  const edited: EntryContentDraft = { ...base.content, ...definedFields(changes) };
  const checked = await validateEntryContent({ db, input: edited, selfSlug: entry.slug });
  const summaryError = summaryProblem(summary);
  if (!checked.ok || summaryError)
    return invalid({
      ...(checked.ok ? {} : checked.fieldErrors),
      ...(summaryError ? { summary: [summaryError] } : {}),
    });

  return transactionOrRefusal<ReviseResult>(db, async (tx) => {
    const locked = await lockEntry(tx, entry.id);
    if (!locked) refuse(failure("not_found", ENTRY_NOT_FOUND));
    const head = await headRevision(tx, entry.id);
    let content = checked.content;
    if (head.id !== base.id) {
      const merged = mergeContent({ base: base.content, theirs: head.content, yours: content });
      if (merged.conflicts.length) {
        refuse<ReviseConflict>({
          ...fail(
            "conflict",
            `Someone else changed this entry while you were editing (revision #${head.number}). Their changes and yours overlap in the places shown below; choose what to keep and save again.`,
            { conflicts: merged.conflicts },
          ),
          code: "conflict",
          conflicts: merged.conflicts,
          head: { id: head.id, number: head.number },
          content: merged.content,
        });
      }
      content = merged.content;
    }
    if (sameContent(content, head.content)) refuse(failure("invalid", "This edit does not change anything."));

    const direct = agent === undefined && revisesDirectly(user, locked);
    const number = await nextRevisionNumber(tx, entry.id);
    await tx.revision.create({
      data: {
        entryId: entry.id,
        number,
        status: direct ? "accepted" : "pending",
        baseRevisionId: head.id,
        summary: summary.trim(),
        authorId: user.id,
        agentClient: agent,
        ...revisionSnapshot(content),
      },
    });
    if (direct) await showContent(tx, entry.id, content);
    return {
      ok: true as const,
      slug: entry.slug,
      number,
      status: direct ? ("accepted" as const) : ("pending" as const),
      entryStatus: entry.status,
    };
  });
}

function invalid(fieldErrors: FieldErrors, message?: string) {
  return failure("invalid", message, { fieldErrors });
}

/** The changes without keys whose value is undefined (those keep the base's value too). */
function definedFields(changes: ContentChanges): ContentChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
