import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import { CLIENT_ADDRESS_HEADER, SERVER_REGISTRATION } from "@/scripts/lib/client-address.mjs";

const registry = globalThis as unknown as Record<symbol, unknown>;
const WARNED = Symbol.for("hivebrain.clientAddressWarned");
const headersOf = (headers: Record<string, string>) => (name: string) => new Headers(headers).get(name);
const spoofed = {
  "x-forwarded-for": "203.0.113.5",
  "x-real-ip": "203.0.113.6",
  [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
};

afterEach(() => {
  delete registry[SERVER_REGISTRATION];
  delete registry[WARNED];
  vi.restoreAllMocks();
});

describe("clientIp under the production server", () => {
  it("is the address the server put in its header, and nothing the client wrote elsewhere", () => {
    registry[SERVER_REGISTRATION] = CLIENT_ADDRESS_HEADER;
    expect(clientIp(headersOf({ ...spoofed, [CLIENT_ADDRESS_HEADER]: "198.51.100.20" }))).toBe("198.51.100.20");
    expect(clientIp(headersOf({ "x-forwarded-for": "203.0.113.5" }))).toBe("unknown");
  });
});

describe("clientIp served any other way (next start, next dev)", () => {
  it("trusts no header: every client shares one address, and a warning says so once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(clientIp(headersOf(spoofed))).toBe("unknown");
    expect(clientIp(headersOf({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
    expect(clientIp(headersOf({}))).toBe("unknown");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/scripts\/server\.mjs/);
  });
});
