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

test("wrong passwords and unknown accounts get the same message; failures by handle and email slow the account down without locking its owner out", async ({
  page,
  db,
}) => {
  test.slow(); // eight sign-in attempts and a wait of 5 s
  const user = await addUser(db);
  const email = `${user.handle}@example.test`;
  const alert = page.getByRole("main").getByRole("alert");
  /** One try with the form; answers the error next-auth gave (null: signed in). */
  const attempt = async (login: string, password: string) => {
    await page.getByLabel("Handle or email").fill(login);
    await page.getByLabel("Password").fill(password);
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    const { url } = (await (await answered).json()) as { url: string };
    return new URL(url).searchParams.get("error");
  };
  await page.goto("/sign-in");
  expect(await attempt(`nobody-${Date.now()}`, "whatever password")).toBe("Wrong handle, email or password.");
  await expect(alert).toHaveText("Wrong handle, email or password.");
  for (let i = 0; i < 5; i++)
    expect(await attempt(user.handle, `wrong password ${i}`)).toBe("Wrong handle, email or password.");
  // The email names the same account, so its count goes on: even the right password must wait
  // (5 s after the 5th failure), and the form says how long.
  expect(await attempt(email, TEST_PASSWORD)).toMatch(/^Too many failed sign-ins\. Try again in [1-5] seconds?\.$/);
  await expect(alert).toHaveText(/^Too many failed sign-ins\. Try again in [1-5] seconds?\.$/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  // Once the delay has passed, the owner's right password signs in.
  await expect.poll(() => attempt(email, TEST_PASSWORD), { timeout: 20_000, intervals: [1_000] }).toBeNull();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
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
