import {
  EntryListSchema,
  EntrySchema,
  ErrorSchema,
  RevisionCreatedSchema,
  RevisionListSchema,
  TagListSchema,
  VoteResultSchema,
} from "@/lib/api/schemas";
import { addEntry, GUIDE_SLUG, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";
import { userWithToken, validEntry } from "./support";

test("lists, filters, searches and pages entries, and names bad parameters", async ({ request }) => {
  const list = await request.get("/api/v1/entries?category=pattern&language=python&status=all");
  expect(list.status()).toBe(200);
  const body = EntryListSchema.parse(await list.json());
  expect(body.entries.map((entry) => entry.slug)).toContain(GUIDE_SLUG);
  expect(body.entries.every((entry) => entry.category === "pattern" && entry.language === "python")).toBe(true);

  const search = EntryListSchema.parse(
    await (await request.get(`/api/v1/entries?q=${encodeURIComponent("multiprocessing threading asyncio")}`)).json(),
  );
  expect(search.entries[0]?.slug).toBe(GUIDE_SLUG);

  const bad = await request.get("/api/v1/entries?page=abc&category=nope");
  expect(bad.status()).toBe(400);
  const error = ErrorSchema.parse(await bad.json());
  expect(Object.keys(error.error.fields ?? {}).sort()).toEqual(["category", "page"]);
});

test("gets one entry by slug or id, and 404s for unknown ones", async ({ request }) => {
  const bySlug = await request.get(`/api/v1/entries/${GUIDE_SLUG}`);
  expect(bySlug.status()).toBe(200);
  const entry = EntrySchema.parse(await bySlug.json());
  expect(entry).toMatchObject({
    slug: GUIDE_SLUG,
    title: "Python multiprocessing vs threading vs asyncio decision guide",
    author: null,
  });
  expect(entry.url).toMatch(new RegExp(`/entries/${GUIDE_SLUG}$`));
  const byId = EntrySchema.parse(await (await request.get(`/api/v1/entries/${entry.id}`)).json());
  expect(byId.slug).toBe(GUIDE_SLUG);
  const missing = await request.get("/api/v1/entries/no-such-entry");
  expect(missing.status()).toBe(404);
  expect(ErrorSchema.parse(await missing.json()).error.code).toBe("not_found");
});

test("submits entries anonymously and with a token, and refuses bad ones with the right status", async ({
  request,
  db,
}) => {
  const anonymous = await request.post("/api/v1/entries", { data: validEntry(uniqueName("API anonymous entry")) });
  expect(anonymous.status()).toBe(201);
  expect(EntrySchema.parse(await anonymous.json())).toMatchObject({
    status: "pending",
    author: null,
    language: "python",
    tags: ["api-test", "asyncio"],
  });

  const moderator = await userWithToken(db, "moderator");
  const approved = await request.post("/api/v1/entries", {
    headers: moderator.headers,
    data: validEntry(uniqueName("API moderator entry")),
  });
  expect(approved.status()).toBe(201);
  expect(EntrySchema.parse(await approved.json())).toMatchObject({ status: "approved", author: moderator.user.handle });

  const title = uniqueName("API invalid entry");
  const invalid = await request.post("/api/v1/entries", { data: { ...validEntry(title), category: "poem", tags: [] } });
  expect(invalid.status()).toBe(422);
  expect(Object.keys(ErrorSchema.parse(await invalid.json()).error.fields ?? {}).sort()).toEqual(["category", "tags"]);
  const brokenTree = await request.post("/api/v1/entries", {
    data: {
      ...validEntry(title),
      solution:
        "```decision-tree\nstart: q\nquestions:\n  q:\n    text: Which?\n    answers:\n      - text: A\n        next: nowhere\n      - text: B\n        next: b\noutcomes:\n  b:\n    title: B\n```",
    },
  });
  expect(brokenTree.status()).toBe(422);
  expect(ErrorSchema.parse(await brokenTree.json()).error.fields?.solution?.[0]).toMatch(/line \d+.*nowhere/);
  expect(await db.entry.count({ where: { title } })).toBe(0);

  const malformed = await request.post("/api/v1/entries", {
    headers: { "Content-Type": "application/json" },
    data: "{not json",
  });
  expect(malformed.status()).toBe(400);
  const notObject = await request.post("/api/v1/entries", { data: [1, 2] });
  expect(notObject.status()).toBe(400);
  const huge = await request.post("/api/v1/entries", {
    data: { ...validEntry(title), problem: "x".repeat(300 * 1024) },
  });
  expect(huge.status()).toBe(413);
  expect(ErrorSchema.parse(await huge.json()).error.code).toBe("too_large");
  const badToken = await request.post("/api/v1/entries", {
    headers: { Authorization: "Bearer hb_not-a-real-token" },
    data: validEntry(title),
  });
  expect(badToken.status()).toBe(401);
  const badScheme = await request.post("/api/v1/entries", {
    headers: { Authorization: "Basic abc" },
    data: validEntry(title),
  });
  expect(badScheme.status()).toBe(401);
  expect(await db.entry.count({ where: { title } })).toBe(0);
});

test("limits submissions per user with 429 and Retry-After", async ({ request, db }) => {
  test.slow();
  const { headers } = await userWithToken(db);
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++)
    statuses.push(
      (await request.post("/api/v1/entries", { headers, data: validEntry(uniqueName(`API rate ${i}`)) })).status(),
    );
  expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
  expect(statuses[20]).toBe(429);
  const limited = await request.post("/api/v1/entries", { headers, data: validEntry(uniqueName("API rate extra")) });
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(ErrorSchema.parse(await limited.json()).error.code).toBe("rate_limited");
});

test("proposes revisions: pending for others, applied for the author, 409 on overlaps", async ({ request, db }) => {
  const author = await userWithToken(db);
  const other = await userWithToken(db);
  const { id, slug } = await addEntry(db, { title: uniqueName("API revision target"), why: "Original why." });
  await db.entry.update({ where: { id }, data: { authorId: author.user.id } });

  expect((await request.post(`/api/v1/entries/${slug}/revisions`, { data: { summary: "x", why: "y" } })).status()).toBe(
    401,
  );
  expect(
    (
      await request.post("/api/v1/entries/no-such-entry/revisions", { headers: other.headers, data: { summary: "x" } })
    ).status(),
  ).toBe(404);

  const list = RevisionListSchema.parse(await (await request.get(`/api/v1/entries/${slug}/revisions`)).json());
  const base = list.revisions[0]!;
  expect(base).toMatchObject({ number: 0, status: "accepted" });

  const proposed = await request.post(`/api/v1/entries/${id}/revisions`, {
    headers: other.headers,
    data: { summary: "Better context", context: "From the API.", baseRevisionId: base.id },
  });
  expect(proposed.status()).toBe(201);
  const pending = RevisionCreatedSchema.parse(await proposed.json());
  expect(pending.revision).toMatchObject({ number: 1, status: "pending", author: other.user.handle });
  expect(pending.entry.context).toBe("");

  const applied = await request.post(`/api/v1/entries/${slug}/revisions`, {
    headers: author.headers,
    data: { summary: "Sharper why", why: "Author's why.", baseRevisionId: base.id },
  });
  expect(applied.status()).toBe(201);
  expect(RevisionCreatedSchema.parse(await applied.json())).toMatchObject({
    revision: { number: 2, status: "accepted" },
    entry: { why: "Author's why.", revisionCount: 1 },
  });

  const overlap = await request.post(`/api/v1/entries/${slug}/revisions`, {
    headers: other.headers,
    data: { summary: "My why", why: "Other's why.", baseRevisionId: base.id },
  });
  expect(overlap.status()).toBe(409);
  expect(ErrorSchema.parse(await overlap.json()).error.conflicts).toEqual([
    { field: "why", theirs: "Author's why.", yours: "Other's why." },
  ]);

  const invalid = await request.post(`/api/v1/entries/${slug}/revisions`, {
    headers: author.headers,
    data: { summary: "", title: "x" },
  });
  expect(invalid.status()).toBe(422);
  expect(Object.keys(ErrorSchema.parse(await invalid.json()).error.fields ?? {}).sort()).toEqual(["summary", "title"]);
  const unchanged = await request.post(`/api/v1/entries/${slug}/revisions`, {
    headers: author.headers,
    data: { summary: "Nothing" },
  });
  expect(unchanged.status()).toBe(422);
  const history = RevisionListSchema.parse(await (await request.get(`/api/v1/entries/${slug}/revisions`)).json());
  expect(history.revisions.map((revision) => `${revision.number}:${revision.status}`)).toEqual([
    "2:accepted",
    "1:pending",
    "0:accepted",
  ]);
});

test("votes with a token; refuses the author, bad values, unknown entries and anonymous callers", async ({
  request,
  db,
}) => {
  const voter = await userWithToken(db);
  const author = await userWithToken(db);
  const { id, slug } = await addEntry(db, { title: uniqueName("API vote target") });
  await db.entry.update({ where: { id }, data: { authorId: author.user.id } });
  expect((await request.post(`/api/v1/entries/${slug}/vote`, { data: { value: 1 } })).status()).toBe(401);
  const up = await request.post(`/api/v1/entries/${slug}/vote`, { headers: voter.headers, data: { value: 1 } });
  expect(up.status()).toBe(200);
  expect(VoteResultSchema.parse(await up.json())).toEqual({ score: 1, userVote: 1 });
  expect(
    VoteResultSchema.parse(
      await (await request.post(`/api/v1/entries/${id}/vote`, { headers: voter.headers, data: { value: 0 } })).json(),
    ),
  ).toEqual({ score: 0, userVote: 0 });
  expect(
    (await request.post(`/api/v1/entries/${slug}/vote`, { headers: author.headers, data: { value: 1 } })).status(),
  ).toBe(403);
  expect(
    (await request.post(`/api/v1/entries/${slug}/vote`, { headers: voter.headers, data: { value: 2 } })).status(),
  ).toBe(422);
  expect(
    (await request.post("/api/v1/entries/no-such-entry/vote", { headers: voter.headers, data: { value: 1 } })).status(),
  ).toBe(404);
});

test("answers crafted requests with wrong types with 422 and field errors, never 500", async ({
  request,
  db,
  baseURL,
  page,
}) => {
  const { headers } = await userWithToken(db);
  const { slug } = await addEntry(db, { title: uniqueName("API wrong types target") });
  const title = uniqueName("API wrong types");
  const cases: [string, Record<string, unknown>, string[]][] = [
    ["/api/v1/entries", { ...validEntry(title), tags: "x" }, ["tags"]],
    [
      "/api/v1/entries",
      { ...validEntry(title), title: 5, problem: ["a"], gotchas: [1], language: 3 },
      ["gotchas", "language", "problem", "title"],
    ],
    ["/api/v1/entries", { ...validEntry(title), category: { pattern: true } }, ["category"]],
    [`/api/v1/entries/${slug}/revisions`, { summary: 5 }, ["summary"]],
    [
      `/api/v1/entries/${slug}/revisions`,
      { summary: "Types", tags: "x", baseRevisionId: 7 },
      ["baseRevisionId", "tags"],
    ],
    [
      `/api/v1/entries/${slug}/revisions`,
      { summary: "Types", why: null, errorMessages: "E" },
      ["errorMessages", "why"],
    ],
    [`/api/v1/entries/${slug}/vote`, { value: "1" }, ["value"]],
    [`/api/v1/entries/${slug}/vote`, { value: [1] }, ["value"]],
  ];
  for (const [url, data, fields] of cases) {
    const response = await request.post(url, { headers, data });
    expect([url, response.status()]).toEqual([url, 422]);
    const error = ErrorSchema.parse(await response.json()).error;
    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
  }
  // The entry page's vote route parses the same body schema.
  const voter = await addUser(db);
  await signInAs(page, voter.handle);
  const browserVote = await page.request.post(`/api/entries/${slug}/vote`, {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { value: "1" },
  });
  expect(browserVote.status()).toBe(422);
  expect(ErrorSchema.parse(await browserVote.json()).error.fields).toEqual({ value: ["Must be 1, -1 or 0."] });

  expect(await db.entry.count({ where: { title } })).toBe(0);
  expect(await db.revision.count({ where: { entry: { slug } } })).toBe(1);
  expect(await db.vote.count({ where: { entry: { slug } } })).toBe(0);
});

test("lists tags and serves an OpenAPI document naming every route", async ({ request }) => {
  const tags = TagListSchema.parse(await (await request.get("/api/v1/tags")).json());
  expect(tags.tags.find((tag) => tag.name === "python")?.entryCount).toBeGreaterThan(0);
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths).sort()).toEqual([
    "/entries",
    "/entries/{ref}",
    "/entries/{ref}/revisions",
    "/entries/{ref}/vote",
    "/openapi.json",
    "/tags",
  ]);
});
