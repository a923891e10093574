import { expect, it } from "vitest";
import { listEntriesResponse } from "@/lib/api/list-entries";
import { createEntry } from "@/lib/entries/create-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

const ORIGIN = "http://hivebrain.test";

describeEachDatabase("GET /api/v1/entries", ({ db }) => {
  const get = async (query: string) => {
    const response = await listEntriesResponse({ db, request: new Request(`${ORIGIN}/api/v1/entries${query}`) });
    return { status: response.status, body: await response.json() };
  };

  it("lists entries with the shared filters and a search query, in the documented shape", async () => {
    const word = `apiword${Date.now().toString(36).replace(/\d/g, "")}`;
    const tag = `api-${Date.now().toString(36)}`;
    const content = sampleContent({
      title: `Listing ${word} through the API`,
      tags: [tag, "http"],
      gotchas: ["One"],
      errorMessages: ["E: boom"],
      language: "go",
    });
    const { slug } = await createEntry({ db, content, authorId: null, status: "approved" });
    await createEntry({
      db,
      content: sampleContent({ title: `Another ${word} entry`, tags: [tag] }),
      authorId: null,
      status: "approved",
    });

    const { status, body } = await get(`?q=${word}&tag=${tag}&language=go`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, pageCount: 1, total: 1 });
    expect(body.entries).toHaveLength(1);
    const entry = body.entries[0];
    expect(Object.keys(entry).sort()).toEqual(
      [
        "id",
        "slug",
        "title",
        "category",
        "language",
        "framework",
        "severity",
        "status",
        "problem",
        "solution",
        "why",
        "context",
        "gotchas",
        "errorMessages",
        "verifiedWith",
        "verifiedRecently",
        "tags",
        "author",
        "score",
        "viewCount",
        "revisionCount",
        "createdAt",
        "updatedAt",
        "url",
      ].sort(),
    );
    expect(entry).toMatchObject({
      slug,
      title: content.title,
      category: "pattern",
      language: "go",
      status: "approved",
      gotchas: ["One"],
      errorMessages: ["E: boom"],
      tags: [tag, "http"].sort(),
      author: null,
      revisionCount: 0,
      url: `${ORIGIN}/entries/${slug}`,
    });
    expect(new Date(entry.createdAt).toISOString()).toBe(entry.createdAt);

    const paged = await get(`?tag=${tag}&sort=newest&page=2`);
    expect(paged.body).toMatchObject({ page: 2, pageCount: 1, total: 2, entries: [] });
    expect((await get(`?tag=${tag}`)).body.entries.map((e: { slug: string }) => e.slug)).toContain(slug);
  });

  it.each([
    ["?page=abc", "page"],
    ["?page=0", "page"],
    ["?category=recipes", "category"],
    ["?status=deleted", "status"],
    ["?sort=random", "sort"],
    ["?tag=bad/tag", "tag"],
    [`?language=${"x".repeat(41)}`, "language"],
    [`?q=${"x".repeat(2001)}`, "q"],
  ])("refuses %s with 400 naming the parameter", async (query, field) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(field);
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it("answers a nasty query with 200", async () => {
    const { status, body } = await get(
      `?q=${encodeURIComponent('\'); DROP TABLE "Entry"; -- NEAR(a b) "unbalanced [x] * ^')}`,
    );
    expect(status).toBe(200);
    expect(Array.isArray(body.entries)).toBe(true);
  });
});
