// "Verified with": the line under an entry's title and the "Not verified recently" mark (recomputed
// in the browser from the dates, so a cached page is right on any day), the form round trip with
// field errors, the history's diff, search cards, the moderators' list, the API and MCP.
import { EntrySchema, ErrorSchema } from "@/lib/api/schemas";
import { userWithToken, validEntry } from "../api/support";
import { callTool, connectMcp } from "../mcp/support";
import { addEntry, uniqueName, uniqueWord } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The UTC day `n` days ago, YYYY-MM-DD: verifications must not be in the future. */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

test("an entry shows what it was verified with under its title, and no mark while that is recent", async ({
  page,
  db,
}) => {
  const date = daysAgo(3);
  const { slug } = await addEntry(db, {
    verifiedWith: [
      { subject: "Python", version: "3.11.7", date, by: "@hivebrain-editors" },
      { subject: "uv", version: "0.9.0", date: daysAgo(400) },
    ],
  });
  await page.goto(`/entries/${slug}`);
  const line = page.getByTestId("verified-with");
  await expect(line).toHaveText(
    `Verified with Python 3.11.7 · ${date} · @hivebrain-editors; uv 0.9.0 · ${daysAgo(400)}`,
  );
  await expect(line.locator("time").first()).toHaveAttribute("datetime", date);
  // Under the title, before the byline.
  const titleBox = await page.getByRole("heading", { level: 1 }).boundingBox();
  const lineBox = await line.boundingBox();
  expect(lineBox!.y).toBeGreaterThan(titleBox!.y);
  await expect(page.getByText(/Submitted by/)).toBeVisible();
  await expect(page.getByTestId("not-verified-recently")).toHaveCount(0);
});

test("an entry that states no verification, or only an old one, is marked not verified recently", async ({
  page,
  db,
}) => {
  const none = await addEntry(db);
  await page.goto(`/entries/${none.slug}`);
  await expect(page.getByTestId("verified-with")).toHaveCount(0);
  const mark = page.getByTestId("not-verified-recently");
  await expect(mark).toHaveText(/Not verified recently: it does not say what its code was run or compiled with\./);

  const oldDate = daysAgo(600); // more than 18 months
  const old = await addEntry(db, { verifiedWith: [{ subject: "Node.js", version: "18.0.0", date: oldDate }] });
  await page.goto(`/entries/${old.slug}`);
  await expect(page.getByTestId("verified-with")).toHaveText(`Verified with Node.js 18.0.0 · ${oldDate}`);
  await expect(page.getByTestId("not-verified-recently")).toHaveText(
    new RegExp(`Not verified recently: its newest verification, on ${oldDate}, is more than 18 months old\\.$`),
  );
});

test("the mark follows the visitor's day, not the day the cached page was rendered", async ({ page, db }) => {
  const date = daysAgo(1);
  const { slug } = await addEntry(db, { verifiedWith: [{ subject: "rustc", version: "1.95.0", date }] });
  // Render and cache the page today: verified recently.
  await page.goto(`/entries/${slug}`);
  await expect(page.getByTestId("verified-with")).toBeVisible();
  await expect(page.getByTestId("not-verified-recently")).toHaveCount(0);
  // Nineteen months later the same cached HTML is served, and the browser marks it.
  await page.clock.setFixedTime(new Date(Date.now() + 19 * 31 * DAY_MS));
  await page.goto(`/entries/${slug}`);
  await expect(page.getByTestId("not-verified-recently")).toContainText(`its newest verification, on ${date}`);
});

test("the form takes one verification per line, names a bad one, and round-trips through edit and history", async ({
  page,
  db,
}) => {
  const author = await addUser(db);
  await signInAs(page, author.handle, undefined, "/entries/new");
  const title = uniqueName("Verified through the form");
  await page.getByLabel("Title").fill(title);
  const tags = page.getByLabel("Tags");
  await tags.fill("verified-with");
  await tags.press("Enter");
  await page.getByLabel("Problem").fill("Something worth checking.");
  await page.getByLabel("Solution").fill("Run it:\n\n```python\nprint('ok')\n```");
  const verifiedWith = page.getByLabel("Verified with", { exact: true });
  await expect(verifiedWith).toHaveAttribute("aria-describedby", "hint-verifiedWith");

  // A line without a version, and one dated in the future.
  await verifiedWith.fill(`Python · ${daysAgo(2)}\nNode.js 20.20.2 | 2999-01-01`);
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(verifiedWith).toHaveAttribute("aria-invalid", "true");
  await expect(verifiedWith).toHaveAttribute("aria-describedby", "hint-verifiedWith error-verifiedWith");
  const errors = page.locator("#error-verifiedWith");
  await expect(errors).toContainText("Verification 1: give the version after the name, e.g. Python 3.14.0.");
  await expect(errors).toContainText("Verification 2: 2999-01-01 is in the future.");

  // "|" works as "·"; spacing does not matter.
  const first = daysAgo(2);
  await verifiedWith.fill(`Python 3.11.7 · ${first} · @${author.handle}\n  Node.js   20.20.2|${daysAgo(5)}  `);
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("verified-with")).toHaveText(
    `Verified with Python 3.11.7 · ${first} · @${author.handle}; Node.js 20.20.2 · ${daysAgo(5)}`,
  );
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const row = await db.entry.findUniqueOrThrow({ where: { slug }, select: { verifiedWith: true, verifiedOn: true } });
  expect(row).toEqual({
    verifiedWith: [
      { subject: "Python", version: "3.11.7", date: first, by: `@${author.handle}` },
      { subject: "Node.js", version: "20.20.2", date: daysAgo(5), by: null },
    ],
    verifiedOn: first,
  });

  // The edit form shows them as the page does, one per line; the author's edit applies at once.
  await page.goto(`/entries/${slug}/edit`);
  const editField = page.getByLabel("Verified with", { exact: true });
  await expect(editField).toHaveValue(`Python 3.11.7 · ${first} · @${author.handle}\nNode.js 20.20.2 · ${daysAgo(5)}`);
  await editField.fill(`Python 3.12.4 · ${daysAgo(1)} · @${author.handle}\nNode.js 20.20.2 · ${daysAgo(5)}`);
  await page.getByLabel("Edit summary").fill("Ran it on Python 3.12");
  await page.getByRole("button", { name: /Save changes|Propose changes/ }).click();
  await expect(page.getByTestId("verified-with")).toContainText(`Python 3.12.4 · ${daysAgo(1)}`);

  await page.goto(`/entries/${slug}/history?from=0&to=1`);
  const changes = page.getByRole("region", { name: "Changes to Verified with" });
  await expect(changes.locator("del")).toContainText(["11"]);
  await expect(changes.locator("ins")).toContainText(["12"]);
});

test("search results show what an entry was verified with", async ({ page, db }) => {
  const word = uniqueWord();
  const date = daysAgo(10);
  await addEntry(db, {
    title: uniqueName(`Verified ${word}`),
    verifiedWith: [{ subject: "GCC", version: "12.2.0", date, by: "@hivebrain-editors" }],
  });
  await page.goto(`/search?q=${word}`);
  const card = page.getByTestId("entry-card");
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("verified-with")).toHaveText(`Verified with GCC 12.2.0 · ${date} · @hivebrain-editors`);
});

test("moderators get the list of approved entries not verified recently, linked from /review", async ({ page, db }) => {
  // Stating none, and dated back: first in the list (none stated first, then by age).
  const title = uniqueName("Nobody ran this");
  const { slug } = await addEntry(db, { title, createdAt: new Date("2000-01-01T00:00:00Z") });
  const recentTitle = uniqueName("Ran this lately");
  await addEntry(db, {
    title: recentTitle,
    createdAt: new Date("2000-01-01T00:00:00Z"),
    verifiedWith: [{ subject: "Python", version: "3.11.7", date: daysAgo(1) }],
  });

  // Not for anonymous visitors or plain users.
  await page.goto("/review/unverified");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freview%2Funverified/);
  const user = await addUser(db);
  await signInAs(page, user.handle, undefined, "/review/unverified");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Only moderators can see this list.");
  await expect(page.getByTestId("unverified-entry")).toHaveCount(0);
  await page.context().clearCookies();

  const moderator = await addUser(db, { role: "moderator" });
  await signInAs(page, moderator.handle, undefined, "/review");
  const link = page.getByRole("link", { name: /^Not verified recently \(\d[\d,]*\)$/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/review\/unverified$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Not verified recently \(\d[\d,]*\)$/);
  const item = page.getByTestId("unverified-entry").filter({ hasText: title });
  await expect(item).toContainText("States no verification");
  await expect(item.getByRole("link", { name: `Edit ${title}` })).toHaveAttribute("href", `/entries/${slug}/edit`);
  await expect(page.getByTestId("unverified-entry").filter({ hasText: recentTitle })).toHaveCount(0);
  await item.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}$`));
});

test("the API returns and checks verifications", async ({ request, db }) => {
  const date = daysAgo(4);
  const { slug } = await addEntry(db, {
    verifiedWith: [{ subject: "TypeScript", version: "5.9.3", date, by: "@hivebrain-editors" }],
  });
  const entry = EntrySchema.parse(await (await request.get(`/api/v1/entries/${slug}`)).json());
  expect(entry).toMatchObject({
    verifiedWith: [{ subject: "TypeScript", version: "5.9.3", date, by: "@hivebrain-editors" }],
    verifiedRecently: true,
  });

  const { headers } = await userWithToken(db);
  const bad = await request.post("/api/v1/entries", {
    headers,
    data: {
      ...validEntry(uniqueName("Bad verification")),
      verifiedWith: [{ subject: "Python", version: "3", date: "2026-02-30" }],
    },
  });
  expect(bad.status()).toBe(422);
  expect(ErrorSchema.parse(await bad.json()).error.fields?.verifiedWith).toEqual([
    'Verification 1: "2026-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01.',
  ]);
  const good = await request.post("/api/v1/entries", {
    headers,
    data: {
      ...validEntry(uniqueName("Good verification")),
      verifiedWith: [{ subject: "Python", version: "3.11.7", date }],
    },
  });
  expect(good.status()).toBe(201);
  expect(EntrySchema.parse(await good.json())).toMatchObject({
    verifiedWith: [{ subject: "Python", version: "3.11.7", date, by: null }],
    verifiedRecently: true,
  });
});

test("MCP output says what an entry was verified with and whether that is recent", async ({ baseURL, db }) => {
  const word = uniqueWord();
  const date = daysAgo(6);
  const { slug } = await addEntry(db, {
    title: uniqueName(`Agent-verified ${word}`),
    verifiedWith: [{ subject: "Bash", version: "5.2.15", date, by: "@hivebrain-editors" }],
  });
  const client = await connectMcp(String(baseURL));
  const got = await callTool<{ entry: { verifiedWith: unknown[]; verifiedRecently: boolean }; markdown: string }>(
    client,
    "hivebrain_get",
    { id: slug },
  );
  expect(got.structured.entry).toMatchObject({ verifiedRecently: true });
  expect(got.structured.markdown).toContain(`Verified with: Bash 5.2.15 · ${date} · @hivebrain-editors  \n`);

  const found = await callTool<{ entries: { slug: string; verifiedWith: unknown[]; verifiedRecently: boolean }[] }>(
    client,
    "hivebrain_search",
    { query: word },
  );
  expect(found.structured.entries).toEqual([
    expect.objectContaining({
      slug,
      verifiedWith: [{ subject: "Bash", version: "5.2.15", date, by: "@hivebrain-editors" }],
      verifiedRecently: true,
    }),
  ]);
  expect(found.text).toContain(`Verified with: Bash 5.2.15 · ${date} · @hivebrain-editors`);
  await client.close();
});
