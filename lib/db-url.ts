// How a DATABASE_URL is read, shared by the app and the scripts under scripts/db.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/hivebrain.db";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** "file:./data/x.db" -> absolute path (relative paths resolve from the working directory). */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "");
  return file === ":memory:" ? file : path.resolve(file);
}
