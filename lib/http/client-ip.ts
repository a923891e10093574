// The client's address for rate limits. The production server (scripts/server.mjs) works it out
// from the connection and TRUST_PROXY, overwrites a header of its own with it on every request,
// and registers that header's name on globalThis before Next starts. Served any other way
// (`next start`, `next dev`), every request header is written by the client, X-Forwarded-For
// included: then all clients share one address, so the limits hold for everyone together
// instead of not at all, and a warning says so once.

const SERVER_REGISTRATION = Symbol.for("hivebrain.clientAddressHeader");
const WARNED = Symbol.for("hivebrain.clientAddressWarned");
const UNKNOWN_CLIENT = "unknown";

export function clientIp(header: (name: string) => string | null | undefined): string {
  const registry = globalThis as unknown as Record<symbol, unknown>;
  const name = registry[SERVER_REGISTRATION];
  if (typeof name === "string") return header(name) || UNKNOWN_CLIENT;
  if (!registry[WARNED]) {
    registry[WARNED] = true;
    console.warn(
      "HiveBrain: not served by scripts/server.mjs (npm run serve / npm start), so client addresses are unknown " +
        "and all clients share one rate-limit bucket per limit. Request headers such as X-Forwarded-For are not trusted.",
    );
  }
  return UNKNOWN_CLIENT;
}
