import { describe, expect, it } from "vitest";
import { diffRevisions, type RevisionContent } from "@/lib/revisions/diff";

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

  it("reports nothing for identical revisions", () => {
    expect(diffRevisions(base, { ...base })).toEqual({ text: [], scalars: [], tags: { added: [], removed: [] } });
  });
});
