import { test as base, expect } from "@playwright/test";
import { createDb, type Db } from "@/lib/db";

/** `db`: the database behind the server this project drives, for arranging and checking data. */
export const test = base.extend<object, { db: Db }>({
  db: [
    async ({}, use, workerInfo) => {
      const db = createDb(String(workerInfo.project.metadata.databaseUrl));
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

export { expect };
