// Personal API tokens: "Authorization: Bearer hb_…" for scripts and agents. A token is shown
// once when created; only its SHA-256 is stored (a token is 256 random bits, so a fast hash
// is enough). Revoked tokens stay listed so their owner can see what was revoked and when.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { CurrentUser, Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { type Failure, fail } from "@/lib/errors";

export const TOKEN_PREFIX = "hb_";
export const MAX_ACTIVE_TOKENS = 10;
export const TOKEN_NAME_MAX = 60;
// Writing lastUsedAt on every request would turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ApiTokenItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type CreateTokenResult = { ok: true; token: string; item: ApiTokenItem } | Failure;

export async function createApiToken({
  db,
  userId,
  name,
}: {
  db: Db;
  userId: string;
  name: string;
}): Promise<CreateTokenResult> {
  const label = name.trim();
  if (!label) return fail("invalid", "Name the token after what will use it, e.g. “CI import script”.");
  if (label.length > TOKEN_NAME_MAX) return fail("invalid", `Keep the name under ${TOKEN_NAME_MAX} characters.`);
  const active = await db.apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS)
    return fail("conflict", `You have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const item = await db.apiToken.create({
    data: { userId, name: label, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { ok: true, token, item };
}

export async function listApiTokens({ db, userId }: { db: Db; userId: string }): Promise<ApiTokenItem[]> {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the user's own tokens; false when there is no such active token. */
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

/** The user a bearer token belongs to, or null for unknown and revoked tokens. */
export async function userForApiToken({ db, token }: { db: Db; token: string }): Promise<CurrentUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, handle: true, role: true } } },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { id: row.user.id, handle: row.user.handle, role: row.user.role as Role };
}
