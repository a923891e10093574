// Imports a HiveBrain export (lib/porting/format.ts) or the original HiveBrain's entries (its
// JSON files, lib/porting/hivebrain-v0.ts, or its SQLite database, read by
// lib/porting/hivebrain-v0-sqlite.ts; lib/porting/import-file.ts tells them apart). Every entry
// goes through the app's own content schema and decision-tree check; an invalid item is reported
// and skipped. Each entry is written with its tags, revisions, status changes and votes in one
// transaction, so nothing is half-written. Idempotent: entries already present are skipped, never
// overwritten (see findExisting and presentOriginals).
import "server-only";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { insertEntry } from "@/lib/entries/create-entry";
import { uniqueSlug } from "@/lib/entries/slug";
import { validateEntryContent } from "@/lib/entries/validate-content";
import {
  describeZodError,
  EXPORT_FORMAT,
  type ExportedEntry,
  type ExportedRevision,
  type ExportedUser,
  exportEnvelopeSchema,
  exportedEntrySchema,
  exportedUserSchema,
} from "@/lib/porting/format";
import { describeOriginalContentError, mapOriginalEntry, originalIdentity } from "@/lib/porting/hivebrain-v0";
import type { UnmappedData } from "@/lib/porting/hivebrain-v0-sqlite";
import { revisionSnapshot } from "@/lib/revisions/snapshots";

export type ImportFormat = "hivebrain-export" | "hivebrain-original" | "hivebrain-original-sqlite";

/** The file as a whole cannot be imported (unreadable, not a known format); nothing was written. */
export class ImportFileError extends Error {}

export interface KindCounts {
  created: number;
  present: number;
  invalid: number;
}

export interface ImportProblem {
  kind: "users" | "entries";
  /** The item's position in the file's array (0-based), or among the database's rows by id. */
  index: number;
  /** The row's id in the original's database. */
  rowId?: number;
  title: string;
  message: string;
}

export const REPORT_KINDS = ["users", "entries", "revisions", "statusChanges", "votes"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ImportReport = Record<ReportKind, KindCounts> & {
  format: ImportFormat;
  tagsCreated: number;
  /** Created users whose role in the file (moderator, admin) was not applied: see importRoles. */
  rolesIgnored: number;
  /** Created original entries that had no created_at and were dated at import. */
  undated: number;
  /** Anonymous votes of the original on the created entries (not users' votes). */
  anonymousVotes: { entries: number; up: number; down: number };
  /** What the original's database holds that has no place here. */
  unmapped: UnmappedData[];
  problems: ImportProblem[];
};

export interface ImportOptions {
  /**
   * Give created users the role the file lists. Off by default: anyone can write a file that
   * makes its users admins, so roles come in only when the person importing says so.
   */
  importRoles?: boolean;
  /** The date given to original entries without created_at; the time of the import by default. */
  now?: Date;
}

/** What an import reads, whatever the file was. */
export interface ImportDocument {
  format: ImportFormat;
  users: unknown[];
  entries: unknown[];
  /** The original database's row ids, by position in entries, to name rows in the report. */
  rowIds?: number[];
  /** Entries refused before they were read (too large), by position, with the reason. */
  refused?: Map<number, string>;
  unmapped?: UnmappedData[];
}

interface Candidate {
  index: number;
  entry: ExportedEntry;
  /** Our exports are matched by slug; original entries by originalIdentity of their first revision. */
  identity: "slug" | "original";
  /** False for an original entry without created_at, dated at import. */
  dated: boolean;
}

function readDocument(text: string): ImportDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(json)) return { format: "hivebrain-original", users: [], entries: json };
  if (typeof json === "object" && json !== null && (json as { format?: unknown }).format === EXPORT_FORMAT) {
    const envelope = exportEnvelopeSchema.safeParse(json);
    if (!envelope.success)
      throw new ImportFileError(`The file is not a valid HiveBrain export: ${describeZodError(envelope.error)}`);
    return { format: "hivebrain-export", users: envelope.data.users, entries: envelope.data.entries };
  }
  throw new ImportFileError(
    `The file is not in a known format: expected a HiveBrain export (an object with "format": "${EXPORT_FORMAT}") or the original HiveBrain's entry export (a JSON array of entries).`,
  );
}

function itemTitle(item: unknown): string {
  const record = (typeof item === "object" && item !== null ? item : {}) as {
    title?: unknown;
    slug?: unknown;
    handle?: unknown;
    content?: { title?: unknown };
  };
  const title = record.content?.title ?? record.title ?? record.slug ?? record.handle;
  return typeof title === "string" ? title : "(untitled)";
}

/** The revisions to write, oldest first; a file without revisions gets its content as revision 0. */
function revisionsOf(entry: ExportedEntry): ExportedRevision[] {
  if (entry.revisions.length === 0) {
    return [
      {
        number: 0,
        status: "accepted",
        summary: "Original submission",
        author: entry.author,
        reviewer: null,
        reviewNote: null,
        reviewedAt: null,
        baseRevision: null,
        createdAt: entry.createdAt,
        content: entry.content,
      },
    ];
  }
  return [...entry.revisions].sort((a, b) => a.number - b.number);
}

/** The entry shows its latest accepted revision. */
function shownContent(entry: ExportedEntry) {
  const shown = revisionsOf(entry)
    .filter((revision) => revision.status === "accepted")
    .at(-1);
  // The format check refuses entries without an accepted revision.
  if (!shown) throw new Error("an exported entry has no accepted revision");
  return shown.content;
}

function emptyReport(format: ImportFormat): ImportReport {
  const counts = () => ({ created: 0, present: 0, invalid: 0 });
  return {
    format,
    users: counts(),
    entries: counts(),
    revisions: counts(),
    statusChanges: counts(),
    votes: counts(),
    tagsCreated: 0,
    rolesIgnored: 0,
    undated: 0,
    anonymousVotes: { entries: 0, up: 0, down: 0 },
    unmapped: [],
    problems: [],
  };
}

function countEntry(report: ImportReport, { entry, dated }: Candidate, outcome: keyof KindCounts) {
  report.entries[outcome]++;
  if (outcome === "created") {
    if (!dated) report.undated++;
    if (entry.importedUpvotes > 0 || entry.importedDownvotes > 0) report.anonymousVotes.entries++;
    report.anonymousVotes.up += entry.importedUpvotes;
    report.anonymousVotes.down += entry.importedDownvotes;
  }
  report.revisions[outcome] += revisionsOf(entry).length;
  report.statusChanges[outcome] += entry.statusChanges.length;
  report.votes[outcome] += entry.votes.length;
}

/** Reports an entry that is not written, counting what it carried as invalid. */
function rejectEntry(report: ImportReport, index: number, item: unknown, message: string) {
  const raw = (typeof item === "object" && item !== null ? item : {}) as {
    revisions?: unknown;
    statusChanges?: unknown;
    votes?: unknown;
  };
  const length = (list: unknown, otherwise: number) => (Array.isArray(list) ? list.length : otherwise);
  report.problems.push({ kind: "entries", index, title: itemTitle(item), message });
  report.entries.invalid++;
  report.revisions.invalid += length(raw.revisions, 1) || 1;
  report.statusChanges.invalid += length(raw.statusChanges, 0);
  report.votes.invalid += length(raw.votes, 0);
}

/** Parses and validates every entry; invalid ones are reported and left out. */
async function checkEntries({
  db,
  document,
  report,
  importedAt,
}: {
  db: Db;
  document: ImportDocument;
  report: ImportReport;
  importedAt: Date;
}): Promise<Candidate[]> {
  const { format, entries: items, refused } = document;
  const original = format !== "hivebrain-export";
  const parsed: Candidate[] = [];
  const slugs = new Set<string>();
  for (const [index, item] of items.entries()) {
    const refusal = refused?.get(index);
    if (refusal !== undefined) {
      rejectEntry(report, index, item, refusal);
      continue;
    }
    let input: unknown = item;
    let dated = true;
    if (original) {
      const mapped = mapOriginalEntry(item, { importedAt });
      if (!mapped.ok) {
        rejectEntry(report, index, item, mapped.message);
        continue;
      }
      input = mapped.entry;
      dated = mapped.dated;
    }
    const result = exportedEntrySchema.safeParse(input);
    if (!result.success)
      rejectEntry(
        report,
        index,
        item,
        original ? describeOriginalContentError(result.error) : describeZodError(result.error),
      );
    else if (!original && slugs.has(result.data.slug))
      rejectEntry(report, index, item, `The slug "${result.data.slug}" appears twice in the file.`);
    else {
      slugs.add(result.data.slug);
      parsed.push({ index, entry: result.data, identity: original ? "original" : "slug", dated });
    }
  }
  // Decision trees may link to entries later in the same file.
  const candidates: Candidate[] = [];
  for (const candidate of parsed) {
    const checked = await validateEntryContent({
      db,
      input: shownContent(candidate.entry),
      selfSlug: candidate.entry.slug,
      upcomingSlugs: slugs,
    });
    if (checked.ok) candidates.push(candidate);
    else {
      const message = Object.entries(checked.fieldErrors)
        .map(([field, messages]) => `${field}: ${messages?.join(" ")}`)
        .join("; ");
      rejectEntry(report, candidate.index, items[candidate.index], message);
    }
  }
  return candidates;
}

function handlesOf(entry: ExportedEntry): string[] {
  return [
    entry.author,
    ...entry.revisions.flatMap((revision) => [revision.author, revision.reviewer]),
    ...entry.statusChanges.map((change) => change.actor),
    ...entry.votes.map((vote) => vote.voter),
  ].filter((handle): handle is string => handle !== null);
}

/**
 * Creates the listed users and any user an entry names that does not exist yet. Imported users
 * have no password and no email: they cannot sign in until an admin sets a password. They are
 * plain users unless importRoles is set; users already present keep their role either way.
 */
async function importUsers({
  db,
  items,
  candidates,
  report,
  importRoles,
}: {
  db: Db;
  items: unknown[];
  candidates: Candidate[];
  report: ImportReport;
  importRoles: boolean;
}): Promise<Map<string, string>> {
  const wanted = new Map<string, ExportedUser | null>();
  for (const [index, item] of items.entries()) {
    const result = exportedUserSchema.safeParse(item);
    if (!result.success) {
      report.users.invalid++;
      report.problems.push({ kind: "users", index, title: itemTitle(item), message: describeZodError(result.error) });
    } else wanted.set(result.data.handle, result.data);
  }
  for (const handle of candidates.flatMap((candidate) => handlesOf(candidate.entry)))
    if (!wanted.has(handle)) wanted.set(handle, null);

  const ids = new Map<string, string>();
  const handles = [...wanted.keys()];
  // In pages, to stay below SQLite's limit on query parameters.
  for (let start = 0; start < handles.length; start += 500) {
    const existing = await db.user.findMany({
      where: { handle: { in: handles.slice(start, start + 500) } },
      select: { id: true, handle: true },
    });
    for (const user of existing) ids.set(user.handle, user.id);
  }
  for (const [handle, listed] of wanted) {
    if (ids.has(handle)) {
      if (listed) report.users.present++;
      continue;
    }
    const listedRole = listed?.role ?? "user";
    const user = await db.user.upsert({
      where: { handle },
      create: {
        handle,
        name: listed?.name ?? null,
        role: importRoles ? listedRole : "user",
        createdAt: listed?.createdAt,
      },
      update: {},
      select: { id: true },
    });
    ids.set(handle, user.id);
    report.users.created++;
    if (!importRoles && listedRole !== "user") report.rolesIgnored++;
  }
  return ids;
}

/** The content an original entry is first imported with: its revision 0, which the mapping always writes. */
function submittedContent(entry: ExportedEntry) {
  const first = revisionsOf(entry)[0];
  if (!first) throw new Error("an original entry has no revision 0");
  return first.content;
}

/**
 * The identities (title and problem) of the original entries already here. Revision 0 keeps
 * the title and problem an entry was submitted with, however it is edited later.
 */
async function presentOriginals(db: Db, candidates: Candidate[]): Promise<Set<string>> {
  const titles = [...new Set(candidates.map((candidate) => submittedContent(candidate.entry).title))];
  const present = new Set<string>();
  // In pages, to stay below SQLite's limit on query parameters.
  for (let start = 0; start < titles.length; start += 500) {
    const rows = await db.revision.findMany({
      where: { number: 0, title: { in: titles.slice(start, start + 500) } },
      select: { title: true, problem: true },
    });
    for (const row of rows) present.add(originalIdentity(row));
  }
  return present;
}

/** The entry this candidate of a HiveBrain export already is in the database, or a reason it cannot be imported. */
async function findExisting(db: Db, { entry }: Candidate): Promise<"present" | "absent" | { conflict: string }> {
  const existing = await db.entry.findUnique({ where: { slug: entry.slug }, select: { createdAt: true } });
  if (!existing) return "absent";
  if (existing.createdAt.getTime() === entry.createdAt.getTime()) return "present";
  return {
    conflict: `The slug "${entry.slug}" belongs to a different entry here (created ${existing.createdAt.toISOString()}, not ${entry.createdAt.toISOString()}).`,
  };
}

async function writeEntry({
  db,
  entry,
  slug,
  userIds,
}: {
  db: Db;
  entry: ExportedEntry;
  slug: string;
  userIds: Map<string, string>;
}) {
  const idOf = (handle: string | null) => (handle === null ? null : (userIds.get(handle) ?? null));
  // Every handle the file names was created or matched before its entries are written.
  const voterId = (handle: string) => {
    const id = userIds.get(handle);
    if (!id) throw new Error(`the import has no user @${handle}`);
    return id;
  };
  const revisions = revisionsOf(entry);
  const counters = {
    // As lib/votes.ts keeps it: users' votes plus the net of the imported anonymous ones.
    score: entry.votes.reduce((sum, vote) => sum + vote.value, 0) + entry.importedUpvotes - entry.importedDownvotes,
    importedUpvotes: entry.importedUpvotes,
    importedDownvotes: entry.importedDownvotes,
    viewCount: entry.viewCount,
    revisionCount: revisions.filter((revision) => revision.status === "accepted" && revision.number > 0).length,
  };
  await db.$transaction(
    async (tx) => {
      const created = await insertEntry({
        tx,
        content: shownContent(entry),
        slug,
        status: entry.status,
        authorId: idOf(entry.author),
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        counters,
      });
      const idByNumber = new Map<number, string>();
      for (const revision of revisions) {
        const row = await tx.revision.create({
          data: {
            entryId: created.id,
            number: revision.number,
            status: revision.status,
            summary: revision.summary,
            authorId: idOf(revision.author),
            reviewerId: idOf(revision.reviewer),
            reviewNote: revision.reviewNote,
            reviewedAt: revision.reviewedAt,
            baseRevisionId: revision.baseRevision === null ? null : idByNumber.get(revision.baseRevision),
            createdAt: revision.createdAt,
            ...revisionSnapshot(revision.content),
          },
          select: { id: true },
        });
        idByNumber.set(revision.number, row.id);
      }
      await tx.statusChange.createMany({
        data: entry.statusChanges.map((change) => ({
          entryId: created.id,
          fromStatus: change.fromStatus,
          toStatus: change.toStatus,
          reason: change.reason,
          actorId: idOf(change.actor),
          createdAt: change.createdAt,
        })),
      });
      await tx.vote.createMany({
        data: entry.votes.map((vote) => ({
          entryId: created.id,
          userId: voterId(vote.voter),
          value: vote.value,
          createdAt: vote.createdAt,
          updatedAt: vote.updatedAt,
        })),
      });
    },
    { timeout: 60_000 },
  );
}

/** Imports the text of an export file. Throws ImportFileError when the file as a whole is unusable. */
export async function importText({
  text,
  ...options
}: { db: Db; text: string } & ImportOptions): Promise<ImportReport> {
  return importDocument({ ...options, document: readDocument(text) });
}

/** Imports what was read from a file (importText, lib/porting/import-file.ts). */
export async function importDocument({
  db,
  document,
  importRoles = false,
  now = new Date(),
}: { db: Db; document: ImportDocument } & ImportOptions): Promise<ImportReport> {
  const report = emptyReport(document.format);
  report.unmapped = document.unmapped ?? [];
  const candidates = await checkEntries({ db, document, report, importedAt: now });
  const absent: Candidate[] = [];
  const originals = await presentOriginals(
    db,
    candidates.filter((candidate) => candidate.identity === "original"),
  );
  for (const candidate of candidates) {
    if (candidate.identity === "original") {
      // Also skips an entry that appears twice in the file: the second is present by then.
      const identity = originalIdentity(submittedContent(candidate.entry));
      if (originals.has(identity)) countEntry(report, candidate, "present");
      else {
        originals.add(identity);
        absent.push(candidate);
      }
      continue;
    }
    const existing = await findExisting(db, candidate);
    if (existing === "present") countEntry(report, candidate, "present");
    else if (existing === "absent") absent.push(candidate);
    else rejectEntry(report, candidate.index, document.entries[candidate.index], existing.conflict);
  }
  const userIds = await importUsers({ db, items: document.users, candidates: absent, report, importRoles });
  const tagsBefore = await db.tag.count();

  for (const candidate of absent) {
    const slug =
      candidate.identity === "slug"
        ? candidate.entry.slug
        : await uniqueSlug({ db, title: candidate.entry.content.title });
    try {
      await writeEntry({ db, entry: candidate.entry, slug, userIds });
      countEntry(report, candidate, "created");
    } catch (error) {
      // Another writer took the slug meanwhile: a problem of this entry. Anything else is not.
      if (!isUniqueViolation(error)) throw error;
      rejectEntry(
        report,
        candidate.index,
        document.entries[candidate.index],
        `The slug "${slug}" was taken while importing; run the import again.`,
      );
    }
  }
  report.tagsCreated = (await db.tag.count()) - tagsBefore;
  if (document.rowIds)
    for (const problem of report.problems)
      if (problem.kind === "entries") problem.rowId = document.rowIds[problem.index];
  report.problems.sort((a, b) => a.kind.localeCompare(b.kind) || a.index - b.index);
  return report;
}
