// Which database a command talks to, derived from DATABASE_URL exactly as the app does.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_URL, isPostgresUrl } from "../../lib/db-url.ts";

export { DEFAULT_DATABASE_URL };

export type Provider = "sqlite" | "postgresql";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** Folder holding a provider's generated schema.prisma and its migrations/ history. */
export function providerDir(provider: Provider): string {
  return path.join(projectRoot, "prisma", provider === "sqlite" ? "sqlite" : "postgres");
}

export function migrationsDir(provider: Provider): string {
  return path.join(providerDir(provider), "migrations");
}

export function schemaFile(provider: Provider): string {
  return path.join(providerDir(provider), "schema.prisma");
}

export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];
