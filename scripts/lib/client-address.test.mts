import { describe, expect, it } from "vitest";
import {
  clientAddress,
  describeTrustProxy,
  dropUntrustedForwarding,
  FORWARDED_ORIGIN_HEADERS,
  parseTrustProxy,
} from "./client-address.mjs";

/** A request as node:http hands it over: the peer's address and the forwarded chain. */
const request = (peer: string | undefined, forwardedFor?: string) => ({
  socket: { remoteAddress: peer },
  headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
});
const addressOf = (trustProxy: string | undefined, peer: string | undefined, forwardedFor?: string) =>
  clientAddress(request(peer, forwardedFor), parseTrustProxy(trustProxy));

describe("clientAddress without TRUST_PROXY", () => {
  it("is the connection's address, whatever X-Forwarded-For says", () => {
    expect(addressOf(undefined, "198.51.100.20")).toBe("198.51.100.20");
    expect(addressOf(undefined, "198.51.100.20", "203.0.113.5")).toBe("198.51.100.20");
    expect(addressOf(undefined, "198.51.100.20", "a, 10.0.0.1")).toBe("198.51.100.20");
    expect(addressOf("", "2001:db8::7", "203.0.113.5")).toBe("2001:db8::7");
    expect(addressOf("0", "198.51.100.20", "203.0.113.5")).toBe("198.51.100.20");
  });

  it("gives IPv4 peers of a dual-stack socket in dotted form", () => {
    expect(addressOf(undefined, "::ffff:127.0.0.1", "203.0.113.5")).toBe("127.0.0.1");
    expect(addressOf(undefined, "::ffff:7f00:1")).toBe("::ffff:7f00:1");
  });

  it("is 'unknown' when the socket has already closed", () => {
    expect(addressOf(undefined, undefined, "203.0.113.5")).toBe("unknown");
  });
});

describe("clientAddress with a hop count", () => {
  it("takes the address the trusted proxies saw, not what the client wrote before it", () => {
    expect(addressOf("1", "127.0.0.1", "203.0.113.5")).toBe("203.0.113.5");
    expect(addressOf("1", "127.0.0.1", "a, 203.0.113.7")).toBe("203.0.113.7");
    expect(addressOf("1", "::ffff:10.0.0.2", "198.51.100.1, ::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressOf("2", "10.0.0.2", "a, 203.0.113.7, 10.0.0.9")).toBe("203.0.113.7");
  });

  it("falls back to the left-most address, then the connection, when the chain is shorter", () => {
    expect(addressOf("3", "10.0.0.2", "203.0.113.7, 10.0.0.9")).toBe("203.0.113.7");
    expect(addressOf("1", "127.0.0.1")).toBe("127.0.0.1");
  });
});

describe("clientAddress with trusted addresses", () => {
  it("skips every hop from a trusted address or range, and no more", () => {
    expect(addressOf("loopback", "127.0.0.1", "203.0.113.9, 127.0.0.5")).toBe("203.0.113.9");
    expect(addressOf("loopback", "127.0.0.1", "10.0.0.3, 203.0.113.9")).toBe("203.0.113.9");
    expect(addressOf("loopback, 10.0.0.0/8", "127.0.0.1", "203.0.113.9, 10.0.0.3")).toBe("203.0.113.9");
    expect(addressOf("uniquelocal", "192.168.1.10", "2001:db8::1")).toBe("2001:db8::1");
    expect(addressOf("192.168.1.10", "192.168.1.10", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(addressOf("loopback", "198.51.100.20", "203.0.113.9")).toBe("198.51.100.20");
    expect(addressOf("10.0.0.0/8", "::ffff:198.51.100.20", "10.0.0.1")).toBe("198.51.100.20");
  });
});

describe("parseTrustProxy", () => {
  it("refuses values that are neither a hop count nor addresses", () => {
    for (const value of ["true", "-1", "1.5", "nonsense", "10.0.0.0/33", "loopback,,10.0.0.1", "loopback,"])
      expect(() => parseTrustProxy(value), value).toThrow();
  });

  it("describes the setting for the start-up message", () => {
    expect(describeTrustProxy(undefined)).toMatch(/connection's address/);
    expect(describeTrustProxy("1")).toBe("the address 1 trusted proxy hop away");
    expect(describeTrustProxy("2")).toBe("the address 2 trusted proxy hops away");
    expect(describeTrustProxy("loopback")).toMatch(/TRUST_PROXY=loopback/);
  });
});

describe("dropUntrustedForwarding", () => {
  const forwarded = () => ({
    "x-forwarded-host": "hivebrain.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    host: "127.0.0.1:3000",
  });
  const headersAfter = (trustProxy: string | undefined, peer: string) => {
    const request = { socket: { remoteAddress: peer }, headers: forwarded() };
    dropUntrustedForwarding(request, parseTrustProxy(trustProxy));
    return request.headers;
  };

  it("drops the forwarded host, scheme and port from a client that is not a trusted proxy", () => {
    for (const [trustProxy, peer] of [
      [undefined, "127.0.0.1"],
      ["", "198.51.100.20"],
      ["0", "127.0.0.1"],
      ["loopback", "198.51.100.20"],
      ["10.0.0.0/8", "::ffff:198.51.100.20"],
    ] as const)
      expect(headersAfter(trustProxy, peer), `${trustProxy} ${peer}`).toEqual({ host: "127.0.0.1:3000" });
    expect(FORWARDED_ORIGIN_HEADERS).toEqual(["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]);
  });

  it("keeps them from a trusted proxy", () => {
    for (const [trustProxy, peer] of [
      ["loopback", "127.0.0.1"],
      ["loopback", "::ffff:127.0.0.1"],
      ["10.0.0.0/8", "10.1.2.3"],
      ["1", "198.51.100.20"],
    ] as const)
      expect(headersAfter(trustProxy, peer), `${trustProxy} ${peer}`).toEqual(forwarded());
  });
});
