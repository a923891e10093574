import { expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/roles";
import { createEntry } from "@/lib/entries/create-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { voteOnEntry, voteState } from "@/lib/votes";

describeEachDatabase("votes", ({ db }) => {
  const newUser = async (name: string): Promise<CurrentUser> => {
    const handle = `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const { id } = await db.user.create({ data: { handle } });
    return { id, handle, role: "user" };
  };
  const newEntry = (authorId: string | null) =>
    createEntry({ db, content: sampleContent(), authorId, status: "approved" });

  it("votes by id and by slug, changes the vote and takes it back, keeping the score equal to the votes", async () => {
    const author = await newUser("author");
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const { id, slug } = await newEntry(author.id);

    expect(await voteOnEntry({ db, ref: id, user: alice, value: 1 })).toEqual({
      ok: true,
      slug,
      score: 1,
      userVote: 1,
    });
    expect(await voteOnEntry({ db, ref: slug, user: bob, value: 1 })).toEqual({
      ok: true,
      slug,
      score: 2,
      userVote: 1,
    });
    expect(await voteOnEntry({ db, ref: slug, user: alice, value: -1 })).toMatchObject({ score: 0, userVote: -1 });
    expect(await voteState({ db, ref: slug, user: alice })).toEqual({
      ok: true,
      score: 0,
      userVote: -1,
      signedIn: true,
      ownEntry: false,
    });
    expect(await voteOnEntry({ db, ref: id, user: alice, value: 0 })).toMatchObject({ score: 1, userVote: 0 });
    expect(await db.vote.findMany({ where: { entryId: id }, select: { userId: true, value: true } })).toEqual([
      { userId: bob.id, value: 1 },
    ]);
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).score).toBe(1);
    expect(await voteState({ db, ref: id, user: alice })).toMatchObject({ score: 1, userVote: 0 });
  });

  it("refuses signed-out voters, the author's own entry and unknown entries, writing nothing", async () => {
    const author = await newUser("self");
    const { id, slug } = await newEntry(author.id);
    expect(await voteOnEntry({ db, ref: slug, user: null, value: 1 })).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
    expect(await voteOnEntry({ db, ref: slug, user: author, value: 1 })).toEqual({
      ok: false,
      code: "forbidden",
      message: "You cannot vote on your own entry.",
    });
    expect(await voteOnEntry({ db, ref: id, user: author, value: -1 })).toMatchObject({ code: "forbidden" });
    expect(await voteOnEntry({ db, ref: "no-such-entry", user: author, value: 1 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.vote.count({ where: { entryId: id } })).toBe(0);
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).score).toBe(0);
    expect(await voteState({ db, ref: slug, user: author })).toEqual({
      ok: true,
      score: 0,
      userVote: 0,
      signedIn: true,
      ownEntry: true,
    });
    expect(await voteState({ db, ref: slug, user: null })).toMatchObject({ signedIn: false, ownEntry: false });
    expect(await voteState({ db, ref: "no-such-entry", user: null })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("counts 50 concurrent votes by one user once", async () => {
    const voter = await newUser("clicker");
    const { id, slug } = await newEntry(null);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => voteOnEntry({ db, ref: slug, user: voter, value: i % 2 ? -1 : 1 })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.vote.findMany({ where: { entryId: id } });
    expect(rows).toHaveLength(1);
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).score).toBe(rows[0]!.value);
  });

  it("keeps the score right when many users vote at once", async () => {
    const voters = await Promise.all(Array.from({ length: 20 }, (_, i) => newUser(`crowd${i}`)));
    const { id } = await newEntry(null);
    await Promise.all(voters.map((voter, i) => voteOnEntry({ db, ref: id, user: voter, value: i < 15 ? 1 : -1 })));
    expect((await db.entry.findUniqueOrThrow({ where: { id } })).score).toBe(10);
  });
});
