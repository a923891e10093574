import { addEntry, uniqueName, uniqueWord } from "../support/data";
import { expect, test } from "../support/fixtures";

test("'/' focuses the header search; a pasted error message finds its entry first", async ({ page, db }) => {
  const word = uniqueWord();
  const recorded = `File "/srv/app/${word}/billing.py", line 214, in charge\n  psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update [SQL: UPDATE "${word}" SET total = total - 1 WHERE id = 'x'; DROP TABLE users; --]`;
  const tags = [uniqueName("paste")];
  const target = await addEntry(db, { title: `Retry ${word} serialization failures`, errorMessages: [recorded], tags });
  // Entries that repeat the message's words but record no such message.
  for (let i = 0; i < 2; i++) {
    await addEntry(db, {
      tags,
      title: `${word} could not serialize access concurrent update ${i}`,
      problem: `File line charge psycopg2 errors SerializationFailure due SQL UPDATE SET total WHERE id x DROP TABLE users`,
    });
  }

  await page.goto("/");
  const box = page.locator("#site-search");
  // The shortcut works once the header has hydrated.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await expect(box).toHaveValue(""); // the "/" itself is not typed
  const pasted = `File '/home/me/checkout/${word}/billing.py', line 9, in charge psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update [SQL: UPDATE "${word}" SET total = total - 1 WHERE id = 'x'; DROP TABLE users; --]`;
  await box.evaluate((input: HTMLInputElement, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    if (!input.value) input.value = text; // Chromium leaves synthetic paste events to the page
  }, pasted);
  await box.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  const cards = page.getByTestId("entry-card");
  await expect(cards.first()).toContainText(`Retry ${word} serialization failures`);
  await expect(cards.first().getByTestId("exact-error-match")).toBeVisible();
  // Then the entries sharing most of its words.
  await expect(cards.nth(1)).toContainText(`${word} could not serialize`);
  await expect(cards.nth(2)).toContainText(`${word} could not serialize`);
  await expect(page.locator("body")).not.toContainText(/syntax error|Application error|500/i);
  await cards
    .first()
    .getByRole("link", { name: `Retry ${word} serialization failures` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/entries/${target.slug}$`));

  // Typing "/" in a field types it.
  await page.goto("/search?q=x");
  await page.locator("#search-query").fill("");
  await page.locator("#search-query").press("/");
  await expect(page.locator("#search-query")).toHaveValue("/");
});

test("snippets mark the matched words and show entry text as text", async ({ page, db }) => {
  const word = uniqueWord();
  await addEntry(db, {
    tags: [uniqueName("snip")],
    title: uniqueName("Snippet check"),
    problem: `Before <img src=x onerror="window.hacked=1"> the ${word} shows up <b>bold</b> in the body.`,
  });
  await page.goto(`/search?q=${word}`);
  const snippet = page.getByTestId("search-snippet");
  await expect(snippet).toHaveCount(1);
  await expect(snippet.locator("mark")).toHaveText([word]);
  await expect(snippet.locator("img, b")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});

test("search results share the browse filters, sorting and pagination", async ({ page, db }) => {
  const word = uniqueWord();
  const tag = uniqueName("srch");
  for (let i = 0; i < 23; i++) {
    await addEntry(db, {
      title: `Paginated ${word} result ${String(i).padStart(2, "0")}`,
      tags: [tag],
      category: i < 4 ? "debug" : "snippet",
      createdAt: new Date(Date.UTC(2022, 0, 1 + i)),
    });
  }
  await page.goto(`/search?q=${word}`);
  await expect(page.getByTestId("result-count")).toHaveText("23 entries · showing 1–20");
  await expect(page.getByRole("link", { name: "Best match" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}&page=2$`));
  await expect(page.getByTestId("entry-card")).toHaveCount(3);

  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}&sort=newest$`));
  await expect(page.getByTestId("entry-card").first()).toContainText(`Paginated ${word} result 22`);

  await page.getByLabel("Category").selectOption("debug");
  await expect(page).toHaveURL(new RegExp(`q=${word}&category=debug&sort=newest`));
  await expect(page.getByTestId("result-count")).toHaveText("4 entries");
  await expect(page.getByTestId("entry-card").first()).toContainText(`Paginated ${word} result 03`);

  // The query's own syntax filters too.
  await page.goto(`/search?q=${encodeURIComponent(`${word} [${tag}] category:snippet`)}`);
  await expect(page.getByTestId("result-count")).toHaveText("19 entries");
});

test("a tag page shows related tags with how many entries they share", async ({ page, db }) => {
  const [main, often, once] = [uniqueName("main"), uniqueName("often"), uniqueName("once")];
  await addEntry(db, { tags: [main, often] });
  await addEntry(db, { tags: [main, often, once] });
  await addEntry(db, { tags: [often] });
  await page.goto(`/tags/${main}`);
  const related = page.getByRole("list", { name: "Related tags" });
  await expect(related.getByRole("link")).toHaveText([`${often}×2`, `${once}×1`]);
  await related.getByRole("link", { name: new RegExp(once) }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${once}$`));
});

test("GET /api/v1/entries answers JSON, with 400 for bad parameters", async ({ request, db }) => {
  const word = uniqueWord();
  const { slug } = await addEntry(db, { title: `API ${word} entry`, tags: [uniqueName("api")] });
  const ok = await request.get(`/api/v1/entries?q=${encodeURIComponent(`${word} '); --`)}`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ page: 1, pageCount: 1, total: 1 });
  expect(body.entries[0]).toMatchObject({ slug, title: `API ${word} entry`, author: null });
  expect(body.entries[0].url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/entries/${slug}$`));
  const bad = await request.get("/api/v1/entries?page=abc&category=nope");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({
    code: "bad_request",
    fields: { page: expect.any(Array), category: expect.any(Array) },
  });
});
