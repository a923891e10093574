// Server actions are public POST endpoints: a crafted request can send any JSON or form body,
// whatever the page's TypeScript says. Each must answer with field errors, never a 500, and
// write nothing. These tests rewrite the body the browser sends to the action.
import type { Page, Request } from "@playwright/test";
import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";

const isActionPost = (request: Request) => request.method() === "POST" && Boolean(request.headers()["next-action"]);

/** The input of a save action call (other actions, such as the preview or similar titles, send no `content`). */
const isSave = (request: Request) => isActionPost(request) && (request.postData() ?? "").includes('"content"');

/** Rewrites the JSON arguments of the next save made from `page`, and returns its response status. */
async function craftNextSave(page: Page, rewrite: (args: unknown[]) => unknown[]) {
  let crafted = false;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (crafted || !isSave(request)) return route.continue();
    crafted = true;
    const args = JSON.parse(request.postData() ?? "[]") as unknown[];
    await route.continue({ postData: JSON.stringify(rewrite(args)) });
  });
  return page.waitForResponse((response) => isSave(response.request())).then((response) => response.status());
}

test("a crafted edit with a number as the summary and a string as the tags gets field errors and saves nothing", async ({
  page,
  db,
}) => {
  const author = await addUser(db);
  const { id, slug } = await addEntry(db, { title: uniqueName("Crafted edit") });
  await db.entry.update({ where: { id }, data: { authorId: author.id } });
  await signInAs(page, author.handle, undefined, `/entries/${slug}/edit`);

  await page.getByLabel("Why").fill("A change that must not be saved.");
  await page.getByLabel("Edit summary").fill("Looks harmless");
  const status = craftNextSave(page, ([input]) => {
    const edit = input as { summary: unknown; content: { tags: unknown } };
    return [{ ...edit, summary: 5, content: { ...edit.content, tags: "x" } }];
  });
  await page.getByRole("button", { name: "Save changes" }).click();

  expect(await status).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(page.locator("#error-summary")).toContainText("expected string, received number");
  await expect(page.locator("#error-tags")).toContainText("expected array, received string");
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}/edit$`));
  expect(await db.revision.count({ where: { entryId: id } })).toBe(1);
});

test("a crafted submission with a number as the title gets a field error and creates no entry", async ({
  page,
  db,
}) => {
  const title = uniqueName("Crafted submission");
  await page.goto("/entries/new");
  await page.getByLabel("Title").fill(title);
  const status = craftNextSave(page, ([input]) => {
    const submission = input as { content: Record<string, unknown> };
    return [{ ...submission, content: { ...submission.content, title: 12345, problem: ["not", "text"] } }];
  });
  await page.getByRole("button", { name: "Submit entry" }).click();

  expect(await status).toBe(200);
  await expect(page.locator("#error-title")).toContainText("expected string, received number");
  await expect(page.locator("#error-problem")).toContainText("expected string, received array");
  expect(await db.entry.count({ where: { title } })).toBe(0);
});

test("a crafted review decision without the entry id is refused with a message and changes nothing", async ({
  page,
  db,
}) => {
  const moderator = await addUser(db, { role: "moderator" });
  const title = uniqueName("Crafted review");
  const { id } = await addEntry(db, { title, status: "pending" });
  await db.entry.update({ where: { id }, data: { createdAt: new Date("2001-01-01T00:00:00Z") } });
  await signInAs(page, moderator.handle, undefined, "/review");

  const item = page.getByRole("article", { name: `Entry: ${title}` });
  let crafted = false;
  await page.route("**/review", async (route) => {
    const request = route.request();
    if (crafted || !isActionPost(request)) return route.continue();
    crafted = true;
    // The form body is multipart: blank out the hidden entry id wherever it stands.
    const body = (request.postDataBuffer() ?? Buffer.alloc(0)).toString("latin1").replaceAll(id, "");
    await route.continue({ postData: Buffer.from(body, "latin1") });
  });
  await item.getByRole("button", { name: "Approve" }).click();

  await expect(item.getByRole("alert")).toContainText("Some fields need attention.");
  expect((await db.entry.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("pending");
});
