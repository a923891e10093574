import { addEntry, GUIDE_TITLE, uniqueName, uniqueWord } from "../support/data";
import { filtersReady } from "../support/filters";
import { expect, test } from "../support/fixtures";

test("the tags page lists tags with their entry counts", async ({ page, db }) => {
  const tag = uniqueName("counted");
  await addEntry(db, { tags: [tag] });
  await addEntry(db, { tags: [tag] });
  await addEntry(db, { tags: [tag], status: "rejected" });
  await page.goto("/tags");
  await expect(page.getByRole("heading", { level: 1, name: "Tags" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^${tag}\\s+2 entries$`) })).toBeVisible();
  const asyncioCount = await db.entryTag.count({
    where: { tag: { name: "asyncio" }, entry: { status: { in: ["approved", "pending"] } } },
  });
  await expect(page.getByRole("link", { name: new RegExp(`^asyncio\\s+${asyncioCount} entr`) })).toBeVisible();
});

for (const [tag, path] of [
  ["concurrent.futures", "/tags/concurrent.futures"],
  ["gil", "/tags/gil"],
] as const) {
  test(`the ${tag} tag page lists the guide`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Entries tagged ${tag}`);
    await expect(page.getByTestId("entry-card").filter({ hasText: GUIDE_TITLE })).toHaveCount(1);
  });
}

test("tags are case-insensitive and keep punctuation in URLs", async ({ page, db }) => {
  await page.goto("/tags/GIL");
  await expect(page).toHaveURL(/\/tags\/gil$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Entries tagged gil");

  // Tags of their own: the seeded c++ entry's tag page may be cached already, and this entry is
  // written to the database directly, past the app's revalidation.
  const word = uniqueWord();
  const title = uniqueName("Templates in C plus plus");
  await addEntry(db, { title, tags: [`${word.toUpperCase()}++`, `${word}#`] });
  await page.goto(`/tags/${word}%2B%2B`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Entries tagged ${word}++`);
  await expect(page.getByTestId("entry-card").filter({ hasText: title })).toHaveCount(1);
  await page
    .getByTestId("entry-card")
    .filter({ hasText: title })
    .getByRole("link", { name: `${word}#`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/tags/${word}%23$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Entries tagged ${word}#`);
});

test("a tag page filters and sorts like the home page", async ({ page }) => {
  await page.goto("/tags/python");
  await filtersReady(page);
  await page.getByLabel("Category").selectOption("gotcha");
  await expect(page).toHaveURL(/\/tags\/python\?category=gotcha$/);
  for (const badges of await page.getByTestId("entry-badges").all()) await expect(badges).toContainText("Gotcha");
});
