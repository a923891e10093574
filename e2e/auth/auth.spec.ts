import { addEntry, GUIDE_SLUG, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs, TEST_PASSWORD } from "../support/users";

test("sign up, get signed in and land back where you were", async ({ page, db }) => {
  const handle = `new${Date.now().toString(36)}`;
  await page.goto(`/entries/${GUIDE_SLUG}`);
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(new RegExp(`/sign-up\\?callbackUrl=${encodeURIComponent(`/entries/${GUIDE_SLUG}`)}`));
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Email").fill(`${handle}@example.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${GUIDE_SLUG}$`));
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${handle}`);
  const user = await db.user.findUniqueOrThrow({ where: { handle } });
  expect(user.role).toBe("user");
  expect(user.passwordHash).toMatch(/^\$argon2id\$/);
});

test("sign-up shows field errors in the page and keeps what was typed", async ({ page, db }) => {
  const existing = await addUser(db);
  await page.goto("/sign-up");
  await page.getByLabel("Handle").fill(existing.handle);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
  await expect(page.locator("#password-error")).toHaveText("Use at least 10 characters.");
  await expect(page.getByLabel("Handle")).toHaveValue(existing.handle);
  await page.getByLabel("Email").fill(`${uniqueName("x")}@example.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#handle-error")).toHaveText("That handle is taken.");
  expect(await db.user.count({ where: { handle: existing.handle } })).toBe(1);
});

test("sign in with handle or email, then sign out", async ({ page, db }) => {
  const user = await addUser(db);
  await signInAs(page, user.handle);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signInAs(page, `${user.handle}@example.test`);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
});

test("wrong passwords and unknown accounts get the same message, and repeated failures lock the account", async ({
  page,
  db,
}) => {
  const user = await addUser(db);
  const attempt = async (login: string, password: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Handle or email").fill(login);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.getByRole("main").getByRole("alert");
  };
  await expect(await attempt(`nobody-${Date.now()}`, "whatever password")).toHaveText(
    "Wrong handle, email or password.",
  );
  for (let i = 0; i < 5; i++)
    await expect(await attempt(user.handle, `wrong password ${i}`)).toHaveText("Wrong handle, email or password.");
  // Even the right password is refused while the account is locked out.
  await expect(await attempt(user.handle, TEST_PASSWORD)).toContainText("Too many failed sign-ins");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("a profile shows the user's entries and reputation with its rules", async ({ page, db }) => {
  const author = await addUser(db);
  const voter = await addUser(db);
  const { id } = await addEntry(db, { title: uniqueName("Profile entry") });
  await db.entry.update({ where: { id }, data: { authorId: author.id } });
  await db.vote.create({ data: { userId: voter.id, entryId: id, value: 1 } });
  await page.goto(`/users/${author.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`@${author.handle}`);
  await expect(page.getByTestId("reputation")).toHaveText("1");
  await expect(page.getByText(/Reputation is the sum of the votes/)).toBeVisible();
  await expect(page.getByTestId("entry-card").filter({ hasText: "Profile entry" })).toHaveCount(1);
  expect((await page.goto("/users/no-such-user"))?.status()).toBe(404);
});

test("a server action replayed from another site is refused and creates nothing", async ({ page, db }) => {
  const handle = `csrf${Date.now().toString(36)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Email").fill("not-an-email"); // invalid, so the genuine request writes nothing either
  await page.getByLabel("Password").fill("a long enough password");
  const actionRequest = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await page.getByRole("button", { name: "Create account" }).click();
  const genuine = await actionRequest;

  const body = (genuine.postData() ?? "").replace("not-an-email", `${handle}@example.test`);
  const forged = await page.request.post(genuine.url(), {
    headers: { ...genuine.headers(), origin: "http://evil.example" },
    data: body,
    failOnStatusCode: false,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await db.user.count({ where: { handle } })).toBe(0);

  // Control: the same request from the site itself does create the account.
  const sameSite = await page.request.post(genuine.url(), { headers: genuine.headers(), data: body });
  expect(sameSite.status()).toBe(200);
  expect(await db.user.count({ where: { handle } })).toBe(1);
});
