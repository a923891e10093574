// The client's address as the production server (scripts/server.mjs) works it out: the
// connection's own, unless the operator trusts the proxies in front (TRUST_PROXY), with the
// semantics of proxy-addr (what Express's "trust proxy" uses).
import proxyaddr from "proxy-addr";

/** The request header the server always overwrites with the address; the app reads only it. */
export const CLIENT_ADDRESS_HEADER = "x-hivebrain-client-address";

/**
 * Where the server registers CLIENT_ADDRESS_HEADER for the app (lib/http/client-ip.ts) before
 * Next starts. Only code running in the server's process can set it, so when it is absent
 * (`next start`, `next dev`) the app knows that no request header can be trusted.
 */
export const SERVER_REGISTRATION = Symbol.for("hivebrain.clientAddressHeader");

const trustNothing = () => false;

/**
 * TRUST_PROXY as a proxy-addr trust function. Unset or empty: trust nothing (the address is the
 * connection's). A whole number n: the n hops closest to the server are proxies. Otherwise a
 * comma-separated list of addresses, CIDR ranges and proxy-addr's names (loopback, linklocal,
 * uniquelocal): hops from those addresses are proxies. Throws on anything else.
 * @param {string | undefined} value
 * @returns {(address: string, hop: number) => boolean}
 */
export function parseTrustProxy(value) {
  const text = value?.trim() ?? "";
  if (text === "") return trustNothing;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = text.split(",").map((item) => item.trim());
  if (list.some((item) => item === "")) throw new TypeError(`empty item in "${text}"`);
  return proxyaddr.compile(list);
}

/** A one-line description of TRUST_PROXY for the server's start-up message. */
export function describeTrustProxy(value) {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return "the connection's address (TRUST_PROXY unset: no proxy trusted)";
  if (/^\d+$/.test(text)) return `the address ${text} trusted proxy hop${text === "1" ? "" : "s"} away`;
  return `the address before the first hop not in TRUST_PROXY=${text}`;
}

/**
 * The client's address: walking from the connection back through X-Forwarded-For, the first
 * hop that is not a trusted proxy (the left-most one when all are). IPv4 addresses come back
 * in dotted form even on a dual-stack socket ("::ffff:203.0.113.5" → "203.0.113.5").
 * @param {{ socket: { remoteAddress?: string }, headers: Record<string, string | string[] | undefined> }} request
 * @param {(address: string, hop: number) => boolean} trust from parseTrustProxy
 * @returns {string}
 */
export function clientAddress(request, trust) {
  const address = proxyaddr(request, trust);
  if (!address) return "unknown"; // the socket closed before the request was handled
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * The forwarding headers that name the host and scheme the client asked for. Next.js and the app
 * build URLs and the same-origin check from them, so they count only when a trusted proxy wrote
 * them; from anyone else they are dropped (and Next.js fills them in from the Host header and
 * the connection).
 */
export const FORWARDED_ORIGIN_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * Whether the request's connection comes from a trusted proxy (TRUST_PROXY): the hop next to the
 * server. With nothing trusted, never.
 * @param {{ socket: { remoteAddress?: string } }} request
 * @param {(address: string, hop: number) => boolean} trust from parseTrustProxy
 */
export function fromTrustedProxy(request, trust) {
  const peer = request.socket.remoteAddress;
  return peer !== undefined && trust(peer, 0);
}

/**
 * Removes FORWARDED_ORIGIN_HEADERS from a request that did not come through a trusted proxy.
 * @param {{ socket: { remoteAddress?: string }, headers: Record<string, string | string[] | undefined> }} request
 * @param {(address: string, hop: number) => boolean} trust from parseTrustProxy
 */
export function dropUntrustedForwarding(request, trust) {
  if (fromTrustedProxy(request, trust)) return;
  for (const name of FORWARDED_ORIGIN_HEADERS) delete request.headers[name];
}
