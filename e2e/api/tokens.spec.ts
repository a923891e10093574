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
