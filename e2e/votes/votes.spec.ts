import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";

test("vote up, change to down, take it back; the score follows and persists", async ({ page, db }) => {
  const voter = await addUser(db);
  const { id, slug } = await addEntry(db, { title: uniqueName("Votable entry") });
  await signInAs(page, voter.handle, undefined, `/entries/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}$`));
  const score = page.getByTestId("entry-score");
  const up = page.getByRole("button", { name: "Vote up" });
  const down = page.getByRole("button", { name: "Vote down" });
  await expect(up).toBeEnabled();

  await up.click();
  await expect(score).toHaveText("1 score");
  await expect(up).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await db.entry.findUniqueOrThrow({ where: { id } })).score).toBe(1);

  await page.reload();
  await expect(page.getByRole("button", { name: "Vote up" })).toHaveAttribute("aria-pressed", "true");
  await expect(score).toHaveText("1 score");

  await down.click();
  await expect(score).toHaveText("-1 score");
  await expect.poll(async () => (await db.vote.findMany({ where: { entryId: id } })).map((v) => v.value)).toEqual([-1]);

  await down.click(); // clicking the pressed button takes the vote back
  await expect(score).toHaveText("0 score");
  await expect.poll(() => db.vote.count({ where: { entryId: id } })).toBe(0);
  expect((await db.entry.findUniqueOrThrow({ where: { id } })).score).toBe(0);
});

test("authors cannot vote on their own entry", async ({ page, db }) => {
  const author = await addUser(db);
  const { id, slug } = await addEntry(db, { title: uniqueName("My own entry") });
  await db.entry.update({ where: { id }, data: { authorId: author.id } });
  await signInAs(page, author.handle, undefined, `/entries/${slug}`);
  await page.getByRole("button", { name: "Vote up" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("You cannot vote on your own entry.");
  await expect(page.getByTestId("entry-score")).toHaveText("0 score");
  expect(await db.vote.count({ where: { entryId: id } })).toBe(0);
});

test("a signed-out visitor who votes is sent to sign in and comes back", async ({ page, db }) => {
  const voter = await addUser(db);
  const { slug } = await addEntry(db, { title: uniqueName("Vote after sign-in") });
  await page.goto(`/entries/${slug}`);
  await page.getByRole("button", { name: "Vote up" }).click();
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/entries/${slug}`)}`));
  await page.getByLabel("Handle or email").fill(voter.handle);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}$`));
  await page.getByRole("button", { name: "Vote up" }).click();
  await expect(page.getByTestId("entry-score")).toHaveText("1 score");
});

test("the vote API refuses anonymous, cross-site and malformed requests and writes nothing", async ({
  page,
  db,
  request,
  baseURL,
}) => {
  const { id, slug } = await addEntry(db, { title: uniqueName("Guarded entry") });
  const url = `/api/entries/${slug}/vote`;
  const sameOrigin = { Origin: baseURL!, "Content-Type": "application/json" };

  const anonymous = await request.post(url, { headers: sameOrigin, data: { value: 1 } });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");

  const voter = await addUser(db);
  await signInAs(page, voter.handle);
  const crossSite = await page.request.post(url, {
    headers: { Origin: "http://evil.example", "Content-Type": "application/json" },
    data: { value: 1 },
  });
  expect(crossSite.status()).toBe(403);
  // The same body schema and errors as POST /api/v1/entries/<ref>/vote: a bad value is 422.
  for (const value of [5, "1", null]) {
    const malformed = await page.request.post(url, { headers: sameOrigin, data: { value } });
    expect(malformed.status()).toBe(422);
    const error = (await malformed.json()).error;
    expect(error.code).toBe("invalid");
    expect(error.fields.value).toEqual(["Must be 1, -1 or 0."]);
  }
  const notJson = await page.request.post(url, { headers: sameOrigin, data: "{value" });
  expect(notJson.status()).toBe(400);
  const missing = await page.request.post(`/api/entries/no-such-entry/vote`, {
    headers: sameOrigin,
    data: { value: 1 },
  });
  expect(missing.status()).toBe(404);
  expect(await db.vote.count({ where: { entryId: id } })).toBe(0);

  const ok = await page.request.post(url, { headers: sameOrigin, data: { value: 1 } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ score: 1, userVote: 1 });
});

test("when the server refuses a vote, the optimistic update rolls back with a message", async ({ page, db }) => {
  const user = await addUser(db);
  const { id, slug } = await addEntry(db, { title: uniqueName("Refused vote") });
  await signInAs(page, user.handle, undefined, `/entries/${slug}`);
  await expect(page.getByRole("button", { name: "Vote up" })).toBeEnabled();
  // The entry becomes this user's own after the page loaded: the client still offers the vote.
  await db.entry.update({ where: { id }, data: { authorId: user.id } });
  await page.getByRole("button", { name: "Vote up" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("You cannot vote on your own entry.");
  await expect(page.getByTestId("entry-score")).toHaveText("0 score");
  await expect(page.getByRole("button", { name: "Vote up" })).toHaveAttribute("aria-pressed", "false");
  expect(await db.vote.count({ where: { entryId: id } })).toBe(0);
});
