import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { unitTestDatabases } from "@/lib/test/databases";

const sqlite = unitTestDatabases().find((database) => database.name === "sqlite")!;

function writerProcess(count: number): Promise<{ code: number | null; stderr: string }> {
  const root = path.resolve(import.meta.dirname, "..");
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "lib/test/write-entries.mts", String(count)],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: sqlite.url },
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

it("SQLite write transactions of several processes at once wait for each other instead of failing", async () => {
  const writers = await Promise.all([writerProcess(60), writerProcess(60), writerProcess(60)]);
  expect(writers).toEqual([
    { code: 0, stderr: "" },
    { code: 0, stderr: "" },
    { code: 0, stderr: "" },
  ]);
}, 120_000);
