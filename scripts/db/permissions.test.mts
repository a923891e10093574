// Issue 14, item 10: the SQLite database holds password hashes, emails and token hashes; only
// the user the app runs as may read it, its folder or its write-ahead log.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "./migrate.mts";
import { resetDatabase } from "./reset.mts";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("a SQLite database created by the project's scripts", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hivebrain-perms-"));
    fs.chmodSync(root, 0o755); // like any ordinary parent folder
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("lives in a 0700 folder as a 0600 file, and so do its -wal and -shm", async () => {
    const folder = path.join(root, "data", "nested");
    const file = path.join(folder, "fresh.db");
    await resetDatabase(`file:${file}`);
    expect(modeOf(path.join(root, "data")).toString(8)).toBe("700");
    expect(modeOf(folder).toString(8)).toBe("700");
    expect(modeOf(file).toString(8)).toBe("600");

    // SQLite creates the log files while a connection writes; they must be as private.
    const sqlite = new Database(file);
    try {
      sqlite.exec("CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (1);");
      for (const suffix of ["-wal", "-shm"]) expect(modeOf(`${file}${suffix}`).toString(8), suffix).toBe("600");
    } finally {
      sqlite.close();
    }
  });

  it("narrows an existing database that others could read", async () => {
    const file = path.join(root, "old.db");
    await migrate(`file:${file}`);
    fs.chmodSync(file, 0o644);
    await migrate(`file:${file}`);
    expect(modeOf(file).toString(8)).toBe("600");
    // The folder was there before: it is left as it was.
    expect(modeOf(root).toString(8)).toBe("755");
  });
});
