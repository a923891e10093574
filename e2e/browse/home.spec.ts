import { addEntry, GUIDE_TITLE, uniqueName } from "../support/data";
import { filtersReady } from "../support/filters";
import { expect, test } from "../support/fixtures";

test("the home page lists entries as cards with everything a reader scans for", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programming patterns, gotchas and fixes");
  await expect(page.getByTestId("entry-card").first()).toBeVisible();
  // Other tests add entries in parallel; narrow to the guide's category and language.
  await page.goto("/?category=pattern&language=python");
  const card = page.getByTestId("entry-card").filter({ hasText: GUIDE_TITLE });
  await expect(card).toHaveCount(1);
  const badges = card.getByTestId("entry-badges");
  for (const text of ["Pattern", "python", "Major", "Pending review"]) await expect(badges).toContainText(text);
  await expect(card).toContainText("@anonymous");
  await expect(card).toContainText("0 score");
  await expect(card).toContainText(/\d+ views?/);
  await expect(card.locator("time[title]")).toHaveText(/ago|just now|yesterday|today/);
  for (const tag of ["multiprocessing", "threading", "asyncio", "gil", "concurrent.futures", "parallelism"]) {
    await expect(card.getByRole("link", { name: tag, exact: true })).toBeVisible();
  }
  // A framework and a named author, on another seeded entry.
  await page.goto("/?language=typescript&category=gotcha");
  const react = page
    .getByTestId("entry-card")
    .filter({ hasText: "useEffect with an empty dependency array reads stale state" });
  await expect(react.getByTestId("entry-badges")).toContainText("react");
  await expect(react).toContainText("@ines");
});

test("filters combine, live in the URL and follow the back button", async ({ page }) => {
  await page.goto("/");
  await filtersReady(page);
  await page.getByLabel("Category").selectOption("debug");
  await expect(page).toHaveURL(/\?category=debug$/);
  const cards = page.getByTestId("entry-card");
  await expect(cards.first()).toBeVisible();
  for (const badges of await page.getByTestId("entry-badges").all()) await expect(badges).toContainText("Debug");

  await page.getByLabel("Status").selectOption("all");
  await expect(page).toHaveURL(/category=debug&status=all/);
  await page.getByLabel("Language").selectOption("python");
  await expect(page).toHaveURL(/category=debug&language=python&status=all/);
  for (const badges of await page.getByTestId("entry-badges").all()) {
    await expect(badges).toContainText("Debug");
    await expect(badges).toContainText("python");
  }

  await page.goBack();
  await expect(page).toHaveURL(/\?category=debug&status=all$/);
  await expect(page.getByLabel("Language")).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\?category=debug$/);
  await expect(page.getByLabel("Category")).toHaveValue("debug");

  // A shared link opens the same view.
  await page.goto("/?category=pattern&language=python");
  await expect(page.getByLabel("Category")).toHaveValue("pattern");
  await expect(page.getByTestId("entry-card").filter({ hasText: GUIDE_TITLE })).toHaveCount(1);
});

test("several tags narrow the list and each can be removed", async ({ page, db }) => {
  const tagA = uniqueName("tag-a");
  const tagB = uniqueName("tag-b");
  await addEntry(db, { title: uniqueName("Has both tags"), tags: [tagA, tagB] });
  await addEntry(db, { title: uniqueName("Has tag A only"), tags: [tagA] });

  await page.goto(`/?tag=${tagA}&tag=${tagB}`);
  await expect(page.getByTestId("entry-card")).toHaveCount(1);
  await expect(page.getByTestId("entry-card")).toContainText("Has both tags");

  await page.getByRole("link", { name: `Remove tag filter ${tagB}` }).click();
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tagA}$`));
  await expect(page.getByTestId("entry-card")).toHaveCount(2);
  await expect(page.getByTestId("entry-card").filter({ hasText: "Has tag A only" })).toHaveCount(1);
});

test("sorting by top score and by views follows the stored numbers", async ({ page, db }) => {
  const tag = uniqueName("sort");
  const low = await addEntry(db, { title: uniqueName("Low score many views"), tags: [tag] });
  const high = await addEntry(db, { title: uniqueName("High score few views"), tags: [tag] });
  await db.entry.update({ where: { slug: low.slug }, data: { score: -2, viewCount: 40 } });
  await db.entry.update({ where: { slug: high.slug }, data: { score: 9, viewCount: 3 } });

  await page.goto(`/?tag=${tag}`);
  await page.getByRole("link", { name: "Top score" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}&sort=top`));
  await expect(page.getByTestId("entry-card").first()).toContainText("High score few views");
  await page.getByRole("link", { name: "Most viewed" }).click();
  await expect(page).toHaveURL(/sort=views/);
  await expect(page.getByTestId("entry-card").first()).toContainText("Low score many views");
  await expect(page.getByRole("link", { name: "Most viewed" })).toHaveAttribute("aria-current", "page");
});

test("pagination pages through the list 20 at a time", async ({ page, db }) => {
  const tag = uniqueName("page");
  for (let i = 0; i < 23; i++)
    await addEntry(db, {
      title: `Paged entry ${tag} number ${String(i).padStart(2, "0")}`,
      tags: [tag],
      createdAt: new Date(Date.UTC(2021, 0, 1, 0, i)),
    });

  await page.goto(`/?tag=${tag}`);
  await expect(page.getByTestId("entry-card")).toHaveCount(20);
  await expect(page.getByTestId("result-count")).toHaveText("23 entries · showing 1–20");
  await expect(page.getByTestId("entry-card").first()).toContainText("number 22");
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}&page=2`));
  await expect(page.getByTestId("entry-card")).toHaveCount(3);
  await expect(page.getByTestId("entry-card").last()).toContainText("number 00");
  await page.goBack();
  await expect(page.getByTestId("entry-card")).toHaveCount(20);
});

test("an empty result says so and offers to clear the filters", async ({ page }) => {
  await page.goto(`/?tag=${uniqueName("nothing")}&category=gotcha`);
  await expect(page.getByTestId("empty-state")).toContainText("No entries match these filters.");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("entry-card").first()).toBeVisible();
});
