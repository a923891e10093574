// Personal API tokens: "Authorization: Bearer hb_…" for scripts and agents. A token is shown
// once when created; only its SHA-256 is stored (a token is 256 random bits, so a fast hash
// is enough). Each token has scopes (read; read and write) and may expire. Revoked and expired
// tokens stay listed so their owner can see what ended and when.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/api-token-choices";
import type { CurrentUser, Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { type Failure, fail } from "@/lib/errors";

export type { TokenScope } from "@/lib/api-token-choices";

export const TOKEN_PREFIX = "hb_";
export const MAX_ACTIVE_TOKENS = 10;
export const TOKEN_NAME_MAX = 60;
export const MAX_EXPIRY_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;
// Writing lastUsedAt on every request would turn every read into a write.
export const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The scopes stored as a space-separated list ("read write"); unknown words are ignored. */
export function parseScopes(stored: string): TokenScope[] {
  const words = stored.split(/\s+/);
  return TOKEN_SCOPES.filter((scope) => words.includes(scope));
}

/** What a token grants: its scopes until it expires (never when expiresAt is null). */
export interface TokenGrant {
  scopes: readonly TokenScope[];
  expiresAt: Date | null;
}

/** Whether the token permits `scope` at `now`: it has the scope and has not expired. */
export function tokenAllows(token: TokenGrant, scope: TokenScope, now: Date = new Date()): boolean {
  return token.scopes.includes(scope) && (token.expiresAt === null || token.expiresAt > now);
}

export interface ApiTokenItem {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date | null;
  /** Whether expiresAt has passed (as of the listing). */
  expired: boolean;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const itemSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

function toItem(row: Omit<ApiTokenItem, "scopes" | "expired"> & { scopes: string }, now: Date): ApiTokenItem {
  return { ...row, scopes: parseScopes(row.scopes), expired: row.expiresAt !== null && row.expiresAt <= now };
}

export type CreateTokenResult = { ok: true; token: string; item: ApiTokenItem } | Failure;

/**
 * Creates a token with these scopes (read and write unless told), expiring after `expiresInDays`
 * (1 to MAX_EXPIRY_DAYS) or never (null).
 */
export async function createApiToken({
  db,
  userId,
  name,
  scopes = ["read", "write"],
  expiresInDays = null,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  name: string;
  scopes?: readonly TokenScope[];
  expiresInDays?: number | null;
  now?: Date;
}): Promise<CreateTokenResult> {
  const label = name.trim();
  if (!label) return fail("invalid", "Name the token after what will use it, e.g. “CI import script”.");
  if (label.length > TOKEN_NAME_MAX) return fail("invalid", `Keep the name under ${TOKEN_NAME_MAX} characters.`);
  const granted = TOKEN_SCOPES.filter((scope) => scopes.includes(scope));
  if (granted.length === 0 || granted.length !== new Set(scopes).size)
    return fail("invalid", `Choose the token's scopes among ${TOKEN_SCOPES.join(", ")}.`);
  if (
    expiresInDays !== null &&
    !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= MAX_EXPIRY_DAYS)
  )
    return fail("invalid", `A token expires after 1 to ${MAX_EXPIRY_DAYS} days, or never.`);
  const active = await db.apiToken.count({ where: { userId, ...activeAt(now) } });
  if (active >= MAX_ACTIVE_TOKENS)
    return fail("conflict", `You have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({
    data: {
      userId,
      name: label,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: granted.join(" "),
      expiresAt: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS),
      createdAt: now,
    },
    select: itemSelect,
  });
  return { ok: true, token, item: toItem(row, now) };
}

/** Neither revoked nor expired at `now`. */
function activeAt(now: Date) {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

export async function listApiTokens({
  db,
  userId,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  now?: Date;
}): Promise<ApiTokenItem[]> {
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: itemSelect });
  return rows.map((row) => toItem(row, now));
}

/** Revokes one of the user's own tokens; false when there is no such token not yet revoked. */
export async function revokeApiToken({
  db,
  userId,
  tokenId,
}: {
  db: Db;
  userId: string;
  tokenId: string;
}): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

export type TokenCaller = { ok: true; user: CurrentUser; token: TokenGrant & { id: string } } | Failure;

/**
 * The user a bearer token belongs to and what the token grants; unauthorized (401) for unknown,
 * revoked and expired tokens. Notes the use in lastUsedAt, at most once a minute per token.
 */
export async function userForApiToken({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<TokenCaller> {
  const row = token.startsWith(TOKEN_PREFIX)
    ? await db.apiToken.findUnique({
        where: { tokenHash: hashToken(token) },
        select: {
          id: true,
          scopes: true,
          expiresAt: true,
          revokedAt: true,
          lastUsedAt: true,
          user: { select: { id: true, handle: true, role: true } },
        },
      })
    : null;
  if (!row || row.revokedAt) return fail("unauthorized", "Unknown or revoked API token.");
  if (row.expiresAt && row.expiresAt <= now)
    return fail(
      "unauthorized",
      `API token expired on ${row.expiresAt.toISOString()}; create a new one on your profile.`,
    );
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= stale) {
    // Conditional, so that concurrent requests with one token write it once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    ok: true,
    user: { id: row.user.id, handle: row.user.handle, role: row.user.role as Role },
    token: { id: row.id, scopes: parseScopes(row.scopes), expiresAt: row.expiresAt },
  };
}
