// Test helper: a SQLite file in the original HiveBrain's schema (its db/schema.sql, with the
// columns its server adds to `entries` at start-up: view_count, downvotes, usage_count,
// quality_status, …), filled with rows the test gives.
import Database from "better-sqlite3";

// The part of the original's schema the importer reads or reports, as the original creates it.
export const ORIGINAL_SCHEMA = `
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  category TEXT NOT NULL CHECK(category IN ('pattern', 'gotcha', 'principle', 'snippet', 'debug')),
  tags TEXT NOT NULL DEFAULT '[]',
  problem TEXT NOT NULL,
  solution TEXT NOT NULL,
  why TEXT,
  gotchas TEXT DEFAULT '[]',
  learned_from TEXT,
  submitted_by TEXT DEFAULT 'anonymous',
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  upvotes INTEGER DEFAULT 0,
  language TEXT,
  framework TEXT,
  environment TEXT DEFAULT '[]',
  error_messages TEXT DEFAULT '[]',
  keywords TEXT DEFAULT '[]',
  severity TEXT DEFAULT 'moderate' CHECK(severity IN ('critical', 'major', 'moderate', 'minor', 'tip')),
  context TEXT,
  code_snippets TEXT DEFAULT '[]',
  related_entries TEXT DEFAULT '[]',
  version_info TEXT
);
ALTER TABLE entries ADD COLUMN view_count INTEGER DEFAULT 0;
ALTER TABLE entries ADD COLUMN downvotes INTEGER DEFAULT 0;
ALTER TABLE entries ADD COLUMN usage_count INTEGER DEFAULT 0;
ALTER TABLE entries ADD COLUMN quality_status TEXT DEFAULT 'unverified';
ALTER TABLE entries ADD COLUMN is_canonical INTEGER DEFAULT 0;
ALTER TABLE entries ADD COLUMN freshness_status TEXT DEFAULT 'fresh';
ALTER TABLE entries ADD COLUMN confidence_score REAL DEFAULT NULL;

CREATE VIRTUAL TABLE entries_fts USING fts5(
  title, problem, solution, why, error_messages, keywords, context, tags, language, framework,
  content='entries', content_rowid='id'
);
CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts(rowid, title, problem, solution, why, error_messages, keywords, context, tags, language, framework)
  VALUES (new.id, new.title, new.problem, new.solution, new.why, new.error_messages, new.keywords, new.context, new.tags, new.language, new.framework);
END;

CREATE TABLE analytics_views (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  source TEXT DEFAULT 'web',
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE analytics_searches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  query TEXT NOT NULL,
  result_count INTEGER DEFAULT 0,
  source TEXT DEFAULT 'web',
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE entry_votes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  direction TEXT NOT NULL CHECK(direction IN ('up', 'down')),
  voter_ip TEXT,
  voter_name TEXT DEFAULT 'anonymous',
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE usage_contexts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  context TEXT NOT NULL,
  submitted_by TEXT DEFAULT 'anonymous',
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE user_badges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL,
  badge_id TEXT NOT NULL,
  earned_at INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE(username, badge_id)
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
INSERT OR IGNORE INTO settings (key, value) VALUES ('journal_enabled', 'true');
`;

export interface OriginalDatabaseRows {
  /** Columns of `entries` by name; JSON lists as the original stores them (text). */
  entries: Record<string, string | number | null>[];
  /** Per entry (by position in `entries`): anonymous votes and page views as the original logs them. */
  votes?: { entry: number; direction: "up" | "down" }[];
  views?: { entry: number }[];
  searches?: string[];
  usage?: { entry: number; context: string }[];
}

/** Writes a new SQLite file at `path` in the original's schema; returns the entries' row ids. */
export function writeOriginalDatabase(path: string, rows: OriginalDatabaseRows): number[] {
  const sqlite = new Database(path);
  try {
    sqlite.pragma("journal_mode = WAL"); // as the original's server runs it
    sqlite.exec(ORIGINAL_SCHEMA);
    const ids = rows.entries.map((entry) => {
      const columns = Object.keys(entry);
      const result = sqlite
        .prepare(
          `INSERT INTO entries (${columns.join(", ")}) VALUES (${columns.map((column) => `@${column}`).join(", ")})`,
        )
        .run(entry);
      return Number(result.lastInsertRowid);
    });
    const idOf = (position: number) => {
      const id = ids[position];
      if (id === undefined) throw new Error(`no entry at position ${position}`);
      return id;
    };
    for (const vote of rows.votes ?? [])
      sqlite
        .prepare("INSERT INTO entry_votes (entry_id, direction, voter_ip) VALUES (?, ?, '203.0.113.7')")
        .run(idOf(vote.entry), vote.direction);
    for (const view of rows.views ?? [])
      sqlite.prepare("INSERT INTO analytics_views (entry_id) VALUES (?)").run(idOf(view.entry));
    for (const query of rows.searches ?? [])
      sqlite.prepare("INSERT INTO analytics_searches (query, result_count) VALUES (?, 1)").run(query);
    for (const use of rows.usage ?? [])
      sqlite.prepare("INSERT INTO usage_contexts (entry_id, context) VALUES (?, ?)").run(idOf(use.entry), use.context);
    return ids;
  } finally {
    sqlite.close();
  }
}
