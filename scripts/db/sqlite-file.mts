// The SQLite database holds password hashes, emails and token hashes: only the user the app
// runs as may read it, its folder or its logs. (lib/auth/secret.ts keeps data/ private the same way.)
import fs from "node:fs";
import path from "node:path";

/** Creates `dir` and any missing parents as 0700. A folder that already exists is left as it is. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Makes the SQLite database at `file` private before SQLite opens it: its folder is created
 * 0700, the file is created empty as 0600 (SQLite gives its -wal, -shm and -journal files the
 * database file's mode), and an existing database or companion file that others may read is
 * narrowed to 0600.
 */
export function prepareSqliteFile(file: string): void {
  if (file === ":memory:") return;
  makePrivateDir(path.dirname(file));
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    try {
      if (fs.statSync(`${file}${suffix}`).mode & 0o077) fs.chmodSync(`${file}${suffix}`, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
