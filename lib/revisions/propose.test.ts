import { expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/roles";
import { createEntry } from "@/lib/entries/create-entry";
import { getEntryBySlug } from "@/lib/entries/get-entry";
import { proposeRevision } from "@/lib/revisions/propose";
import { headRevision } from "@/lib/revisions/snapshots";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

describeEachDatabase("proposing revisions", ({ db }) => {
  const newUser = async (role: CurrentUser["role"] = "user"): Promise<CurrentUser> => {
    const handle = `pr${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const { id } = await db.user.create({ data: { handle, role } });
    return { id, handle, role };
  };

  it("applies partial changes onto the current revision when no base is named", async () => {
    const author = await newUser();
    const content = sampleContent({ why: "Original why.", gotchas: ["Keep me."] });
    const { id, slug } = await createEntry({ db, content, authorId: author.id, status: "approved" });

    const result = await proposeRevision({ db, ref: id, user: author, changes: { why: "New why." }, summary: "Why" });
    expect(result).toEqual({ ok: true, slug, number: 1, status: "accepted", entryStatus: "approved" });
    expect(await getEntryBySlug({ db, slug, viewer: null })).toMatchObject({
      title: content.title,
      why: "New why.",
      context: content.context,
      gotchas: ["Keep me."],
      tags: content.tags,
      revisionCount: 1,
    });

    // The default base is the head at the time of the call: a second partial edit builds on the first.
    expect(
      await proposeRevision({ db, ref: slug, user: author, changes: { context: "New context." }, summary: "Ctx" }),
    ).toMatchObject({ ok: true, number: 2 });
    const head = await headRevision(db, id);
    expect(head.content).toMatchObject({ why: "New why.", context: "New context.", gotchas: ["Keep me."] });
    const revision = await db.revision.findFirstOrThrow({ where: { entryId: id, number: 2 } });
    expect(revision.summary).toBe("Ctx");
  });

  it("merges partial changes made on an older base, and reports overlaps as a conflict with the editor's side", async () => {
    const moderator = await newUser("moderator");
    const other = await newUser();
    const { id, slug } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const base = await headRevision(db, id);
    await proposeRevision({ db, ref: slug, user: moderator, changes: { why: "Theirs." }, summary: "Theirs" });

    const merged = await proposeRevision({
      db,
      ref: slug,
      user: other,
      changes: { context: "Mine." },
      summary: "Mine",
      baseRevisionId: base.id,
    });
    expect(merged).toMatchObject({ ok: true, status: "pending", number: 2 });
    const pending = await db.revision.findFirstOrThrow({ where: { entryId: id, number: 2 } });
    expect(pending).toMatchObject({ why: "Theirs.", context: "Mine.", status: "pending" });

    const head = await headRevision(db, id);
    const clash = await proposeRevision({
      db,
      ref: id,
      user: other,
      changes: { why: "Mine too." },
      summary: "Clash",
      baseRevisionId: base.id,
    });
    expect(clash).toMatchObject({
      ok: false,
      code: "conflict",
      conflicts: [{ field: "why", theirs: "Theirs.", yours: "Mine too." }],
      head: { id: head.id, number: head.number },
      content: { why: "Mine too." },
    });
    expect(await db.revision.count({ where: { entryId: id } })).toBe(3);
  });

  it("answers with lib/errors codes: unknown entry, foreign base, invalid changes, nothing changed", async () => {
    const author = await newUser();
    const { id, slug } = await createEntry({ db, content: sampleContent(), authorId: author.id, status: "approved" });
    const foreign = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const foreignHead = await headRevision(db, foreign.id);

    expect(
      await proposeRevision({ db, ref: "no-such-entry", user: author, changes: { why: "x" }, summary: "x" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await proposeRevision({
        db,
        ref: slug,
        user: author,
        changes: { why: "x" },
        summary: "x",
        baseRevisionId: foreignHead.id,
      }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { baseRevisionId: [expect.any(String)] } });
    expect(
      await proposeRevision({ db, ref: slug, user: author, changes: { title: "short", tags: [] }, summary: "" }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        title: ["Title must be at least 8 characters."],
        tags: ["Add at least one tag."],
        summary: [expect.any(String)],
      },
    });
    expect(await proposeRevision({ db, ref: slug, user: author, changes: {}, summary: "Nothing" })).toEqual({
      ok: false,
      code: "invalid",
      message: "This edit does not change anything.",
    });
    expect(await db.revision.count({ where: { entryId: id } })).toBe(1);
  });
});
