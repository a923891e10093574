// HiveBrain's export format, version 1: one JSON document with every user (by handle) and every
// entry with its revisions, status changes and votes. Users are referenced by handle, never by
// id, so a file can move between instances and between SQLite and PostgreSQL.
// The format is documented in README.md ("Import and export"); change EXPORT_VERSION when a
// change would make an older importer misread a file.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { type EntryContent, entryContentSchema } from "@/lib/entries/schema";
import { STATUSES } from "@/lib/entries/taxonomy";
import { normalizeVerification } from "@/lib/entries/verification";
import { REVISION_STATUSES } from "@/lib/revisions/snapshots";
import { HANDLE_PATTERN } from "@/lib/users";

export const EXPORT_FORMAT = "hivebrain-export";
export const EXPORT_VERSION = 1;

const date = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 date and time, e.g. 2026-04-20T12:00:00.000Z." })
  .transform((value) => new Date(value));
const handle = z.string().regex(HANDLE_PATTERN, "Not a valid user handle.");
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Slugs are lower-case letters and digits separated by single hyphens.")
  .max(80)
  .refine((value) => value !== "new", 'The slug "new" is reserved.');

export const exportedUserSchema = z.object({
  handle,
  name: z.string().max(100).nullable().default(null),
  role: z.enum(ROLES).default("user"),
  createdAt: date,
});

const text = z.string().max(100_000);
const textList = z.array(z.string().max(100_000)).max(1_000);

/**
 * A snapshot as stored. Content rules tighten over time, and an old or rejected revision that
 * breaks today's rules is still history worth keeping; so a snapshot that fails the content
 * schema is accepted when it has the right shape. The entry's shown content (its latest
 * accepted revision) is always held to today's rules, decision trees included.
 */
const storedSnapshotSchema = z
  .object({
    title: text,
    category: z.string().max(40),
    language: z.string().max(40).nullable(),
    framework: z.string().max(40).nullable(),
    severity: z.string().max(40),
    tags: textList,
    problem: text,
    solution: text,
    why: text.default(""),
    context: text.default(""),
    gotchas: textList.default([]),
    errorMessages: textList.default([]),
    verifiedWith: z
      .array(
        z.object({
          subject: z.string().max(1_000),
          version: z.string().max(1_000),
          date: z.string().max(100),
          by: z.string().max(1_000).nullable().optional(),
        }),
      )
      .max(100)
      .default([])
      .transform((items) => items.map(normalizeVerification)),
  })
  .transform((snapshot) => snapshot as EntryContent);

export const exportedRevisionSchema = z.object({
  number: z.int().min(0),
  status: z.enum(REVISION_STATUSES),
  summary: z.string().max(500).default(""),
  author: handle.nullable().default(null),
  reviewer: handle.nullable().default(null),
  reviewNote: z.string().max(5_000).nullable().default(null),
  reviewedAt: date.nullable().default(null),
  /** The number of the revision the editor started from. */
  baseRevision: z.int().min(0).nullable().default(null),
  createdAt: date,
  content: z.union([entryContentSchema, storedSnapshotSchema]),
});

export const exportedStatusChangeSchema = z.object({
  fromStatus: z.enum(STATUSES),
  toStatus: z.enum(STATUSES),
  reason: z.string().max(5_000).default(""),
  actor: handle.nullable().default(null),
  createdAt: date,
});

export const exportedVoteSchema = z.object({
  voter: handle,
  value: z.union([z.literal(1), z.literal(-1)], { error: "A vote is 1 or -1." }),
  createdAt: date,
  updatedAt: date,
});

export const exportedEntrySchema = z
  .object({
    slug,
    status: z.enum(STATUSES),
    author: handle.nullable().default(null),
    createdAt: date,
    updatedAt: date,
    viewCount: z.int().min(0).default(0),
    /** Anonymous votes from the original HiveBrain: counts without voters, part of the score. */
    importedUpvotes: z.int().min(0).default(0),
    importedDownvotes: z.int().min(0).default(0),
    /** Informational: the importer recomputes it from the votes and the imported counts. */
    score: z.int().optional(),
    /** Informational: the importer recomputes it from the revisions. */
    revisionCount: z.int().min(0).optional(),
    /** The shown content. The importer shows the latest accepted revision instead when there are revisions. */
    content: entryContentSchema,
    revisions: z.array(exportedRevisionSchema).default([]),
    statusChanges: z.array(exportedStatusChangeSchema).default([]),
    votes: z.array(exportedVoteSchema).default([]),
  })
  .superRefine((entry, ctx) => {
    const numbers = new Set<number>();
    for (const [index, revision] of entry.revisions.entries()) {
      if (numbers.has(revision.number))
        ctx.addIssue({
          code: "custom",
          path: ["revisions", index, "number"],
          message: `Revision ${revision.number} appears twice.`,
        });
      numbers.add(revision.number);
      if (
        revision.baseRevision !== null &&
        (revision.baseRevision >= revision.number ||
          !entry.revisions.some((other) => other.number === revision.baseRevision))
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["revisions", index, "baseRevision"],
          message: `Revision ${revision.number} starts from revision ${revision.baseRevision}, which is not an earlier revision of this entry.`,
        });
      }
    }
    if (
      entry.revisions.length > 0 &&
      !entry.revisions.some((revision) => revision.number === 0 && revision.status === "accepted")
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["revisions"],
        message: "The original submission (an accepted revision 0) is missing.",
      });
    }
    const voters = new Set<string>();
    for (const [index, vote] of entry.votes.entries()) {
      if (voters.has(vote.voter))
        ctx.addIssue({ code: "custom", path: ["votes", index, "voter"], message: `@${vote.voter} voted twice.` });
      voters.add(vote.voter);
    }
  });

/** The envelope only: users and entries are validated one by one, so one bad item does not sink the file. */
export const exportEnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION, {
    error: (issue) =>
      `Version ${JSON.stringify(issue.input)} is not supported; this HiveBrain reads version ${EXPORT_VERSION}.`,
  }),
  exportedAt: z.string().optional(),
  users: z.array(z.unknown()).default([]),
  entries: z.array(z.unknown()),
});

export type ExportedUser = z.output<typeof exportedUserSchema>;
export type ExportedEntry = z.output<typeof exportedEntrySchema>;
export type ExportedRevision = z.output<typeof exportedRevisionSchema>;

/** What `exportDatabase` writes: dates as ISO strings, content as the app shows it. */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  users: z.input<typeof exportedUserSchema>[];
  entries: ExportedEntryJson[];
}

type ExportedEntryJson = z.input<typeof exportedEntrySchema> &
  Required<Pick<z.input<typeof exportedEntrySchema>, "revisions" | "statusChanges" | "votes">>;

/** One line per problem: "revisions.1.content.title: Title must be at least 8 characters." */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
