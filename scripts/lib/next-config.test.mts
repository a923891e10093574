// The security headers of next.config.js (issue 14, item 9); the browser tests check them on
// real responses, this checks the HSTS switch, which those servers (plain http) leave off.
import { afterEach, expect, it, vi } from "vitest";

type Header = { key: string; value: string };

async function headersWith(hstsMaxAge: string | undefined): Promise<Record<string, string>> {
  vi.resetModules();
  if (hstsMaxAge === undefined) vi.stubEnv("HSTS_MAX_AGE", undefined);
  else vi.stubEnv("HSTS_MAX_AGE", hstsMaxAge);
  const { default: config } = await import("../../next.config.js");
  const rules = (await config.headers?.()) as { source: string; headers: Header[] }[];
  expect(rules.map((rule) => rule.source)).toEqual(["/:path*"]);
  return Object.fromEntries(rules[0]?.headers.map((header) => [header.key, header.value]) ?? []);
}

afterEach(() => vi.unstubAllEnvs());

it("sends HSTS only when HSTS_MAX_AGE is set, and refuses a value that is not seconds", async () => {
  const plain = await headersWith(undefined);
  expect(plain["Strict-Transport-Security"]).toBeUndefined();
  expect(plain["X-Frame-Options"]).toBe("DENY");
  expect((await headersWith("31536000"))["Strict-Transport-Security"]).toBe("max-age=31536000");
  await expect(headersWith("a year")).rejects.toThrow('HSTS_MAX_AGE must be a number of seconds, not "a year"');
});
