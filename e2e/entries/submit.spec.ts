import type { Page } from "@playwright/test";
import { GUIDE_SLUG, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";

async function fillEntry(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption("gotcha");
  await page.getByLabel("Severity").selectOption("major");
  await page.getByLabel("Language").fill("Python");
  const tags = page.getByLabel("Tags");
  await tags.fill("Asyncio");
  await tags.press("Enter");
  await tags.fill("event-loop,");
  await page.getByLabel("Problem").fill("Calling `time.sleep()` inside a coroutine stalls every other task.");
  await page
    .getByLabel("Solution")
    .fill("Use the async sleep:\n\n```python\nimport asyncio\n\nasync def tick():\n    await asyncio.sleep(1)\n```");
  await page.getByLabel("Why").fill("The event loop runs on one thread.");
  await page.getByLabel("Gotchas").fill("Only `await` yields.\n\nCPU work blocks too.");
  await page.getByLabel("Error messages").fill("Executing <Task pending> took 2.503 seconds");
}

test("an anonymous submission is saved as pending, with a live preview on the way", async ({ page, db }) => {
  const title = uniqueName("Blocking sleep in a coroutine");
  await page.goto("/entries/new");
  await fillEntry(page, title);
  await expect(page.getByRole("button", { name: "Remove tag asyncio" })).toBeVisible();
  await page.getByRole("button", { name: "Show preview" }).nth(1).click();
  const preview = page.getByTestId("preview-solution");
  await expect(preview.locator("pre code")).toContainText("await asyncio.sleep(1)");
  await expect(preview.locator("pre span[style*='--shiki']").first()).toBeAttached();

  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page).toHaveURL(/\/entries\/blocking-sleep-in-a-coroutine/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("entry-badges")).toContainText("Pending review");
  await expect(page.getByText("Submitted by @anonymous")).toBeVisible();
  await expect(page.locator("#gotchas li")).toHaveCount(2);
  await expect(page.locator("#error-messages pre")).toHaveText("Executing <Task pending> took 2.503 seconds");

  const entry = await db.entry.findFirstOrThrow({
    where: { title },
    include: { tags: { include: { tag: true } }, revisions: true },
  });
  expect(entry).toMatchObject({
    status: "pending",
    authorId: null,
    category: "gotcha",
    severity: "major",
    language: "python",
  });
  expect(entry.tags.map((link) => link.tag.name).sort()).toEqual(["asyncio", "event-loop"]);
  expect(entry.revisions.map((revision) => revision.number)).toEqual([0]);
});

test("a moderator's submission starts approved and is credited to them", async ({ page, db }) => {
  const moderator = await addUser(db, { role: "moderator" });
  await signInAs(page, moderator.handle, undefined, "/entries/new");
  const title = uniqueName("Moderator entry about asyncio sleep");
  await fillEntry(page, title);
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByTestId("entry-badges")).toContainText("Approved");
  await expect(page.getByText(`Submitted by @${moderator.handle}`)).toBeVisible();
  expect((await db.entry.findFirstOrThrow({ where: { title } })).status).toBe("approved");
});

test("missing fields and a broken decision tree are shown in the form, and nothing is saved", async ({ page, db }) => {
  await page.goto("/entries/new");
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(page.locator("#error-title")).toHaveText("Title must be at least 8 characters.");
  await expect(page.locator("#error-tags")).toHaveText("Add at least one tag.");
  await expect(page.locator("#error-problem")).toHaveText("Problem is required.");

  const title = uniqueName("Entry with a broken tree");
  await fillEntry(page, title);
  await page
    .getByLabel("Solution")
    .fill(
      "Pick one:\n\n```decision-tree\nstart: q\nquestions:\n  q:\n    text: Which?\n    answers:\n      - text: A\n        next: missing-outcome\n      - text: B\n        next: b\noutcomes:\n  b:\n    title: B it is\n```",
    );
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.locator("#error-solution")).toContainText(/Decision tree 1, line \d+: .*missing-outcome/);
  // Other tests submit in parallel, so look for this entry rather than counting all of them.
  expect(await db.entry.count({ where: { title } })).toBe(0);
});

test("a draft survives a reload, and similar titles are offered as possible duplicates", async ({ page }) => {
  await page.goto("/entries/new");
  await page.getByLabel("Title").fill("Python multiprocessing vs threading for my workload");
  await expect(page.getByTestId("possible-duplicates").getByRole("link")).toHaveAttribute(
    "href",
    `/entries/${GUIDE_SLUG}`,
  );
  await page.getByLabel("Problem").fill("Draft text that must not be lost.");
  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue("Python multiprocessing vs threading for my workload");
  await expect(page.getByLabel("Problem")).toHaveValue("Draft text that must not be lost.");
});
