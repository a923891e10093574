// Issue 14, item 9: security headers on every kind of response, no framing, and a CSP that the
// site's own pages work under.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { addEntry, GUIDE_SLUG, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values.join(" ")]),
  );
}

function expectSecurityHeaders(response: Pick<APIResponse, "headers">, what: string) {
  const headers = response.headers();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  // Off by default: the test servers are plain http (HSTS_MAX_AGE turns it on).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  const csp = directives(headers["content-security-policy"] ?? "");
  expect(Object.fromEntries(csp), what).toMatchObject({
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "img-src": "'self' https:",
    "connect-src": "'self'",
  });
}

test("entry pages, the review queue and the API send the security headers", async ({ page, db }) => {
  const entry = await page.request.get(`/entries/${GUIDE_SLUG}`);
  expect(entry.status()).toBe(200);
  expectSecurityHeaders(entry, "entry page");

  const api = await page.request.get("/api/v1/entries?q=asyncio");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api, "API route");

  const moderator = await addUser(db, { role: "moderator" });
  await signInAs(page, moderator.handle, undefined, "/review");
  const review = await page.goto("/review");
  expect(review?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Review");
  expectSecurityHeaders(review!, "/review");
});

/** A page on another origin (another port of 127.0.0.1) that frames the given URLs. */
async function framingSite(urls: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const body = `<!doctype html><title>framer</title>${urls.map((url, i) => `<iframe id="f${i}" src="${url}"></iframe>`).join("")}`;
  const server = http.createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("another site cannot put /review or an entry page in a frame", async ({ page, db, baseURL }) => {
  const moderator = await addUser(db, { role: "moderator" });
  await signInAs(page, moderator.handle, undefined, "/review");
  const site = new URL(baseURL!).origin;
  const targets = [`${site}/review`, `${site}/entries/${GUIDE_SLUG}`];
  const framer = await framingSite(targets);
  try {
    const answered = Promise.all(targets.map((url) => page.waitForResponse(url)));
    await page.goto(framer.url);
    // Our server answered both (the moderator's cookie went along: same site, other port);
    // the browser refused to show the answers.
    for (const response of await answered) {
      expect(response.status()).toBe(200);
      expect(response.headers()["x-frame-options"]).toBe("DENY");
    }
    for (const [index, target] of targets.entries()) {
      const frame = await (await page.locator(`#f${index}`).elementHandle())?.contentFrame();
      await expect.poll(() => frame?.url(), target).not.toBe("about:blank");
      expect(frame?.url(), target).not.toContain(site);
      await expect(page.frameLocator(`#f${index}`).locator("#main")).toHaveCount(0);
    }
  } finally {
    await framer.close();
  }
});

/** Collects every CSP violation the page reports, from the console and the DOM event. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

test("the site's pages work under the CSP without a single violation", async ({ page, db }) => {
  test.slow(); // several pages, a sign-in and a submission preview
  const violations = await watchCsp(page);

  // The guide: the decision tree's guided walk and whole-tree view (client components).
  await page.goto(`/entries/${GUIDE_SLUG}`);
  const tree = page.locator('section[data-tree-key="solution-tree-1"]');
  await tree.getByRole("button", { name: "Whole tree" }).click();
  await expect(tree.getByRole("button", { name: "Whole tree" })).toHaveAttribute("aria-pressed", "true");
  await tree.getByRole("button", { name: "Guided" }).click();
  await expect(tree.getByRole("button", { name: "Guided" })).toHaveAttribute("aria-pressed", "true");
  expect(await violations(), "entry page").toEqual([]);

  // The submit form's live preview (a server action) with highlighted code.
  await page.goto("/entries/new");
  await page.getByLabel("Solution").fill("Use it:\n\n```python\nimport asyncio\n```");
  await page.getByRole("button", { name: "Show preview" }).nth(1).click();
  await expect(page.getByTestId("preview-solution").locator("pre span[style*='--shiki']").first()).toBeAttached();
  expect(await violations(), "submit form").toEqual([]);

  // Search.
  await page.goto("/search?q=asyncio");
  await expect(page.getByTestId("entry-card").first()).toBeVisible();
  expect(await violations(), "search").toEqual([]);

  // History with a diff.
  const { id, slug } = await addEntry(db, { title: uniqueName("CSP history"), problem: "Old words.", tags: ["csp"] });
  const original = await db.revision.findFirstOrThrow({ where: { entryId: id, number: 0 } });
  const { id: _id, createdAt: _createdAt, ...snapshot } = original;
  await db.revision.create({
    data: {
      ...snapshot,
      gotchas: [],
      errorMessages: [],
      verifiedWith: [],
      tags: ["csp"],
      number: 1,
      status: "accepted",
      summary: "Newer words",
      problem: "New words.",
    },
  });
  await page.goto(`/entries/${slug}/history?from=0&to=1`);
  await expect(page.getByRole("region", { name: "Changes to Problem" }).locator("ins")).toHaveText(["New"]);
  expect(await violations(), "history").toEqual([]);

  // Sign-in (next-auth's fetches) and the signed-in header.
  const user = await addUser(db);
  await signInAs(page, user.handle, undefined, `/entries/${GUIDE_SLUG}`);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${user.handle}`);
  expect(await violations(), "sign-in").toEqual([]);
});

test("entry images load only over https, without a referrer", async ({ page, db }) => {
  const { slug } = await addEntry(db, {
    title: uniqueName("Images"),
    solution: "![secure](https://images.example/a.png)\n\n![plain](http://images.example/b.png)",
  });
  const requested: string[] = [];
  await page.route(/images\.example/, (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  await page.goto(`/entries/${slug}`);
  const images = page.locator("#solution img");
  await expect(images).toHaveCount(1);
  await expect(images).toHaveAttribute("src", "https://images.example/a.png");
  expect(await images.evaluate((img: HTMLImageElement) => [img.referrerPolicy, img.loading])).toEqual([
    "no-referrer",
    "lazy",
  ]);
  await expect(page.locator("#solution")).toContainText("plain");
  expect(requested.filter((url) => url.startsWith("http:"))).toEqual([]);
});
