import { describe, expect, it } from "vitest";
import { createEntry } from "@/lib/entries/create-entry";
import { normalizeTag, normalizeTags, tagFromSegment, tagPath, tagProblem } from "@/lib/tags/names";
import { listTagsWithCounts, tagExists } from "@/lib/tags/store";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

describe("tag names", () => {
  it("normalizes case, width and spaces", () => {
    expect(normalizeTag("  GIL ")).toBe("gil");
    expect(normalizeTag("Concurrent.Futures")).toBe("concurrent.futures");
    expect(normalizeTag("Ｃ＋＋")).toBe("c++");
    expect(normalizeTag("event  loop")).toBe("event-loop");
    expect(normalizeTags(["Asyncio", "asyncio", " ASYNCIO", "gil"])).toEqual(["asyncio", "gil"]);
  });

  it("accepts real tag names and explains the rejected ones", () => {
    for (const name of ["c++", "c#", ".net", "node.js", "snake_case", "next.config.js", "日本語"])
      expect(tagProblem(name)).toBeNull();
    expect(tagProblem("")).toMatch(/empty/);
    expect(tagProblem("a/b")).toMatch(/may only contain/);
    expect(tagProblem("..")).toMatch(/letter or digit/);
    expect(tagProblem("x".repeat(41))).toMatch(/longer than 40/);
  });

  it("round-trips through URL segments", () => {
    for (const name of ["c++", "c#", "concurrent.futures", "gil"]) {
      const segment = tagPath(name).slice("/tags/".length);
      expect(tagFromSegment(segment)).toBe(name);
    }
    expect(tagPath("c++")).toBe("/tags/c%2B%2B");
    expect(tagFromSegment("GIL")).toBe("gil");
    expect(tagFromSegment("%E0%A4%A")).toBe("%e0%a4%a");
  });
});

describeEachDatabase("tag counts", ({ db }) => {
  it("counts approved and pending entries only, case-insensitively", async () => {
    const tag = `count-${Date.now().toString(36)}`;
    await createEntry({
      db,
      content: sampleContent({ tags: [tag.toUpperCase()] }),
      authorId: null,
      status: "approved",
    });
    await createEntry({ db, content: sampleContent({ tags: [tag] }), authorId: null, status: "pending" });
    await createEntry({ db, content: sampleContent({ tags: [tag] }), authorId: null, status: "rejected" });
    const counts = await listTagsWithCounts({ db });
    expect(counts.find((row) => row.name === tag)?.entryCount).toBe(2);
    expect(await tagExists({ db, name: tag, viewer: null })).toBe(true);
    expect(await tagExists({ db, name: `${tag}-missing`, viewer: null })).toBe(false);
  });

  it("keeps a tag carried only by rejected entries from everyone but their author and moderators", async () => {
    const tag = `hidden-${Date.now().toString(36)}`;
    const author = await db.user.create({ data: { handle: `tagger${Date.now().toString(36)}` }, select: { id: true } });
    await createEntry({ db, content: sampleContent({ tags: [tag] }), authorId: author.id, status: "rejected" });
    expect(await tagExists({ db, name: tag, viewer: null })).toBe(false);
    expect(await tagExists({ db, name: tag, viewer: { id: "someone-else", role: "user" } })).toBe(false);
    expect(await tagExists({ db, name: tag, viewer: { id: author.id, role: "user" } })).toBe(true);
    expect(await tagExists({ db, name: tag, viewer: { id: "a-moderator", role: "moderator" } })).toBe(true);
  });
});

describeEachDatabase("creating tags", ({ db }) => {
  it("lets entries created at the same moment share a tag that did not exist", async () => {
    const tag = `fresh-${Date.now().toString(36)}`;
    const created = await Promise.all(
      Array.from({ length: 8 }, () =>
        createEntry({ db, content: sampleContent({ tags: [tag, "testing"] }), authorId: null, status: "approved" }),
      ),
    );
    expect(created).toHaveLength(8);
    expect(await db.tag.count({ where: { name: tag } })).toBe(1);
    expect(await db.entryTag.count({ where: { tag: { name: tag } } })).toBe(8);
  });
});
