// Sessions are JWTs that no server can take back; each carries the user's session version, and
// "Sign out everywhere" or a password change raises it, which signs out every older session.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs, TEST_PASSWORD } from "../support/users";

/** A browser of its own (its own cookies) signed in as `handle`. */
async function signedInBrowser(
  browser: Browser,
  baseURL: string | undefined,
  handle: string,
  password = TEST_PASSWORD,
) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, handle, password);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${handle}`);
  return page;
}

/** What the server makes of the page's cookies on its next request. */
async function sessionOf(page: Page) {
  return (await (await page.request.get("/api/auth/session")).json()) as { user?: { name?: string } };
}

test("signing out everywhere ends the session in the other browser at its next request", async ({
  browser,
  db,
  baseURL,
}) => {
  test.slow(); // two browsers, three or four sign-ins
  const user = await addUser(db);
  const here = await signedInBrowser(browser, baseURL, user.handle);
  const elsewhere = await signedInBrowser(browser, baseURL, user.handle);
  expect((await sessionOf(elsewhere)).user?.name).toBe(user.handle);

  await here.goto(`/users/${user.handle}`);
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/sign-in$/);
  await expect(here.getByTestId("signed-in-as")).toHaveCount(0);

  // The other browser still holds its cookie, but it signs no one in: not the server-rendered
  // page (no owner's sections), not the header, not the session endpoint.
  expect((await elsewhere.context().cookies()).some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(
    true,
  );
  await elsewhere.goto(`/users/${user.handle}`);
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText(`@${user.handle}`);
  await expect(elsewhere.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
  await expect(elsewhere.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await sessionOf(elsewhere)).toEqual({});

  // Signing in again issues a session under the new version.
  await signInAs(elsewhere, user.handle);
  expect((await sessionOf(elsewhere)).user?.name).toBe(user.handle);
  await here.context().close();
  await elsewhere.context().close();
});

test("changing the password signs out the other browser and keeps this one signed in", async ({
  browser,
  db,
  baseURL,
}) => {
  test.slow(); // two browsers, three or four sign-ins
  const user = await addUser(db);
  const here = await signedInBrowser(browser, baseURL, user.handle);
  const elsewhere = await signedInBrowser(browser, baseURL, user.handle);
  const newPassword = "a different long password";

  await here.goto(`/users/${user.handle}`);
  const form = here.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not the password");
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.locator("#currentPassword-error")).toHaveText("That is not your current password.");
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const axe = await new AxeBuilder({ page: here })
    .withTags(["wcag2a", "wcag2aa"])
    .include('[aria-labelledby="account-security-heading"]')
    .analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  expect((await sessionOf(elsewhere)).user?.name).toBe(user.handle);

  await form.getByLabel("Current password").fill(TEST_PASSWORD);
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Password changed. Every other session is signed out; this browser stays signed in.",
  );

  // This browser got a session under the new version…
  await here.reload();
  await expect(here.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
  await expect(here.getByRole("button", { name: "Sign out everywhere" })).toBeVisible();
  // …the other one is signed out at its next request…
  await elsewhere.reload();
  await expect(elsewhere.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await sessionOf(elsewhere)).toEqual({});
  // …and only the new password signs in.
  await elsewhere.goto("/sign-in");
  await elsewhere.getByLabel("Handle or email").fill(user.handle);
  await elsewhere.getByLabel("Password").fill(TEST_PASSWORD);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.getByRole("main").getByRole("alert")).toHaveText("Wrong handle, email or password.");
  await signInAs(elsewhere, user.handle, newPassword);
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
  await here.context().close();
  await elsewhere.context().close();
});
