import { expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { visitorKey } from "@/lib/views";
import { canReadTreeFeedback, readTreeFeedback, recordTreeFeedback, treeFeedbackInput } from "./feedback";

const TREE = [
  "```decision-tree",
  "start: load",
  "questions:",
  "  load:",
  "    text: What limits you?",
  "    answers:",
  "      - { text: The CPU, next: processes }",
  "      - { text: Waiting on I/O, next: threads }",
  "outcomes:",
  "  processes: { title: Use processes }",
  "  threads: { title: Use threads }",
  "```",
].join("\n");

/** An entry with the tree in its solution (solution-tree-1) and in its second gotcha (gotcha-2-tree-1). */
async function entryWithTrees(db: Db, authorId: string | null = null) {
  return createEntry({
    db,
    content: sampleContent({ solution: `Pick one:\n\n${TREE}\n`, gotchas: ["No tree here.", `Again:\n\n${TREE}`] }),
    authorId,
    status: "approved",
  });
}

let users = 0;
async function addUser(db: Db, role: Role) {
  const handle = `fb${Date.now().toString(36)}${++users}`;
  const user = await db.user.create({ data: { handle, role }, select: { id: true, handle: true } });
  return { ...user, role };
}

describeEachDatabase("decision-tree feedback", ({ db }) => {
  it("keeps one answer per visitor and outcome; a second answer replaces the first", async () => {
    const { id, slug } = await entryWithTrees(db);
    const answer = (visitorId: string, fits: boolean, outcomeId = "threads") =>
      recordTreeFeedback({ db, slug, visitorId, treeKey: "solution-tree-1", outcomeId, fits });

    expect(await answer("alice", true)).toEqual({
      ok: true,
      treeKey: "solution-tree-1",
      outcomeId: "threads",
      fits: true,
    });
    await answer("alice", false);
    await answer("alice", true, "processes");
    await answer("bob", true);

    const rows = await db.decisionTreeFeedback.findMany({
      where: { entryId: id },
      orderBy: [{ outcomeId: "asc" }, { fits: "asc" }],
    });
    expect(rows.map((row) => [row.outcomeId, row.fits])).toEqual([
      ["processes", true],
      ["threads", false],
      ["threads", true],
    ]);
    expect(rows.find((row) => !row.fits)?.visitorKey).toBe(visitorKey("alice"));
  });

  it("stores concurrent first answers of one visitor as one row", async () => {
    const { id, slug } = await entryWithTrees(db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        recordTreeFeedback({
          db,
          slug,
          visitorId: "burst",
          treeKey: "solution-tree-1",
          outcomeId: "threads",
          fits: n % 2 === 0,
        }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(1);
  });

  it("records nothing without a visitor (unauthorized), after checking the tree and outcome", async () => {
    const { id, slug } = await entryWithTrees(db);
    const answer = (outcomeId: string) =>
      recordTreeFeedback({ db, slug, visitorId: null, treeKey: "solution-tree-1", outcomeId, fits: true });
    expect(await answer("threads")).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await answer("nowhere")).toMatchObject({ ok: false, code: "bad_request" });
    expect(await db.decisionTreeFeedback.count({ where: { entryId: id } })).toBe(0);
  });

  it("accepts only trees and outcomes the entry has", async () => {
    const { slug } = await entryWithTrees(db);
    const base = { db, slug, visitorId: "carol", fits: true };
    expect((await recordTreeFeedback({ ...base, treeKey: "gotcha-2-tree-1", outcomeId: "processes" })).ok).toBe(true);
    expect(await recordTreeFeedback({ ...base, treeKey: "gotcha-1-tree-1", outcomeId: "processes" })).toMatchObject({
      ok: false,
      code: "bad_request",
      fieldErrors: { treeKey: ['The entry has no decision tree "gotcha-1-tree-1".'] },
    });
    expect(await recordTreeFeedback({ ...base, treeKey: "solution-tree-2", outcomeId: "processes" })).toMatchObject({
      ok: false,
      code: "bad_request",
      fieldErrors: { treeKey: [expect.any(String)] },
    });
    expect(await recordTreeFeedback({ ...base, treeKey: "solution-tree-1", outcomeId: "load" })).toMatchObject({
      ok: false,
      code: "bad_request",
      fieldErrors: { outcomeId: ['The decision tree has no outcome "load".'] },
    });
    expect(await recordTreeFeedback({ ...base, treeKey: "solution-tree-1", outcomeId: "constructor" })).toMatchObject({
      ok: false,
      code: "bad_request",
      fieldErrors: { outcomeId: [expect.any(String)] },
    });
    expect(
      await recordTreeFeedback({ ...base, slug: "no-such-entry", treeKey: "solution-tree-1", outcomeId: "threads" }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("counts the answers per tree and outcome for the author and moderators only", async () => {
    const author = await addUser(db, "user");
    const { slug } = await entryWithTrees(db, author.id);
    const answer = (visitorId: string, treeKey: string, outcomeId: string, fits: boolean) =>
      recordTreeFeedback({ db, slug, visitorId, treeKey, outcomeId, fits });
    await answer("v1", "solution-tree-1", "threads", true);
    await answer("v2", "solution-tree-1", "threads", true);
    await answer("v3", "solution-tree-1", "threads", false);
    await answer("v1", "solution-tree-1", "processes", false);
    await answer("v1", "gotcha-2-tree-1", "threads", true);

    const expected = [
      { treeKey: "gotcha-2-tree-1", outcomeId: "threads", fits: 1, doesNotFit: 0 },
      { treeKey: "solution-tree-1", outcomeId: "processes", fits: 0, doesNotFit: 1 },
      { treeKey: "solution-tree-1", outcomeId: "threads", fits: 2, doesNotFit: 1 },
    ];
    expect(await readTreeFeedback({ db, slug, viewer: author })).toEqual({ ok: true, counts: expected });
    expect(await readTreeFeedback({ db, slug, viewer: await addUser(db, "moderator") })).toEqual({
      ok: true,
      counts: expected,
    });
    expect(await readTreeFeedback({ db, slug, viewer: await addUser(db, "admin") })).toEqual({
      ok: true,
      counts: expected,
    });
    expect(await readTreeFeedback({ db, slug, viewer: await addUser(db, "user") })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await readTreeFeedback({ db, slug, viewer: null })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await readTreeFeedback({ db, slug: "no-such-entry", viewer: author })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("gives an entry without answers an empty tally", async () => {
    const { slug } = await entryWithTrees(db);
    expect(await readTreeFeedback({ db, slug, viewer: await addUser(db, "moderator") })).toEqual({
      ok: true,
      counts: [],
    });
  });
});

it("lets nobody but moderators read the feedback of an entry without author", () => {
  expect(canReadTreeFeedback({ id: "u1", handle: "u1", role: "user" }, { authorId: null })).toBe(false);
  expect(canReadTreeFeedback({ id: "u1", handle: "u1", role: "moderator" }, { authorId: null })).toBe(true);
  expect(canReadTreeFeedback({ id: "u1", handle: "u1", role: "user" }, { authorId: "u1" })).toBe(true);
  expect(canReadTreeFeedback({ id: "u2", handle: "u2", role: "user" }, { authorId: "u1" })).toBe(false);
});

it("validates the request body", () => {
  expect(treeFeedbackInput.safeParse({ treeKey: "solution-tree-1", outcomeId: "threads", fits: false }).success).toBe(
    true,
  );
  for (const bad of [
    { treeKey: "solution-tree-1", outcomeId: "threads", fits: "yes" },
    { treeKey: "solution", outcomeId: "threads", fits: true },
    { treeKey: "Solution-Tree-1", outcomeId: "threads", fits: true },
    { treeKey: "solution-tree-1", outcomeId: "Threads!", fits: true },
    { treeKey: "solution-tree-1", outcomeId: "t".repeat(41), fits: true },
    { treeKey: "solution-tree-1", fits: true },
    null,
  ]) {
    expect(treeFeedbackInput.safeParse(bad).success).toBe(false);
  }
});
