// The seed adds revision 1 of the concurrency guide through the app's own revision functions,
// once, and only to a guide still exactly as seeded. On each test database (SQLite and
// PostgreSQL): the seeded guide (the global setup seeded every database), and copies of the
// guide under other slugs for the cases the seeded one cannot show without being changed.
import { expect, it } from "vitest";
import type { CurrentUser, Role } from "@/lib/auth/roles";
import { createEntry } from "@/lib/entries/create-entry";
import { entryContentSchema } from "@/lib/entries/schema";
import { validateEntryContent } from "@/lib/entries/validate-content";
import { sameContent } from "@/lib/revisions/merge";
import { proposeRevision } from "@/lib/revisions/propose";
import { headRevision, snapshotContent, snapshotSelect } from "@/lib/revisions/snapshots";
import { describeEachDatabase } from "@/lib/test/db-suite";
import { concurrencyGuide } from "./concurrency-guide";
import {
  concurrencyGuideRevision1,
  GUIDE_REVIEWER_HANDLE,
  guideEditor,
  REVISION_1_REVIEW_NOTE,
  REVISION_1_SUMMARY,
  revision1Changes,
} from "./concurrency-guide-revision-1";
import { addGuideRevision1 } from "./guide-revision";
import { seedDatabase, seedEntries } from "./seed";
import type { SeedEntry } from "./types";

const GUIDE_SLUG = concurrencyGuide.slug;

function contentOfSeed(entry: SeedEntry) {
  const { slug: _slug, status: _status, authorHandle: _author, ageDays: _age, ...content } = entry;
  return entryContentSchema.parse(content);
}

let copies = 0;

describeEachDatabase("the concurrency guide's revision 1", ({ db }) => {
  async function revisionsOf(slug: string) {
    return db.revision.findMany({
      where: { entry: { slug } },
      orderBy: { number: "asc" },
      select: {
        number: true,
        status: true,
        summary: true,
        reviewNote: true,
        author: { select: { handle: true } },
        reviewer: { select: { handle: true } },
        ...snapshotSelect,
      },
    });
  }

  /** A copy of the guide as the seed creates it, under a slug of its own. */
  async function guideCopy(content = contentOfSeed(concurrencyGuide)) {
    const slug = `${GUIDE_SLUG}-copy-${Date.now().toString(36)}-${++copies}`;
    return createEntry({ db, content, authorId: null, status: "pending", slug });
  }

  async function someone(role: Role = "user"): Promise<CurrentUser> {
    const handle = `gr${Date.now().toString(36)}${++copies}`;
    const user = await db.user.create({ data: { handle, name: handle, role }, select: { id: true, handle: true } });
    return { ...user, role };
  }

  it("is on the seeded guide: proposed by the editor, accepted by the moderator, over the original revision 0", async () => {
    const revisions = await revisionsOf(GUIDE_SLUG);
    expect(revisions.map(({ number, status }) => ({ number, status }))).toEqual([
      { number: 0, status: "accepted" },
      { number: 1, status: "accepted" },
    ]);
    const [original, revision1] = revisions;
    // Revision 0 is the original page, exactly as seeded.
    expect(sameContent(snapshotContent(original!), contentOfSeed(concurrencyGuide))).toBe(true);
    expect(original).toMatchObject({ summary: "Original submission", author: null });
    expect(revision1).toMatchObject({
      summary: REVISION_1_SUMMARY,
      reviewNote: REVISION_1_REVIEW_NOTE,
      author: { handle: guideEditor.handle },
      reviewer: { handle: GUIDE_REVIEWER_HANDLE },
    });
    expect(sameContent(snapshotContent(revision1!), contentOfSeed(concurrencyGuideRevision1))).toBe(true);
    expect(await db.user.findUnique({ where: { handle: guideEditor.handle }, select: { role: true } })).toEqual({
      role: "user",
    });

    // The entry shows revision 1 and counts it; its status is the seeded one.
    const entry = await db.entry.findUniqueOrThrow({ where: { slug: GUIDE_SLUG } });
    expect(entry).toMatchObject({
      ...revision1Changes,
      revisionCount: 1,
      status: "pending",
      title: concurrencyGuide.title,
    });
    expect((await headRevision(db, entry.id)).number).toBe(1);
  });

  it("passes the app's content validation, decision tree included", async () => {
    const checked = await validateEntryContent({
      db,
      input: contentOfSeed(concurrencyGuideRevision1),
      selfSlug: GUIDE_SLUG,
    });
    expect(checked.ok ? {} : checked.fieldErrors).toEqual({});
  });

  it("is not added again when the seed runs again", async () => {
    const before = await revisionsOf(GUIDE_SLUG);
    const report = await seedDatabase({ db });
    expect(report).toEqual({
      usersCreated: 0,
      entriesCreated: 0,
      entriesKept: seedEntries.length,
      guideRevision1: "kept",
    });
    expect(await revisionsOf(GUIDE_SLUG)).toEqual(before);
  });

  it("is added once to a guide at revision 0 as seeded: the second run adds nothing", async () => {
    const { slug } = await guideCopy();
    expect(await addGuideRevision1({ db, slug })).toBe("added");
    expect(await addGuideRevision1({ db, slug })).toBe("kept");
    const revisions = await revisionsOf(slug);
    expect(revisions.map(({ number, status, author }) => [number, status, author?.handle ?? null])).toEqual([
      [0, "accepted", null],
      [1, "accepted", guideEditor.handle],
    ]);
    expect(await db.entry.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      ...revision1Changes,
      revisionCount: 1,
    });
  });

  it("is not added over a later human revision, pending or accepted", async () => {
    for (const role of ["user", "moderator"] as const) {
      const { slug } = await guideCopy();
      const human = await someone(role);
      const proposed = await proposeRevision({
        db,
        ref: slug,
        user: human,
        changes: { context: "Python 3.12 applications needing concurrent execution" },
        summary: "Say which Python",
      });
      expect(proposed).toMatchObject({ ok: true, number: 1, status: role === "user" ? "pending" : "accepted" });
      expect(await addGuideRevision1({ db, slug })).toBe("kept");
      const revisions = await revisionsOf(slug);
      expect(revisions.map(({ number, author }) => [number, author?.handle ?? null])).toEqual([
        [0, null],
        [1, human.handle],
      ]);
    }
  });

  it("is not added to a guide that was edited, or whose revision 0 is not the seeded page", async () => {
    const edited = await guideCopy();
    await db.entry.update({ where: { id: edited.id }, data: { title: "A title someone changed in place" } });
    expect(await addGuideRevision1({ db, slug: edited.slug })).toBe("kept");
    expect(await revisionsOf(edited.slug)).toHaveLength(1);

    const other = await guideCopy({ ...contentOfSeed(concurrencyGuide), why: "Someone's own words." });
    expect(await addGuideRevision1({ db, slug: other.slug })).toBe("kept");
    expect(await revisionsOf(other.slug)).toHaveLength(1);

    expect(await addGuideRevision1({ db, slug: "no-such-guide" })).toBe("kept");
  });

  it("accepts its own proposal left pending by an interrupted seed run, and nobody else's", async () => {
    const { slug } = await guideCopy();
    const editor = await db.user.findUniqueOrThrow({
      where: { handle: guideEditor.handle },
      select: { id: true, handle: true },
    });
    const proposed = await proposeRevision({
      db,
      ref: slug,
      user: { ...editor, role: "user" },
      changes: revision1Changes,
      summary: REVISION_1_SUMMARY,
    });
    expect(proposed).toMatchObject({ ok: true, number: 1, status: "pending" });
    expect(await addGuideRevision1({ db, slug })).toBe("accepted");
    expect(await addGuideRevision1({ db, slug })).toBe("kept");
    const revisions = await revisionsOf(slug);
    expect(revisions.map(({ number, status, reviewer }) => [number, status, reviewer?.handle ?? null])).toEqual([
      [0, "accepted", null],
      [1, "accepted", GUIDE_REVIEWER_HANDLE],
    ]);
  });
});
