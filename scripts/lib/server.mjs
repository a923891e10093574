// Starting a production server and loading it from a second process, shared by
// `npm run measure` and `npm run bench`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./setup.mjs";

const isUp = (base, pathname = "/") =>
  fetch(`${base}${pathname}`).then(
    () => true,
    () => false,
  );

/**
 * The production server (scripts/server.mjs) on 127.0.0.1:port with env, logging to logFile;
 * resolves once readyPath answers 200.
 */
export async function startServer({ port, env, logFile, readyPath = "/tags" }) {
  const base = `http://127.0.0.1:${port}`;
  if (await isUp(base)) throw new Error(`port ${port} is already in use; stop that server or choose another port`);
  const log = fs.openSync(logFile, "a");
  const server = spawn(process.execPath, ["scripts/server.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) return Object.assign(server, { base });
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.kill(-server.pid, "SIGTERM");
  throw new Error(`the server on port ${port} did not come up (see ${logFile})`);
}

export async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // The server and anything it started: signal the whole process group.
  process.kill(-server.pid, "SIGTERM");
  await exited;
  for (let i = 0; i < 50 && (await isUp(server.base)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Requests per second and latency under `autocannon -c connections -d duration`, walking once
 * through `paths` (all connections share one turn, so a list longer than the requests sent is
 * never repeated). autocannon runs in its own process so that it does not share an event loop
 * with the server. Fails on any non-2xx response; on errors (timeouts after 10 s) too, unless
 * tolerateErrors.
 */
export function loadTest({ base, name, paths, connections = 32, duration = 20, tolerateErrors = false }) {
  // The paths go through a file: a long list does not fit in one command-line argument.
  const pathsFile = path.join(os.tmpdir(), `hivebrain-load-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(pathsFile, JSON.stringify(paths));
  const script = `
    import fs from "node:fs";
    import autocannon from "autocannon";
    const paths = JSON.parse(fs.readFileSync(${JSON.stringify(pathsFile)}, "utf8"));
    let turn = 0;
    const r = await autocannon({
      url: ${JSON.stringify(base)},
      connections: ${Number(connections)},
      duration: ${Number(duration)},
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[turn++ % paths.length] }) }],
    });
    console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, total: r.requests.total }));
  `;
  try {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(result.stderr);
    const measured = { name, ...JSON.parse(result.stdout.trim().split("\n").pop()) };
    if (measured.non2xx || (measured.errors && !tolerateErrors))
      throw new Error(`${name}: ${measured.non2xx} non-2xx responses, ${measured.errors} errors`);
    return measured;
  } finally {
    fs.rmSync(pathsFile, { force: true });
  }
}
