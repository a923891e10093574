// "Verified with" through every write path and surface that reads the database: creating,
// revising and rolling back, submitting (field errors), the moderators' list of entries not
// verified recently, the API's JSON, the MCP Markdown and search cards. Staleness is decided
// for fixed days; the verification dates are all in the past, so the schema accepts them today.
import { expect, it } from "vitest";
import { entryJsonSelect, toEntryJson } from "@/lib/api/entry-json";
import { EntrySchema } from "@/lib/api/schemas";
import type { CurrentUser } from "@/lib/auth/roles";
import { createEntry } from "@/lib/entries/create-entry";
import { getEntryBySlug } from "@/lib/entries/get-entry";
import { submitEntry } from "@/lib/entries/submit-entry";
import { countUnverifiedEntries, listUnverifiedEntries } from "@/lib/entries/unverified";
import type { Verification } from "@/lib/entries/verification";
import { entryMarkdown } from "@/lib/mcp/entry-markdown";
import { proposeRevision } from "@/lib/revisions/propose";
import { rollBack } from "@/lib/revisions/review";
import { searchEntries } from "@/lib/search/search-entries";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

/** The day the staleness is judged on: 18 months before it is 2025-06-02. */
const NOW = new Date("2026-12-02T12:00:00Z");
const ORIGIN = "https://hb.example";

const verification = (date: string, subject = "Python", by: string | null = null): Verification => ({
  subject,
  version: "3.11.7",
  date,
  by,
});

describeEachDatabase("verified with", ({ db }) => {
  const newUser = async (role: CurrentUser["role"]): Promise<CurrentUser> => {
    const handle = `vw${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const { id } = await db.user.create({ data: { handle, role } });
    return { id, handle, role };
  };
  const stored = (id: string) =>
    db.entry.findUniqueOrThrow({ where: { id }, select: { verifiedWith: true, verifiedOn: true } });

  it("is kept on the entry and in each revision, with the newest date beside it, through edits and rollbacks", async () => {
    const first = [verification("2024-01-05"), verification("2025-03-01", "uv", "@ines")];
    const author = await newUser("user");
    const { id, slug } = await createEntry({
      db,
      content: sampleContent({ verifiedWith: first }),
      authorId: author.id,
      status: "approved",
    });
    expect(await stored(id)).toEqual({ verifiedWith: first, verifiedOn: "2025-03-01" });
    expect((await getEntryBySlug({ db, slug, viewer: null }))!.verifiedWith).toEqual(first);

    const second = [verification("2026-11-30", "Python", "@hivebrain-editors")];
    expect(
      await proposeRevision({ db, ref: id, user: author, changes: { verifiedWith: second }, summary: "Ran it again" }),
    ).toMatchObject({ ok: true, number: 1, status: "accepted" });
    expect(await stored(id)).toEqual({ verifiedWith: second, verifiedOn: "2026-11-30" });
    // A partial edit of another field keeps the verifications.
    await proposeRevision({ db, ref: id, user: author, changes: { why: "Because." }, summary: "Why" });
    expect(await stored(id)).toEqual({ verifiedWith: second, verifiedOn: "2026-11-30" });

    const revisions = await db.revision.findMany({
      where: { entryId: id },
      orderBy: { number: "asc" },
      select: { verifiedWith: true },
    });
    expect(revisions.map((revision) => revision.verifiedWith)).toEqual([first, second, second]);

    // Stating none again clears the date; rolling back restores both.
    await proposeRevision({ db, ref: id, user: author, changes: { verifiedWith: [] }, summary: "Not true" });
    expect(await stored(id)).toEqual({ verifiedWith: [], verifiedOn: null });
    const moderator = await newUser("moderator");
    expect(await rollBack({ db, entryId: id, toNumber: 0, moderator })).toMatchObject({ ok: true });
    expect(await stored(id)).toEqual({ verifiedWith: first, verifiedOn: "2025-03-01" });
  });

  it("refuses invalid verifications with field errors naming each one", async () => {
    const result = await submitEntry({
      db,
      input: sampleContent({
        verifiedWith: [verification("2025-01-01"), { subject: "Python", version: "", date: "2999-01-01" }],
      }),
      user: null,
      ip: `ip-${Math.random().toString(36).slice(2)}`,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        verifiedWith: [
          "Verification 2: give the version after the name, e.g. Python 3.14.0.",
          "Verification 2: 2999-01-01 is in the future.",
        ],
      },
    });
  });

  it("lists approved entries not verified recently for moderators: none stated first, then the oldest", async () => {
    const make = (verifiedWith: Verification[], status: "approved" | "pending" = "approved") =>
      createEntry({ db, content: sampleContent({ verifiedWith }), authorId: null, status });
    const none = await make([]);
    const old = await make([verification("2021-04-04")]);
    const dayOver = await make([verification("2020-01-01"), verification("2025-06-01")]);
    const exactly = await make([verification("2025-06-02")]);
    const recent = await make([verification("2026-11-01")]);
    const pending = await make([], "pending");
    const mine = new Set([none, old, dayOver, exactly, recent, pending].map((entry) => entry.id));

    const all = await listUnverifiedEntries({ db, now: NOW, maxAgeMonths: 18, pageSize: 100_000 });
    expect(all.recentSince).toBe("2025-06-02");
    expect(all.total).toBe(all.entries.length);
    expect(all.total).toBe(await countUnverifiedEntries({ db, now: NOW, maxAgeMonths: 18 }));
    expect(all.entries.filter((entry) => mine.has(entry.id)).map((entry) => entry.id)).toEqual([
      none.id,
      old.id,
      dayOver.id,
    ]);
    expect(all.entries.find((entry) => entry.id === dayOver.id)).toMatchObject({
      slug: dayOver.slug,
      verifiedOn: "2025-06-01",
      verifiedWith: [verification("2020-01-01"), verification("2025-06-01")],
    });
    // Every entry listed is approved and stale; none stated first, then by date.
    const dates = all.entries.map((entry) => entry.verifiedOn);
    const firstDated = dates.findIndex((date) => date !== null);
    expect(dates.slice(firstDated === -1 ? dates.length : firstDated).every((date) => date !== null)).toBe(true);
    const dated = dates.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dated.every((date) => date < "2025-06-02")).toBe(true);
    const statuses = await db.entry.findMany({
      where: { id: { in: all.entries.map((entry) => entry.id) } },
      select: { status: true },
    });
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(["approved"]));

    // Pages follow the same order.
    const page2 = await listUnverifiedEntries({ db, now: NOW, maxAgeMonths: 18, page: 2, pageSize: 2 });
    expect(page2.entries.map((entry) => entry.id)).toEqual(all.entries.slice(2, 4).map((entry) => entry.id));
    expect(page2.pageCount).toBe(Math.ceil(all.total / 2));

    // A day later the entry verified exactly 18 months before NOW is listed too; with 72 months, only the one stating none.
    const tomorrow = await listUnverifiedEntries({
      db,
      now: new Date("2026-12-03T00:00:00Z"),
      maxAgeMonths: 18,
      pageSize: 100_000,
    });
    expect(tomorrow.entries.map((entry) => entry.id)).toContain(exactly.id);
    const lenient = await listUnverifiedEntries({ db, now: NOW, maxAgeMonths: 72, pageSize: 100_000 });
    expect(lenient.entries.filter((entry) => mine.has(entry.id)).map((entry) => entry.id)).toEqual([none.id]);
  });

  it("is in the API's JSON, the MCP Markdown and search cards, with whether it is recent", async () => {
    const word = `zqverif${Math.random().toString(36).slice(2, 8).replace(/\d/g, "k")}`;
    const verifiedWith = [verification("2025-06-02", "Python", "@hivebrain-editors")];
    const { id } = await createEntry({
      db,
      content: sampleContent({ title: `Verified ${word} entry`, verifiedWith }),
      authorId: null,
      status: "approved",
    });
    const row = await db.entry.findUniqueOrThrow({ where: { id }, select: entryJsonSelect });

    const today = toEntryJson(row, ORIGIN, NOW);
    expect(EntrySchema.parse(today)).toMatchObject({ verifiedWith, verifiedRecently: true });
    expect(entryMarkdown(today, [])).toContain("Verified with: Python 3.11.7 · 2025-06-02 · @hivebrain-editors  \n");
    const tomorrow = toEntryJson(row, ORIGIN, new Date("2026-12-03T00:00:00Z"));
    expect(tomorrow.verifiedRecently).toBe(false);
    expect(entryMarkdown(tomorrow, [])).toContain(
      "Verified with: Python 3.11.7 · 2025-06-02 · @hivebrain-editors (not verified recently)",
    );
    const { id: noneId } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const none = toEntryJson(
      await db.entry.findUniqueOrThrow({ where: { id: noneId }, select: entryJsonSelect }),
      ORIGIN,
      NOW,
    );
    expect(none).toMatchObject({ verifiedWith: [], verifiedRecently: false });
    expect(entryMarkdown(none, [])).toContain("Verified with: not stated (not verified recently)");

    const found = await searchEntries({
      db,
      query: word,
      filters: { tags: [] },
      viewer: null,
      sort: "relevance",
      page: 1,
    });
    expect(found.entries.map((entry) => [entry.id, entry.verifiedWith])).toEqual([[id, verifiedWith]]);
  });
});
