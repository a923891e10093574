// The browse views everyone sees alike (home, tag pages, searches) are cached pages (proxy.ts,
// app/views): served from the cache, cleared by every change an entry's card shows, and never
// holding anything of the visitor who filled them.
import type { APIRequestContext, Page } from "@playwright/test";
import { pageSignedInAs, saveEdit } from "../revisions/support";
import { addEntry, uniqueName, uniqueWord } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser } from "../support/users";

/** An approved entry on lists of its own: a tag and a search word no other entry has. */
async function entryOnOwnLists(db: Parameters<typeof addEntry>[0], extra: Parameters<typeof addEntry>[1] = {}) {
  const tag = uniqueWord();
  const word = uniqueWord();
  const title = uniqueName(`Cached ${word}`);
  const entry = await addEntry(db, { title, tags: [tag, "e2e"], problem: `Only this entry says ${word}.`, ...extra });
  return { ...entry, title, tag, lists: [`/?tag=${tag}`, `/tags/${tag}`, `/search?q=${word}`] };
}

/** What an anonymous visitor gets for a path, and whether it came from the page cache. */
async function anonymousGet(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), cache: response.headers()["x-nextjs-cache"] };
}

// Each test loads every list several times and signs someone in.
test.slow();

async function expectServedFromCache(request: APIRequestContext, path: string) {
  // Other tests' writes clear the cache at any time: a hit shows up within a few requests.
  await expect.poll(async () => (await anonymousGet(request, path)).cache, { message: path }).toBe("HIT");
}

async function expectCard(page: Page, path: string, title: string, text: string) {
  await page.goto(path);
  await expect(page.getByTestId("entry-card").filter({ hasText: title }), path).toContainText(text);
}

/** Votes up and waits for the server to answer: the score on the page changes before it does. */
async function voteUp(page: Page) {
  const answered = page.waitForResponse((r) => r.url().endsWith("/vote") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Vote up" }).click();
  expect((await answered).status()).toBe(200);
  await expect(page.getByTestId("entry-score")).toHaveText("1 score");
}

test("lists are served from the cache, and a vote shows on each at the next request", async ({
  page,
  browser,
  db,
  request,
}, testInfo) => {
  const entry = await entryOnOwnLists(db);
  for (const path of entry.lists) {
    await expectCard(page, path, entry.title, "0 score");
    await expectServedFromCache(request, path);
  }

  const voter = await addUser(db);
  const voterPage = await pageSignedInAs(browser, testInfo, voter.handle, `/entries/${entry.slug}`);
  await voteUp(voterPage);

  for (const path of entry.lists) await expectCard(page, path, entry.title, "1 score");

  // Links and the sort tabs of a cached page lead to the public addresses.
  await page.goto(`/tags/${entry.tag}`);
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    `/sign-in?callbackUrl=${encodeURIComponent(`/tags/${entry.tag}`)}`,
  );
  await page.getByRole("link", { name: "Top score" }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${entry.tag}\\?sort=top$`));
  await expect(page.getByTestId("entry-card").filter({ hasText: entry.title })).toContainText("1 score");
});

test("an edit shows on the lists and the entry page, and its new tag gets a page", async ({
  page,
  browser,
  db,
  request,
}, testInfo) => {
  const author = await addUser(db);
  const entry = await entryOnOwnLists(db);
  await db.entry.update({ where: { id: entry.id }, data: { authorId: author.id } });
  const newTag = uniqueWord();
  for (const path of entry.lists) await expectCard(page, path, entry.title, entry.tag);
  expect((await anonymousGet(request, `/tags/${newTag}`)).status).toBe(404);
  await expectServedFromCache(request, `/entries/${entry.slug}`);

  const newTitle = uniqueName("Retitled cached entry");
  const authorPage = await pageSignedInAs(browser, testInfo, author.handle, `/entries/${entry.slug}/edit`);
  await authorPage.getByLabel("Title").fill(newTitle);
  const tags = authorPage.getByLabel("Tags");
  await tags.fill(newTag);
  await tags.press("Enter");
  await saveEdit(authorPage, "Retitle, and tag it");
  await expect(authorPage).toHaveURL(new RegExp(`/entries/${entry.slug}$`));

  for (const path of [...entry.lists, `/tags/${newTag}`]) await expectCard(page, path, newTitle, newTag);
  expect((await anonymousGet(request, `/entries/${entry.slug}`)).text).toContain(newTitle);
});

test("a status change takes the entry off the lists at the next request", async ({ page, browser, db }, testInfo) => {
  const moderator = await addUser(db, { role: "moderator" });
  const entry = await entryOnOwnLists(db);
  for (const path of entry.lists) await expectCard(page, path, entry.title, "0 score");

  const moderatorPage = await pageSignedInAs(browser, testInfo, moderator.handle, `/entries/${entry.slug}/history`);
  const form = moderatorPage.getByRole("form", { name: "Change status" });
  await form.getByLabel("New status").selectOption("archived");
  await form.getByLabel(/Reason/).fill("Superseded.");
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByRole("status")).toHaveText("Entry archived.");

  for (const path of entry.lists) {
    await page.goto(path);
    await expect(page.getByTestId("entry-card").filter({ hasText: entry.title }), path).toHaveCount(0);
  }
  // Archived entries are still listed for whoever asks for them.
  await expectCard(page, `/?tag=${entry.tag}&status=archived`, entry.title, "0 score");
});

test("a signed-in visitor who fills the cache leaves nothing of theirs in it", async ({
  page,
  browser,
  db,
  request,
}, testInfo) => {
  const moderator = await addUser(db, { role: "moderator" });
  const entry = await entryOnOwnLists(db);
  const rejectedTitle = uniqueName("Rejected cached");
  await addEntry(db, { title: rejectedTitle, tags: [entry.tag], status: "rejected" });

  // The moderator is the first to load each view, and votes on the way.
  const moderatorPage = await pageSignedInAs(browser, testInfo, moderator.handle, `/entries/${entry.slug}`);
  await voteUp(moderatorPage);
  for (const path of entry.lists) {
    await expectCard(moderatorPage, path, entry.title, "1 score");
    await expect(moderatorPage.getByRole("banner")).toContainText(moderator.handle);
  }
  // Views that include private statuses are rendered for each visitor.
  await expectCard(moderatorPage, `/?tag=${entry.tag}&status=all`, rejectedTitle, "0 score");

  for (const path of [...entry.lists, `/?tag=${entry.tag}&status=all`, `/?tag=${entry.tag}&status=rejected`]) {
    const { status, text } = await anonymousGet(request, path);
    expect(status, path).toBe(200);
    expect(text, path).not.toContain(moderator.handle);
    expect(text, path).not.toContain(rejectedTitle);
    expect(text, path).not.toContain('aria-pressed="true"');
  }
  for (const path of entry.lists) await expectServedFromCache(request, path);
  await page.goto(`/?tag=${entry.tag}&status=all`);
  await expect(page.getByTestId("entry-card").filter({ hasText: entry.title })).toBeVisible();
  await expect(page.getByTestId("entry-card").filter({ hasText: rejectedTitle })).toHaveCount(0);
});

test("the cached pages have no address of their own", async ({ request }) => {
  for (const path of ["/views/home/default", "/views/tags/gil/default", "/views/search/cT1naWw"])
    expect((await anonymousGet(request, path)).status, path).toBe(404);
});
