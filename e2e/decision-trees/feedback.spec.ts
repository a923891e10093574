import { recordTreeFeedback } from "@/lib/decision-trees/feedback";
import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";
import { SMALL_TREE, treeRegion } from "./support";

const TREE_KEY = "solution-tree-1";

async function entryWithTree(db: Parameters<typeof addEntry>[0], authorId: string | null = null) {
  const entry = await addEntry(db, { title: uniqueName("Tree feedback"), solution: `Choose:\n\n${SMALL_TREE}` });
  if (authorId) await db.entry.update({ where: { id: entry.id }, data: { authorId } });
  return entry;
}

test("a visitor answers “Did this fit your case?” once per outcome and may change the answer", async ({ page, db }) => {
  const { id, slug } = await entryWithTree(db);
  await page.goto(`/entries/${slug}?${TREE_KEY}=1`);
  const region = treeRegion(page, TREE_KEY);
  const question = region.getByRole("group", { name: "Did this fit your case?" });
  const rows = () => db.decisionTreeFeedback.findMany({ where: { entryId: id } });

  await question.getByRole("button", { name: "Yes" }).click();
  await expect(question.getByRole("status")).toHaveText("Thanks — noted. You can change your answer.");
  await expect(question.getByRole("button", { name: "Yes" })).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => (await rows()).map((row) => [row.treeKey, row.outcomeId, row.fits]))
    .toEqual([[TREE_KEY, "threads", true]]);

  await question.getByRole("button", { name: "No" }).click();
  await expect(question.getByRole("button", { name: "No" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await rows()).map((row) => [row.outcomeId, row.fits])).toEqual([["threads", false]]);

  // After a reload the same visitor still has one answer.
  await page.reload();
  await question.getByRole("button", { name: "No" }).click();
  await expect(question.getByRole("status")).toHaveText(/Thanks — noted/);
  expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(1);
  // Visitors see no counts.
  await expect(region.getByTestId("outcome-feedback-count")).toHaveCount(0);
});

test("the entry's author and moderators see the counts per outcome", async ({ page, db, browser, baseURL }) => {
  const author = await addUser(db);
  const { slug } = await entryWithTree(db, author.id);
  // Three other visitors answered already.
  for (const [visitorId, fits] of [
    ["v1", true],
    ["v2", true],
    ["v3", false],
  ] as const) {
    await recordTreeFeedback({ db, slug, visitorId, treeKey: TREE_KEY, outcomeId: "processes", fits });
  }

  await signInAs(page, author.handle, undefined, `/entries/${slug}?${TREE_KEY}=0`);
  const region = treeRegion(page, TREE_KEY);
  const tally = region.getByTestId("decision-tree-guided").getByTestId("outcome-feedback-count");
  await expect(tally).toHaveText(/^Visitor feedback: 2 said it fit, 1 said it did not/);
  await region.getByRole("button", { name: "Yes" }).click();
  await expect(tally).toHaveText(/^Visitor feedback: 3 said it fit, 1 said it did not/);
  await region.getByRole("button", { name: "Whole tree" }).click();
  const outline = region.getByTestId("decision-tree-outline");
  await expect(outline.getByTestId("outcome-feedback-count")).toHaveText([
    /3 said it fit, 1 said it did not/,
    /0 said it fit, 0 said it did not/,
  ]);

  const moderator = await addUser(db, { role: "moderator" });
  const moderatorContext = await browser.newContext({ baseURL });
  const moderatorPage = await moderatorContext.newPage();
  await signInAs(moderatorPage, moderator.handle, undefined, `/entries/${slug}?${TREE_KEY}=0`);
  await expect(
    treeRegion(moderatorPage, TREE_KEY).getByTestId("decision-tree-guided").getByTestId("outcome-feedback-count"),
  ).toHaveText(/3 said it fit, 1 said it did not/);
  await moderatorContext.close();
});

test("other signed-in users are refused the counts and see none", async ({ page, db }) => {
  const { slug } = await entryWithTree(db);
  await recordTreeFeedback({ db, slug, visitorId: "v1", treeKey: TREE_KEY, outcomeId: "processes", fits: true });
  const stranger = await addUser(db);
  await signInAs(page, stranger.handle);
  const denied = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/entries/${slug}/tree-feedback`) && response.request().method() === "GET",
  );
  await page.goto(`/entries/${slug}?${TREE_KEY}=0`);
  expect((await denied).status()).toBe(403);
  const region = treeRegion(page, TREE_KEY);
  await expect(region.getByRole("group", { name: "Did this fit your case?" })).toBeVisible();
  await expect(region.getByTestId("outcome-feedback-count")).toHaveCount(0);
});

test("the feedback API validates input and guards the counts", async ({ page, db, request, baseURL }) => {
  const author = await addUser(db);
  const { id, slug } = await entryWithTree(db, author.id);
  const url = `/api/entries/${slug}/tree-feedback`;
  const sameOrigin = { Origin: baseURL!, "Content-Type": "application/json" };
  const post = (data: unknown, headers: Record<string, string> = sameOrigin, target = url) =>
    request.post(target, { headers, data: data as object });

  const bad = await post({ treeKey: TREE_KEY, outcomeId: "threads", fits: "yes" });
  expect(bad.status()).toBe(400);
  const badBody = await bad.json();
  expect(badBody.error.code).toBe("bad_request");
  expect(badBody.error.fields.fits).toBeTruthy();

  const unknownOutcome = await post({ treeKey: TREE_KEY, outcomeId: "load", fits: true });
  expect(unknownOutcome.status()).toBe(400);
  expect((await unknownOutcome.json()).error.fields.outcomeId).toBeTruthy();
  const unknownTree = await post({ treeKey: "solution-tree-2", outcomeId: "threads", fits: true });
  expect(unknownTree.status()).toBe(400);
  expect((await unknownTree.json()).error.fields.treeKey).toBeTruthy();

  const missing = await post(
    { treeKey: TREE_KEY, outcomeId: "threads", fits: true },
    sameOrigin,
    "/api/entries/no-such-entry/tree-feedback",
  );
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");

  const crossSite = await post(
    { treeKey: TREE_KEY, outcomeId: "threads", fits: true },
    { Origin: "http://evil.example", "Content-Type": "application/json" },
  );
  expect(crossSite.status()).toBe(403);
  expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(0);

  const ok = await post({ treeKey: TREE_KEY, outcomeId: "threads", fits: true });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ treeKey: TREE_KEY, outcomeId: "threads", fits: true });
  expect(ok.headers()["set-cookie"]).toContain("hb_visitor=");

  const signedOut = await request.get(url);
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).error.code).toBe("unauthorized");

  await signInAs(page, author.handle);
  const counts = await page.request.get(url);
  expect(counts.status()).toBe(200);
  expect(await counts.json()).toEqual({
    counts: [{ treeKey: TREE_KEY, outcomeId: "threads", fits: 1, doesNotFit: 0 }],
  });
  expect((await page.request.get("/api/entries/no-such-entry/tree-feedback")).status()).toBe(404);
});

test("trees outside entry pages ask for no feedback", async ({ page }) => {
  await page.goto("/help/decision-trees?help-example=0.0");
  const region = treeRegion(page, "help-example");
  await expect(region.getByTestId("decision-tree-guided").getByText("Outcome", { exact: true })).toBeVisible();
  await expect(region.getByRole("group", { name: "Did this fit your case?" })).toHaveCount(0);
});
