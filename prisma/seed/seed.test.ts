import { expect, it } from "vitest";
import { getEntryBySlug } from "@/lib/entries/get-entry";
import { entryContentSchema } from "@/lib/entries/schema";
import { CATEGORIES } from "@/lib/entries/taxonomy";
import { describeEachDatabase } from "@/lib/test/db-suite";
import { concurrencyGuideRevision1 } from "./concurrency-guide-revision-1";
import { seedDatabase, seedEntries } from "./seed";

const GUIDE_SLUG = "python-multiprocessing-vs-threading-vs-asyncio";

it("has the concurrency guide and at least ten more hand-written entries across categories and languages", () => {
  expect(seedEntries[0]!.slug).toBe(GUIDE_SLUG);
  expect(seedEntries.length).toBeGreaterThanOrEqual(11);
  expect(new Set(seedEntries.map((entry) => entry.category))).toEqual(new Set(CATEGORIES));
  expect(new Set(seedEntries.map((entry) => entry.language)).size).toBeGreaterThanOrEqual(6);
  expect(new Set(seedEntries.map((entry) => entry.slug)).size).toBe(seedEntries.length);
});

it("says what each sample's code was run or compiled with, and nothing for code nobody ran here", () => {
  const stating = seedEntries.filter((entry) => entry.verifiedWith?.length);
  expect(seedEntries.filter((entry) => !stating.includes(entry)).map((entry) => entry.slug)).toEqual([
    GUIDE_SLUG, // revision 0 is the original page as it was, which said nothing of it
    "prevent-goroutine-leaks-guard-every-channel-send-with-ctx-done", // Go
    "eliminate-n-1-queries-in-django-with-select-related-and-prefetch-related", // Django
  ]);
  for (const entry of stating)
    expect(entryContentSchema.parse(entry).verifiedWith.map((verification) => verification.date)).not.toContain("");
});

// The global test setup seeded each test database; these check what landed there.
describeEachDatabase("seeded database", ({ db }) => {
  it("holds the concurrency guide: revision 0 is every part of the original page, and it shows revision 1", async () => {
    const guide = await getEntryBySlug({ db, slug: GUIDE_SLUG, viewer: null });
    expect(guide).toMatchObject({
      title: "Python multiprocessing vs threading vs asyncio decision guide",
      category: "pattern",
      language: "python",
      framework: null,
      severity: "major",
      status: "pending",
      authorHandle: null,
      score: 0,
      revisionCount: 1,
      tags: ["asyncio", "concurrent.futures", "gil", "multiprocessing", "parallelism", "threading"],
      problem: "Need to choose between multiprocessing, threading, and asyncio for concurrent Python code.",
      solution: concurrencyGuideRevision1.solution,
      why: concurrencyGuideRevision1.why,
      context: "Python applications needing concurrent execution",
    });
    // Revision 0, the record of what was submitted: the original page.
    const original = await db.revision.findFirstOrThrow({ where: { entry: { slug: GUIDE_SLUG }, number: 0 } });
    expect(original).toMatchObject({
      status: "accepted",
      solution: seedEntries[0]!.solution.trim(), // stored as validated: trimmed
      title: "Python multiprocessing vs threading vs asyncio decision guide",
      problem: "Need to choose between multiprocessing, threading, and asyncio for concurrent Python code.",
      why: "Python's GIL prevents true CPU parallelism with threads. Choosing the wrong concurrency model results in either no speedup (threading for CPU) or unnecessary complexity (multiprocessing for I/O).",
      context: "Python applications needing concurrent execution",
    });
    for (const line of [
      "with Pool(processes=4) as pool:\n    results = pool.map(heavy_math, [10**7]*8)\n# True parallelism - bypasses GIL",
      "        tasks = [session.get(url) for url in urls]\n        return await asyncio.gather(*tasks)\n# Best for: 100s-1000s of network requests",
      "with ThreadPoolExecutor(max_workers=10) as pool:\n    results = list(pool.map(download, urls))\n# Good when async library isn't available",
      "```decision-tree",
      "Need shared state? -> threading (with locks) or multiprocessing.Manager",
    ]) {
      expect(original.solution).toContain(line);
    }
    expect(original.solution).toMatch(/\|\s*asyncio\s*\|\s*1 thread\s*\|/); // the performance characteristics table
  });

  it("stores the samples' verifications with their newest date", async () => {
    const samples = seedEntries.filter((entry) => entry.slug !== GUIDE_SLUG);
    const rows = await db.entry.findMany({
      where: { slug: { in: samples.map((entry) => entry.slug) } },
      select: { slug: true, verifiedWith: true, verifiedOn: true },
    });
    for (const seed of samples) {
      const row = rows.find((candidate) => candidate.slug === seed.slug)!;
      const stated = entryContentSchema.parse(seed).verifiedWith;
      expect(row.verifiedWith).toEqual(stated);
      expect(row.verifiedOn).toBe(stated.length ? "2026-12-02" : null);
    }
  });

  it("adds nothing the second time and keeps changed entries as they are", async () => {
    await db.entry.update({ where: { slug: GUIDE_SLUG }, data: { title: "A title someone revised" } });
    const before = await db.entry.count();
    const report = await seedDatabase({ db });
    expect(report).toEqual({
      usersCreated: 0,
      entriesCreated: 0,
      entriesKept: seedEntries.length,
      guideRevision1: "kept",
    });
    expect(await db.entry.count()).toBe(before);
    expect((await db.entry.findUniqueOrThrow({ where: { slug: GUIDE_SLUG } })).title).toBe("A title someone revised");
    await db.entry.update({ where: { slug: GUIDE_SLUG }, data: { title: seedEntries[0]!.title } });
  });

  it("gives seeded entries scores equal to the sum of their votes", async () => {
    const entries = await db.entry.findMany({
      where: { slug: { in: seedEntries.map((entry) => entry.slug) } },
      select: { score: true, votes: { select: { value: true } } },
    });
    expect(entries).toHaveLength(seedEntries.length);
    expect(entries.some((entry) => entry.score !== 0)).toBe(true);
    for (const entry of entries) expect(entry.score).toBe(entry.votes.reduce((sum, vote) => sum + vote.value, 0));
  });
});
