// The MCP conformance suite (@modelcontextprotocol/conformance) against /mcp on the production
// server. Only the scenarios that test the protocol itself run here: the others call fixture
// tools, resources and prompts of the SDKs' reference server ("test_simple_text",
// "test://static-text", "test_simple_prompt"…) that a real server does not have.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "../support/fixtures";

const SCENARIOS = [
  "server-initialize",
  "ping",
  "tools-list",
  "resources-list",
  "prompts-list",
  "dns-rebinding-protection",
  "server-sse-polling",
];

const CLI = path.resolve("node_modules/.bin/conformance");

function runScenario(url: string, scenario: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI, ["server", "--url", url, "--scenario", scenario], {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

for (const scenario of SCENARIOS) {
  test(`conformance: ${scenario}`, async ({ baseURL }) => {
    const { code, output } = await runScenario(new URL("/mcp", String(baseURL)).href, scenario);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the suite colours its output
    const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
    const totals = plain.match(/Passed: (\d+)\/(\d+), (\d+) failed/);
    expect(totals, plain.slice(-2000)).not.toBeNull();
    const [, passed, total, failed] = totals?.map(Number) ?? [];
    expect(failed, plain.slice(-2000)).toBe(0);
    expect(passed).toBe(total);
    expect(plain).not.toMatch(/\bFAILURE\b/);
    expect(code, plain.slice(-2000)).toBe(0);
  });
}
