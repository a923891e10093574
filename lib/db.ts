// The one Prisma client of the process. DATABASE_URL picks the database: postgres:// or
// postgresql:// means PostgreSQL, anything else is a SQLite file (default data/hivebrain.db).
// Prisma bakes the provider into a generated client, so there is one client per database,
// generated from the same models; both expose the same API, typed here as the SQLite one.

import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/generated/prisma-postgres/client";
import { type Prisma, PrismaClient as SqliteClient } from "@/generated/prisma-sqlite/client";
import { DEFAULT_DATABASE_URL, isPostgresUrl, sqliteFilePath } from "@/lib/db-url";

export type Db = SqliteClient;
/** A transaction's client, as handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
// Prisma.sql, Prisma.join and the generated types are the same for both databases.
export { Prisma } from "@/generated/prisma-sqlite/client";

const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// The generated client classes hand back extended copies of themselves, so `instanceof` cannot tell them apart.
const postgresClients = new WeakSet<Db>();

export function createDb(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  if (isPostgresUrl(url)) {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    postgresClients.add(client);
    return client;
  }
  return new SqliteClient({
    adapter: withImmediateTransactions(
      new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS }),
    ),
  });
}

/**
 * The better-sqlite3 adapter opens transactions with a plain (deferred) BEGIN. In WAL mode a
 * deferred transaction whose first write finds that another connection committed meanwhile
 * fails at once with SQLITE_BUSY ("Operation has timed out"): the busy timeout cannot help it.
 * BEGIN IMMEDIATE takes the write lock up front, waiting up to the busy timeout, so writers
 * from several connections (app servers, scripts) queue instead of failing.
 */
function withImmediateTransactions(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}

/** Which database a client talks to, for the few queries written per database (full-text search). */
export function isPostgres(db: Db): boolean {
  return postgresClients.has(db);
}

const globalForDb = globalThis as unknown as { hivebrainDb?: Db };

export const db: Db = globalForDb.hivebrainDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.hivebrainDb = db;
