// The limits that keep one entry from costing the site more than it should to store, compare
// and render: its total length, how deeply its Markdown nests, how much markup a field has and
// how many decision trees. Submitting, revising and importing all validate content here.
import { expect, it } from "vitest";
import { createEntry } from "@/lib/entries/create-entry";
import { BODY_MAX, TOTAL_CONTENT_MAX } from "@/lib/entries/schema";
import { validateEntryContent } from "@/lib/entries/validate-content";
import { MAX_NESTING } from "@/lib/markdown/nesting";
import { fastestCpuMs } from "@/lib/test/cpu";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { seedEntries } from "@/prisma/seed/seed";

const words = (length: number) =>
  "word "
    .repeat(Math.ceil(length / 5))
    .slice(0, length)
    .trim()
    .padEnd(length, "w");
const tree = "```decision-tree\nstart: q\n```";

describeEachDatabase("content limits", ({ db }) => {
  const validate = (overrides: Parameters<typeof sampleContent>[0]) =>
    validateEntryContent({
      db,
      input: sampleContent(overrides) as Parameters<typeof validateEntryContent>[0]["input"],
    });

  it("limits the entry's length in all, naming its longest field", async () => {
    const content = sampleContent();
    const rest = [content.title, content.why, content.context].join("").length;
    // Up to the limit exactly: fine.
    const problem = words(BODY_MAX);
    const atLimit = TOTAL_CONTENT_MAX - rest - problem.length;
    expect((await validate({ problem, solution: words(atLimit) })).ok).toBe(true);
    // One character more: refused, on the longest field.
    const over = await validate({ problem, solution: words(atLimit + 1) });
    expect(over.ok).toBe(false);
    expect(over.ok ? null : over.fieldErrors).toEqual({
      problem: [
        `The entry is ${(TOTAL_CONTENT_MAX + 1).toLocaleString("en")} characters long in all; the limit is 30,000. Shorten this field or others.`,
      ],
    });
    // Gotchas and error messages count too.
    const lists = await validate({
      problem,
      solution: words(atLimit - 20),
      gotchas: [words(30)],
      errorMessages: [words(30)],
    });
    expect(lists.ok ? null : Object.keys(lists.fieldErrors)).toEqual(["problem"]);
    // And the shared writers refuse it too.
    await expect(
      createEntry({
        db,
        content: sampleContent({ problem, solution: words(atLimit + 1) }),
        authorId: null,
        status: "approved",
      }),
    ).rejects.toThrow(/in all/);
  });

  it("refuses Markdown nested too deeply in any Markdown field or gotcha, but not in error messages", async () => {
    const deep = `${"> ".repeat(MAX_NESTING + 1)}x`;
    const fine = `${"> - ".repeat(MAX_NESTING / 2)}x`;
    expect((await validate({ problem: fine, gotchas: [fine] })).ok).toBe(true);
    for (const field of ["problem", "solution", "why", "context"] as const) {
      const result = await validate({ [field]: deep });
      expect(result.ok ? null : result.fieldErrors).toEqual({
        [field]: [
          `${field[0]?.toUpperCase()}${field.slice(1)} nests quotes and lists more than ${MAX_NESTING} levels deep; use at most ${MAX_NESTING}.`,
        ],
      });
    }
    const gotcha = await validate({ gotchas: ["Fine.", deep] });
    expect(gotcha.ok ? null : gotcha.fieldErrors).toEqual({
      gotchas: [`A gotcha nests quotes and lists more than ${MAX_NESTING} levels deep; use at most ${MAX_NESTING}.`],
    });
    // Error messages are shown as they are, never parsed.
    expect((await validate({ errorMessages: [deep] })).ok).toBe(true);
  });

  it("refuses a field with too much markup to render quickly", async () => {
    const result = await validate({ solution: "- x\n".repeat(4_000) });
    expect(result.ok ? null : result.fieldErrors.solution).toEqual([
      "Solution has too much markup to render quickly (lines, list items, emphasis, links…); split it up or simplify it.",
    ]);
    expect((await validate({ solution: "- an item of a list\n".repeat(500) })).ok).toBe(true);
  });

  it("refuses 20 KB of the reported attacks in milliseconds, without parsing them", async () => {
    // With "decision-tree" in them, so that only the refusal keeps the field from being parsed.
    const attacks = [
      `decision-tree\n${"> ".repeat(9_990)}x`,
      `decision-tree\n${"- ".repeat(9_990)}x`,
      `decision-tree\n${"a\n=\n".repeat(4_990)}`,
      `decision-tree\n${"- - x\n".repeat(3_300)}`,
    ];
    for (const problem of attacks) {
      const result = await validate({ problem });
      expect(result.ok).toBe(false);
      expect(await fastestCpuMs(() => validate({ problem }))).toBeLessThan(50);
    }
  });

  it("allows five decision trees in a field, and counts them before parsing any", async () => {
    const five = await validate({ solution: Array.from({ length: 5 }, () => tree).join("\n\n") });
    expect(five.ok ? null : five.fieldErrors.solution?.every((problem) => problem.startsWith("Decision tree"))).toBe(
      true,
    );
    const six = await validate({ solution: Array.from({ length: 6 }, () => tree).join("\n\n") });
    expect(six.ok ? null : six.fieldErrors).toEqual({
      solution: ["Use at most 5 decision trees in one field; this one has 6."],
    });
    // Tildes, or words after the fence, count too.
    const tildes = await validate({
      solution: Array.from({ length: 6 }, () => "~~~ decision-tree\nx\n~~~").join("\n"),
    });
    expect(tildes.ok ? null : tildes.fieldErrors.solution).toEqual([
      "Use at most 5 decision trees in one field; this one has 6.",
    ]);
  });

  it("accepts every seeded entry", async () => {
    const slugs = new Set(seedEntries.map((entry) => entry.slug));
    for (const { slug, status: _status, authorHandle: _author, ageDays: _age, ...content } of seedEntries) {
      const result = await validateEntryContent({ db, input: content, selfSlug: slug, upcomingSlugs: slugs });
      expect(result.ok ? slug : [slug, result.fieldErrors]).toBe(slug);
    }
  });
});
