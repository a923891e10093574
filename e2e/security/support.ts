// A production server of the spec's own, beside the shared test servers: the same build
// folder, but its own port, its own empty SQLite database and its own settings (a low
// per-address submission limit, TRUST_PROXY), started with the launcher `npm run measure` uses.
import http from "node:http";
import type { TestInfo } from "@playwright/test";
import { resetDatabase } from "../../scripts/db/reset.mts";
import { startServer, stopServer } from "../../scripts/lib/server.mjs";
import { validEntry } from "../api/support";
import { uniqueName } from "../support/data";
import { e2eTargets } from "../support/targets";

const TAG = process.env.E2E_TAG ? `-${process.env.E2E_TAG}` : "";

/** Runs use(port, databaseUrl) against a server of its own on E2E_PORT_BASE + offset, then stops it. */
export async function withOwnServer(
  testInfo: TestInfo,
  { offset, env }: { offset: number; env: Record<string, string> },
  use: (port: number, databaseUrl: string) => Promise<void>,
) {
  const target = e2eTargets().find((candidate) => candidate.name === "sqlite");
  if (!target) throw new Error("no SQLite target");
  const port = target.port + offset;
  const databaseUrl = `file:./data/test-e2e-security${TAG}-${offset}.db`;
  await resetDatabase(databaseUrl);
  const server = await startServer({
    port,
    logFile: testInfo.outputPath("server.log"),
    // Prerendered at build time: this server writes nothing into the shared build folder for it.
    readyPath: "/api/v1/openapi.json",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: target.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: "",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else",
      TRUST_PROXY: "",
      ...env,
    },
  });
  try {
    await use(port, databaseUrl);
  } finally {
    await stopServer(server);
    await testInfo.attach("server.log", { path: testInfo.outputPath("server.log") });
  }
}

/**
 * The status of an anonymous POST /api/v1/entries with these headers, sent over a connection of
 * its own from localAddress (any 127.x.y.z works on Linux's loopback).
 */
export function submitStatus(
  port: number,
  headers: Record<string, string> = {},
  localAddress = "127.0.0.1",
): Promise<number> {
  const body = JSON.stringify(validEntry(uniqueName("Client address test")));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        agent: false,
        method: "POST",
        path: "/api/v1/entries",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Statuses of requests sent one after the other, in order. */
export async function statusesInOrder(send: (() => Promise<number>)[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const request of send) statuses.push(await request());
  return statuses;
}
