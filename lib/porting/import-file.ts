// What `npm run import -- <file>` reads: the original HiveBrain's SQLite database (told by the
// file's first bytes, not its name), or a JSON file (a HiveBrain export, or the original's
// entries as in its db/batch-*.json files).
import "server-only";
import fs from "node:fs";
import type { Db } from "@/lib/db";
import { isSqliteHeader, readOriginalDatabase } from "@/lib/porting/hivebrain-v0-sqlite";
import {
  ImportFileError,
  type ImportOptions,
  type ImportReport,
  importDocument,
  importText,
} from "@/lib/porting/import";

/** JSON is parsed whole, in memory; a larger file is refused before it is read. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

function readHead(path: string, length: number): Buffer {
  const file = fs.openSync(path, "r");
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, fs.readSync(file, head, 0, length, 0));
  } finally {
    fs.closeSync(file);
  }
}

/** The first character that is not a byte order mark or white space, if the head has one. */
function firstCharacter(head: Buffer): string | undefined {
  return head
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()[0];
}

/** Imports the file at `path`. Throws ImportFileError when the file as a whole is unusable. */
export async function importFile({
  path,
  ...options
}: { db: Db; path: string } & ImportOptions): Promise<ImportReport> {
  let head: Buffer;
  let size: number;
  try {
    size = fs.statSync(path).size;
    head = readHead(path, 4096);
  } catch (error) {
    throw new ImportFileError(`Cannot read the file: ${(error as Error).message}`);
  }
  if (isSqliteHeader(head)) {
    const database = readOriginalDatabase(path);
    return importDocument({
      ...options,
      document: { format: "hivebrain-original-sqlite", users: [], ...database },
    });
  }
  if (size === 0) throw new ImportFileError("The file is empty.");
  const first = firstCharacter(head);
  if (first !== undefined && first !== "[" && first !== "{")
    throw new ImportFileError(
      "The file is neither a SQLite database nor JSON: expected the original HiveBrain's database (hivebrain.db), a JSON array of its entries (db/batch-*.json) or a HiveBrain export (npm run export).",
    );
  if (size > MAX_JSON_BYTES)
    throw new ImportFileError(
      `The file has ${size.toLocaleString("en")} bytes; a JSON import reads at most ${MAX_JSON_BYTES.toLocaleString("en")}. Split it into several files.`,
    );
  const text = fs.readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return importText({ ...options, text });
}
