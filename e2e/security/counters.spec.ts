// The view count and the decision-tree answers count visitors, so they must not be inflated:
// requests from another site are refused, and a request without this site's visitor cookie
// (none, or one the site did not sign) moves no count; it only receives a cookie. A real
// browser still counts one view per visitor per hour.
import type { APIRequestContext } from "@playwright/test";
import { NEW_VISITOR_HEADER } from "@/lib/new-visitor";
import { SMALL_TREE, treeRegion } from "../decision-trees/support";
import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";

const TREE_KEY = "solution-tree-1";
const ANSWER = { treeKey: TREE_KEY, outcomeId: "threads", fits: true };

async function entryWithTree(db: Parameters<typeof addEntry>[0]) {
  return addEntry(db, { title: uniqueName("Counters"), solution: `Choose:\n\n${SMALL_TREE}` });
}

test("requests from another site move no count", async ({ db, request }) => {
  const { id, slug } = await entryWithTree(db);
  const foreign = { Origin: "http://evil.example" };
  for (let i = 0; i < 3; i++) {
    const view = await request.post(`/api/entries/${slug}/views`, { headers: foreign });
    expect(view.status()).toBe(403);
    expect((await view.json()).error.code).toBe("forbidden");
    const answer = await request.post(`/api/entries/${slug}/tree-feedback`, { headers: foreign, data: ANSWER });
    expect(answer.status()).toBe(403);
  }
  // Without any Origin header, the same.
  expect((await request.post(`/api/entries/${slug}/views`)).status()).toBe(403);
  expect((await db.entry.findUniqueOrThrow({ where: { id } })).viewCount).toBe(0);
  expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(0);
});

test("a request without a visitor cookie moves no count; it gets a cookie", async ({ db, playwright, baseURL }) => {
  const { id, slug } = await entryWithTree(db);
  const sameOrigin = { Origin: new URL(baseURL!).origin };
  const viewCount = async () => (await db.entry.findUniqueOrThrow({ where: { id } })).viewCount;
  // Each context is a client with an empty cookie jar.
  const contexts: APIRequestContext[] = [];
  const fresh = async () => {
    const context = await playwright.request.newContext({ baseURL });
    contexts.push(context);
    return context;
  };

  for (let i = 0; i < 3; i++) {
    const client = await fresh();
    const view = await client.post(`/api/entries/${slug}/views`, { headers: sameOrigin });
    expect(view.status()).toBe(200);
    expect(await view.json()).toEqual({ counted: false, viewCount: 0 });
    expect(view.headers()[NEW_VISITOR_HEADER]).toBe("1");
    expect(view.headers()["set-cookie"]).toContain("hb_visitor=");

    const answer = await (await fresh()).post(`/api/entries/${slug}/tree-feedback`, {
      headers: sameOrigin,
      data: ANSWER,
    });
    expect(answer.status()).toBe(401);
    expect(answer.headers()[NEW_VISITOR_HEADER]).toBe("1");
    expect(answer.headers()["set-cookie"]).toContain("hb_visitor=");
  }
  // A cookie the site did not sign is no visitor either.
  for (const made of ["made-up", "2b1f1f9e-0000-4000-8000-000000000000", "id.c2lnbmF0dXJl"]) {
    const view = await (await fresh()).post(`/api/entries/${slug}/views`, {
      headers: { ...sameOrigin, Cookie: `hb_visitor=${made}` },
    });
    expect(await view.json()).toEqual({ counted: false, viewCount: 0 });
  }
  expect(await viewCount()).toBe(0);
  expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(0);

  // With the cookie it was given, a client is one visitor: its next request counts, once.
  const client = await fresh();
  expect((await client.post(`/api/entries/${slug}/views`, { headers: sameOrigin })).headers()[NEW_VISITOR_HEADER]).toBe(
    "1",
  );
  const counted = await client.post(`/api/entries/${slug}/views`, { headers: sameOrigin });
  expect(await counted.json()).toEqual({ counted: true, viewCount: 1 });
  expect(counted.headers()[NEW_VISITOR_HEADER]).toBeUndefined();
  expect(await (await client.post(`/api/entries/${slug}/views`, { headers: sameOrigin })).json()).toEqual({
    counted: false,
    viewCount: 1,
  });
  expect(
    (await client.post(`/api/entries/${slug}/tree-feedback`, { headers: sameOrigin, data: ANSWER })).status(),
  ).toBe(200);
  expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(1);
  await Promise.all(contexts.map((context) => context.dispose()));
});

test("in the browser, a new visitor's first view and answer still count, once", async ({ page, db }) => {
  const { id, slug } = await entryWithTree(db);
  const viewResponses: number[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(`/api/entries/${slug}/views`)) viewResponses.push(response.status());
  });
  await page.goto(`/entries/${slug}?${TREE_KEY}=1`);
  await expect(page.getByTestId("view-count")).toHaveText("Viewed 1 time");
  expect((await db.entry.findUniqueOrThrow({ where: { id } })).viewCount).toBe(1);
  // The first request got the cookie, the second (sent again with it) counted.
  expect(viewResponses).toEqual([200, 200]);

  const question = treeRegion(page, TREE_KEY).getByRole("group", { name: "Did this fit your case?" });
  await question.getByRole("button", { name: "Yes" }).click();
  await expect(question.getByRole("status")).toHaveText("Thanks — noted. You can change your answer.");
  await expect.poll(() => db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(1);

  await page.reload();
  await expect(page.getByTestId("view-count")).toHaveText("Viewed 1 time");
  expect((await db.entry.findUniqueOrThrow({ where: { id } })).viewCount).toBe(1);
});
