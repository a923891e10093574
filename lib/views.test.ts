import { expect, it } from "vitest";
import { createEntry } from "@/lib/entries/create-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { pruneViews, recordView, VIEW_WINDOW_MS, visitorKey } from "@/lib/views";

describeEachDatabase("view counting", ({ db }) => {
  it("counts a visitor once per hour", async () => {
    const { slug } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const t0 = new Date("2026-01-01T10:00:00Z");
    expect(await recordView({ db, slug, visitorId: "alice", now: t0 })).toEqual({
      ok: true,
      counted: true,
      viewCount: 1,
    });
    expect(await recordView({ db, slug, visitorId: "alice", now: new Date(t0.getTime() + 59 * 60_000) })).toEqual({
      ok: true,
      counted: false,
      viewCount: 1,
    });
    expect(await recordView({ db, slug, visitorId: "bob", now: t0 })).toEqual({
      ok: true,
      counted: true,
      viewCount: 2,
    });
    expect(await recordView({ db, slug, visitorId: "alice", now: new Date(t0.getTime() + VIEW_WINDOW_MS) })).toEqual({
      ok: true,
      counted: true,
      viewCount: 3,
    });
  });

  it("counts concurrent requests of one visitor once", async () => {
    const { slug } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => recordView({ db, slug, visitorId: "burst", now })),
    );
    expect(results.filter((r) => r.ok && r.counted)).toHaveLength(1);
    expect((await db.entry.findUniqueOrThrow({ where: { slug } })).viewCount).toBe(1);
  });

  it("stores only a hash of the visitor id and prunes old records", async () => {
    const { slug, id } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const old = new Date("2020-01-01T00:00:00Z");
    await recordView({ db, slug, visitorId: "carol", now: old });
    const row = await db.entryView.findFirstOrThrow({ where: { entryId: id } });
    expect(row.visitorKey).toBe(visitorKey("carol"));
    expect(row.visitorKey).not.toContain("carol");
    expect(await pruneViews({ db, now: new Date(old.getTime() + VIEW_WINDOW_MS + 1) })).toBeGreaterThanOrEqual(1);
    expect(await db.entryView.count({ where: { entryId: id } })).toBe(0);
  });

  it("counts nothing for a request without a visitor, and reads the count", async () => {
    const { slug } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    await recordView({ db, slug, visitorId: "dave" });
    for (let i = 0; i < 3; i++)
      expect(await recordView({ db, slug, visitorId: null })).toEqual({ ok: true, counted: false, viewCount: 1 });
    expect((await db.entry.findUniqueOrThrow({ where: { slug } })).viewCount).toBe(1);
  });

  it("answers not_found for an unknown entry", async () => {
    expect(await recordView({ db, slug: "missing-entry", visitorId: "x" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
