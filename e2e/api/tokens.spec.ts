import { addEntry } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";

test("a user creates an API token on their profile, uses it, and revokes it", async ({ page, request, db }) => {
  const user = await addUser(db);
  const { slug } = await addEntry(db);
  await signInAs(page, user.handle, undefined, `/users/${user.handle}`);
  const tokens = page.getByRole("region", { name: "API tokens" });
  await tokens.getByLabel("Token name").fill("Laptop script");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const token = (await tokens.getByTestId("new-api-token").textContent()) ?? "";
  expect(token).toMatch(/^hb_/);
  const stored = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
  expect(stored.tokenHash).not.toContain(token);

  const vote = await request.post(`/api/v1/entries/${slug}/vote`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { value: 1 },
  });
  expect(vote.status()).toBe(200);
  await page.reload();
  await expect(tokens.getByRole("listitem").filter({ hasText: "Laptop script" })).toContainText("last used");

  await tokens.getByRole("button", { name: "Revoke Laptop script" }).click();
  await expect(tokens.getByRole("listitem").filter({ hasText: "Laptop script" })).toContainText("revoked");
  const after = await request.post(`/api/v1/entries/${slug}/vote`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { value: 0 },
  });
  expect(after.status()).toBe(401);

  await page.goto(`/users/${(await addUser(db)).handle}`);
  await expect(page.getByRole("region", { name: "API tokens" })).toHaveCount(0);
});

test("a session cookie does not authorize cross-site API writes", async ({ page, db }) => {
  const user = await addUser(db);
  const { slug } = await addEntry(db);
  await signInAs(page, user.handle);
  const crossSite = await page.request.post(`/api/v1/entries/${slug}/vote`, {
    headers: { Origin: "http://evil.example" },
    data: { value: 1 },
  });
  expect(crossSite.status()).toBe(403);
  const sameSite = await page.request.post(`/api/v1/entries/${slug}/vote`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { value: 1 },
  });
  expect(sameSite.status()).toBe(200);
});

test("a read-only token that expires: listed with its scope and expiry, refused writes, answered reads", async ({
  page,
  request,
  db,
}) => {
  const user = await addUser(db);
  const { slug } = await addEntry(db);
  await signInAs(page, user.handle, undefined, `/users/${user.handle}`);
  const tokens = page.getByRole("region", { name: "API tokens" });
  await tokens.getByLabel("Token name").fill("Dashboard reader");
  await tokens.getByLabel("Access").selectOption({ label: "Read only" });
  await tokens.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await tokens.getByRole("button", { name: "Create token" }).click();
  const token = (await tokens.getByTestId("new-api-token").textContent()) ?? "";
  expect(token).toMatch(/^hb_/);

  const stored = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
  expect(stored.scopes).toBe("read");
  const days = ((stored.expiresAt?.getTime() ?? 0) - stored.createdAt.getTime()) / (24 * 3600 * 1000);
  expect(days).toBeCloseTo(30, 3);
  const expiry = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const item = tokens.getByRole("listitem").filter({ hasText: "Dashboard reader" });
  await expect(item).toContainText("read only");
  await expect(item).toContainText(`expires ${expiry.format(stored.expiresAt ?? new Date())}`);
  await expect(item).toContainText("never used");

  const headers = { Authorization: `Bearer ${token}` };
  const write = await request.post(`/api/v1/entries/${slug}/vote`, { headers, data: { value: 1 } });
  expect(write.status()).toBe(403);
  const refusal = (await write.json()).error;
  expect(refusal.code).toBe("forbidden");
  expect(refusal.message).toMatch(/write scope/);
  expect((await db.entry.findUniqueOrThrow({ where: { slug } })).score).toBe(0);

  const read = await request.get(`/api/v1/entries/${slug}`, { headers });
  expect(read.status()).toBe(200);
  expect((await read.json()).slug).toBe(slug);
  await page.reload();
  await expect(item).toContainText(/last used \w{3} \d{1,2}, \d{4}, \d{2}:\d{2} UTC/);

  // Once its date has passed, the token is refused, saying why, and listed as expired.
  await db.apiToken.update({ where: { id: stored.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  const expired = await request.get(`/api/v1/entries/${slug}`, { headers });
  expect(expired.status()).toBe(401);
  expect((await expired.json()).error.message).toMatch(/token expired/);
  await page.reload();
  await expect(item).toContainText("expired");
});
