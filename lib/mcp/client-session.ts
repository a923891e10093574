// The MCP client's name, kept across a stateless server's requests. A 2025-era client says who it
// is only in its `initialize` request; every later request stands alone (any app server may
// answer it). So the answer to `initialize` carries an Mcp-Session-Id that holds the name, signed
// by this site, and the client sends it back with every request (the protocol requires clients
// to). Nothing is stored: any server holding the auth secret reads it. Clients of the 2026
// protocol name themselves in every request's _meta instead, which wins when present.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/** Longest client name kept; longer ones are cut. */
export const CLIENT_NAME_MAX = 80;

let signingKey: Buffer | undefined;

function signature(payload: string): string {
  // A key of its own, derived from the auth secret, so a session id can never pass for anything else.
  signingKey ??= createHmac("sha256", authSecret()).update("hivebrain mcp session").digest();
  return createHmac("sha256", signingKey).update(payload).digest("base64url");
}

/** A client's self-reported name made safe to store and show: printable, single-line, bounded. */
export function cleanClientName(name: unknown): string | null {
  if (typeof name !== "string") return null;
  const clean = name
    .replace(/[\p{C}\s]+/gu, " ")
    .trim()
    .slice(0, CLIENT_NAME_MAX);
  return clean === "" ? null : clean;
}

/**
 * A session id naming the client: `<random>.<name, base64url>.<signature>`, only visible ASCII
 * as the protocol requires of session ids.
 */
export function sessionIdFor(clientName: string | null): string {
  const payload = `${randomBytes(12).toString("base64url")}.${Buffer.from(clientName ?? "").toString("base64url")}`;
  return `${payload}.${signature(payload)}`;
}

/** The client name in a session id this site issued; null for a missing, foreign or altered one. */
export function clientNameOf(sessionId: string | null): string | null {
  if (!sessionId || sessionId.length > 400) return null;
  const dot = sessionId.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = sessionId.slice(0, dot);
  const given = Buffer.from(sessionId.slice(dot + 1));
  const expected = Buffer.from(signature(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const encodedName = payload.split(".")[1] ?? "";
  return cleanClientName(Buffer.from(encodedName, "base64url").toString("utf8"));
}
