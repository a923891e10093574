import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";
import { pageSignedInAs, putFirstInQueue, saveEdit } from "./support";

test("submissions from anonymous visitors and users wait as pending until a moderator approves them", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.slow(); // several people, several saves
  const anonymousTitle = uniqueName("Anonymous pending entry");
  await page.goto("/entries/new");
  await page.getByLabel("Title").fill(anonymousTitle);
  const tags = page.getByLabel("Tags");
  await tags.fill("review-test");
  await tags.press("Enter");
  await page.getByLabel("Problem").fill("Anonymous problem.");
  await page.getByLabel("Solution").fill("Anonymous solution.");
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByTestId("entry-badges")).toContainText("Pending review");

  const author = await addUser(db);
  const authorPage = await pageSignedInAs(browser, testInfo, author.handle, "/entries/new");
  const userTitle = uniqueName("User pending entry");
  await authorPage.getByLabel("Title").fill(userTitle);
  await authorPage.getByLabel("Tags").fill("review-test");
  await authorPage.getByLabel("Tags").press("Enter");
  await authorPage.getByLabel("Problem").fill("A user's problem.");
  await authorPage.getByLabel("Solution").fill("A user's solution.");
  await authorPage.getByRole("button", { name: "Submit entry" }).click();
  await expect(authorPage.getByTestId("entry-badges")).toContainText("Pending review");
  const userEntryUrl = authorPage.url();

  const moderator = await addUser(db, { role: "moderator" });
  await putFirstInQueue(db, { titles: [anonymousTitle, userTitle] });
  await signInAs(page, moderator.handle, undefined, "/review");
  await expect(page.getByRole("link", { name: "Review", exact: true })).toBeVisible();
  const anonymousItem = page.getByRole("article", { name: `Entry: ${anonymousTitle}` });
  await expect(anonymousItem).toContainText("New entry by @anonymous");
  await anonymousItem.getByRole("button", { name: "Approve" }).click();
  await expect(anonymousItem).toHaveCount(0);

  const userItem = page.getByRole("article", { name: `Entry: ${userTitle}` });
  await userItem.getByRole("button", { name: "Reject" }).click();
  await expect(userItem.getByRole("alert")).toHaveText("Give a reason; the author sees it.");
  await userItem.getByLabel(/Note to the author/).fill("Please add a code example.");
  await userItem.getByRole("button", { name: "Reject" }).click();
  await expect(userItem).toHaveCount(0);

  await page.goto(`/entries/${(await db.entry.findFirstOrThrow({ where: { title: anonymousTitle } })).slug}`);
  await expect(page.getByTestId("entry-badges")).toContainText("Approved");

  await authorPage.goto(`/users/${author.handle}`);
  const outcomes = authorPage.getByTestId("review-outcomes");
  await expect(outcomes).toContainText("rejected");
  await expect(outcomes).toContainText(userTitle);
  await expect(outcomes).toContainText("Moderator's note: Please add a code example.");
  await authorPage.goto(userEntryUrl.replace(/$/, "/history"));
  await expect(authorPage.getByRole("region", { name: "Status changes" })).toContainText("Please add a code example.");
});

test("a proposed revision waits in review, and once approved the history shows its diff", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.slow(); // several people, several saves
  const { slug } = await addEntry(db, {
    title: uniqueName("Revision under review"),
    problem: "Threads help with blocking I/O.",
  });
  const editor = await addUser(db);
  await signInAs(page, editor.handle, undefined, `/entries/${slug}/edit`);
  await expect(page.getByRole("button", { name: "Propose changes" })).toBeVisible();
  await page.getByLabel("Problem").fill("Threads help with blocking network I/O.");
  await saveEdit(page, "Be specific about the I/O");
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}/history\\?proposed=1$`));
  await expect(page.getByRole("status").filter({ hasText: "waits for a moderator" })).toBeVisible();
  await expect(page.getByRole("row").nth(1)).toContainText("pending");

  await page.goto(`/entries/${slug}`);
  await expect(page.locator("#problem")).toContainText("Threads help with blocking I/O.");

  const moderator = await addUser(db, { role: "moderator" });
  await putFirstInQueue(db, { revisionsOf: [slug] });
  const moderatorPage = await pageSignedInAs(browser, testInfo, moderator.handle, "/review");
  const item = moderatorPage
    .getByRole("article", { name: /^Revision #1 of Revision under review/ })
    .filter({ hasText: "Be specific about the I/O" });
  await expect(item.getByRole("region", { name: "Changes to Problem" }).locator("ins")).toHaveText(["network "]);
  await item.getByLabel(/Note to the author/).fill("Thanks!");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(item).toHaveCount(0);

  await moderatorPage.goto(`/entries/${slug}`);
  await expect(moderatorPage.locator("#problem")).toContainText("Threads help with blocking network I/O.");
  await expect(moderatorPage.getByRole("heading", { name: "Revisions (1)" })).toBeVisible();
  await moderatorPage.getByRole("link", { name: "Full history" }).click();
  await expect(moderatorPage.getByRole("heading", { name: "Changes from #0 to #1" })).toBeVisible();
  await expect(moderatorPage.getByRole("region", { name: "Changes to Problem" }).locator("ins")).toHaveText([
    "network ",
  ]);
  await expect(moderatorPage.getByRole("row").nth(1)).toContainText(`@${moderator.handle}: Thanks!`);

  await page.goto(`/users/${editor.handle}`);
  await expect(page.getByTestId("review-outcomes")).toContainText("accepted");
});

test("only signed-in people edit and only moderators review", async ({ page, db }) => {
  const { slug } = await addEntry(db);
  await page.goto(`/entries/${slug}/edit`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const user = await addUser(db);
  await signInAs(page, user.handle, undefined, "/review");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Only moderators can review submissions.");
});

test("the edit form, the review queue and the moderation tools pass axe", async ({ page, db }) => {
  test.slow(); // several people, several saves
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const moderator = await addUser(db, { role: "moderator" });
  const editor = await addUser(db);
  const title = uniqueName("Accessible review");
  const { slug } = await addEntry(db, { title });
  await signInAs(page, editor.handle, undefined, `/entries/${slug}/edit`);
  await page.getByLabel("Why").fill("Proposed why.");
  await saveEdit(page, "Propose a why");
  await expect(page.getByRole("status").filter({ hasText: "waits for a moderator" })).toBeVisible();
  await putFirstInQueue(db, { revisionsOf: [slug] });
  await signInAs(page, moderator.handle, undefined, "/review");
  // The queue also holds other tests' items; check the page's own parts and this test's item.
  const scopes: [string, string[]][] = [
    ["/review", ["main h1", "main h2", `main [aria-label="Revision #1 of ${title}"]`]],
    [`/entries/${slug}/history`, ["main"]],
    [`/entries/${slug}/edit`, ["main"]],
  ];
  for (const [path, selectors] of scopes) {
    await page.goto(path);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]);
    for (const selector of selectors) builder.include(selector);
    const results = await builder.analyze();
    expect(
      results.violations.map(
        (violation) => `${path}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      ),
    ).toEqual([]);
  }
});
