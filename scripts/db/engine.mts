// Prisma's WebAssembly schema engine, driven through the same driver adapters as the app.
// This replaces the native schema-engine binary (which cannot be downloaded offline) for
// applying migrations and for diffing the migration history against the schema.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { sqliteFilePath } from "../../lib/db-url.ts";
import { migrationsDir, type Provider, providerOf, schemaFile } from "./config.mts";
import { prepareSqliteFile } from "./sqlite-file.mts";

const require = createRequire(import.meta.url);
let wasmReady = false;

// The package's entry imports the .wasm as an ES module, which Node rejects, so the
// module is instantiated here and handed to the generated bindings.
function loadWasm(): void {
  if (wasmReady) return;
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const module = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  (bindings as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void }).__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  wasmReady = true;
}

type SqlAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

// The Wasm engine hands a whole migration.sql to executeRaw when it replays the history on
// the shadow database, but better-sqlite3 prepares one statement at a time. Run such
// parameterless multi-statement SQL as a script instead.
function acceptingScripts(adapter: SqlAdapter): SqlAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const message = String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
      if (query.args.length > 0 || !message.includes("more than one statement")) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// adapter-pg 7.10 runs a script by splitting it at every ";", which cuts the dollar-quoted
// bodies of PL/pgSQL functions (the search triggers) apart. PostgreSQL takes a whole script
// as one simple query, run as one implicit transaction.
function acceptingFunctionBodies(adapter: PgAdapter): PgAdapter {
  const queryable = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script) => {
    try {
      await queryable.client.query(script);
    } catch (error) {
      queryable.onError(error);
    }
  };
  return adapter;
}

type QueryResultLike = { fields?: { dataTypeID: number }[] };
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function reportCharAsText(result: QueryResultLike | undefined): void {
  for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
}

// The engine's catalog queries return columns of PostgreSQL's internal one-byte "char" type
// (pg_class.relkind and friends), which @prisma/adapter-pg 7.10 rejects as unsupported.
// Their values already arrive as strings, so report them as text.
class CharAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query has many overloads; this forwards them all.
  override query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: Error | null, result: QueryResultLike) => {
        if (!error) reportCharAsText(result);
        callback(error, result);
      };
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const returned = (pg.Client.prototype.query as any).apply(this, args);
    if (returned && typeof returned.then === "function") {
      return returned.then((result: QueryResultLike) => {
        reportCharAsText(result);
        return result;
      });
    }
    return returned;
  }
}

// Discrete settings rather than a connectionString, so that the shadow database below can
// swap `database` (a connectionString would override it).
function postgresConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

async function runAdminStatement(config: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// A temporary database to replay the migration history on. adapter-pg's own shadow database
// drops itself before closing its pool, which PostgreSQL refuses; this one closes first.
async function connectToShadowDatabase(config: pg.PoolConfig) {
  const name = `hivebrain_shadow_${randomUUID().replaceAll("-", "")}`;
  await runAdminStatement(config, `CREATE DATABASE "${name}"`);
  const adapter = acceptingFunctionBodies(await new PrismaPg({ ...config, database: name }).connect());
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await runAdminStatement(config, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  return adapter;
}

type Disposable = { dispose(): Promise<void> };

// Adapters the engine opened; the engine never closes them, so close() does.
function adapterFactory(url: string, opened: Disposable[]) {
  const track = <T extends Disposable>(adapter: T): T => {
    opened.push(adapter);
    return adapter;
  };
  if (providerOf(url) === "postgresql") {
    const config = { ...postgresConfig(url), Client: CharAsTextClient };
    const postgres = new PrismaPg(config);
    return bindMigrationAwareSqlAdapterFactory({
      provider: postgres.provider,
      adapterName: postgres.adapterName,
      connect: async () => track(acceptingFunctionBodies(await postgres.connect())),
      connectToShadowDb: async () => track(await connectToShadowDatabase(config)),
    });
  }
  const file = sqliteFilePath(url);
  prepareSqliteFile(file);
  const sqlite = new PrismaBetterSqlite3({ url: file });
  return bindMigrationAwareSqlAdapterFactory({
    provider: sqlite.provider,
    adapterName: sqlite.adapterName,
    connect: async () => track(acceptingScripts(await sqlite.connect())),
    connectToShadowDb: async () => track(acceptingScripts(await sqlite.connectToShadowDb())),
  });
}

type BoundFactory = ReturnType<typeof adapterFactory>;

// The engine reports driver failures as "External error id#N"; the error itself waits in
// the adapter's registry. Put its message back so a failed migration says what went wrong.
function withDriverErrors(engine: SchemaEngine, factory: BoundFactory): SchemaEngine {
  return new Proxy(engine, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: Error) => {
          const id = /External error id#(\d+)/.exec(error.message)?.[1];
          const cause = id === undefined ? undefined : factory.errorRegistry.consumeError(Number(id));
          if (cause)
            error.message += `\nDriver error: ${cause.error instanceof Error ? cause.error.message : JSON.stringify(cause.error)}`;
          throw error;
        });
      };
    },
  });
}

export type OpenSchemaEngine = SchemaEngine & { close(): Promise<void> };

/** A schema engine for the database at url. Call close() when done: it releases the connections. */
export async function openSchemaEngine(url: string): Promise<OpenSchemaEngine> {
  loadWasm();
  const provider = providerOf(url);
  const schemaPath = schemaFile(provider);
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  const opened: Disposable[] = [];
  const factory = adapterFactory(url, opened);
  const engine = withDriverErrors(
    await bindings.SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, log, factory),
    factory,
  );
  const close = async () => {
    engine.free();
    await Promise.all(opened.splice(0).map((adapter) => adapter.dispose().catch(() => undefined)));
  };
  return Object.assign(Object.create(engine) as SchemaEngine, { close }) as OpenSchemaEngine;
}

export function readMigrations(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

// Tables that hand-written migration SQL creates and Prisma must leave alone: the full-text
// search index (lib/search), an FTS5 table with its shadow tables on SQLite and a tsvector
// table on PostgreSQL.
const SEARCH_TABLES = [
  "EntrySearch",
  "EntrySearchDoc",
  "EntrySearch_config",
  "EntrySearch_content",
  "EntrySearch_data",
  "EntrySearch_docsize",
  "EntrySearch_idx",
];

export function schemaFilters(provider: Provider) {
  // PostgreSQL wants schema-qualified names.
  return {
    externalTables: SEARCH_TABLES.map((table) => (provider === "postgresql" ? `public.${table}` : table)),
    externalEnums: [],
  };
}

/** The SQL that takes a database built from the migration history to the current schema. */
export async function pendingSchemaChanges(engine: SchemaEngine, provider: Provider): Promise<string> {
  const schemaPath = schemaFile(provider);
  const result = await engine.diff({
    from: { tag: "migrations", ...readMigrations(provider) },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
    script: true,
    exitCode: null,
    filters: schemaFilters(provider),
  });
  const sql = result.stdout ?? "";
  return /^\s*(--.*\n?\s*)*$/.test(sql) && !/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|PRAGMA)\b/i.test(sql) ? "" : sql;
}
