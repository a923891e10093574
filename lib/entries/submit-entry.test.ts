import { expect, it } from "vitest";
import { createEntry } from "@/lib/entries/create-entry";
import { significantWords, similarEntries } from "@/lib/entries/similar";
import { SUBMISSIONS_PER_HOUR_PER_IP, submitEntry } from "@/lib/entries/submit-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

const tree = (next: string) =>
  `Intro\n\n\`\`\`decision-tree\nstart: q\nquestions:\n  q:\n    text: Which?\n    answers:\n      - text: A\n        next: a\n      - text: B\n        next: b\noutcomes:\n  a:\n    title: A\n    entry: ${next}\n  b:\n    title: B\n\`\`\``;

it("picks the words that matter in a title", () => {
  expect(significantWords("How to use the Python GIL with concurrent.futures?")).toEqual([
    "python",
    "gil",
    "concurrent.futures",
  ]);
});

describeEachDatabase("submitting entries", ({ db }) => {
  const ip = () => `ip-${Math.random().toString(36).slice(2)}`;

  it("starts entries of anonymous people and users as pending, and moderators' as approved", async () => {
    const user = {
      id: (await db.user.create({ data: { handle: `s${Date.now().toString(36)}` } })).id,
      handle: "x",
      role: "user" as const,
    };
    expect(await submitEntry({ db, input: sampleContent(), user: null, ip: ip() })).toMatchObject({
      ok: true,
      status: "pending",
    });
    expect(await submitEntry({ db, input: sampleContent(), user, ip: ip() })).toMatchObject({
      ok: true,
      status: "pending",
    });
    const mod = { ...user, role: "moderator" as const };
    const result = await submitEntry({ db, input: sampleContent(), user: mod, ip: ip() });
    expect(result).toMatchObject({ ok: true, status: "approved" });
    if (result.ok) expect((await db.entry.findUniqueOrThrow({ where: { slug: result.slug } })).authorId).toBe(user.id);
  });

  it("refuses decision trees that link to missing entries, naming the field", async () => {
    const before = await db.entry.count();
    const result = await submitEntry({
      db,
      input: sampleContent({ solution: tree("no-such-entry") }),
      user: null,
      ip: ip(),
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        solution: ['Decision tree 1: an outcome links to the entry "no-such-entry", which does not exist'],
      },
    });
    expect(await db.entry.count()).toBe(before);
    const target = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    expect(
      await submitEntry({ db, input: sampleContent({ solution: tree(target.slug) }), user: null, ip: ip() }),
    ).toMatchObject({ ok: true });
  });

  it("rate-limits submissions per IP", async () => {
    const address = ip();
    for (let i = 0; i < SUBMISSIONS_PER_HOUR_PER_IP; i++)
      expect((await submitEntry({ db, input: sampleContent(), user: null, ip: address })).ok).toBe(true);
    const before = await db.entry.count();
    expect(await submitEntry({ db, input: sampleContent(), user: null, ip: address })).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
    expect(await db.entry.count()).toBe(before);
  });

  it("counts invalid submissions too, and refuses before validating once the limit is reached", async () => {
    const address = ip();
    const invalid = sampleContent({ title: "" });
    for (let i = 0; i < SUBMISSIONS_PER_HOUR_PER_IP; i++)
      expect(await submitEntry({ db, input: invalid, user: null, ip: address })).toMatchObject({
        ok: false,
        code: "invalid",
      });
    const before = await db.entry.count();
    for (const input of [sampleContent(), invalid])
      expect(await submitEntry({ db, input, user: null, ip: address })).toMatchObject({
        ok: false,
        code: "rate_limited",
        retryAfterSeconds: expect.any(Number),
      });
    expect(await db.entry.count()).toBe(before);
  });

  it("finds entries with similar titles", async () => {
    const word = `zebra${Date.now().toString(36)}`;
    await createEntry({
      db,
      content: sampleContent({ title: `Handling ${word} timeouts in Go services` }),
      authorId: null,
      status: "approved",
    });
    const found = await similarEntries({ db, title: `${word.toUpperCase()} timeouts keep happening` });
    expect(found.map((entry) => entry.title)).toEqual([`Handling ${word} timeouts in Go services`]);
  });
});
