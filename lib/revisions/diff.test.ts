import { describe, expect, it } from "vitest";
import { BODY_MAX, LIST_ITEM_MAX, LIST_MAX_ITEMS, TITLE_MAX, TOTAL_CONTENT_MAX } from "@/lib/entries/schema";
import { clipDiff, DiffBudget, diffRevisions, type RevisionContent } from "@/lib/revisions/diff";
import { fastestCpuMs } from "@/lib/test/cpu";

const base: RevisionContent = {
  title: "The quick brown fox",
  category: "pattern",
  language: "python",
  framework: null,
  severity: "minor",
  problem: "It jumps over the lazy dog.",
  solution: "Same.",
  why: "",
  context: "",
  gotchas: ["one"],
  errorMessages: [],
  verifiedWith: [],
  tags: ["a", "b"],
};

describe("diffRevisions", () => {
  it("shows text changes word by word", () => {
    const diff = diffRevisions(base, { ...base, title: "The quick red fox", problem: "It jumped over the lazy dog." });
    expect(diff.text.map((t) => t.field)).toEqual(["title", "problem"]);
    const title = diff.text[0]!.changes;
    expect(title.filter((c) => c.removed).map((c) => c.value)).toEqual(["brown"]);
    expect(title.filter((c) => c.added).map((c) => c.value)).toEqual(["red"]);
    expect(
      title
        .filter((c) => !c.added && !c.removed)
        .map((c) => c.value)
        .join(""),
    ).toBe("The quick  fox");
  });

  it("lists changed fields, added and removed tags, and list items", () => {
    const diff = diffRevisions(base, {
      ...base,
      severity: "critical",
      framework: "django",
      tags: ["b", "c"],
      gotchas: ["one", "two"],
    });
    expect(diff.scalars).toEqual([
      { field: "framework", from: null, to: "django" },
      { field: "severity", from: "minor", to: "critical" },
    ]);
    expect(diff.tags).toEqual({ added: ["c"], removed: ["a"] });
    expect(diff.text.map((t) => t.field)).toEqual(["gotchas"]);
    expect(diff.text[0]!.changes.filter((c) => c.added).map((c) => c.value.trim())).toEqual(["two"]);
  });

  it("shows verifications one per line, and a changed one word by word", () => {
    const python = { subject: "Python", version: "3.12.0", date: "2025-01-10", by: null };
    const before = { ...base, verifiedWith: [python] };
    const diff = diffRevisions(before, {
      ...base,
      verifiedWith: [
        { ...python, version: "3.13.1" },
        { subject: "uv", version: "0.9.0", date: "2025-01-11", by: "@ines" },
      ],
    });
    expect(diff.text.map((t) => t.field)).toEqual(["verifiedWith"]);
    const changes = diff.text[0]!.changes;
    const side = (keep: (c: (typeof changes)[number]) => boolean) =>
      changes
        .filter(keep)
        .map((c) => c.value)
        .join("");
    expect(side((c) => !c.added)).toBe("Python 3.12.0 · 2025-01-10");
    expect(side((c) => !c.removed)).toBe("Python 3.13.1 · 2025-01-10\nuv 0.9.0 · 2025-01-11 · @ines");
    expect(changes.at(-1)).toEqual({ value: "\nuv 0.9.0 · 2025-01-11 · @ines", added: true, removed: false });
    expect(diffRevisions(before, { ...before }).text).toEqual([]);
  });

  it("reports nothing for identical revisions", () => {
    expect(diffRevisions(base, { ...base })).toEqual({ text: [], scalars: [], tags: { added: [], removed: [] } });
  });

  it("shows a field added to or removed from nothing whole, word by word", () => {
    const diff = diffRevisions(base, { ...base, why: "Because.", solution: "" });
    expect(diff.text).toEqual([
      { field: "solution", detail: "words", changes: [{ value: "Same.", added: false, removed: true }] },
      { field: "why", detail: "words", changes: [{ value: "Because.", added: true, removed: false }] },
    ]);
  });
});

/** Text of exactly `length` characters: one-letter words, so two letters share no word at all. */
function words(letter: string, length: number): string {
  return `${letter} `.repeat(Math.ceil(length / 2)).slice(0, length);
}

/** The largest content the limits allow, every word `letter`. */
function largest(letter: string): RevisionContent {
  let left = TOTAL_CONTENT_MAX - TITLE_MAX;
  const take = (max: number) => {
    const length = Math.min(max, left);
    left -= length;
    return words(letter, length);
  };
  return {
    ...base,
    title: words(letter, TITLE_MAX),
    problem: take(BODY_MAX),
    solution: take(BODY_MAX),
    why: take(BODY_MAX),
    context: take(BODY_MAX),
    gotchas: Array.from({ length: LIST_MAX_ITEMS }, () => take(LIST_ITEM_MAX)).filter(Boolean),
    errorMessages: Array.from({ length: LIST_MAX_ITEMS }, () => take(LIST_ITEM_MAX)).filter(Boolean),
  };
}

/** Both sides of a field, put back together from its changes. */
function sides(changes: { value: string; added: boolean; removed: boolean }[]) {
  return {
    before: changes
      .filter((c) => !c.added)
      .map((c) => c.value)
      .join(""),
    after: changes
      .filter((c) => !c.removed)
      .map((c) => c.value)
      .join(""),
  };
}

describe("diffRevisions within a budget", () => {
  const before = largest("a");
  const after = largest("b");

  it("compares the largest revisions the limits allow in a few tens of milliseconds, saying how coarsely", async () => {
    // Word by word, without a budget, this took 5 s.
    expect(await fastestCpuMs(() => diffRevisions(before, after))).toBeLessThan(200);
    const diff = diffRevisions(before, after);
    expect(diff.text.map((t) => t.field)).toEqual(["title", "problem", "solution"]);
    // Every word differs: over a hundred edits even in the title, more than the page's budget
    // allows word by word, so the title is compared by lines and the long fields whole.
    expect(diff.text.map((t) => t.detail)).toEqual(["lines", "whole", "whole"]);
    // Coarse or not, each side of each field is all there.
    for (const { field, changes } of diff.text) {
      expect(sides(changes).before).toBe(before[field]);
      expect(sides(changes).after).toBe(after[field]);
    }
  });

  it("shares one budget among all the diffs of a page", () => {
    const budget = new DiffBudget();
    const started = process.cpuUsage();
    const diffs = Array.from({ length: 100 }, () => diffRevisions(before, after, budget));
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(500);
    // Once the budget is spent, fields are shown whole, at no cost.
    expect(diffs.at(-1)?.text.map((t) => t.detail)).toEqual(["whole", "whole", "whole"]);
  });

  it("compares a long text with a few rewritten paragraphs line by line, keeping the rest as it was", () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${words("x", 300)}`);
    const rewritten = paragraphs.map((p, i) => (i % 10 === 3 ? `Paragraph ${i}: ${words("y", 300)}` : p));
    const diff = diffRevisions(
      { ...base, problem: paragraphs.join("\n\n") },
      { ...base, problem: rewritten.join("\n\n") },
    );
    const [problem] = diff.text;
    expect(problem?.detail).toBe("lines");
    expect(sides(problem?.changes ?? []).before).toBe(paragraphs.join("\n\n"));
    expect(sides(problem?.changes ?? []).after).toBe(rewritten.join("\n\n"));
    // The untouched paragraphs are unchanged text, the rewritten ones removed and added.
    const unchanged = (problem?.changes ?? []).filter((c) => !c.added && !c.removed).map((c) => c.value);
    expect(unchanged.join("")).toContain("Paragraph 0:");
    expect(unchanged.join("")).not.toContain(`Paragraph 3: ${words("x", 300)}`);
  });

  it("compares the same revisions the same way however busy the server is", () => {
    const edited = { ...base, problem: `${base.problem} And then some more words at the end.` };
    expect(diffRevisions(base, edited)).toEqual(diffRevisions(base, edited, new DiffBudget()));
    expect(diffRevisions(base, edited).text[0]?.detail).toBe("words");
  });
});

describe("clipDiff", () => {
  it("keeps the first characters of the changes and counts the rest", () => {
    const diff = diffRevisions(base, { ...base, title: "The quick red fox", problem: "It jumped over the lazy dog." });
    const total = diff.text.flatMap((t) => t.changes).reduce((sum, c) => sum + c.value.length, 0);
    expect(clipDiff(diff, total)).toEqual({ diff, hidden: 0 });
    const { diff: clipped, hidden } = clipDiff(diff, 10);
    expect(hidden).toBe(total - 10);
    expect(clipped.text.map((t) => t.field)).toEqual(["title"]);
    expect(clipped.text[0]?.changes.map((c) => c.value).join("")).toBe("The quick ");
    expect(clipped.scalars).toEqual(diff.scalars);
  });
});
