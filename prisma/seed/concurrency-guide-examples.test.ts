// Runs the Python examples of the concurrency guide with the machine's python3: every block of
// revision 1 must run, and revision 0's blocks are run the same way to record which of them fail
// (the record of why revision 1 exists).
//
// How the examples are run, and what that proves:
// - Each ```python block is written to a file and run as a script. Network calls go to a local
//   HTTP server this test starts (never the internet): the examples read their base URL from
//   EXAMPLE_URL, with a public default for readers. The server counts requests and the most it
//   had in flight at once, so a bound an example promises is checked from the outside.
// - A block that uses multiprocessing runs once per start method (fork, spawn, forkserver): a
//   small driver sets the method and runs the block as __main__ with runpy, as `python3 block.py`
//   does, so spawn and forkserver workers import it again just as they would on Windows and macOS
//   (spawn) or on Linux with Python 3.14+ (forkserver).
// - A block whose first line says `# Python 3.x+` and that needs a newer Python than python3 runs
//   with `python3.x` when that is on the PATH; otherwise it is compiled (which still catches
//   syntax errors) and skipped, with the reason printed.
// - The asyncio example uses aiohttp, as readers do. Where aiohttp is not installed (PyPI is out
//   of reach here), a stand-in with the same API surface goes on PYTHONPATH:
//   prisma/seed/python-stubs/aiohttp (its docstring says what it keeps of aiohttp's behaviour).
//   That checks that the example uses the API as documented and honours its connection bound; it
//   cannot catch a difference between the stand-in and the real library.
// - A run fails when it exits non-zero, prints a traceback, or does not finish: a traceback in a
//   worker that leaves the program running (a pool replacing workers that die at start-up) ends
//   the run 3 s later.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concurrencyGuide } from "./concurrency-guide";
import { concurrencyGuideRevision1 } from "./concurrency-guide-revision-1";

const PYTHON = "python3";
const START_METHODS = ["fork", "spawn", "forkserver"] as const;
/** The most requests any example of revision 1 may have in flight (their pools and limits are 10). */
const MAX_IN_FLIGHT = 10;
/** Per run; generous because the Pool examples compute for a few seconds and CI machines are busy. */
const RUN_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT_MS = 3 * RUN_TIMEOUT_MS + 60_000;
/** After a traceback, how long a program may go on before it counts as hung. */
const HUNG_AFTER_TRACEBACK_MS = 3_000;
const OUTPUT_CAP = 200_000;

interface PythonBlock {
  /** 1-based, in the order of the Solution. */
  index: number;
  /** The heading the block is under. */
  heading: string;
  code: string;
  /** From a first line such as `# Python 3.14+`. */
  requires: [number, number] | null;
  usesMultiprocessing: boolean;
  usesNetwork: boolean;
}

function textOf(node: object): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  return "children" in node && Array.isArray(node.children) ? node.children.map(textOf).join("") : "";
}

/** The ```python blocks of a Markdown field, read with the same parser as the app. */
function pythonBlocks(markdown: string): PythonBlock[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const blocks: PythonBlock[] = [];
  let heading = "(top)";
  for (const node of tree.children) {
    if (node.type === "heading") heading = textOf(node);
    if (node.type !== "code" || node.lang !== "python") continue;
    const marker = /^# Python (\d+)\.(\d+)\+/.exec(node.value);
    blocks.push({
      index: blocks.length + 1,
      heading,
      code: `${node.value}\n`,
      requires: marker ? [Number(marker[1]), Number(marker[2])] : null,
      usesMultiprocessing: /\bmultiprocessing\b|ProcessPoolExecutor\(/.test(node.value),
      usesNetwork: node.value.includes("EXAMPLE_URL"),
    });
  }
  return blocks;
}

function versionOf(command: string): [number, number, number] | null {
  const result = spawnSync(command, ["-c", "import sys; print(*sys.version_info[:3])"], { encoding: "utf8" });
  if (result.status !== 0) return null;
  const [major, minor, micro] = result.stdout.trim().split(" ").map(Number);
  return major === undefined || minor === undefined || micro === undefined ? null : [major, minor, micro];
}

const atLeast = (version: readonly number[], wanted: readonly number[]) =>
  (version[0] ?? 0) > (wanted[0] ?? 0) ||
  ((version[0] ?? 0) === (wanted[0] ?? 0) && (version[1] ?? 0) >= (wanted[1] ?? 0));

const python = versionOf(PYTHON);
const pythonName = python ? `Python ${python.join(".")}` : "no python3";

function requirePython(): [number, number, number] {
  if (!python) throw new Error(`${PYTHON} is not installed (or does not run): the guide's examples cannot be checked.`);
  return python;
}

// ---------------------------------------------------------------- the local server

interface ServerStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
}

const stats: ServerStats = { requests: 0, inFlight: 0, maxInFlight: 0 };
let server: http.Server;
let baseUrl = "";

// ---------------------------------------------------------------- running Python

interface Run {
  label: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Still running after a traceback, or after the timeout. */
  hung: boolean;
  requests: number;
  maxInFlight: number;
}

const passed = (run: Run) =>
  run.exitCode === 0 && !run.hung && !run.stderr.includes("Traceback (most recent call last)");

/**
 * Why a run failed: the last exception a traceback printed (its first paragraph: some messages
 * span lines), and whether the program did not finish.
 */
function failureOf(run: Run): string {
  const lines = run.stderr.split("\n");
  let at = lines.length - 1;
  while (at >= 0 && !/^[A-Za-z_][\w.]*(Error|Exception|Exit)\b/.test(lines[at] ?? "")) at--;
  const message = [lines[at] ?? ""];
  for (let next = at + 1; at >= 0 && /^\s+\S/.test(lines[next] ?? ""); next++) message.push(lines[next] ?? "");
  const error = message.join(" ").replace(/\s+/g, " ").trim();
  if (run.hung) return `did not finish (${error || "no error printed"})`;
  return error || `exit code ${run.exitCode}`;
}

function killGroup(child: ChildProcess) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is gone already.
  }
}

let workDir = "";
let stubPath: string | null = null;

function pythonEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EXAMPLE_URL: baseUrl,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONUNBUFFERED: "1",
  };
  if (stubPath) env.PYTHONPATH = [stubPath, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter);
  return env;
}

/** Runs a Python program in its own process group, which is killed when it ends, hangs or times out. */
function runPython(label: string, command: string, args: string[]): Promise<Run> {
  stats.requests = 0;
  stats.maxInFlight = 0;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: workDir, env: pythonEnv(), detached: true, stdio: "pipe" });
    child.stdin.end();
    let stdout = "";
    let stderr = "";
    let hung = false;
    let hangTimer: NodeJS.Timeout | undefined;
    const hang = () => {
      hung = true;
      killGroup(child);
    };
    const timeout = setTimeout(hang, RUN_TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      if (stdout.length < OUTPUT_CAP) stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < OUTPUT_CAP) stderr += chunk.toString("utf8");
      if (!hangTimer && stderr.includes("Traceback (most recent call last)"))
        hangTimer = setTimeout(hang, HUNG_AFTER_TRACEBACK_MS);
    });
    child.on("error", reject);
    child.on("exit", () => {
      // Whatever it started (pool workers, a fork server) goes with it.
      killGroup(child);
    });
    child.on("close", (exitCode) => {
      clearTimeout(timeout);
      clearTimeout(hangTimer);
      resolve({ label, exitCode, stdout, stderr, hung, requests: stats.requests, maxInFlight: stats.maxInFlight });
    });
  });
}

function writeBlock(name: string, block: PythonBlock): string {
  const file = path.join(workDir, `${name}-block-${block.index}.py`);
  fs.writeFileSync(file, block.code);
  return file;
}

const DRIVER = `# Runs a script as __main__ under the given multiprocessing start method.
import multiprocessing, runpy, sys
multiprocessing.set_start_method(sys.argv[2])
runpy.run_path(sys.argv[1], run_name="__main__")
`;

/** Every run of a block: once, or once per start method for a block that uses multiprocessing. */
async function runBlock(name: string, block: PythonBlock, command = PYTHON): Promise<Run[]> {
  const file = writeBlock(name, block);
  if (!block.usesMultiprocessing) return [await runPython(`${name} block ${block.index}`, command, [file])];
  const runs: Run[] = [];
  for (const method of START_METHODS)
    runs.push(
      await runPython(`${name} block ${block.index} (${method})`, command, [
        path.join(workDir, "driver.py"),
        file,
        method,
      ]),
    );
  return runs;
}

function compiles(command: string, file: string): { ok: boolean; output: string } {
  const result = spawnSync(
    command,
    ["-c", "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')", file],
    { encoding: "utf8", env: pythonEnv() },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function describeRun(run: Run): string {
  const network = run.requests > 0 ? `, ${run.requests} requests, at most ${run.maxInFlight} at once` : "";
  return `${run.label}: ${passed(run) ? "passed" : `FAILED: ${failureOf(run)}`}${network}`;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hivebrain-guide-examples-"));
  fs.writeFileSync(path.join(workDir, "driver.py"), DRIVER);
  if (python) {
    const hasAiohttp = spawnSync(PYTHON, ["-c", "import aiohttp"]).status === 0;
    stubPath = hasAiohttp ? null : path.join(import.meta.dirname, "python-stubs");
    console.log(
      `Running the guide's examples with ${pythonName}; aiohttp: ${hasAiohttp ? "the installed library" : "the stand-in in prisma/seed/python-stubs (aiohttp is not installed)"}.`,
    );
  }
  server = http.createServer((_request, response) => {
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    // A short wait, as a real server has, so that requests overlap and a missing bound shows.
    setTimeout(() => {
      const body = "<!doctype html><title>Example page</title><p>Example page.</p>\n";
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
      stats.inFlight--;
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- revision 1

describe("revision 1 of the concurrency guide: every Python example runs", () => {
  const blocks = pythonBlocks(concurrencyGuideRevision1.solution);

  it("has the examples the revision promises", () => {
    expect(blocks.map((block) => block.heading)).toEqual([
      "CPU-bound work: use multiprocessing",
      "CPU-bound work in one process: subinterpreters (Python 3.14+)",
      "CPU-bound work in one process: subinterpreters (Python 3.14+)",
      "CPU-bound work on the free-threaded build: use threads",
      "I/O-bound with many connections: use asyncio",
      "When one failure should cancel the rest: asyncio.TaskGroup (Python 3.11+)",
      "Blocking calls inside async code: asyncio.to_thread (Python 3.9+)",
      "I/O-bound with blocking libraries: use threading",
    ]);
    expect(blocks.map((block) => block.requires)).toEqual([null, [3, 14], [3, 14], null, null, [3, 11], [3, 9], null]);
  });

  for (const block of blocks) {
    it(
      `block ${block.index} (${block.heading}) runs${block.requires ? ` (needs Python ${block.requires.join(".")}+)` : ""}`,
      async (context) => {
        const version = requirePython();
        let command = PYTHON;
        if (block.requires && !atLeast(version, block.requires)) {
          const newer = `python${block.requires.join(".")}`;
          if (versionOf(newer)) command = newer;
          else {
            const compiled = compiles(PYTHON, writeBlock("revision-1", block));
            expect(compiled.ok, compiled.output).toBe(true);
            const reason = `block ${block.index} needs Python ${block.requires.join(".")}+ and this machine has ${pythonName} (no ${newer} on the PATH): compiled, not run.`;
            console.log(`Skipped: ${reason}`);
            context.skip(reason);
          }
        }
        const runs = await runBlock("revision-1", block, command);
        for (const run of runs) {
          console.log(
            describeRun(run),
            run.stdout.trim() ? `\n  output: ${run.stdout.trim().replaceAll("\n", "\n  ")}` : "",
          );
          expect(passed(run), `${run.label}\n${run.stderr}`).toBe(true);
          if (block.usesNetwork) {
            expect(run.requests, `${run.label} reached the local server`).toBeGreaterThan(0);
            expect(run.maxInFlight, `${run.label} keeps its bound`).toBeLessThanOrEqual(MAX_IN_FLIGHT);
          }
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});

// ---------------------------------------------------------------- revision 0

describe("revision 0 of the concurrency guide: what its examples do when run", () => {
  // The record of why revision 1 exists: each of the original page's blocks run as printed,
  // under the same conditions as revision 1's.
  // (Several workers print their tracebacks at once, so only the start of the message is compared.)
  const expected = [
    /^block 1 \(fork\): passed$/,
    /^block 1 \(spawn\): FAILED: did not finish \(RuntimeError: An attempt has been made to start a new process before the current process has finished its bootstrapping phase/,
    /^block 1 \(forkserver\): FAILED: did not finish \(RuntimeError: An attempt has been made to start a new process before the current process has finished its bootstrapping phase/,
    // It only defines fetch_all: nothing calls it, so nothing is fetched (0 requests).
    /^block 2: passed$/,
    /^block 3: FAILED: NameError: name 'urls' is not defined$/,
  ];

  it(
    "fails under spawn and forkserver (the Pool example) and with undefined names (the threading example)",
    async () => {
      requirePython();
      const blocks = pythonBlocks(concurrencyGuide.solution);
      expect(blocks.map((block) => block.heading)).toEqual([
        "CPU-bound work: use multiprocessing",
        "I/O-bound with many connections: use asyncio",
        "I/O-bound with blocking libraries: use threading",
      ]);
      const runs: Run[] = [];
      for (const block of blocks) runs.push(...(await runBlock("revision-0", block)));
      const record = runs.map(describeRun);
      console.log(`Revision 0's examples, run with ${pythonName}:\n  ${record.join("\n  ")}`);
      const lines = record.map((line) => line.replace(/^revision-0 /, ""));
      expect(lines).toHaveLength(expected.length);
      for (const [index, pattern] of expected.entries()) expect(lines[index]).toMatch(pattern);
      expect(runs.every((run) => run.requests === 0)).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});
