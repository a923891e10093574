// With REDIS_URL, app servers share one page cache (lib/cache/redis-cache-handler.mjs): a change
// made through one server shows on the next request to any other, and when Redis goes away both
// keep serving, from their own memory or the database, and say so in their logs. Two servers of the spec's own and a
// redis-server of its own, on the PostgreSQL database of the shared test server.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import type { TestInfo } from "@playwright/test";
import { startServer, stopServer } from "../../scripts/lib/server.mjs";
import { userWithToken } from "../api/support";
import { addEntry, uniqueName, uniqueWord } from "../support/data";
import { expect, test } from "../support/fixtures";
import { e2eTargets } from "../support/targets";

const redisInstalled = !spawnSync("redis-server", ["--version"]).error;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function startRedis(testInfo: TestInfo) {
  const port = await freePort();
  const log = fs.openSync(testInfo.outputPath("redis.log"), "a");
  // In memory only: nothing left behind.
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const redis = spawn("redis-server", args, { stdio: ["ignore", log, log] });
  fs.closeSync(log);
  await expect
    .poll(
      () =>
        new Promise((resolve) => {
          const socket = net.connect(port, "127.0.0.1", () => resolve(socket.end() && true));
          socket.on("error", () => resolve(false));
        }),
      { message: "redis-server answers" },
    )
    .toBe(true);
  return { redis, url: `redis://127.0.0.1:${port}` };
}

function stopRedis(redis: ChildProcess) {
  if (redis.exitCode !== null || redis.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => redis.once("exit", resolve));
  redis.kill("SIGKILL");
  return exited;
}

/** What an anonymous visitor gets, its text without markup, and whether it came from the cache. */
async function visit(base: string, path: string) {
  const response = await fetch(`${base}${path}`, { redirect: "manual" });
  const html = await response.text();
  return {
    status: response.status,
    text: html.replace(/<[^>]*>/g, ""),
    cache: response.headers.get("x-nextjs-cache"),
  };
}

test.describe("a page cache shared through Redis", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "postgresql", "runs once, on the PostgreSQL database (servers share one)");
    if (!process.env.CI) test.skip(!redisInstalled, "redis-server is not installed (apt-get install redis-server)");
    test.setTimeout(180_000);
  });

  test("a vote through one server shows on the next request to the other; without Redis both keep serving", async ({
    db,
  }, testInfo) => {
    if (!redisInstalled) throw new Error("redis-server is not installed: .ci/run installs it");
    // Ports next to those of the servers in e2e/security/support.ts; the build and database of the PostgreSQL target.
    const portBase = e2eTargets().find((candidate) => candidate.name === "sqlite")?.port;
    const target = e2eTargets().find((candidate) => candidate.name === "postgresql");
    if (!portBase || !target) throw new Error("no PostgreSQL target");
    const { redis, url } = await startRedis(testInfo);
    const logs = { a: testInfo.outputPath("server-a.log"), b: testInfo.outputPath("server-b.log") };
    const servers: Awaited<ReturnType<typeof startServer>>[] = [];
    const start = async (port: number, logFile: string): Promise<string> => {
      const server = await startServer({
        port,
        logFile,
        readyPath: "/api/v1/openapi.json",
        env: {
          ...process.env,
          DATABASE_URL: target.databaseUrl,
          NEXT_DIST_DIR: target.distDir,
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_OPTIONS: "",
          NEXTAUTH_URL: `http://127.0.0.1:${port}`,
          NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else",
          REDIS_URL: url,
        },
      });
      servers.push(server);
      return server.base;
    };
    try {
      const a = await start(portBase + 10, logs.a);
      const b = await start(portBase + 11, logs.b);

      const tag = uniqueWord();
      const title = uniqueName("Shared cache");
      const entry = await addEntry(db, { title, tags: [tag, "e2e"] });
      const paths = [`/entries/${entry.slug}`, `/tags/${tag}`];
      const voter = await userWithToken(db);

      // Cached on B; A, which never rendered them, gets B's copies.
      for (const path of paths) {
        await expect.poll(async () => (await visit(b, path)).cache, { message: path }).toBe("HIT");
        expect((await visit(b, path)).text).toContain("0 score");
      }
      for (const path of paths)
        await expect.poll(async () => (await visit(a, path)).cache, { message: path }).toBe("HIT");

      const vote = async (value: number) => {
        const response = await fetch(`${a}/api/v1/entries/${entry.slug}/vote`, {
          method: "POST",
          headers: { ...voter.headers, "content-type": "application/json" },
          body: JSON.stringify({ value }),
        });
        expect(response.status).toBe(200);
      };
      await vote(1);
      for (const path of paths) {
        const page = await visit(b, path);
        expect(page.status, path).toBe(200);
        expect(page.text, path).toContain("1 score");
      }

      await stopRedis(redis);
      await vote(-1);
      for (const base of [a, b])
        for (const path of paths) {
          const page = await visit(base, path);
          expect(page.status, `${base}${path}`).toBe(200);
          expect(page.text, `${base}${path}`).toContain(title);
          expect(page.text, `${base}${path}`).toContain("-1 score");
        }
      for (const log of Object.values(logs))
        await expect
          .poll(() => fs.readFileSync(log, "utf8"), { message: log })
          .toContain("Shared page cache (Redis) unavailable");
    } finally {
      for (const server of servers) await stopServer(server);
      await stopRedis(redis);
      for (const [name, path] of Object.entries(logs))
        if (fs.existsSync(path)) await testInfo.attach(`server-${name}.log`, { path });
    }
  });
});
