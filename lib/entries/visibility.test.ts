import { describe, expect, it } from "vitest";
import { listEntriesResponse } from "@/lib/api/list-entries";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { readTreeFeedback } from "@/lib/decision-trees/feedback";
import type { EntryFilters } from "@/lib/entries/browse-params";
import { createEntry } from "@/lib/entries/create-entry";
import { findEntryByRef } from "@/lib/entries/find-entry";
import { getEntryBySlug, getEntryHeader } from "@/lib/entries/get-entry";
import { listEntries, listLanguages } from "@/lib/entries/list-entries";
import type { EntryStatus } from "@/lib/entries/taxonomy";
import { canSeeEntry, entryPath, statusScope, type Viewer, visibleTo } from "@/lib/entries/visibility";
import { getProfile } from "@/lib/profiles";
import { entryHistory } from "@/lib/revisions/history";
import { proposeRevision } from "@/lib/revisions/propose";
import { changeEntryStatus, rejectRevision } from "@/lib/revisions/review";
import { getRevisionContent, headRevision } from "@/lib/revisions/snapshots";
import { searchEntries } from "@/lib/search/search-entries";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

const MODERATOR = { id: "m", role: "moderator" } as const;
const AUTHOR = { id: "a", role: "user" } as const;
const OTHER = { id: "b", role: "user" } as const;

describe("who sees what", () => {
  it("shows a rejected entry only to its author and moderators", () => {
    const rejected = { status: "rejected", authorId: "a" };
    expect([null, AUTHOR, OTHER, MODERATOR].map((viewer) => canSeeEntry(viewer, rejected))).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(canSeeEntry(OTHER, { status: "rejected", authorId: null })).toBe(false);
    expect(canSeeEntry(null, { status: "archived", authorId: null })).toBe(true);
    expect(visibleTo(MODERATOR)).toEqual({});
  });

  it("turns a status filter into the statuses a viewer may list", () => {
    expect(statusScope("rejected", null)).toEqual({ statuses: [], privateOnlyBy: null });
    expect(statusScope("all", null)).toEqual({ statuses: ["pending", "approved", "archived"], privateOnlyBy: null });
    expect(statusScope("rejected", AUTHOR)).toEqual({ statuses: ["rejected"], privateOnlyBy: "a" });
    expect(statusScope("all", AUTHOR)).toEqual({ statuses: null, privateOnlyBy: "a" });
    expect(statusScope(undefined, AUTHOR)).toEqual({ statuses: ["approved", "pending"], privateOnlyBy: null });
    expect(statusScope("archived", AUTHOR)).toEqual({ statuses: ["archived"], privateOnlyBy: null });
    expect(statusScope("rejected", MODERATOR)).toEqual({ statuses: ["rejected"], privateOnlyBy: null });
    expect(statusScope("all", MODERATOR)).toEqual({ statuses: null, privateOnlyBy: null });
  });

  it("links a rejected entry to the page rendered per viewer, others to the cached page", () => {
    expect(entryPath({ slug: "a-b", status: "approved" })).toBe("/entries/a-b");
    expect(entryPath({ slug: "a-b", status: "rejected" })).toBe("/entries/a-b/private");
  });
});

let users = 0;

async function addUser(db: Db, role: Role = "user") {
  const handle = `vis${Date.now().toString(36)}${++users}`;
  const user = await db.user.create({ data: { handle, role }, select: { id: true, handle: true } });
  return { ...user, role };
}

/** Letters only, so that both stemmers leave it whole, and no other test's entries contain it. */
function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `zv${Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join("")}`;
}

describeEachDatabase("visibility", ({ db }) => {
  /** Four people and five entries, each with the test's own word, tag and error message. */
  async function world() {
    const [author, other, moderator] = [await addUser(db), await addUser(db), await addUser(db, "moderator")];
    const word = uniqueWord();
    const tag = `vis-${word}`;
    const language = `l${word}`;
    const errorWord = uniqueWord(); // in the rejected entry's error message only
    const error = `${errorWord}Error: connection to ${errorWord} refused`;
    const add = (title: string, status: EntryStatus, authorId: string | null, extra = {}) =>
      createEntry({
        db,
        content: sampleContent({ title: `${title} ${word}`, tags: [tag], ...extra }),
        authorId,
        status,
      });
    const entries = {
      rejectedByAuthor: await add("Rejected by the author", "rejected", author.id, {
        language,
        errorMessages: [error],
      }),
      rejectedByOther: await add("Rejected by the other", "rejected", other.id),
      approved: await add("Approved", "approved", author.id),
      pending: await add("Pending", "pending", null),
      archived: await add("Archived", "archived", null),
    };
    const viewers: Record<string, Viewer> = { anonymous: null, author, other, moderator };
    return { author, other, moderator, viewers, word, tag, language, error, entries };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** What each viewer gets, as names of the world's entries. */
  async function perViewer(w: World, read: (viewer: Viewer) => Promise<string[]>) {
    const names = new Map(Object.entries(w.entries).map(([name, entry]) => [entry.slug, name]));
    const seen: Record<string, string[]> = {};
    for (const [who, viewer] of Object.entries(w.viewers))
      seen[who] = (await read(viewer)).map((slug) => names.get(slug) ?? slug).sort();
    return seen;
  }

  const REJECTED = {
    anonymous: [],
    author: ["rejectedByAuthor"],
    other: ["rejectedByOther"],
    moderator: ["rejectedByAuthor", "rejectedByOther"],
  };
  const ALL = {
    anonymous: ["approved", "archived", "pending"],
    author: ["approved", "archived", "pending", "rejectedByAuthor"],
    other: ["approved", "archived", "pending", "rejectedByOther"],
    moderator: ["approved", "archived", "pending", "rejectedByAuthor", "rejectedByOther"],
  };
  const LISTED = {
    anonymous: ["approved", "pending"],
    author: ["approved", "pending"],
    other: ["approved", "pending"],
    moderator: ["approved", "pending"],
  };

  it("lists rejected entries only to their author and moderators, with totals to match", async () => {
    const w = await world();
    const list = (status?: EntryFilters["status"]) => async (viewer: Viewer) => {
      const page = await listEntries({ db, filters: { tags: [w.tag], status }, viewer, sort: "newest", page: 1 });
      expect(page.total).toBe(page.entries.length);
      return page.entries.map((entry) => entry.slug);
    };
    expect(await perViewer(w, list("rejected"))).toEqual(REJECTED);
    expect(await perViewer(w, list("all"))).toEqual(ALL);
    expect(await perViewer(w, list())).toEqual(LISTED);

    // Without a tag to narrow it, the whole database: other tests' rejected entries never show.
    const everyRejected = (viewer: Viewer) =>
      listEntries({ db, filters: { tags: [], status: "rejected" }, viewer, sort: "newest", page: 1, pageSize: 100 });
    expect(await everyRejected(null)).toMatchObject({ total: 0, entries: [] });
    const own = await everyRejected(w.author);
    expect(own.total).toBe(1);
    expect(own.entries.map((entry) => entry.slug)).toEqual([w.entries.rejectedByAuthor.slug]);

    expect(await listLanguages({ db, viewer: null })).not.toContain(w.language);
    expect(await listLanguages({ db, viewer: w.other })).not.toContain(w.language);
    expect(await listLanguages({ db, viewer: w.author })).toContain(w.language);
    expect(await listLanguages({ db, viewer: w.moderator })).toContain(w.language);
  });

  it("finds rejected entries in search only for their author and moderators", async () => {
    const w = await world();
    const search =
      (query: string, status?: EntryFilters["status"], tags: string[] = []) =>
      async (viewer: Viewer) => {
        const page = await searchEntries({
          db,
          query,
          filters: { tags, status },
          viewer,
          sort: "relevance",
          page: 1,
        });
        expect(page.total).toBe(page.entries.length);
        return page.entries.map((entry) => entry.slug);
      };
    expect(await perViewer(w, search(w.word, "rejected"))).toEqual(REJECTED);
    expect(await perViewer(w, search(`${w.word} status:rejected`))).toEqual(REJECTED);
    expect(await perViewer(w, search(w.word, "all"))).toEqual(ALL);
    expect(await perViewer(w, search(`${w.word} status:all`))).toEqual(ALL);
    expect(await perViewer(w, search(w.word))).toEqual(LISTED);
    expect(await perViewer(w, search(`[${w.tag}] status:rejected`))).toEqual(REJECTED);
    // The pasted error message of a rejected entry: first place for its author, nothing for others
    // (among this test's entries: others have some of its words, and then any of them is enough).
    expect(await perViewer(w, search(w.error, "all", [w.tag]))).toEqual({
      anonymous: [],
      author: ["rejectedByAuthor"],
      other: [],
      moderator: ["rejectedByAuthor"],
    });
  });

  it("answers a rejected entry by slug or id only to its author and moderators", async () => {
    const w = await world();
    const { slug, id } = w.entries.rejectedByAuthor;
    const reads = async (viewer: Viewer) =>
      [
        await getEntryBySlug({ db, slug, viewer }),
        await getEntryHeader({ db, slug, viewer }),
        await findEntryByRef(db, slug, viewer, { id: true }),
        await findEntryByRef(db, id, viewer, { id: true }),
      ].map((found) => found !== null);
    expect(await reads(null)).toEqual([false, false, false, false]);
    expect(await reads(w.other)).toEqual([false, false, false, false]);
    expect(await reads(w.author)).toEqual([true, true, true, true]);
    expect(await reads(w.moderator)).toEqual([true, true, true, true]);
    expect(await getEntryBySlug({ db, slug: w.entries.archived.slug, viewer: null })).not.toBeNull();

    const api = async (viewer: Viewer) => {
      const response = await listEntriesResponse({
        db,
        request: new Request(`http://hivebrain.test/api/v1/entries?status=rejected&tag=${w.tag}`),
        viewer,
      });
      return (await response.json()).entries as { slug: string; url: string }[];
    };
    expect(await api(null)).toEqual([]);
    expect(await api(w.other)).toMatchObject([{ slug: w.entries.rejectedByOther.slug }]);
    expect(await api(w.author)).toMatchObject([{ slug, url: `http://hivebrain.test/entries/${slug}/private` }]);
  });

  it("keeps rejected revisions and rejection reasons to their author and moderators", async () => {
    const w = await world();
    const { slug, id } = w.entries.approved;
    const base = await headRevision(db, id);
    const proposed = await proposeRevision({
      db,
      ref: slug,
      user: w.other,
      changes: { ...base.content, why: `A secret ${w.word} idea.` },
      summary: "Another idea",
      baseRevisionId: base.id,
    });
    if (!proposed.ok) throw new Error(proposed.message);
    const revision = await db.revision.findFirstOrThrow({ where: { entryId: id, number: proposed.number } });
    expect(
      await rejectRevision({ db, revisionId: revision.id, moderator: w.moderator, reason: "Not needed." }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await changeEntryStatus({ db, entryId: id, moderator: w.moderator, status: "rejected", reason: "Off topic." }),
    ).toMatchObject({ ok: true });
    expect(
      await changeEntryStatus({
        db,
        entryId: id,
        moderator: w.moderator,
        status: "approved",
        reason: "On second look.",
      }),
    ).toMatchObject({ ok: true });

    const history = async (viewer: Viewer) => {
      const { revisions, statusChanges } = await entryHistory({ db, entry: { id, authorId: w.author.id }, viewer });
      const content = await getRevisionContent({ db, entryId: id, number: proposed.number, viewer });
      return {
        revisions: revisions.map((item) => [item.number, item.reviewNote]),
        // Both changes may share a millisecond: compare them in a fixed order.
        reasons: statusChanges.map((change) => `${change.toStatus}: ${change.reason}`).sort(),
        content: content?.why ?? null,
      };
    };
    const hidden = { revisions: [[0, null]], content: null };
    const shown = {
      revisions: [
        [1, "Not needed."],
        [0, null],
      ],
      content: `A secret ${w.word} idea.`,
    };
    const withheld = ["approved: On second look.", "rejected: null"];
    const told = ["approved: On second look.", "rejected: Off topic."];
    expect(await history(null)).toEqual({ ...hidden, reasons: withheld });
    // The entry's author sees why their entry was rejected, not someone else's rejected proposal.
    expect(await history(w.author)).toEqual({ ...hidden, reasons: told });
    expect(await history(w.other)).toEqual({ ...shown, reasons: withheld });
    expect(await history(w.moderator)).toEqual({ ...shown, reasons: told });
  });

  it("shows someone's rejected entries on their profile to them and moderators only", async () => {
    const w = await world();
    // The other user's accepted revision of the author's rejected entry names that entry.
    const rejected = w.entries.rejectedByAuthor;
    const original = await db.revision.findFirstOrThrow({ where: { entryId: rejected.id, number: 0 } });
    const { id: _id, createdAt: _createdAt, ...snapshot } = original;
    await db.revision.create({
      data: {
        ...snapshot,
        gotchas: [],
        errorMessages: [],
        verifiedWith: [],
        tags: [w.tag],
        number: 1,
        authorId: w.other.id,
        summary: "Helpful edit",
      },
    });
    const profile = async (handle: string, viewer: Viewer) => {
      const found = await getProfile({ db, handle, viewer });
      if (!found) throw new Error("no profile");
      return {
        entries: found.entries.map((entry) => entry.slug).sort(),
        revisions: found.acceptedRevisions.map((revision) => revision.entry.slug),
        private: found.viewerSeesPrivate,
      };
    };
    const mine = [w.entries.approved.slug, rejected.slug].sort();
    expect(await profile(w.author.handle, null)).toMatchObject({ entries: [w.entries.approved.slug], private: false });
    expect(await profile(w.author.handle, w.other)).toMatchObject({
      entries: [w.entries.approved.slug],
      private: false,
    });
    expect(await profile(w.author.handle, w.author)).toMatchObject({ entries: mine, private: true });
    expect(await profile(w.author.handle, w.moderator)).toMatchObject({ entries: mine, private: true });
    expect((await profile(w.other.handle, null)).revisions).toEqual([]);
    expect((await profile(w.other.handle, w.author)).revisions).toEqual([rejected.slug]);
    expect((await profile(w.other.handle, w.moderator)).revisions).toEqual([rejected.slug]);
  });

  it("does not admit that someone else's rejected entry has decision-tree feedback", async () => {
    const w = await world();
    const slug = w.entries.rejectedByAuthor.slug;
    expect(await readTreeFeedback({ db, slug, viewer: w.other })).toMatchObject({ ok: false, code: "not_found" });
    expect(await readTreeFeedback({ db, slug, viewer: null })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await readTreeFeedback({ db, slug, viewer: w.author })).toEqual({ ok: true, counts: [] });
    expect(await readTreeFeedback({ db, slug, viewer: w.moderator })).toEqual({ ok: true, counts: [] });
  });
});
