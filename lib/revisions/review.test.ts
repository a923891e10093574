import { expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import { getEntryBySlug } from "@/lib/entries/get-entry";
import type { EntryContentInput } from "@/lib/entries/schema";
import { proposeRevision } from "@/lib/revisions/propose";
import {
  approveRevision,
  changeEntryStatus,
  listStatusChanges,
  rejectRevision,
  reviewOutcomes,
  reviewQueue,
  rollBack,
} from "@/lib/revisions/review";
import { headRevision } from "@/lib/revisions/snapshots";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { createUser } from "@/lib/users";

let users = 0;
async function user(db: Db, role: Role = "user") {
  const handle = `rv${Date.now().toString(36)}${++users}`;
  const result = await createUser({
    db,
    role,
    input: { handle, email: `${handle}@example.test`, password: "a long enough password" },
  });
  if (!result.ok) throw new Error("could not create user");
  return { id: result.user.id, handle, role };
}

describeEachDatabase("revisions and review", ({ db }) => {
  async function entryBy(authorId: string | null, overrides: Partial<EntryContentInput> = {}) {
    const content = sampleContent({ problem: "First paragraph.\n\nSecond paragraph.", ...overrides });
    const { id, slug } = await createEntry({ db, content, authorId, status: "approved" });
    const head = await headRevision(db, id);
    return { id, slug, content, baseRevisionId: head.id };
  }

  it("applies the author's revision at once and queues other people's", async () => {
    const author = await user(db);
    const other = await user(db);
    const entry = await entryBy(author.id);
    const own = await proposeRevision({
      db,
      ref: entry.slug,
      user: author,
      changes: { ...entry.content, why: "Author's why." },
      summary: "Explain why",
      baseRevisionId: entry.baseRevisionId,
    });
    expect(own).toMatchObject({ ok: true, status: "accepted", number: 1 });
    let shown = await getEntryBySlug({ db, slug: entry.slug, viewer: null });
    expect(shown).toMatchObject({ why: "Author's why.", revisionCount: 1 });

    const head = await headRevision(db, entry.id);
    const proposal = await proposeRevision({
      db,
      ref: entry.slug,
      user: other,
      changes: {
        ...entry.content,
        why: "Author's why.",
        context: "Other's context.",
        tags: ["testing", "proposals"],
      },
      summary: "Add context",
      baseRevisionId: head.id,
    });
    expect(proposal).toMatchObject({ ok: true, status: "pending", number: 2 });
    shown = await getEntryBySlug({ db, slug: entry.slug, viewer: null });
    expect(shown).toMatchObject({ context: entry.content.context, revisionCount: 1, tags: ["testing"] });
    const queue = await reviewQueue({ db, limit: 100_000 }); // other tests leave pending items too
    const queued = queue.revisions.find((revision) => revision.entry.slug === entry.slug);
    expect(queued).toMatchObject({
      number: 2,
      summary: "Add context",
      authorHandle: other.handle,
      base: { context: entry.content.context },
      proposed: { context: "Other's context." },
    });

    const moderator = await user(db, "moderator");
    expect(await approveRevision({ db, revisionId: queued!.id, moderator: other })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await approveRevision({ db, revisionId: queued!.id, moderator })).toMatchObject({ ok: true });
    shown = await getEntryBySlug({ db, slug: entry.slug, viewer: null });
    expect(shown).toMatchObject({ context: "Other's context.", revisionCount: 2, tags: ["proposals", "testing"] });
    expect(await approveRevision({ db, revisionId: queued!.id, moderator })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const outcomes = await reviewOutcomes({ db, userId: other.id });
    expect(outcomes[0]).toMatchObject({ kind: "revision", status: "accepted", entry: { slug: entry.slug } });
  });

  it("queues a pending entry with the content it shows now, its author's edits included", async () => {
    const author = await user(db);
    const content = sampleContent();
    const { id, slug } = await createEntry({ db, content, authorId: author.id, status: "pending" });
    const head = await headRevision(db, id);
    await proposeRevision({
      db,
      ref: slug,
      user: author,
      changes: { ...content, why: "Edited while pending." },
      summary: "Fix",
      baseRevisionId: head.id,
    });
    const queued = (await reviewQueue({ db, limit: 100_000 })).entries.find((entry) => entry.slug === slug);
    expect(queued).toMatchObject({ authorHandle: author.handle, content: { why: "Edited while pending." } });
  });

  it("refuses invalid content, a missing summary, a foreign base and a signed-out editor without writing", async () => {
    const author = await user(db);
    const entry = await entryBy(author.id);
    const stranger = await entryBy(null);
    const bad = await proposeRevision({
      db,
      ref: entry.slug,
      user: author,
      changes: { ...entry.content, title: "short" },
      summary: " ",
      baseRevisionId: entry.baseRevisionId,
    });
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: [expect.stringContaining("at least")], summary: [expect.any(String)] },
    });
    const badTree = await proposeRevision({
      db,
      ref: entry.slug,
      user: author,
      changes: {
        ...entry.content,
        solution:
          "```decision-tree\nstart: a\nquestions:\n  a:\n    text: Only one answer?\n    answers:\n      - text: yes\n        next: b\noutcomes:\n  b:\n    title: B\n```",
      },
      summary: "Tree",
      baseRevisionId: entry.baseRevisionId,
    });
    expect(badTree).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { solution: [expect.stringMatching(/line \d+/i)] },
    });
    expect(
      await proposeRevision({
        db,
        ref: entry.slug,
        user: author,
        changes: entry.content,
        summary: "x",
        baseRevisionId: stranger.baseRevisionId,
      }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { baseRevisionId: [expect.any(String)] } });
    expect(
      await proposeRevision({
        db,
        ref: entry.slug,
        user: null,
        changes: entry.content,
        summary: "x",
        baseRevisionId: entry.baseRevisionId,
      }),
    ).toMatchObject({ ok: false, code: "unauthorized" });
    expect(
      await proposeRevision({
        db,
        ref: entry.slug,
        user: author,
        changes: entry.content,
        summary: "Nothing",
        baseRevisionId: entry.baseRevisionId,
      }),
    ).toMatchObject({ ok: false, code: "invalid", message: "This edit does not change anything." });
    expect(await db.revision.count({ where: { entryId: entry.id } })).toBe(1);
  });

  it("merges concurrent edits of different fields and reports the same sentence as a conflict", async () => {
    const moderator = await user(db, "moderator");
    const editor = await user(db, "moderator");
    const entry = await entryBy(null);
    const [first, second] = await Promise.all([
      proposeRevision({
        db,
        ref: entry.slug,
        user: moderator,
        changes: { ...entry.content, why: "New why." },
        summary: "Why",
        baseRevisionId: entry.baseRevisionId,
      }),
      proposeRevision({
        db,
        ref: entry.slug,
        user: editor,
        changes: { ...entry.content, context: "New context." },
        summary: "Context",
        baseRevisionId: entry.baseRevisionId,
      }),
    ]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    const merged = await getEntryBySlug({ db, slug: entry.slug, viewer: null });
    expect(merged).toMatchObject({ why: "New why.", context: "New context.", revisionCount: 2 });

    const clash = await proposeRevision({
      db,
      ref: entry.slug,
      user: editor,
      changes: { ...entry.content, why: "My own why." },
      summary: "Why again",
      baseRevisionId: entry.baseRevisionId,
    });
    expect(clash).toMatchObject({
      ok: false,
      code: "conflict",
      conflicts: [{ field: "why", theirs: "New why.", yours: "My own why." }],
      content: { why: "My own why.", context: "New context." },
    });
    expect(await db.revision.count({ where: { entryId: entry.id } })).toBe(3);
  });

  it("rejects with a reason, changes status with a record, and rolls back as a new revision", async () => {
    const moderator = await user(db, "moderator");
    const author = await user(db);
    const other = await user(db);
    const entry = await entryBy(author.id);
    const proposal = await proposeRevision({
      db,
      ref: entry.slug,
      user: other,
      changes: { ...entry.content, why: "Spam." },
      summary: "Spam",
      baseRevisionId: entry.baseRevisionId,
    });
    const pending = await db.revision.findFirstOrThrow({ where: { entryId: entry.id, status: "pending" } });
    expect(proposal.ok).toBe(true);
    expect(await rejectRevision({ db, revisionId: pending.id, moderator, reason: "" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await rejectRevision({ db, revisionId: pending.id, moderator, reason: "Not an improvement." }),
    ).toMatchObject({ ok: true });
    expect(await reviewOutcomes({ db, userId: other.id })).toEqual([
      expect.objectContaining({ status: "rejected", note: "Not an improvement." }),
    ]);

    expect(await changeEntryStatus({ db, entryId: entry.id, moderator, status: "archived" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await changeEntryStatus({ db, entryId: entry.id, moderator, status: "archived", reason: "Superseded." }),
    ).toMatchObject({ ok: true });
    expect(await changeEntryStatus({ db, entryId: entry.id, moderator: author, status: "approved" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await listStatusChanges({ db, entryId: entry.id })).toEqual([
      expect.objectContaining({
        fromStatus: "approved",
        toStatus: "archived",
        reason: "Superseded.",
        actorHandle: moderator.handle,
      }),
    ]);
    expect((await reviewOutcomes({ db, userId: author.id }))[0]).toMatchObject({
      kind: "entry",
      status: "archived",
      note: "Superseded.",
    });

    await proposeRevision({
      db,
      ref: entry.slug,
      user: author,
      changes: { ...entry.content, solution: "Vandalized." },
      summary: "Oops",
      baseRevisionId: entry.baseRevisionId,
    });
    expect(await rollBack({ db, entryId: entry.id, toNumber: 0, moderator: author })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await rollBack({ db, entryId: entry.id, toNumber: 1, moderator })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const rolled = await rollBack({ db, entryId: entry.id, toNumber: 0, moderator, reason: "Vandalism" });
    expect(rolled).toMatchObject({ ok: true });
    const shown = await getEntryBySlug({ db, slug: entry.slug, viewer: null });
    expect(shown).toMatchObject({ solution: entry.content.solution, revisionCount: 2 });
    const latest = await db.revision.findFirstOrThrow({ where: { entryId: entry.id }, orderBy: { number: "desc" } });
    expect(latest).toMatchObject({ number: 3, status: "accepted", summary: "Rolled back to #0: Vandalism" });
    expect(await db.revision.count({ where: { entryId: entry.id } })).toBe(4);
  });

  it("approves a proposal made on an older version by merging it, and refuses one that overlaps", async () => {
    const moderator = await user(db, "moderator");
    const other = await user(db);
    const entry = await entryBy(null);
    await proposeRevision({
      db,
      ref: entry.slug,
      user: other,
      changes: { ...entry.content, why: "Other's why." },
      summary: "Why",
      baseRevisionId: entry.baseRevisionId,
    });
    await proposeRevision({
      db,
      ref: entry.slug,
      user: other,
      changes: { ...entry.content, solution: "Other's solution." },
      summary: "Solution",
      baseRevisionId: entry.baseRevisionId,
    });
    await proposeRevision({
      db,
      ref: entry.slug,
      user: moderator,
      changes: { ...entry.content, solution: "Moderator's solution.", context: "Moderator's context." },
      summary: "Mod",
      baseRevisionId: entry.baseRevisionId,
    });
    const [why, solution] = await db.revision.findMany({
      where: { entryId: entry.id, status: "pending" },
      orderBy: { number: "asc" },
    });
    expect(await approveRevision({ db, revisionId: why!.id, moderator })).toMatchObject({
      ok: true,
      message: "Revision accepted as #4.",
    }); // #1 was overtaken by #3
    expect(await getEntryBySlug({ db, slug: entry.slug, viewer: null })).toMatchObject({
      why: "Other's why.",
      solution: "Moderator's solution.",
      context: "Moderator's context.",
    });
    expect(await approveRevision({ db, revisionId: solution!.id, moderator })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await db.revision.findUniqueOrThrow({ where: { id: solution!.id } })).toMatchObject({ status: "pending" });
  });
});
