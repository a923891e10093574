import { guideEditor, REVISION_1_SUMMARY } from "@/prisma/seed/concurrency-guide-revision-1";
import { addEntry, GUIDE_SLUG, GUIDE_TITLE, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";

// The seed adds revision 1 to the original page (prisma/seed/guide-revision.ts): the page shows
// revision 1, and the original stays revision 0 (e2e/entries/guide-revision.spec.ts).
test("the concurrency guide renders every part of its current revision (revision 1)", async ({ page }) => {
  await page.goto(`/entries/${GUIDE_SLUG}`);
  await expect(page).toHaveTitle(`${GUIDE_TITLE} · HiveBrain`);
  await expect(page.getByRole("link", { name: "← Back to all entries" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GUIDE_TITLE);
  const badges = page.getByTestId("entry-badges");
  for (const text of ["Pattern", "python", "Major", "Pending review"]) await expect(badges).toContainText(text);
  await expect(page.getByText("Submitted by @anonymous")).toBeVisible();
  await expect(page.getByTestId("entry-score")).toHaveText("0 score");
  await expect(page.getByTestId("view-count")).toHaveText(/^Viewed \d+ times?$/);
  const tags = page.getByRole("list", { name: "Tags" });
  for (const tag of ["multiprocessing", "threading", "asyncio", "gil", "concurrent.futures", "parallelism"]) {
    await expect(tags.getByRole("link", { name: tag, exact: true })).toHaveAttribute(
      "href",
      `/tags/${encodeURIComponent(tag)}`,
    );
  }

  for (const heading of ["Problem", "Solution", "Why", "Context", "Revisions (1)"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.locator("#problem")).toContainText(
    "Need to choose between multiprocessing, threading, and asyncio",
  );
  const solution = page.locator("#solution");
  for (const heading of [
    /CPU-bound work: use multiprocessing/,
    /subinterpreters/,
    /free-threaded build/,
    /many connections/,
    /Blocking calls inside async code/,
    /blocking libraries/,
    /Decision tree/,
    /Performance characteristics/,
  ]) {
    await expect(solution.getByRole("heading", { level: 3, name: heading }).first()).toBeVisible();
  }
  await expect(solution.getByRole("heading", { level: 4, name: /asyncio\.TaskGroup/ }).first()).toBeVisible();
  // The eight code examples, highlighted on the server, each with a copy button.
  const code = solution.locator("pre code");
  await expect(code.filter({ hasText: "with Pool(processes=4) as pool:" })).toHaveCount(1);
  await expect(code.filter({ hasText: 'if __name__ == "__main__":' })).toHaveCount(3);
  await expect(code.filter({ hasText: "async with session.get(url) as resp:" })).toHaveCount(1);
  await expect(code.filter({ hasText: "with ThreadPoolExecutor(max_workers=10) as pool:" })).toHaveCount(1);
  await expect(code.filter({ hasText: "InterpreterPoolExecutor(max_workers=4)" })).toHaveCount(1);
  await expect(code.filter({ hasText: "asyncio.TaskGroup()" })).toHaveCount(1);
  await expect(code.filter({ hasText: "asyncio.to_thread(fetch_blocking, url)" })).toHaveCount(1);
  await expect(code.filter({ hasText: "sys._is_gil_enabled()" })).toHaveCount(1);
  await expect(solution.locator("pre span[style*='--shiki']").first()).toBeAttached();
  await expect(solution.getByRole("button", { name: "Copy code" })).toHaveCount(8);
  // The decision tree as a readable outline, and the performance table.
  const tree = solution.getByRole("region", { name: "Decision tree" });
  await expect(tree).toContainText("multiprocessing");
  await expect(tree).toContainText("asyncio");
  await expect(tree).toContainText("Manager");
  await expect(tree).toContainText("InterpreterPoolExecutor");
  await expect(tree).toContainText("free-threaded build");
  await expect(tree).toContainText("asyncio.to_thread");
  const table = solution.getByRole("table");
  await expect(table).toContainText("asyncio");
  await expect(table).toContainText("10K+");
  await expect(table).toContainText("copies per process");
  await expect(table).toContainText("threading on the free-threaded build (3.14t)");
  await expect(table).toContainText("subinterpreters (3.14+)");
  await expect(page.locator("#why")).toContainText(
    "On the default build, Python's GIL prevents true CPU parallelism with threads",
  );
  await expect(page.locator("#context")).toContainText("Python applications needing concurrent execution");
  const revisions = page.locator("#revisions");
  await expect(revisions.getByRole("listitem")).toHaveCount(1);
  await expect(revisions.getByRole("listitem")).toContainText("#1");
  await expect(revisions.getByRole("listitem")).toContainText(REVISION_1_SUMMARY);
  await expect(revisions.getByRole("listitem")).toContainText(`@${guideEditor.handle}`);
});

test("the copy button copies the code block", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/entries/${GUIDE_SLUG}`);
  await page.locator("#solution").getByRole("button", { name: "Copy code" }).first().click();
  await expect(page.locator("#solution").getByText("Copied").first()).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("from multiprocessing import Pool");
  expect(copied).toContain('if __name__ == "__main__":');
  expect(copied).toContain("results = pool.map(heavy_math, [10**7]*8)");
});

test("a view counts once per visitor per hour", async ({ page, db, browser, baseURL }) => {
  const { slug } = await addEntry(db, { title: uniqueName("Counting views") });
  const count = async () => (await db.entry.findUniqueOrThrow({ where: { slug } })).viewCount;

  const counted = page.waitForResponse((r) => r.url().endsWith(`/api/entries/${slug}/views`));
  await page.goto(`/entries/${slug}`);
  await counted;
  await expect(page.getByTestId("view-count")).toHaveText("Viewed 1 time");
  expect(await count()).toBe(1);

  const again = page.waitForResponse((r) => r.url().endsWith(`/api/entries/${slug}/views`));
  await page.reload();
  expect((await (await again).json()).counted).toBe(false);
  await expect(page.getByTestId("view-count")).toHaveText("Viewed 1 time");
  expect(await count()).toBe(1);

  const stranger = await browser.newContext({ baseURL });
  const otherPage = await stranger.newPage();
  const third = otherPage.waitForResponse((r) => r.url().endsWith(`/api/entries/${slug}/views`));
  await otherPage.goto(`/entries/${slug}`);
  await third;
  await expect(otherPage.getByTestId("view-count")).toHaveText("Viewed 2 times");
  expect(await count()).toBe(2);
  await stranger.close();
});

test("gotchas and error messages appear when an entry has them", async ({ page, db }) => {
  const { slug } = await addEntry(db, {
    title: uniqueName("Entry with gotchas"),
    gotchas: ["Only on **Linux**", "Not in `strict` mode"],
    errorMessages: ["TypeError: Cannot read properties of undefined (reading 'map')"],
  });
  await page.goto(`/entries/${slug}`);
  await expect(page.getByRole("heading", { level: 2, name: "Gotchas" })).toBeVisible();
  await expect(page.locator("#gotchas strong")).toHaveText("Linux");
  await expect(page.locator("#error-messages pre")).toHaveText(
    "TypeError: Cannot read properties of undefined (reading 'map')",
  );
  await expect(page.getByRole("link", { name: "Gotchas" })).toHaveAttribute("href", "#gotchas");
});

test("Markdown is sanitized: scripts and event handlers never run", async ({ page, db }) => {
  const { slug } = await addEntry(db, {
    title: uniqueName("Hostile markdown"),
    problem: `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">\n\n[click](javascript:window.__pwned=3)`,
  });
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    return dialog.dismiss();
  });
  await page.goto(`/entries/${slug}`);
  await expect(page.locator("#problem")).toBeVisible();
  await page
    .locator("#problem")
    .getByText("click")
    .click()
    .catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("#problem script, #problem [onerror]").count()).toBe(0);
  expect(dialogs).toBe(0);
});

test("accepted revisions are listed under Revisions (N)", async ({ page, db }) => {
  const { id, slug } = await addEntry(db, { title: uniqueName("Revised entry") });
  const original = await db.revision.findFirstOrThrow({ where: { entryId: id, number: 0 } });
  const { id: _id, createdAt: _createdAt, ...snapshot } = original;
  await db.revision.create({
    data: {
      ...snapshot,
      gotchas: [],
      errorMessages: [],
      verifiedWith: [],
      tags: ["e2e"],
      number: 1,
      summary: "Explain the root cause",
      status: "accepted",
    },
  });
  await db.entry.update({ where: { id }, data: { revisionCount: 1 } });
  await page.goto(`/entries/${slug}`);
  await expect(page.getByRole("heading", { level: 2, name: "Revisions (1)" })).toBeVisible();
  await expect(page.locator("#revisions")).toContainText("#1");
  await expect(page.locator("#revisions")).toContainText("Explain the root cause");
});

test("votes imported from the original HiveBrain show beside the score they count in", async ({ db, page }) => {
  const entry = await addEntry(db, { title: uniqueName("Imported votes entry") });
  await db.entry.update({ where: { id: entry.id }, data: { importedUpvotes: 5, importedDownvotes: 1, score: 4 } });
  await page.goto(`/entries/${entry.slug}`);
  await expect(page.getByTestId("entry-score")).toHaveText("4 score");
  await expect(page.getByTestId("imported-votes")).toHaveText("+5 / −1 from the original HiveBrain");
});

test("an entry without imported votes does not mention them", async ({ db, page }) => {
  const entry = await addEntry(db, { title: uniqueName("Plain votes entry") });
  await page.goto(`/entries/${entry.slug}`);
  await expect(page.getByTestId("entry-score")).toHaveText("0 score");
  await expect(page.getByTestId("imported-votes")).toHaveCount(0);
});
