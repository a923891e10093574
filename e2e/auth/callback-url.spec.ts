// Issue 14, item 3: no callbackUrl may send a person who signs in to another site.
import { expect, test } from "../support/fixtures";
import { addUser, TEST_PASSWORD } from "../support/users";

/** The query string after "callbackUrl=", exactly as an attacker would write it in a link. */
const HOSTILE: [name: string, query: string][] = [
  ["tab", "%2F%09%2Fevil.example%2Fphish"],
  ["newline", "%2F%0A%2Fevil.example%2Fphish"],
  ["carriage return and newline", "%2F%0D%0A%2Fevil.example"],
  ["backslash", "/%5Cevil.example"],
  ["raw backslash", "/\\evil.example"],
  ["percent-encoded protocol-relative", "%2F%2Fevil.example"],
  ["double percent-encoded", "%252F%252Fevil.example"],
  ["double percent-encoded backslash", "/%255Cevil.example"],
  ["protocol-relative", "//evil.example"],
  ["dot segment", "/.//evil.example"],
  ["absolute foreign", "https://evil.example/"],
  ["absolute foreign, encoded", encodeURIComponent("https://evil.example/phish")],
  ["javascript:", encodeURIComponent("javascript:alert(document.domain)")],
];

for (const [name, query] of HOSTILE) {
  test(`signing in with a ${name} callbackUrl stays on this site`, async ({ page, db, baseURL }) => {
    const user = await addUser(db);
    const foreign: string[] = [];
    await page.route(
      (url) => url.hostname !== new URL(baseURL!).hostname,
      (route) => {
        foreign.push(route.request().url());
        return route.abort();
      },
    );
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`/sign-in?callbackUrl=${query}`);
    await page.getByLabel("Handle or email").fill(user.handle);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    // The page leaves /sign-in once, to wherever the form sends it; that must be here (a
    // double-encoded value may name a path such as /%5Cevil.example: a page of this site).
    await expect(page).not.toHaveURL(/\/sign-in/);
    const landed = new URL(page.url());
    expect(landed.origin).toBe(new URL(baseURL!).origin);
    expect(landed.pathname).not.toMatch(/^\/\//);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}

test("a same-site callbackUrl still brings the person back, normalized", async ({ page, db }) => {
  const user = await addUser(db);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/tags?x=1#top")}`);
  await page.getByLabel("Handle or email").fill(user.handle);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tags\?x=1#top$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
});

test("next-auth's own callback keeps the same rule and never answers 500", async ({ page, db, baseURL }) => {
  const user = await addUser(db);
  const origin = new URL(baseURL!).origin;
  const cases: [callbackUrl: string, expected: string][] = [
    ["/\n/evil.example/phish", `${origin}/`],
    ["/\t/evil.example/phish", `${origin}/`],
    ["/\\evil.example", `${origin}/`],
    ["//evil.example", `${origin}/`],
    ["https://evil.example/", `${origin}/`],
    ["javascript:alert(1)", `${origin}/`],
    ["/.//evil.example", `${origin}/`],
    ["/tags?\nx=1", `${origin}/tags?x=1`],
    [`${origin}/tags`, `${origin}/tags`],
  ];
  for (const [callbackUrl, expected] of cases) {
    // The sign-in form's own request: CSRF token from next-auth, then the credentials callback.
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, login: user.handle, password: TEST_PASSWORD, callbackUrl, json: "true" },
      failOnStatusCode: false,
    });
    expect(response.status(), JSON.stringify(callbackUrl)).toBe(200);
    expect(((await response.json()) as { url: string }).url, JSON.stringify(callbackUrl)).toBe(expected);
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.callback-url"));
    expect(decodeURIComponent(cookie?.value ?? ""), JSON.stringify(callbackUrl)).toBe(expected);
  }
});
