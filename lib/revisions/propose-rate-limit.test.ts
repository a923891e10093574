import { expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/roles";
import { createEntry } from "@/lib/entries/create-entry";
import { proposeRevision, REVISIONS_PER_HOUR_PER_USER } from "@/lib/revisions/propose";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

describeEachDatabase("the revision limit", ({ db }) => {
  it("counts invalid proposals too, refuses before validating once reached, and writes nothing then", async () => {
    const handle = `rl${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const { id: userId } = await db.user.create({ data: { handle } });
    const user: CurrentUser = { id: userId, handle, role: "user" };
    const { id } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const propose = (changes: { title?: string; why?: string }, summary: string) =>
      proposeRevision({ db, ref: id, user, changes, summary });

    for (let i = 0; i < REVISIONS_PER_HOUR_PER_USER; i++)
      expect(await propose({ title: "" }, "An empty title")).toMatchObject({ ok: false, code: "invalid" });
    for (const [changes, summary] of [
      [{ why: "A valid change." }, "Valid"],
      [{ title: "" }, "Invalid"],
    ] as const)
      expect(await propose(changes, summary)).toMatchObject({
        ok: false,
        code: "rate_limited",
        retryAfterSeconds: expect.any(Number),
      });
    expect(await db.revision.count({ where: { entryId: id } })).toBe(1);
  });
});
