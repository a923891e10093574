import { afterAll, describe } from "vitest";
import { createDb, type Db } from "@/lib/db";
import type { EntryContentInput } from "@/lib/entries/schema";
import { type TestDatabase, unitTestDatabases } from "@/lib/test/databases";

/** Runs the suite once per test database (SQLite, and PostgreSQL when configured). */
export function describeEachDatabase(
  title: string,
  suite: (context: { db: Db; database: TestDatabase }) => void,
): void {
  for (const database of unitTestDatabases()) {
    describe(`${title} [${database.name}]`, () => {
      const db = createDb(database.url);
      afterAll(() => db.$disconnect());
      suite({ db, database });
    });
  }
}

let counter = 0;

/** Valid entry content with a title unique to this test run. */
export function sampleContent(overrides: Partial<EntryContentInput> = {}): EntryContentInput {
  counter++;
  return {
    title: `Test entry ${Date.now().toString(36)}-${counter}`,
    category: "pattern",
    language: "python",
    framework: null,
    severity: "minor",
    tags: ["testing"],
    problem: "A problem worth writing down.",
    solution: "Do the **right** thing.",
    why: "Because it works.",
    context: "Tests.",
    gotchas: [],
    errorMessages: [],
    ...overrides,
  };
}
