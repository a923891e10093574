// /mcp over Streamable HTTP: what runs before the SDK sees a request. The SDK checks neither the
// Host and Origin headers nor tokens (by design), so this does: a Host this site does not serve
// is refused (DNS rebinding), an Origin from another site is refused (a web page cannot drive a
// local agent's token), a bearer token must be valid (anonymous callers may read). The body is
// read here under a cap and handed over parsed. Stateless: every request gets a fresh server
// instance, so any app server behind a load balancer answers any request.
import "server-only";
import { createMcpHandler, hostHeaderValidationResponse, type McpHttpHandler } from "@modelcontextprotocol/server";
import { requestOrigin } from "@/lib/api/list-entries";
import { requestIp } from "@/lib/api/request";
import { userForApiToken } from "@/lib/api-tokens";
import { db } from "@/lib/db";
import { ERRORS, type ErrorCode } from "@/lib/errors";
import { isSameOrigin, readBodyBytes } from "@/lib/http/json";
import type { McpCaller } from "@/lib/mcp/caller";
import { cleanClientName, clientNameOf, sessionIdFor } from "@/lib/mcp/client-session";
import { buildMcpServer } from "@/lib/mcp/server";

/** The largest request body: an entry at its limits, JSON-escaped, fits several times over. */
export const MCP_MAX_BODY_BYTES = 256 * 1024;

const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Host names this site answers to: NEXTAUTH_URL's, and every loopback name when that is a loopback one. */
export function allowedHostnames(siteUrl = process.env.NEXTAUTH_URL): string[] {
  if (!siteUrl) return LOOPBACK_HOSTNAMES;
  const hostname = new URL(siteUrl).hostname;
  return LOOPBACK_HOSTNAMES.includes(hostname) ? LOOPBACK_HOSTNAMES : [hostname];
}

let handler: McpHttpHandler | undefined;

function mcpHandler(): McpHttpHandler {
  handler ??= createMcpHandler((context) => buildMcpServer(context.authInfo?.extra?.caller as McpCaller), {
    legacy: "stateless",
    maxRequestBodySize: MCP_MAX_BODY_BYTES,
    onerror: (error) => console.error("mcp:", error.message),
  });
  return handler;
}

/** An HTTP-level refusal, as a JSON-RPC error the client can show. */
function refusal(code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { jsonrpc: "2.0", id: null, error: { code: -32000, message } },
    { status: ERRORS[code].status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

async function callerOf(request: Request): Promise<McpCaller | Response> {
  const base = {
    ip: requestIp(request),
    origin: requestOrigin(request),
    sessionClientName: clientNameOf(request.headers.get("mcp-session-id")),
  };
  const authorization = request.headers.get("authorization");
  if (authorization === null) return { ...base, user: null, token: null };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const challenge = { "WWW-Authenticate": 'Bearer realm="hivebrain"' };
  if (!token) return refusal("unauthorized", "Send the token as “Authorization: Bearer hb_…”.", challenge);
  const found = await userForApiToken({ db, token });
  if (!found.ok) return refusal("unauthorized", found.message, challenge);
  return { ...base, user: found.user, token: found.token };
}

export async function handleMcpRequest(request: Request): Promise<Response> {
  const badHost = hostHeaderValidationResponse(request, allowedHostnames());
  if (badHost) return badHost;
  if (request.headers.has("origin") && !isSameOrigin(request))
    return refusal("forbidden", "Requests from web pages of other sites are refused.");

  // Counted as it arrives and cut off at the cap, whatever Content-Length says.
  let parsedBody: unknown;
  if (request.method === "POST") {
    const bytes = await readBodyBytes(request, MCP_MAX_BODY_BYTES);
    if (!bytes.ok) return refusal("too_large", bytes.message);
    try {
      parsedBody = JSON.parse(new TextDecoder().decode(bytes.value));
    } catch {
      return Response.json(
        { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error: the body is not JSON." } },
        { status: 400 },
      );
    }
  }

  const caller = await callerOf(request);
  if (caller instanceof Response) return caller;
  const authInfo = {
    token: "",
    clientId: caller.user?.id ?? "anonymous",
    scopes: [...(caller.token?.scopes ?? [])],
    extra: { caller },
  };
  const response = await mcpHandler().fetch(request, { authInfo, parsedBody });

  // A 2025-era client names itself only when it initializes: the session id it gets back, and
  // sends with every later request, carries the name (lib/mcp/client-session.ts).
  const initialize = parsedBody as { method?: unknown; params?: { clientInfo?: { name?: unknown } } } | undefined;
  if (initialize?.method === "initialize" && response.ok && !response.headers.has("mcp-session-id")) {
    const headers = new Headers(response.headers);
    headers.set("Mcp-Session-Id", sessionIdFor(cleanClientName(initialize.params?.clientInfo?.name)));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}
