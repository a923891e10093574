// Who is calling /mcp, worked out by lib/mcp/http.ts before the SDK sees the request, and handed to
// the tools: the token's user and scopes (or nobody), the client's address for rate limits, the
// site's origin for entry URLs, and the agent's self-reported name.
import "server-only";
import type { TokenGrant } from "@/lib/api-tokens";
import { tokenAllows } from "@/lib/api-tokens";
import type { CurrentUser } from "@/lib/auth/roles";
import { type Failure, fail } from "@/lib/errors";
import { cleanClientName } from "@/lib/mcp/client-session";

export interface McpCaller {
  /** The token's owner; null for an anonymous caller (who may only read). */
  user: CurrentUser | null;
  token: (TokenGrant & { id: string }) | null;
  ip: string;
  /** The site's origin ("https://hivebrain.example"), for absolute entry URLs. */
  origin: string;
  /** The client's name from its `initialize` request, carried in the session id (lib/mcp/client-session.ts). */
  sessionClientName: string | null;
}

/** The envelope key in which 2026-era clients name themselves on every request. */
const CLIENT_INFO_KEY = "io.modelcontextprotocol/clientInfo";

/** The agent's name: from this request's envelope (2026 protocol), else from its session; "an MCP client" when neither says. */
export function agentName(caller: McpCaller, envelope: Record<string, unknown> | undefined): string {
  const info = envelope?.[CLIENT_INFO_KEY] as { name?: unknown } | undefined;
  return cleanClientName(info?.name) ?? caller.sessionClientName ?? "an MCP client";
}

/** The caller as a writer: a user whose token has the write scope, or the failure to answer. */
export function writer(caller: McpCaller): { ok: true; user: CurrentUser; tokenId: string } | Failure {
  if (!caller.user || !caller.token)
    return fail(
      "unauthorized",
      "Writing needs an API token with the write scope: create one on your HiveBrain profile and send it as “Authorization: Bearer hb_…”.",
    );
  if (!tokenAllows(caller.token, "write"))
    return fail("forbidden", "This API token is read-only; create a token with the write scope on your profile.");
  return { ok: true, user: caller.user, tokenId: caller.token.id };
}
