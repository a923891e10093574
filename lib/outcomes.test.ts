import { expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import { submitEntry } from "@/lib/entries/submit-entry";
import { entriesReportedWrong, markWrongReportsReviewed, readOutcomeCounts, recordOutcome } from "@/lib/outcomes";
import { proposeRevision } from "@/lib/revisions/propose";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

let users = 0;

async function addUser(db: Db, role: CurrentUser["role"] = "user"): Promise<CurrentUser & { tokenId: string }> {
  const handle = `out${Date.now().toString(36)}${++users}`;
  const user = await db.user.create({ data: { handle, role }, select: { id: true, handle: true, role: true } });
  const token = await createApiToken({ db, userId: user.id, name: "agent" });
  if (!token.ok) throw new Error(token.message);
  return { ...user, role, tokenId: token.item.id };
}

describeEachDatabase("agents' outcome reports", ({ db }) => {
  it("keep one report per token and entry, count it for the author, and bring a wrong one to moderators", async () => {
    const author = await addUser(db);
    const reporter = await addUser(db);
    const moderator = await addUser(db, "moderator");
    const entry = await createEntry({ db, content: sampleContent(), authorId: author.id, status: "approved" });
    const report = (outcome: "helped" | "wrong", context = "") =>
      recordOutcome({
        db,
        ref: entry.slug,
        user: reporter,
        tokenId: reporter.tokenId,
        outcome,
        context,
        agent: "claude-code",
      });

    expect(await report("helped")).toMatchObject({ ok: true, replaced: null });
    expect(await report("wrong", "  The sample raises TypeError.  ")).toMatchObject({ ok: true, replaced: "helped" });
    expect(await db.entryOutcome.count({ where: { entryId: entry.id } })).toBe(1);

    expect(await readOutcomeCounts({ db, slug: entry.slug, viewer: author })).toEqual({
      ok: true,
      counts: { helped: 0, partially_helped: 0, did_not_help: 0, wrong: 1 },
    });
    expect(await readOutcomeCounts({ db, slug: entry.slug, viewer: null })).toMatchObject({ code: "unauthorized" });
    expect(await readOutcomeCounts({ db, slug: entry.slug, viewer: reporter })).toMatchObject({ code: "forbidden" });

    const listed = (await entriesReportedWrong({ db })).find((item) => item.entry.id === entry.id);
    expect(listed?.reports).toEqual([
      expect.objectContaining({
        agentClient: "claude-code",
        reporter: reporter.handle,
        context: "The sample raises TypeError.",
      }),
    ]);
    expect(await markWrongReportsReviewed({ db, entryId: entry.id, moderator: author })).toMatchObject({
      code: "forbidden",
    });
    expect(await markWrongReportsReviewed({ db, entryId: entry.id, moderator })).toEqual({ ok: true, count: 1 });
    expect((await entriesReportedWrong({ db })).some((item) => item.entry.id === entry.id)).toBe(false);
    // Reported wrong again: back in front of the moderators.
    await report("wrong", "Still wrong.");
    expect((await entriesReportedWrong({ db })).some((item) => item.entry.id === entry.id)).toBe(true);
  });

  it("refuses an overlong context and an entry the reporter may not see, writing nothing", async () => {
    const reporter = await addUser(db);
    const entry = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const rejected = await createEntry({ db, content: sampleContent(), authorId: null, status: "rejected" });
    const base = { db, user: reporter, tokenId: reporter.tokenId, outcome: "helped" as const, agent: "a" };
    expect(await recordOutcome({ ...base, ref: entry.slug, context: "x".repeat(1001) })).toMatchObject({
      code: "invalid",
      fieldErrors: { task_context: [expect.any(String)] },
    });
    expect(await recordOutcome({ ...base, ref: rejected.slug, context: "" })).toMatchObject({ code: "not_found" });
    expect(await db.entryOutcome.count({ where: { entryId: { in: [entry.id, rejected.id] } } })).toBe(0);
  });
});

describeEachDatabase("what agents write", ({ db }) => {
  it("waits for review marked with the agent, even from a moderator or the entry's author", async () => {
    const moderator = await addUser(db, "moderator");
    const submitted = await submitEntry({
      db,
      input: sampleContent(),
      user: moderator,
      ip: "10.9.9.9",
      agent: "cursor",
    });
    if (!submitted.ok) throw new Error(submitted.message);
    expect(submitted.status).toBe("pending");
    const original = await db.revision.findFirstOrThrow({
      where: { entry: { slug: submitted.slug }, number: 0 },
      select: { agentClient: true },
    });
    expect(original.agentClient).toBe("cursor");

    const byPerson = await submitEntry({ db, input: sampleContent(), user: moderator, ip: "10.9.9.9" });
    expect(byPerson).toMatchObject({ ok: true, status: "approved" });

    const author = await addUser(db);
    const entry = await createEntry({ db, content: sampleContent(), authorId: author.id, status: "approved" });
    const proposed = await proposeRevision({
      db,
      ref: entry.slug,
      user: author,
      changes: { why: "Because the loop is single-threaded." },
      summary: "Explain why",
      agent: "cursor",
    });
    expect(proposed).toMatchObject({ ok: true, status: "pending", number: 1 });
    expect(
      await db.revision.findFirstOrThrow({
        where: { entryId: entry.id, number: 1 },
        select: { agentClient: true, status: true },
      }),
    ).toEqual({ agentClient: "cursor", status: "pending" });
  });
});
