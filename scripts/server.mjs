// The production server (npm run serve, npm start, the browser tests, measure and bench):
// Next.js behind node:http, so that each request's client address comes from its connection.
// `next start` cannot tell a route handler the connection's address (it copies it into
// X-Forwarded-For only when the client sent none), so every rate limit keyed on an address
// would be the client's to choose. Here the address is worked out from the socket and
// TRUST_PROXY (scripts/lib/client-address.mjs) and passed to the app in a header this server
// always overwrites. X-Forwarded-Host and -Proto are kept only from a trusted proxy.
//
//   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0]
//
// Reads the build in NEXT_DIST_DIR (default .next), like `next start`; PORT is the default port.
import http from "node:http";
import { parseArgs } from "node:util";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  describeTrustProxy,
  dropUntrustedForwarding,
  parseTrustProxy,
  SERVER_REGISTRATION,
} from "./lib/client-address.mjs";
import { root } from "./lib/setup.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Like `next start`: all interfaces unless a hostname is given.
const hostname = values.hostname;

let trust;
try {
  trust = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  console.error(`✖ TRUST_PROXY=${process.env.TRUST_PROXY}: ${error.message}`);
  console.error("  Expected a number of proxy hops, or a comma-separated list of addresses, CIDR ranges,");
  console.error("  loopback, linklocal or uniquelocal.");
  process.exit(2);
}

// Before Next and React load: they pick their production builds from it, as under `next start`.
process.env.NODE_ENV ||= "production";
globalThis[SERVER_REGISTRATION] = CLIENT_ADDRESS_HEADER;
const { default: next } = await import("next");
// Next builds the URL its proxy (proxy.ts) sees from "localhost" whatever the hostname given here,
// and takes a rewrite to another origin for an external one: give it the same name for both.
// It only names the server to itself; the server listens where --hostname says.
const app = next({ dev: false, dir: root, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  // Overwrites whatever the client sent under this name (Node joins repeated headers into one).
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request, trust);
  dropUntrustedForwarding(request, trust);
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});

server.on("error", (error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`HiveBrain serving on http://${hostname ?? "localhost"}:${port}`);
  console.log(`Client address for rate limits: ${describeTrustProxy(process.env.TRUST_PROXY)}`);
});

// Graceful stop, as `next start` does: refuse new connections, let requests in flight finish
// (at most 10 s), then close Next. Exit codes say which signal ended the server.
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
  server.close(() => {
    app
      .close()
      .catch(console.error)
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
