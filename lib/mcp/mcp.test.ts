import { describe, expect, it } from "vitest";
import { createEntry } from "@/lib/entries/create-entry";
import { cleanClientName, clientNameOf, sessionIdFor } from "@/lib/mcp/client-session";
import { entryMarkdown, entryTrees } from "@/lib/mcp/entry-markdown";
import { listEntryResources } from "@/lib/mcp/resources";
import { submissionContent } from "@/lib/mcp/tools/submit";
import { walkTree } from "@/lib/mcp/tools/walk-tree";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { concurrencyGuide } from "../../prisma/seed/concurrency-guide";

describe("the client name in the session id", () => {
  it("comes back from a session id this site issued, and from nothing else", () => {
    const id = sessionIdFor("Claude Code");
    expect(id).toMatch(/^[\x21-\x7e]+$/); // visible ASCII, as the protocol requires
    expect(clientNameOf(id)).toBe("Claude Code");
    expect(clientNameOf(sessionIdFor(null))).toBeNull();
    const [random, name, signature] = id.split(".");
    const forged = `${random}.${Buffer.from("Moderator").toString("base64url")}.${signature}`;
    expect(clientNameOf(forged)).toBeNull();
    expect(clientNameOf(`${random}.${name}.x${signature?.slice(1)}`)).toBeNull();
    expect(clientNameOf("no-dots")).toBeNull();
    expect(clientNameOf(null)).toBeNull();
  });

  it("is cleaned of control characters and line breaks, and bounded", () => {
    expect(cleanClientName("  cursor\n\u0000agent\t ")).toBe("cursor agent");
    expect(cleanClientName("x".repeat(500))).toHaveLength(80);
    expect(cleanClientName("\n\t")).toBeNull();
    expect(cleanClientName(42)).toBeNull();
  });
});

describe("walking a decision tree", () => {
  const [first] = entryTrees(concurrencyGuide);
  if (!first) throw new Error("the guide has no tree");
  const links = { entryUrl: "https://hb.example/entries/guide", origin: "https://hb.example" };

  it("asks the start question, follows answers by index or text, and ends at an outcome with its section", () => {
    const start = walkTree(first.tree, first.key, [], links);
    expect(start).toMatchObject({ done: false, path: [], question: { id: "workload" } });
    const end = walkTree(first.tree, first.key, [1, "no, only blocking libraries (such as requests)"], links);
    expect(end).toMatchObject({
      done: true,
      outcome: {
        id: "threading",
        sectionUrl: "https://hb.example/entries/guide#solution-io-bound-with-blocking-libraries-use-threading",
      },
    });
    if ("error" in end) throw new Error(end.error);
    expect(end.path.map((step) => step.answer)).toEqual([
      "Waiting on the network or disk (I/O-bound)",
      "No, only blocking libraries (such as requests)",
    ]);
  });

  it("names the step whose answer does not fit, and refuses answers past the outcome", () => {
    expect(walkTree(first.tree, first.key, [0, 7], links)).toMatchObject({
      error: expect.stringContaining("after the outcome"),
    });
    const wrong = walkTree(first.tree, first.key, [1, "maybe"], links);
    expect(wrong).toMatchObject({ error: expect.stringContaining('Answer 2 ("maybe")') });
    expect(walkTree(first.tree, first.key, [-1], links)).toHaveProperty("error");
  });
});

describe("an agent's submission", () => {
  const ours = {
    title: "Blocking call in a coroutine",
    category: "gotcha",
    severity: "major",
    tags: ["asyncio"],
    problem: "The loop stalls.",
    solution: "Use to_thread.",
  };

  it("in our fields is taken as it is", () => {
    expect(submissionContent({ ...ours, errorMessages: ["boom"] })).toMatchObject({
      category: "gotcha",
      severity: "major",
      errorMessages: ["boom"],
      why: "",
    });
  });

  it("in the original HiveBrain's shape is mapped as the importer maps it", () => {
    const mapped = submissionContent({
      ...ours,
      category: "principle",
      severity: "moderate",
      keywords: ["event loop"],
      code_snippets: [{ code: "await asyncio.to_thread(f)", lang: "python" }],
      error_messages: ["Task took 2.5 seconds"],
    });
    expect(mapped).toMatchObject({ category: "pattern", severity: "minor", errorMessages: ["Task took 2.5 seconds"] });
    expect(mapped.solution).toContain("```python\nawait asyncio.to_thread(f)\n```");
    expect(mapped.context).toContain("Keywords: event loop");
    expect(mapped.context).toContain("Original category: principle");
  });
});

describe("an entry as Markdown", () => {
  it("keeps the sections in order, code intact, and fences error messages whatever they hold", () => {
    const guide = concurrencyGuide;
    const entry = {
      ...guide,
      id: "e1",
      status: "approved",
      score: 3,
      viewCount: 0,
      revisionCount: 0,
      author: null,
      createdAt: "",
      updatedAt: "",
      url: "https://hb.example/entries/guide",
      errorMessages: ["Use ``` fences"],
      verifiedWith: [],
      verifiedRecently: false,
    };
    const markdown = entryMarkdown(entry, []);
    const order = ["## Problem", "## Solution", "## Why", "## Error messages"].map((heading) =>
      markdown.indexOf(heading),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(markdown).toContain(guide.solution);
    expect(markdown).toContain("````text\nUse ``` fences\n````");
  });
});

describeEachDatabase("entry resources", ({ db }) => {
  it("list every approved entry once, page by page in slug order, and nothing else", async () => {
    const pending = await createEntry({ db, content: sampleContent(), authorId: null, status: "pending" });
    const approved = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEntryResources({ db, cursor, pageSize: 50 });
      expect(page.resources.length).toBeLessThanOrEqual(50);
      seen.push(...page.resources.map((resource) => resource.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(approved.slug);
    expect(seen).not.toContain(pending.slug);
    expect(seen.length).toBe(await db.entry.count({ where: { status: "approved" } }));
  });
});
