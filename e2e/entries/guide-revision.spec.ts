// The concurrency guide's revision 1, added by the seed (prisma/seed/guide-revision.ts) the way
// any improvement arrives: proposed by the editor account, accepted by a moderator, and shown on
// the history page with its word diff from the original page (revision 0).
import {
  GUIDE_REVIEWER_HANDLE,
  guideEditor,
  REVISION_1_REVIEW_NOTE,
  REVISION_1_SUMMARY,
} from "@/prisma/seed/concurrency-guide-revision-1";
import { GUIDE_SLUG, GUIDE_TITLE } from "../support/data";
import { expect, test } from "../support/fixtures";

test("the guide's history shows the original as #0 and the accepted revision 1 by the editor", async ({ page }) => {
  await page.goto(`/entries/${GUIDE_SLUG}`);
  await page.getByRole("link", { name: "Full history" }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${GUIDE_SLUG}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of “${GUIDE_TITLE}”`);

  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(3); // the header, #1, #0
  const revision1 = rows.nth(1);
  await expect(revision1).toContainText("#1");
  await expect(revision1).toContainText(REVISION_1_SUMMARY);
  await expect(revision1).toContainText(`@${guideEditor.handle}`);
  await expect(revision1).toContainText("accepted");
  await expect(revision1).toContainText(`@${GUIDE_REVIEWER_HANDLE}: ${REVISION_1_REVIEW_NOTE}`);
  const original = rows.nth(2);
  await expect(original).toContainText("#0");
  await expect(original).toContainText("Original submission");
  await expect(original).toContainText("@anonymous");
  await expect(original).toContainText("accepted");
});

test("comparing #0 with #1 shows what revision 1 fixed, added and was verified with, word by word where the page has time", async ({
  page,
}) => {
  await page.goto(`/entries/${GUIDE_SLUG}/history`);
  await page.getByLabel("Compare from revision 0").check();
  await page.getByLabel("Compare to revision 1").check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/[?&]from=0(&|$)/);
  await expect(page).toHaveURL(/[?&]to=1(&|$)/);
  await expect(page.getByRole("heading", { name: "Changes from #0 to #1" })).toBeVisible();

  const diff = page.getByTestId("revision-diff");
  // Only the Solution, Why and what it was verified with changed: no title, category or tag changes.
  await expect(diff.getByRole("region")).toHaveCount(3);
  await expect(diff.getByRole("region", { name: "Changes to Verified with" }).locator("ins")).toContainText(
    "Python 3.11.7",
  );
  await expect(diff).not.toContainText("Tags added");
  const solution = diff.getByRole("region", { name: "Changes to Solution" });
  // Added and removed text, each run as the page marks it (runs of changed lines are compared
  // word by word while the page has time, so a line can be split into several pieces).
  const inserted = (await solution.locator("ins").allTextContents()).join("");
  const deleted = (await solution.locator("del").allTextContents()).join("");
  // The fixes: the __main__ guard, reading the responses, the threading example's own definitions.
  await expect(solution.locator("ins").filter({ hasText: 'if __name__ == "__main__":' }).first()).toBeVisible();
  expect(inserted).toContain("async with session.get(url) as resp:");
  expect(inserted).toContain("import urllib.request");
  expect(deleted).toContain("tasks = [session.get(url) for url in urls]");
  // The additions.
  for (const added of ["InterpreterPoolExecutor", "asyncio.TaskGroup()", "asyncio.to_thread", "sys._is_gil_enabled()"])
    expect(inserted).toContain(added);
  // Lines that stay are shown as they were, neither struck out nor added.
  await expect(solution).toContainText("def heavy_math(n):");
  const why = diff.getByRole("region", { name: "Changes to Why" });
  await expect(why.locator("ins").first()).toContainText("On the default build");
});
