import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";

test("the history lists every revision and compares any two word by word", async ({ page, db }) => {
  const title = uniqueName("Original title");
  const { id, slug } = await addEntry(db, { title, problem: "The cache is never cleared.", tags: ["caching"] });
  const original = await db.revision.findFirstOrThrow({ where: { entryId: id, number: 0 } });
  const { id: _id, createdAt: _createdAt, ...snapshot } = original;
  await db.revision.create({
    data: {
      ...snapshot,
      gotchas: [],
      errorMessages: [],
      verifiedWith: [],
      number: 1,
      status: "accepted",
      summary: "Say when the cache is cleared",
      problem: "The cache is cleared on every deploy.",
      tags: ["caching", "deploys"],
      severity: "major",
    },
  });
  await db.revision.create({
    data: {
      ...snapshot,
      gotchas: [],
      errorMessages: [],
      verifiedWith: [],
      tags: ["caching"],
      number: 2,
      status: "pending",
      summary: "Proposed wording",
    },
  });

  await page.goto(`/entries/${slug}`);
  await page.getByRole("link", { name: "Full history" }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of “${title}”`);
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("#2");
  await expect(rows.nth(1)).toContainText("pending");
  await expect(rows.nth(2)).toContainText("Say when the cache is cleared");
  await expect(rows.nth(3)).toContainText("Original submission");

  await page.getByLabel("Compare from revision 0").check();
  await page.getByLabel("Compare to revision 1").check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/[?&]from=0(&|$)/);
  await expect(page).toHaveURL(/[?&]to=1(&|$)/);
  await expect(page.getByRole("heading", { name: "Changes from #0 to #1" })).toBeVisible();
  const problem = page.getByRole("region", { name: "Changes to Problem" });
  await expect(problem.locator("del")).toHaveText(["never"]);
  await expect(problem.locator("ins")).toHaveText(["on every deploy"]);
  const diff = page.getByTestId("revision-diff");
  await expect(diff).toContainText("Severity: minor → major");
  await expect(diff).toContainText("Tags added: deploys");
});

test("an unknown entry has no history page", async ({ page }) => {
  expect((await page.goto("/entries/no-such-entry/history"))?.status()).toBe(404);
});
