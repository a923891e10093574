// Before the unit tests: rebuild each test database from the migrations and seed it.

import { unitTestDatabases } from "@/lib/test/databases";
import { resetDatabase } from "@/scripts/db/reset.mts";

export default async function setup() {
  for (const database of unitTestDatabases()) await resetDatabase(database.url, { seed: true });
}
