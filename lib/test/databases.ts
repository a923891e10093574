// The real databases tests run against: always a SQLite file, and PostgreSQL when
// TEST_DATABASE_URL_PG names a scratch database (the test run erases it).
export interface TestDatabase {
  name: "sqlite" | "postgresql";
  url: string;
}

export function unitTestDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [
    // TEST_DATABASE_URL_SQLITE lets two test runs in one checkout use separate files.
    { name: "sqlite", url: process.env.TEST_DATABASE_URL_SQLITE ?? "file:./data/test-unit.db" },
  ];
  if (process.env.TEST_DATABASE_URL_PG) databases.push({ name: "postgresql", url: process.env.TEST_DATABASE_URL_PG });
  return databases;
}
