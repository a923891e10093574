import { describe, expect, it } from "vitest";
import { type EntryContent, entryContentSchema } from "@/lib/entries/schema";
import { mergeContent, mergeTags, paragraphTokens, sameContent } from "@/lib/revisions/merge";

const base: EntryContent = entryContentSchema.parse({
  title: "Threads or processes for CPU work",
  category: "pattern",
  language: "python",
  framework: null,
  severity: "major",
  tags: ["python", "gil"],
  problem: "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.",
  solution: "Use a pool.",
  why: "Because of the GIL.",
  context: "",
  gotchas: ["One", "Two", "Three"],
  errorMessages: [],
});

const edit = (changes: Partial<EntryContent>): EntryContent => ({ ...base, ...changes });

describe("three-way merge of entry content", () => {
  it("keeps separators as tokens so neighbouring paragraphs merge", () => {
    expect(paragraphTokens("a\n\nb\n \n\nc")).toEqual(["a", "\n\n", "b", "\n \n\n", "c"]);
    const theirs = edit({ problem: "First paragraph, edited.\n\nSecond paragraph.\n\nThird paragraph." });
    const yours = edit({ problem: "First paragraph.\n\nSecond paragraph, mine.\n\nThird paragraph." });
    const result = mergeContent({ base, theirs, yours });
    expect(result.conflicts).toEqual([]);
    expect(result.content.problem).toBe("First paragraph, edited.\n\nSecond paragraph, mine.\n\nThird paragraph.");
  });

  it("merges changes to different fields", () => {
    const result = mergeContent({
      base,
      theirs: edit({ title: "Threads or processes for CPU-bound work", severity: "critical" }),
      yours: edit({ solution: "Use a ProcessPoolExecutor." }),
    });
    expect(result.conflicts).toEqual([]);
    expect(result.content).toMatchObject({
      title: "Threads or processes for CPU-bound work",
      severity: "critical",
      solution: "Use a ProcessPoolExecutor.",
    });
  });

  it("reports the same sentence changed differently as a conflict and keeps your text in place", () => {
    const theirs = edit({ why: "Because of the global interpreter lock." });
    const yours = edit({ why: "Because the GIL lets one thread run Python at a time." });
    const result = mergeContent({ base, theirs, yours });
    expect(result.conflicts).toEqual([
      {
        field: "why",
        theirs: "Because of the global interpreter lock.",
        yours: "Because the GIL lets one thread run Python at a time.",
      },
    ]);
    expect(result.content.why).toBe(yours.why);
  });

  it("shows only the overlapping paragraph of a field as the conflict", () => {
    const theirs = edit({ problem: "First paragraph.\n\nSecond paragraph (theirs).\n\nThird paragraph, also theirs." });
    const yours = edit({ problem: "First paragraph, mine.\n\nSecond paragraph (mine).\n\nThird paragraph." });
    const result = mergeContent({ base, theirs, yours });
    expect(result.conflicts).toEqual([
      { field: "problem", theirs: "Second paragraph (theirs).", yours: "Second paragraph (mine)." },
    ]);
    expect(result.content.problem).toBe(
      "First paragraph, mine.\n\nSecond paragraph (mine).\n\nThird paragraph, also theirs.",
    );
  });

  it("treats identical changes on both sides as no conflict", () => {
    const same = edit({ title: "Same new title on both sides", why: "Same new why." });
    const result = mergeContent({ base, theirs: same, yours: same });
    expect(result.conflicts).toEqual([]);
    expect(sameContent(result.content, same)).toBe(true);
  });

  it("conflicts on scalar fields changed to different values", () => {
    const result = mergeContent({ base, theirs: edit({ category: "gotcha" }), yours: edit({ category: "guide" }) });
    expect(result.conflicts).toEqual([{ field: "category", theirs: "gotcha", yours: "guide" }]);
    expect(result.content.category).toBe("guide");
  });

  it("merges list items and tags", () => {
    const result = mergeContent({
      base,
      theirs: edit({ gotchas: ["One", "Two", "Three", "Four"], tags: ["python", "gil", "multiprocessing"] }),
      yours: edit({ gotchas: ["One (mine)", "Two", "Three"], tags: ["python"] }),
    });
    expect(result.conflicts).toEqual([]);
    expect(result.content.gotchas).toEqual(["One (mine)", "Two", "Three", "Four"]);
    expect(result.content.tags).toEqual(["python", "multiprocessing"]);
    expect(mergeTags(["a"], ["a", "b"], ["a", "b", "c"])).toEqual(["a", "b", "c"]);
  });

  it("merges verifications by items, and shows an overlap one per line", () => {
    const python = { subject: "Python", version: "3.12.0", date: "2025-01-10", by: null };
    const node = { subject: "Node.js", version: "20.20.2", date: "2025-02-01", by: "@mara" };
    const gcc = { subject: "GCC", version: "12.2.0", date: "2025-01-12", by: null };
    const withPython = edit({ verifiedWith: [python] });
    const result = mergeContent({
      base: edit({ verifiedWith: [python, gcc] }),
      theirs: edit({ verifiedWith: [python, gcc, node] }),
      yours: edit({ verifiedWith: [{ ...python, version: "3.13.1", date: "2025-03-03" }, gcc] }),
    });
    expect(result.conflicts).toEqual([]);
    expect(result.content.verifiedWith).toEqual([{ ...python, version: "3.13.1", date: "2025-03-03" }, gcc, node]);

    const overlap = mergeContent({
      base: withPython,
      theirs: edit({ verifiedWith: [{ ...python, date: "2025-04-04" }] }),
      yours: edit({ verifiedWith: [{ ...python, date: "2025-05-05", by: "@ines" }] }),
    });
    expect(overlap.conflicts).toEqual([
      { field: "verifiedWith", theirs: "Python 3.12.0 · 2025-04-04", yours: "Python 3.12.0 · 2025-05-05 · @ines" },
    ]);
    expect(overlap.content.verifiedWith).toEqual([{ ...python, date: "2025-05-05", by: "@ines" }]);
    expect(sameContent(withPython, edit({ verifiedWith: [python] }))).toBe(true);
    expect(sameContent(withPython, base)).toBe(false);
  });

  it("takes their version of fields you did not touch", () => {
    const theirs = edit({ solution: "Use a pool of processes." });
    expect(mergeContent({ base, theirs, yours: base }).content.solution).toBe("Use a pool of processes.");
  });
});
