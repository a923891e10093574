import { expect, it } from "vitest";
import { createEntry } from "@/lib/entries/create-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { castVote, userVote } from "@/lib/votes";

describeEachDatabase("votes", ({ db }) => {
  const newUser = (name: string) =>
    db.user.create({ data: { handle: `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` } });

  it("votes, changes the vote and takes it back, keeping the score equal to the votes", async () => {
    const author = await newUser("author");
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const { id: entryId } = await createEntry({
      db,
      content: sampleContent(),
      authorId: author.id,
      status: "approved",
    });

    expect(await castVote({ db, userId: alice.id, entryId, value: 1 })).toEqual({ ok: true, score: 1, userVote: 1 });
    expect(await castVote({ db, userId: bob.id, entryId, value: 1 })).toMatchObject({ score: 2 });
    expect(await castVote({ db, userId: alice.id, entryId, value: -1 })).toMatchObject({ score: 0, userVote: -1 });
    expect(await userVote({ db, userId: alice.id, entryId })).toBe(-1);
    expect(await castVote({ db, userId: alice.id, entryId, value: 0 })).toMatchObject({ score: 1, userVote: 0 });
    expect(await db.vote.count({ where: { entryId } })).toBe(1);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).score).toBe(1);
  });

  it("refuses votes on your own entry and on unknown entries, writing nothing", async () => {
    const author = await newUser("self");
    const { id: entryId } = await createEntry({
      db,
      content: sampleContent(),
      authorId: author.id,
      status: "approved",
    });
    expect(await castVote({ db, userId: author.id, entryId, value: 1 })).toMatchObject({
      ok: false,
      code: "own_entry",
    });
    expect(await castVote({ db, userId: author.id, entryId: "missing", value: 1 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.vote.count({ where: { entryId } })).toBe(0);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).score).toBe(0);
  });

  it("counts 50 concurrent votes by one user once", async () => {
    const voter = await newUser("clicker");
    const { id: entryId } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => castVote({ db, userId: voter.id, entryId, value: i % 2 ? -1 : 1 })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.vote.findMany({ where: { entryId } });
    expect(rows).toHaveLength(1);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).score).toBe(rows[0]!.value);
  });

  it("keeps the score right when many users vote at once", async () => {
    const voters = await Promise.all(Array.from({ length: 20 }, (_, i) => newUser(`crowd${i}`)));
    const { id: entryId } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    await Promise.all(voters.map((voter, i) => castVote({ db, userId: voter.id, entryId, value: i < 15 ? 1 : -1 })));
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).score).toBe(10);
  });
});
