import { expect, it } from "vitest";
import { ZodError } from "zod";
import { parseBrowseState } from "@/lib/entries/browse-params";
import { createEntry } from "@/lib/entries/create-entry";
import { getEntryBySlug } from "@/lib/entries/get-entry";
import { listEntries, listLanguages } from "@/lib/entries/list-entries";
import { slugFromTitle } from "@/lib/entries/slug";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

it("makes URL slugs from titles", () => {
  expect(slugFromTitle("Python multiprocessing vs threading vs asyncio decision guide")).toBe(
    "python-multiprocessing-vs-threading-vs-asyncio-decision-guide",
  );
  expect(slugFromTitle("Café: Über C++ & Node.js?")).toBe("cafe-uber-c-and-nodejs");
  expect(slugFromTitle("!!!")).toBe("entry");
  expect(slugFromTitle("x".repeat(200)).length).toBe(80);
});

describeEachDatabase("entries", ({ db }) => {
  it("creates an entry with its tags and its original revision in one go", async () => {
    const content = sampleContent({
      tags: ["Concurrent.Futures", "c++", "GIL"],
      gotchas: ["Watch out", ""],
      errorMessages: ["TypeError: x"],
    });
    const { slug } = await createEntry({ db, content, authorId: null, status: "pending" });
    const entry = await getEntryBySlug({ db, slug, viewer: null });
    expect(entry).toMatchObject({
      title: content.title,
      status: "pending",
      authorHandle: null,
      score: 0,
      viewCount: 0,
      revisionCount: 0,
      tags: ["c++", "concurrent.futures", "gil"],
      gotchas: ["Watch out"],
      errorMessages: ["TypeError: x"],
      recentRevisions: [],
    });
    const revisions = await db.revision.findMany({ where: { entry: { slug } } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      number: 0,
      status: "accepted",
      title: content.title,
      tags: ["concurrent.futures", "c++", "gil"],
    });
  });

  it("gives a repeated title its own slug", async () => {
    const content = sampleContent();
    const first = await createEntry({ db, content, authorId: null, status: "approved" });
    const second = await createEntry({ db, content, authorId: null, status: "approved" });
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it("gives entries with the same title, created at once, a slug each", async () => {
    const title = `Same title at once ${Math.random().toString(36).slice(2)}`;
    const created = await Promise.all(
      Array.from({ length: 4 }, () =>
        createEntry({ db, content: sampleContent({ title }), authorId: null, status: "approved" }),
      ),
    );
    expect(new Set(created.map((entry) => entry.slug)).size).toBe(4);
  });

  it("refuses invalid content and writes nothing", async () => {
    const before = await Promise.all([db.entry.count(), db.revision.count(), db.tag.count()]);
    await expect(
      createEntry({
        db,
        content: sampleContent({ title: "short", tags: ["bad/tag"] }),
        authorId: null,
        status: "pending",
      }),
    ).rejects.toThrow(ZodError);
    // A failure late in the transaction (here: writing the revision) rolls back the entry and its new tag.
    const failingRevisionWrites = new Proxy(db, {
      get(target, property) {
        if (property !== "$transaction") return Reflect.get(target, property, target);
        return (work: (tx: unknown) => Promise<unknown>) =>
          target.$transaction((tx) =>
            work(
              new Proxy(tx, {
                get: (t, p) =>
                  p === "revision" ? { create: () => Promise.reject(new Error("disk full")) } : Reflect.get(t, p, t),
              }),
            ),
          );
      },
    });
    await expect(
      createEntry({
        db: failingRevisionWrites,
        content: sampleContent({ tags: ["rollback-check"] }),
        authorId: null,
        status: "pending",
      }),
    ).rejects.toThrow("disk full");
    await expect(
      createEntry({ db, content: sampleContent(), authorId: "no-such-user", status: "pending" }),
    ).rejects.toThrow();
    expect(await Promise.all([db.entry.count(), db.revision.count(), db.tag.count()])).toEqual(before);
  });

  it("lists with combined filters, sorts and pages", async () => {
    const run = Date.now().toString(36);
    const tag = `list-${run}`;
    const created = [];
    for (let i = 0; i < 5; i++) {
      const content = sampleContent({
        tags: [tag, i % 2 ? "odd" : "even"],
        language: i < 4 ? `lang${run}` : "other",
        category: i === 0 ? "gotcha" : "pattern",
      });
      created.push(
        await createEntry({
          db,
          content,
          authorId: null,
          status: i === 3 ? "archived" : "approved",
          createdAt: new Date(Date.UTC(2020, 0, 1 + i)),
        }),
      );
    }
    await db.entry.update({ where: { slug: created[1]!.slug }, data: { score: 7, viewCount: 1 } });
    await db.entry.update({ where: { slug: created[2]!.slug }, data: { score: 3, viewCount: 50 } });

    const byTag = await listEntries({ db, viewer: null, ...parseBrowseState({ tag }) });
    expect(byTag.entries.map((e) => e.slug)).toEqual(
      [created[4], created[2], created[1], created[0]].map((e) => e!.slug),
    ); // newest first, archived hidden
    expect(byTag.total).toBe(4);

    const combined = await listEntries({
      db,
      viewer: null,
      ...parseBrowseState({ tag: [tag, "odd"], language: `lang${run}`, category: "pattern" }),
    });
    expect(combined.entries.map((e) => e.slug)).toEqual([created[1]!.slug]);

    const archived = await listEntries({ db, viewer: null, ...parseBrowseState({ tag, status: "archived" }) });
    expect(archived.entries.map((e) => e.slug)).toEqual([created[3]!.slug]);
    expect((await listEntries({ db, viewer: null, ...parseBrowseState({ tag, status: "all" }) })).total).toBe(5);

    expect((await listEntries({ db, viewer: null, ...parseBrowseState({ tag, sort: "top" }) })).entries[0]!.slug).toBe(
      created[1]!.slug,
    );
    expect(
      (await listEntries({ db, viewer: null, ...parseBrowseState({ tag, sort: "views" }) })).entries[0]!.slug,
    ).toBe(created[2]!.slug);

    const page2 = await listEntries({ db, viewer: null, ...parseBrowseState({ tag, page: "2" }), pageSize: 3 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page2.entries.map((e) => e.slug)).toEqual([created[0]!.slug]);

    expect(await listLanguages({ db, viewer: null })).toContain(`lang${run}`);
  });

  it("returns null for an unknown slug", async () => {
    expect(await getEntryBySlug({ db, slug: "no-such-entry", viewer: null })).toBeNull();
  });

  it("shows the latest accepted revisions and counts them", async () => {
    const { slug } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const entry = await db.entry.findUniqueOrThrow({ where: { slug }, include: { revisions: true } });
    const base = entry.revisions[0]!;
    const { id: _id, createdAt: _c, ...snapshot } = base;
    await db.revision.create({
      data: {
        ...snapshot,
        gotchas: [],
        errorMessages: [],
        verifiedWith: [],
        tags: [],
        number: 1,
        summary: "Fix typo",
        status: "accepted",
      },
    });
    await db.revision.create({
      data: {
        ...snapshot,
        gotchas: [],
        errorMessages: [],
        verifiedWith: [],
        tags: [],
        number: 2,
        summary: "Pending idea",
        status: "pending",
      },
    });
    await db.entry.update({ where: { slug }, data: { revisionCount: 1 } });
    const detail = await getEntryBySlug({ db, slug, viewer: null });
    expect(detail?.revisionCount).toBe(1);
    expect(detail?.recentRevisions.map((r) => [r.number, r.summary])).toEqual([[1, "Fix typo"]]);
  });
});
