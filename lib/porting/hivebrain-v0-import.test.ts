// Importing the original HiveBrain: its batch files (entries without created_at) and its SQLite
// database, into both databases, and through `npm run import`. The fixtures are written here in
// the original's shapes (lib/test/hivebrain-v0-db.ts builds its database).
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { getEntryBySlug } from "@/lib/entries/get-entry";
import { ImportFileError, importText } from "@/lib/porting/import";
import { importFile } from "@/lib/porting/import-file";
import { formatImportReport } from "@/lib/porting/report";
import { describeEachDatabase } from "@/lib/test/db-suite";
import { writeOriginalDatabase } from "@/lib/test/hivebrain-v0-db";
import { voteOnEntry } from "@/lib/votes";
import { resetDatabase } from "@/scripts/db/reset.mts";

const run = Date.now().toString(36);
let counter = 0;
const unique = (title: string) => `${title} (${run}-${++counter})`;
const NOW = new Date("2026-11-30T12:00:00.000Z");
const files: string[] = [];
/** A path under data/ that the test removes afterwards, with SQLite's side files. */
function scratchFile(name: string): string {
  const file = `data/test-original-${name}-${run}-${++counter}`;
  files.push(file);
  return file;
}
function removeFiles() {
  for (const file of files.splice(0))
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Entries as in the original's db/batch-*.json files: no created_at, no counters. */
function batchEntries() {
  const lockfile = {
    title: unique("npm ci fails when the lockfile lags behind package.json"),
    category: "debug",
    tags: ["npm", "ci", "lockfile"],
    problem: "After a dependency version is edited by hand in package.json, npm ci stops in CI and installs nothing.",
    solution: "Run `npm install` locally so that it rewrites package-lock.json, and commit both files together.",
    why: "npm ci installs exactly what the lockfile lists and refuses to start when the two files disagree.",
    gotchas: ["Different npm major versions write different lockfile formats."],
    language: "javascript",
    framework: null,
    environment: ["ci-cd"],
    error_messages: [
      "npm ERR! `npm ci` can only install packages when your package.json and package-lock.json are in sync",
    ],
    keywords: ["lockfile", "npm ci"],
    severity: "major",
    context: "CI pipelines that install with npm ci",
    code_snippets: [],
    version_info: "npm 7 and later",
  };
  const naming = {
    title: unique("Name a boolean after the question it answers"),
    category: "principle",
    tags: ["naming", "readability"],
    problem: "Flags called `flag`, `status` or `check` make every condition that reads them ambiguous.",
    solution: "Use `isReady`, `hasChildren`, `shouldRetry`: the name reads as the question the value answers.",
    why: "A condition then reads as a sentence, and an inverted check stands out.",
    gotchas: [],
    language: null,
    framework: null,
    environment: [],
    error_messages: [],
    keywords: ["naming"],
    severity: "tip",
    context: null,
    code_snippets: [{ lang: "ts", code: "if (isReady && !hasErrors) start();", description: "Reads as a sentence" }],
    version_info: null,
  };
  // The same entry again, its white space changed: still the same title and problem.
  const again = {
    ...lockfile,
    title: `  ${lockfile.title} `,
    problem: lockfile.problem.replace(" is edited", "\n  is edited"),
  };
  return [lockfile, naming, again];
}

const TOO_LONG = 1_000_001;

/** Rows of the original's `entries` table and its logs: two good entries, three it cannot import. */
function originalRows() {
  const subprocess = {
    title: unique("subprocess.run hangs when the child fills its output pipe"),
    category: "gotcha",
    tags: JSON.stringify(["python", "subprocess"]),
    problem: "A child process writes a lot to stdout while the parent waits for it, and both wait forever.",
    solution: "Use `subprocess.run(..., capture_output=True)` or `communicate()`, which read the pipes while waiting.",
    why: "A pipe's buffer is finite: the child blocks writing while the parent blocks in wait().",
    gotchas: JSON.stringify(["Popen.wait() has the same problem with stdout=PIPE."]),
    submitted_by: "seed",
    created_at: 1767225600, // 2026-01-01T00:00:00Z, as its unixepoch() stores it
    upvotes: 5,
    downvotes: 1,
    view_count: 42,
    usage_count: 3,
    quality_status: "verified",
    related_entries: "[2]",
    language: "python",
    environment: JSON.stringify(["linux"]),
    error_messages: "[]",
    keywords: JSON.stringify(["deadlock", "pipe"]),
    severity: "major",
    context: "Scripts that run other programs",
    code_snippets: JSON.stringify([{ lang: "python", code: "subprocess.run(cmd, capture_output=True)" }]),
    version_info: "Python 3.7+",
  };
  const early = {
    title: unique("Return early instead of nesting the happy path"),
    category: "principle",
    tags: JSON.stringify(["readability"]),
    problem: "Functions whose main path sits four conditions deep are hard to follow and to change.",
    solution: "Check the failure cases first and return; the main path then runs at the top level.",
    created_at: 1767312000, // 2026-01-02T00:00:00Z
    upvotes: 0,
    downvotes: 2,
    view_count: null, // rows from before the column existed
    severity: "tip",
  };
  const base = { category: "pattern", problem: "A problem.", solution: "A solution.", created_at: 1767398400 };
  return {
    entries: [
      subprocess,
      early,
      { ...base, title: "Tiny" },
      { ...base, title: unique("Tags that are not JSON"), tags: "python, testing" },
      { ...base, title: unique("A row too large to read"), problem: "x".repeat(TOO_LONG) },
    ],
    votes: [
      { entry: 0, direction: "up" as const },
      { entry: 0, direction: "up" as const },
      { entry: 0, direction: "down" as const },
      { entry: 1, direction: "down" as const },
    ],
    views: [{ entry: 0 }, { entry: 0 }, { entry: 0 }, { entry: 1 }],
    searches: ["subprocess hang", "early return"],
    usage: [{ entry: 0, context: "Fixed a hanging build script" }],
  };
}

/** The entry whose original submission (revision 0) has this title. */
async function byOriginalTitle(db: Db, title: string) {
  const first = await db.revision.findFirstOrThrow({ where: { number: 0, title }, select: { entryId: true } });
  return db.entry.findUniqueOrThrow({ where: { id: first.entryId } });
}

describeEachDatabase("importing the original HiveBrain", ({ db }) => {
  it("imports batch-file entries without created_at, dated at import, and a second run creates nothing", async () => {
    const items = batchEntries();
    const text = JSON.stringify(items);
    const report = await importText({ db, text, now: NOW });
    expect(report).toMatchObject({
      format: "hivebrain-original",
      entries: { created: 2, present: 1, invalid: 0 },
      revisions: { created: 2, present: 1 },
      undated: 2,
      anonymousVotes: { entries: 0, up: 0, down: 0 },
      problems: [],
    });
    expect(formatImportReport(report)).toContain("dates: 2 entries had no created_at; dated at import");
    const [lockfile, naming] = [await byOriginalTitle(db, items[0]!.title), await byOriginalTitle(db, items[1]!.title)];
    expect(lockfile).toMatchObject({ createdAt: NOW, updatedAt: NOW, score: 0, viewCount: 0, category: "debug" });
    expect(naming).toMatchObject({ createdAt: NOW, category: "pattern", severity: "minor" });
    expect(await db.revision.count({ where: { number: 0, title: items[0]!.title } })).toBe(1);

    // An edit changes the shown title; the entry is still recognized by its original submission.
    await db.entry.update({ where: { id: lockfile.id }, data: { title: `${items[0]!.title} (edited)` } });
    const later = new Date(NOW.getTime() + 86_400_000);
    const again = await importText({ db, text, now: later });
    expect(again).toMatchObject({
      entries: { created: 0, present: 3, invalid: 0 },
      revisions: { created: 0, present: 3 },
      undated: 0,
      tagsCreated: 0,
    });
    expect(formatImportReport(again)).not.toContain("dates:");
    expect(await db.revision.count({ where: { number: 0, title: { in: [items[0]!.title, items[1]!.title] } } })).toBe(
      2,
    );
  });

  it("imports the original's SQLite database with dates, views and anonymous votes, lists what it leaves out, and a second run creates nothing", async () => {
    try {
      const rows = originalRows();
      const file = scratchFile("db");
      const ids = writeOriginalDatabase(file, rows);
      const before = fs.readFileSync(file);

      const report = await importFile({ db, path: file });
      expect(report).toMatchObject({
        format: "hivebrain-original-sqlite",
        entries: { created: 2, present: 0, invalid: 3 },
        undated: 0,
        anonymousVotes: { entries: 2, up: 5, down: 3 },
      });
      expect(report.problems.map(({ index, rowId, title }) => ({ index, rowId, title }))).toEqual([
        { index: 2, rowId: ids[2], title: "Tiny" },
        { index: 3, rowId: ids[3], title: rows.entries[3]!.title },
        { index: 4, rowId: ids[4], title: rows.entries[4]!.title },
      ]);
      expect(report.problems[0]!.message).toBe("title: Title must be at least 8 characters.");
      expect(report.problems[1]!.message).toMatch(/^tags: .*expected array/);
      expect(report.problems[2]!.message).toMatch(
        /^The row holds 1,000,\d{3} characters; an entry may have at most 1,000,000 here\.$/,
      );
      expect(report.unmapped).toEqual([
        { table: "analytics_searches", column: null, rows: 2, note: "search log" },
        { table: "analytics_views", column: null, rows: 4, note: expect.stringContaining("view count") },
        {
          table: "entry_votes",
          column: null,
          rows: 4,
          note: expect.stringContaining("their totals come in as each entry's imported votes"),
        },
        { table: "settings", column: null, rows: 1, note: null },
        { table: "usage_contexts", column: null, rows: 1, note: expect.any(String) },
        { table: "entries", column: "related_entries", rows: 1, note: null },
        { table: "entries", column: "usage_count", rows: 1, note: null },
        { table: "entries", column: "quality_status", rows: 1, note: null },
      ]);

      const subprocess = await byOriginalTitle(db, rows.entries[0]!.title as string);
      expect(subprocess).toMatchObject({
        status: "approved",
        category: "gotcha",
        severity: "major",
        createdAt: new Date("2026-01-01T00:00:00Z"),
        viewCount: 42,
        importedUpvotes: 5,
        importedDownvotes: 1,
        score: 4,
      });
      expect(subprocess.solution).toContain("```python\nsubprocess.run(cmd, capture_output=True)\n```");
      expect(subprocess.context).toContain("- Keywords: deadlock, pipe");
      expect(subprocess.context).not.toContain("Submitted by");
      const early = await byOriginalTitle(db, rows.entries[1]!.title as string);
      expect(early).toMatchObject({
        createdAt: new Date("2026-01-02T00:00:00Z"),
        viewCount: 0,
        importedUpvotes: 0,
        importedDownvotes: 2,
        score: -2,
      });

      // A user's vote adds to the imported ones, as lib/votes.ts computes the score.
      const voter = await db.user.create({ data: { handle: `voter${run}${++counter}` } });
      expect(
        await voteOnEntry({
          db,
          ref: subprocess.id,
          user: { id: voter.id, handle: voter.handle, role: "user" },
          value: 1,
        }),
      ).toMatchObject({ ok: true, score: 5 });
      // The entry's page gets the imported counts next to the score.
      expect(await getEntryBySlug({ db, slug: subprocess.slug, viewer: null })).toMatchObject({
        score: 5,
        importedUpvotes: 5,
        importedDownvotes: 1,
      });

      const printed = formatImportReport(report);
      expect(printed).toContain("Format: the original HiveBrain's SQLite database");
      expect(printed).toMatch(/^entries\s+2\s+0\s+3$/m);
      expect(printed).toContain("anonymous votes: 5 up, 3 down on 2 entries, counted in their scores");
      expect(printed).toContain(
        "Not imported (no place in HiveBrain):\n  table analytics_searches: 2 rows (search log)\n  table analytics_views: 4 rows (single page views; their total comes in as each entry's view count)",
      );
      expect(printed).toContain("  column entries.usage_count: set in 1 row\n");
      expect(printed).toContain(`  entries[2] (id ${ids[2]}) "Tiny": title: Title must be at least 8 characters.`);
      expect(printed).not.toMatch(/entries_fts|sqlite_sequence|user_badges|is_canonical|freshness_status/);

      const again = await importFile({ db, path: file });
      expect(again).toMatchObject({
        entries: { created: 0, present: 2, invalid: 3 },
        revisions: { created: 0 },
        anonymousVotes: { entries: 0, up: 0, down: 0 },
        tagsCreated: 0,
      });
      expect(await db.revision.count({ where: { number: 0, title: rows.entries[0]!.title as string } })).toBe(1);
      expect((await db.entry.findUniqueOrThrow({ where: { id: subprocess.id } })).score).toBe(5);
      // Read-only: the original's file is untouched, and nothing was written to its log.
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
      expect(fs.existsSync(`${file}-journal`)).toBe(false);
    } finally {
      removeFiles();
    }
  });

  it("tells files apart by their first bytes and refuses one that is neither SQLite nor JSON, writing nothing", async () => {
    try {
      // A database named like JSON and JSON named like a database are each read as what they are.
      const sqliteNamedJson = `${scratchFile("named")}.json`;
      files.push(sqliteNamedJson);
      writeOriginalDatabase(sqliteNamedJson, { entries: [originalRows().entries[1]!] });
      expect(await importFile({ db, path: sqliteNamedJson })).toMatchObject({
        format: "hivebrain-original-sqlite",
        entries: { created: 1 },
      });
      const jsonNamedDb = `${scratchFile("named")}.db`;
      files.push(jsonNamedDb);
      fs.writeFileSync(jsonNamedDb, `\uFEFF\n${JSON.stringify([batchEntries()[1]])}`);
      expect(await importFile({ db, path: jsonNamedDb, now: NOW })).toMatchObject({
        format: "hivebrain-original",
        entries: { created: 1 },
      });

      const entriesBefore = await db.entry.count();
      const write = (content: string) => {
        const file = scratchFile("bad");
        fs.writeFileSync(file, content);
        return file;
      };
      const otherDatabase = scratchFile("other");
      const other = new Database(otherDatabase);
      other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
      other.close();
      const cases: [string, RegExp][] = [
        [
          write("title,problem\nA,B\n"),
          /^The file is neither a SQLite database nor JSON: expected the original HiveBrain's database/,
        ],
        [write(""), /^The file is empty\.$/],
        [write("[1, 2"), /^The file is not valid JSON: /],
        [otherDatabase, /^The SQLite database is not the original HiveBrain's: it has no entries table\.$/],
        [`${otherDatabase}-missing`, /^Cannot read the file: ENOENT/],
      ];
      for (const [path, message] of cases) {
        const error = await importFile({ db, path }).catch((caught: unknown) => caught);
        expect(error, path).toBeInstanceOf(ImportFileError);
        expect((error as Error).message).toMatch(message);
      }
      expect(await db.entry.count()).toBe(entriesBefore);
    } finally {
      removeFiles();
    }
  });
});

it("npm run import -- file.db imports the original's SQLite database end to end", async () => {
  const exec = promisify(execFile);
  const url = `file:./data/test-original-cli-${run}.db`;
  await resetDatabase(url);
  const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };
  const source = `${scratchFile("cli")}.db`;
  const text = scratchFile("cli-text");
  files.push(source, url.replace(/^file:/, ""));
  try {
    const rows = originalRows();
    writeOriginalDatabase(source, rows);
    const first = await exec("npm", ["run", "-s", "import", "--", source], { env });
    expect(first.stdout).toContain("Format: the original HiveBrain's SQLite database");
    expect(first.stdout).toMatch(/^entries\s+2\s+0\s+3$/m);
    expect(first.stdout).toContain("table entry_votes: 4 rows");
    const second = await exec("npm", ["run", "-s", "import", "--", source], { env });
    expect(second.stdout).toMatch(/^entries\s+0\s+2\s+3$/m);

    const target = createDb(url);
    try {
      expect(await byOriginalTitle(target, rows.entries[0]!.title as string)).toMatchObject({
        importedUpvotes: 5,
        importedDownvotes: 1,
        score: 4,
        viewCount: 42,
      });
      expect(await target.entry.count()).toBe(2);
    } finally {
      await target.$disconnect();
    }

    fs.writeFileSync(text, "just some notes\n");
    const failure = await exec("npm", ["run", "-s", "import", "--", text], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`${text}: The file is neither a SQLite database nor JSON`);
  } finally {
    removeFiles();
  }
}, 120_000);
