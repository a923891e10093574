import { expect, it } from "vitest";
import { apiCaller } from "@/lib/api/request";
import {
  createApiToken,
  LAST_USED_RESOLUTION_MS,
  listApiTokens,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
  tokenAllows,
  userForApiToken,
} from "@/lib/api-tokens";
import type { Db } from "@/lib/db";
import { describeEachDatabase } from "@/lib/test/db-suite";

const DAY_MS = 24 * 3600 * 1000;
let users = 0;

async function addUser(db: Db) {
  return db.user.create({ data: { handle: `tok${Date.now().toString(36)}${++users}` }, select: { id: true } });
}

async function token(db: Db, options: Omit<Parameters<typeof createApiToken>[0], "db" | "userId" | "name"> = {}) {
  const user = await addUser(db);
  const created = await createApiToken({ db, userId: user.id, name: "unit", ...options });
  if (!created.ok) throw new Error(created.message);
  return { ...created, userId: user.id };
}

const bearer = (value: string, method = "POST") =>
  new Request("http://localhost/api/v1/entries", { method, headers: { Authorization: `Bearer ${value}` } });

describeEachDatabase("API tokens", ({ db }) => {
  it("have read and write scopes and no expiry unless told", async () => {
    const created = await token(db);
    expect(created.item).toMatchObject({ scopes: ["read", "write"], expiresAt: null, expired: false });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.item.id } })).scopes).toBe("read write");
    const caller = await userForApiToken({ db, token: created.token });
    expect(caller).toMatchObject({ ok: true, user: { id: created.userId }, token: { scopes: ["read", "write"] } });
  });

  it("may be read-only, and a read-only token is refused writes (403 naming the scope) but allowed reads", async () => {
    const created = await token(db, { scopes: ["read"] });
    expect(created.item.scopes).toEqual(["read"]);
    const caller = await userForApiToken({ db, token: created.token });
    if (!caller.ok) throw new Error(caller.message);
    expect(tokenAllows(caller.token, "read")).toBe(true);
    expect(tokenAllows(caller.token, "write")).toBe(false);

    const write = await apiCaller({ db, request: bearer(created.token), write: true });
    expect(write).toMatchObject({ ok: false, code: "forbidden" });
    expect(!write.ok && write.message).toMatch(/write scope/);
    expect(await apiCaller({ db, request: bearer(created.token, "GET"), write: false })).toMatchObject({
      ok: true,
      user: { id: created.userId },
    });
    const readWrite = await token(db);
    expect(await apiCaller({ db, request: bearer(readWrite.token), write: true })).toMatchObject({ ok: true });
  });

  it("expire after the chosen days: refused from then on with 401 saying so", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const created = await token(db, { expiresInDays: 30, now });
    expect(created.item.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY_MS));
    const before = new Date(now.getTime() + 30 * DAY_MS - 1000);
    expect(await userForApiToken({ db, token: created.token, now: before })).toMatchObject({ ok: true });
    const after = new Date(now.getTime() + 30 * DAY_MS);
    const refused = await userForApiToken({ db, token: created.token, now: after });
    expect(refused).toMatchObject({ ok: false, code: "unauthorized" });
    expect(!refused.ok && refused.message).toMatch(/token expired/);
    expect(tokenAllows({ scopes: ["read", "write"], expiresAt: created.item.expiresAt }, "read", after)).toBe(false);

    // A token that expired yesterday is refused by the API, and listed as expired.
    const old = await token(db, { expiresInDays: 1, now: new Date(Date.now() - 2 * DAY_MS) });
    const caller = await apiCaller({ db, request: bearer(old.token), write: false });
    expect(caller).toMatchObject({ ok: false, code: "unauthorized" });
    expect(!caller.ok && caller.message).toMatch(/token expired/);
    expect(await listApiTokens({ db, userId: old.userId })).toMatchObject([{ expired: true }]);
  });

  it("refuse unknown and revoked tokens, and invalid scopes and expiries", async () => {
    expect(await userForApiToken({ db, token: "hb_nope" })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await userForApiToken({ db, token: "nope" })).toMatchObject({ ok: false, code: "unauthorized" });
    const created = await token(db);
    expect(await revokeApiToken({ db, userId: created.userId, tokenId: created.item.id })).toBe(true);
    expect(await userForApiToken({ db, token: created.token })).toMatchObject({
      ok: false,
      message: "Unknown or revoked API token.",
    });

    const user = await addUser(db);
    const make = (options: object) => createApiToken({ db, userId: user.id, name: "x", ...options });
    expect(await make({ scopes: [] })).toMatchObject({ ok: false, code: "invalid" });
    for (const expiresInDays of [0, -1, 1.5, 366])
      expect(await make({ expiresInDays }), String(expiresInDays)).toMatchObject({ ok: false, code: "invalid" });
    expect(await make({ expiresInDays: 365 })).toMatchObject({ ok: true });
  });

  it("note their last use at most once a minute", async () => {
    const created = await token(db);
    const t0 = new Date("2026-06-01T12:00:00Z");
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: created.item.id } })).lastUsedAt;
    await userForApiToken({ db, token: created.token, now: t0 });
    expect(await lastUsed()).toEqual(t0);
    await userForApiToken({ db, token: created.token, now: new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1) });
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await userForApiToken({ db, token: created.token, now: later });
    expect(await lastUsed()).toEqual(later);
  });

  it("count only tokens neither revoked nor expired toward the limit", async () => {
    const user = await addUser(db);
    const make = (options: object = {}) => createApiToken({ db, userId: user.id, name: "many", ...options });
    await make({ expiresInDays: 1, now: new Date(Date.now() - 2 * DAY_MS) });
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) expect(await make()).toMatchObject({ ok: true });
    expect(await make()).toMatchObject({ ok: false, code: "conflict" });
  });
});
