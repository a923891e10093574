// The two migration histories must both produce prisma/models.prisma: a schema change without
// `npm run db:migration` (or a hand edit to one history only) fails here.

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sqliteFilePath } from "../../lib/db-url.ts";
import { unitTestDatabases } from "../../lib/test/databases.ts";
import { PROVIDERS, type Provider } from "./config.mts";
import { openSchemaEngine, pendingSchemaChanges } from "./engine.mts";
import { scratchUrl } from "./new-migration.mts";
import { writeSchemas } from "./schemas.mts";

const testedProviders = PROVIDERS.filter((provider) => provider === "sqlite" || process.env.TEST_DATABASE_URL_PG);

describe.each(testedProviders)("migration history for %s", (provider: Provider) => {
  it("matches the schema (no drift)", async () => {
    writeSchemas();
    const engine = await openSchemaEngine(scratchUrl(provider)!);
    try {
      expect(await pendingSchemaChanges(engine, provider)).toBe("");
    } finally {
      await engine.close();
    }
  });
});

describe("SQLite database", () => {
  it("uses write-ahead logging after migration", () => {
    const file = sqliteFilePath(unitTestDatabases()[0]!.url);
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
  });
});
