// Reads the original HiveBrain's SQLite database (its db/hivebrain.db), read-only, as entries for
// the importer: each row of its `entries` table in the shape mapOriginalEntry maps, and a list
// of what has no place here (other tables, other columns of `entries`) with row counts.
import "server-only";
import Database from "better-sqlite3";
import { ImportFileError } from "@/lib/porting/import";

const HEADER = Buffer.from("SQLite format 3\0", "latin1");

/** Whether a file starts with SQLite's header ("SQLite format 3" and a NUL byte), whatever its name. */
export function isSqliteHeader(head: Buffer): boolean {
  return head.subarray(0, HEADER.length).equals(HEADER);
}

/** Columns of its `entries` table that mapOriginalEntry maps; the others are reported as unmapped. */
const MAPPED_COLUMNS = [
  "title",
  "category",
  "tags",
  "problem",
  "solution",
  "why",
  "gotchas",
  "learned_from",
  "submitted_by",
  "created_at",
  "upvotes",
  "downvotes",
  "view_count",
  "language",
  "framework",
  "environment",
  "error_messages",
  "keywords",
  "severity",
  "context",
  "code_snippets",
  "version_info",
] as const;
const REQUIRED_COLUMNS = ["id", "title", "category", "problem", "solution"];

// Far above what an entry may hold (30,000 characters of content); a larger row is refused
// before it is read into memory.
export const MAX_ROW_CHARACTERS = 1_000_000;
export const MAX_TOTAL_CHARACTERS = 256 * 1024 * 1024;

// Why some of its tables have no place here (others are listed without a note).
const TABLE_NOTES: Record<string, string> = {
  entry_votes: "single anonymous votes with voter IP and name; their totals come in as each entry's imported votes",
  analytics_views: "single page views; their total comes in as each entry's view count",
  analytics_searches: "search log",
  entry_revisions: "edit proposals in a free-form shape",
  retrieval_traces: "agents' outcome reports; outcomes here belong to an API token",
  usage_contexts: "notes on how an entry helped",
  solution_verifications: "verification notes",
  accounts: "accounts with emails; HiveBrain users are created by an admin",
};

export interface UnmappedData {
  table: string;
  /** null: the whole table. */
  column: string | null;
  /** Rows of the table; for a column, the rows holding something other than its default. */
  rows: number;
  note: string | null;
}

export interface OriginalDatabase {
  /** Rows of `entries` by id, in the shape mapOriginalEntry reads (JSON lists as stored text). */
  entries: Record<string, unknown>[];
  /** The original's id of each row, by position. */
  rowIds: number[];
  /** Rows refused before reading them, by position, with the reason. */
  refused: Map<number, string>;
  unmapped: UnmappedData[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A column's declared default when it is a plain literal ('fresh', 0, 0.5), else undefined. */
function literalDefault(sql: string | null): string | number | undefined {
  if (sql === null) return undefined;
  const text = sql.trim().replace(/^\((.*)\)$/, "$1");
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replaceAll("''", "'");
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

function readUnmapped(sqlite: Database.Database, entryColumns: { name: string; dflt_value: string | null }[]) {
  const unmapped: UnmappedData[] = [];
  const count = (sql: string, ...params: unknown[]) =>
    Number(
      sqlite
        .prepare(sql)
        .pluck()
        .get(...params) ?? 0,
    );

  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  // Full-text indexes (virtual tables and the tables behind them) are derived from entries.
  const virtual = tables.filter((table) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(table.sql ?? "")).map((t) => t.name);
  const derived = (name: string) =>
    name.startsWith("sqlite_") || virtual.some((table) => name === table || name.startsWith(`${table}_`));
  for (const { name } of tables) {
    if (name === "entries" || derived(name)) continue;
    const rows = count(`SELECT count(*) FROM ${quote(name)}`);
    if (rows > 0) unmapped.push({ table: name, column: null, rows, note: TABLE_NOTES[name] ?? null });
  }

  for (const column of entryColumns) {
    if (column.name === "id" || (MAPPED_COLUMNS as readonly string[]).includes(column.name)) continue;
    const name = quote(column.name);
    const fallback = literalDefault(column.dflt_value);
    const rows = count(
      `SELECT count(*) FROM entries WHERE ${name} IS NOT NULL AND ${name} NOT IN ('', '[]', '{}', 0)${
        fallback === undefined ? "" : ` AND ${name} IS NOT ?`
      }`,
      ...(fallback === undefined ? [] : [fallback]),
    );
    if (rows > 0) unmapped.push({ table: "entries", column: column.name, rows, note: null });
  }
  return unmapped;
}

/**
 * Reads the original's database at `path` without changing it. Throws ImportFileError when it
 * cannot be read or is not the original HiveBrain's (no `entries` table with its columns).
 */
export function readOriginalDatabase(path: string): OriginalDatabase {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ImportFileError(`Cannot open the SQLite database: ${(error as Error).message}`);
  }
  try {
    const entryColumns = sqlite.prepare("SELECT name, dflt_value FROM pragma_table_info('entries')").all() as {
      name: string;
      dflt_value: string | null;
    }[];
    const names = new Set(entryColumns.map((column) => column.name));
    const missing = REQUIRED_COLUMNS.filter((column) => !names.has(column));
    if (missing.length > 0)
      throw new ImportFileError(
        names.size === 0
          ? "The SQLite database is not the original HiveBrain's: it has no entries table."
          : `The SQLite database is not the original HiveBrain's: its entries table lacks ${missing.join(", ")}.`,
      );

    const columns = MAPPED_COLUMNS.filter((column) => names.has(column));
    const size = columns.map((column) => `coalesce(length(${quote(column)}), 0)`).join(" + ");
    const total = sqlite
      .prepare(`SELECT coalesce(sum(size), 0) FROM (SELECT ${size} AS size FROM entries) WHERE size <= ?`)
      .pluck()
      .get(MAX_ROW_CHARACTERS) as number;
    if (total > MAX_TOTAL_CHARACTERS)
      throw new ImportFileError(
        `The database's entries hold ${total.toLocaleString("en")} characters; an import reads at most ${MAX_TOTAL_CHARACTERS.toLocaleString("en")}.`,
      );

    // An oversized row comes back as its id, size and the start of its title only.
    const select = columns
      .map((column) =>
        column === "title"
          ? "CASE WHEN import_row_size <= @max THEN title ELSE substr(title, 1, 150) END AS title"
          : `CASE WHEN import_row_size <= @max THEN ${quote(column)} END AS ${quote(column)}`,
      )
      .join(", ");
    const rows = sqlite
      .prepare(
        `SELECT id, import_row_size AS size, ${select} FROM (SELECT *, ${size} AS import_row_size FROM entries) ORDER BY id`,
      )
      .all({ max: MAX_ROW_CHARACTERS }) as ({ id: number; size: number } & Record<string, unknown>)[];

    const refused = new Map<number, string>();
    const entries = rows.map(({ id: _id, size: rowSize, ...row }, index) => {
      if (rowSize > MAX_ROW_CHARACTERS)
        refused.set(
          index,
          `The row holds ${rowSize.toLocaleString("en")} characters; an entry may have at most ${MAX_ROW_CHARACTERS.toLocaleString("en")} here.`,
        );
      return row;
    });
    return { entries, rowIds: rows.map((row) => row.id), refused, unmapped: readUnmapped(sqlite, entryColumns) };
  } catch (error) {
    if (error instanceof Database.SqliteError)
      throw new ImportFileError(`Cannot read the SQLite database: ${error.message}`);
    throw error;
  } finally {
    sqlite.close();
  }
}
