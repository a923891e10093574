// Per-address rate limits key on the address of the connection, or, behind proxies the
// operator trusts (TRUST_PROXY), on the address those proxies saw: never on what a client
// writes in X-Forwarded-For. The submission limit is the witness (the shared test servers
// raise it to 1000, so each test runs a server of its own with a low one).
import { expect, test } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER } from "../../scripts/lib/client-address.mjs";
import { statusesInOrder, submitStatus, withOwnServer } from "./support";

test.beforeEach(({}, testInfo) => {
  // The address logic does not depend on the database; the servers here run on SQLite.
  test.skip(testInfo.project.name !== "sqlite", "runs once, on servers of its own");
  test.setTimeout(120_000);
});

test("a direct client cannot escape its address's limit by writing forwarding headers", async ({}, testInfo) => {
  await withOwnServer(testInfo, { offset: 5, env: { SUBMISSIONS_PER_HOUR_PER_IP: "3" } }, async (port) => {
    const statuses = await statusesInOrder([
      () => submitStatus(port, { "x-forwarded-for": "198.51.100.1" }),
      () => submitStatus(port, { "x-forwarded-for": "198.51.100.2, 10.0.0.1" }),
      () => submitStatus(port, { "x-real-ip": "198.51.100.3", [CLIENT_ADDRESS_HEADER]: "198.51.100.3" }),
      () => submitStatus(port, { "x-forwarded-for": "198.51.100.4" }),
      () => submitStatus(port, { [CLIENT_ADDRESS_HEADER]: "198.51.100.5" }),
      () => submitStatus(port),
    ]);
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);

    // Another machine (here another loopback address) has a limit of its own.
    expect(await submitStatus(port, {}, "127.0.0.2")).toBe(201);
  });
});

test("behind one trusted proxy, the address the proxy forwarded is the one counted", async ({}, testInfo) => {
  const env = { SUBMISSIONS_PER_HOUR_PER_IP: "2", TRUST_PROXY: "1" };
  await withOwnServer(testInfo, { offset: 6, env }, async (port) => {
    const forwardedFor =
      (value: string, extra: Record<string, string> = {}) =>
      () =>
        submitStatus(port, { "x-forwarded-for": value, ...extra });

    expect(await statusesInOrder([forwardedFor("203.0.113.5"), forwardedFor("203.0.113.5")])).toEqual([201, 201]);
    expect(await forwardedFor("203.0.113.5")()).toBe(429);
    // Another client of the proxy, even one claiming to be the first in the app's own header.
    expect(await forwardedFor("203.0.113.6", { [CLIENT_ADDRESS_HEADER]: "203.0.113.5" })()).toBe(201);

    // What the client wrote before the proxy's entry is not its address: one hop counts.
    expect(await statusesInOrder([forwardedFor("a, 203.0.113.7"), forwardedFor("b, 203.0.113.7")])).toEqual([201, 201]);
    expect(await forwardedFor("203.0.113.7")()).toBe(429);
    expect(await forwardedFor("c, 203.0.113.7")()).toBe(429);
  });
});
