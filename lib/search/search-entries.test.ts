import { expect, it } from "vitest";
import type { EntryFilters } from "@/lib/entries/browse-params";
import { createEntry } from "@/lib/entries/create-entry";
import { searchEntries } from "@/lib/search/search-entries";
import { relatedTags } from "@/lib/tags/store";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

/** A word no other test's entries contain (letters only: the stemmers leave it alone). */
function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `zq${Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join("")}`;
}

const NO_FILTERS: EntryFilters = { tags: [] };

describeEachDatabase("search", ({ db }) => {
  const search = (
    query: string,
    options: {
      filters?: EntryFilters;
      sort?: "relevance" | "newest" | "top" | "views";
      page?: number;
      pageSize?: number;
      rankWindow?: number;
    } = {},
  ) =>
    searchEntries({
      db,
      query,
      filters: options.filters ?? NO_FILTERS,
      viewer: null,
      sort: options.sort ?? "relevance",
      page: options.page ?? 1,
      pageSize: options.pageSize,
      rankWindow: options.rankWindow,
    });

  it("ranks a title match above a body match, and marks the matched words", async () => {
    const word = uniqueWord();
    const inBody = await createEntry({
      db,
      content: sampleContent({ problem: `The ${word} appears only here, next to <script>alert(1)</script>.` }),
      authorId: null,
      status: "approved",
    });
    const inTitle = await createEntry({
      db,
      content: sampleContent({ title: `Handling ${word} in production` }),
      authorId: null,
      status: "approved",
    });
    const result = await search(word);
    expect(result.entries.map((entry) => entry.slug)).toEqual([inTitle.slug, inBody.slug]);
    const snippet = result.entries[1]!.snippet!;
    expect(snippet.filter((segment) => segment.match).map((segment) => segment.text.toLowerCase())).toEqual([word]);
    expect(snippet.map((segment) => segment.text).join("")).not.toMatch(/[\uE000\uE001]/);
  });

  it("puts the entry whose error message is pasted first, whatever the paths, line numbers and quotes", async () => {
    const word = uniqueWord();
    const recorded = `File "/home/ada/${word}/worker.py", line 88, in run\n    ${word}Error: 'NoneType' object has no attribute 'send'`;
    const pasted = `File '/Users/bob/src/${word}/worker.py', line 3, in run ${word}Error: "NoneType" object has no attribute "send"`;
    // Entries that mention the words more often, in titles, but record another message.
    for (let i = 0; i < 3; i++) {
      await createEntry({
        db,
        content: sampleContent({
          title: `${word}Error NoneType object has no attribute send ${i}`,
          problem: `${word}error nonetype send attribute run file line`,
        }),
        authorId: null,
        status: "approved",
      });
    }
    const target = await createEntry({
      db,
      content: sampleContent({ title: "A worker crashes after reconnecting", errorMessages: [recorded] }),
      authorId: null,
      status: "approved",
    });
    const result = await search(pasted);
    expect(result.entries[0]).toMatchObject({ slug: target.slug, exactErrorMatch: true });
    // Then the entries with all of its words.
    expect(
      result.entries
        .slice(1, 4)
        .map((entry) => entry.title.slice(-1))
        .sort(),
    ).toEqual(["0", "1", "2"]);
    expect(result.entries.map((entry) => entry.slug).filter((slug) => slug === target.slug)).toHaveLength(1);
    expect(result.entries[0]!.snippet).toEqual([{ text: recorded.replace(/\s+/g, " "), match: true }]);
  });

  it("combines the query's filters with the browse filters", async () => {
    const word = uniqueWord();
    const tag = `t-${word}`;
    const debugRust = await createEntry({
      db,
      content: sampleContent({
        title: `Borrow ${word} checker`,
        category: "debug",
        language: "rust",
        tags: [tag, "rust"],
      }),
      authorId: null,
      status: "approved",
    });
    await createEntry({
      db,
      content: sampleContent({ title: `Borrow ${word} again`, category: "pattern", language: "rust", tags: [tag] }),
      authorId: null,
      status: "approved",
    });
    await createEntry({
      db,
      content: sampleContent({
        title: `Borrow ${word} python`,
        category: "debug",
        language: "python",
        tags: ["python"],
      }),
      authorId: null,
      status: "approved",
    });
    const archived = await createEntry({
      db,
      content: sampleContent({ title: `Borrow ${word} archived`, category: "debug", language: "rust", tags: [tag] }),
      authorId: null,
      status: "archived",
    });

    expect((await search(`${word} [${tag}] category:debug`)).entries.map((e) => e.slug)).toEqual([debugRust.slug]);
    expect((await search(word, { filters: { tags: [tag], category: "debug" } })).entries.map((e) => e.slug)).toEqual([
      debugRust.slug,
    ]);
    expect((await search(`${word} language:rust`, { filters: { tags: [], category: "debug" } })).total).toBe(1);
    expect((await search(word)).total).toBe(3); // archived entries are not listed
    expect((await search(`${word} status:archived`)).entries.map((e) => e.slug)).toEqual([archived.slug]);
    expect((await search(`${word} status:all`)).total).toBe(4);
    // A bracketed word that is not a tag is a word, so pasted "[ERROR]" lines still find things.
    expect((await search(`[${word}]`)).total).toBe(3);
    // Only filters: the browse list.
    expect((await search(`[${tag}]`, { filters: { tags: [], status: "all" } })).total).toBe(3);
  });

  it("pages and sorts like the browse list", async () => {
    const word = uniqueWord();
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await createEntry({
          db,
          content: sampleContent({ title: `Paging ${word} number ${i}` }),
          authorId: null,
          status: "approved",
          createdAt: new Date(Date.UTC(2021, 0, 1 + i)),
        }),
      );
    }
    const pages = await Promise.all([1, 2, 3].map((page) => search(word, { sort: "newest", page, pageSize: 2 })));
    expect(pages.map((page) => page.entries.map((e) => e.slug))).toEqual([
      [created[4]!.slug, created[3]!.slug],
      [created[2]!.slug, created[1]!.slug],
      [created[0]!.slug],
    ]);
    expect(pages[0]).toMatchObject({ total: 5, pageCount: 3 });
  });

  it("follows changes of an entry's content and tags, and its deletion", async () => {
    const [oldWord, newWord, tagWord, errorWord] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    const { slug } = await createEntry({
      db,
      content: sampleContent({ title: `Before ${oldWord} rename` }),
      authorId: null,
      status: "approved",
    });
    const slugs = async (query: string) => (await search(query)).entries.map((entry) => entry.slug);
    expect(await slugs(oldWord)).toEqual([slug]);

    // The way a revision is applied: the entry's columns and its tags change.
    const message = `${errorWord}Exception: connection to /var/run/app.sock reset at line 12`;
    await db.entry.update({
      where: { slug },
      data: { title: `After ${newWord} rename`, gotchas: [`mind the ${newWord}`], errorMessages: [message] },
    });
    const tag = await db.tag.create({ data: { name: tagWord } });
    const entry = await db.entry.findUniqueOrThrow({ where: { slug } });
    await db.entryTag.create({ data: { entryId: entry.id, tagId: tag.id } });
    expect(await slugs(oldWord)).toEqual([]);
    expect(await slugs(newWord)).toEqual([slug]);
    expect(await slugs(tagWord)).toEqual([slug]);
    expect(
      (await search(message.replace("/var/run/app.sock", "/tmp/other.sock").replace("12", "99"))).entries[0],
    ).toMatchObject({ slug, exactErrorMatch: true });

    await db.entryTag.deleteMany({ where: { entryId: entry.id } });
    await db.entry.update({ where: { slug }, data: { errorMessages: [] } });
    expect(await slugs(tagWord)).toEqual([]);
    expect((await search(message)).entries.some((hit) => hit.exactErrorMatch)).toBe(false);

    await db.entry.delete({ where: { slug } });
    expect(await slugs(newWord)).toEqual([]);
  });

  it("ranks and counts only the newest matches when more match than the window", async () => {
    const word = uniqueWord();
    // The oldest entry ranks first when everything is ranked (a title match), but it falls outside a window of three.
    const oldest = await createEntry({
      db,
      content: sampleContent({ title: `All about ${word}` }),
      authorId: null,
      status: "approved",
      createdAt: new Date(Date.UTC(2020, 0, 1)),
    });
    const newer = [];
    for (let i = 0; i < 4; i++) {
      newer.push(
        await createEntry({
          db,
          content: sampleContent({ problem: `This mentions ${word} once.` }),
          authorId: null,
          status: "approved",
          createdAt: new Date(Date.UTC(2021, 0, 1 + i)),
        }),
      );
    }
    const all = await search(word);
    expect(all).toMatchObject({ total: 5, totalCapped: false });
    expect(all.entries[0]!.slug).toBe(oldest.slug);

    for (const sort of ["relevance", "newest", "top"] as const) {
      const windowed = await search(word, { rankWindow: 3, sort });
      expect(windowed).toMatchObject({ total: 3, totalCapped: true, pageCount: 1 });
      expect(windowed.entries.map((entry) => entry.slug).sort()).toEqual(
        newer
          .slice(1)
          .map((entry) => entry.slug)
          .sort(),
      );
    }
    const paged = await search(word, { rankWindow: 3, pageSize: 2, page: 2, sort: "newest" });
    expect(paged).toMatchObject({ total: 3, totalCapped: true, pageCount: 2 });
    expect(paged.entries.map((entry) => entry.slug)).toEqual([newer[1]!.slug]);
    expect((await search(word, { rankWindow: 3, pageSize: 2, page: 3 })).total).toBe(3); // past the end, still counted
  });

  it("follows an entry's status, category, language and tag names in its filters", async () => {
    const word = uniqueWord();
    const tag = await db.tag.create({ data: { name: `f-${word}` } });
    const { slug, id } = await createEntry({
      db,
      content: sampleContent({ title: `Facets ${word}`, category: "debug", language: "go" }),
      authorId: null,
      status: "approved",
    });
    await db.entryTag.create({ data: { entryId: id, tagId: tag.id } });
    expect((await search(`${word} category:debug language:go [f-${word}]`)).entries.map((entry) => entry.slug)).toEqual(
      [slug],
    );

    await db.entry.update({ where: { slug }, data: { status: "archived", category: "pattern", language: "rust" } });
    await db.tag.update({ where: { id: tag.id }, data: { name: `g-${word}` } });
    expect((await search(word)).total).toBe(0);
    expect((await search(`${word} status:archived category:debug`)).total).toBe(0);
    expect((await search(`${word} status:archived language:go`)).total).toBe(0);
    expect((await search(word, { filters: { tags: [`f-${word}`], status: "all" } })).total).toBe(0);
    expect(
      (await search(`${word} status:archived category:pattern language:rust [g-${word}]`)).entries.map(
        (entry) => entry.slug,
      ),
    ).toEqual([slug]);
    // Its content no longer matches its revisions: gone, so the export round trip (lib/porting) does not meet it.
    await db.entry.delete({ where: { slug } });
    await db.tag.delete({ where: { id: tag.id } });
  });

  it("answers any input without an error", async () => {
    const nasty = [
      '\'); DROP TABLE "Entry"; --',
      'NEAR(a b) AND OR NOT * ^ " :: [ ] ( ) { } -',
      '"unbalanced quote',
      "title:foo body:bar entryId:1 rank:2 {title body}: x",
      '%_\\\' OR 1=1 /* */ ; SELECT * FROM "User"',
      "\u0000\uE000\uE001 emoji 🐝 ünïcödé",
      "x".repeat(5000),
      Array.from({ length: 300 }, (_, i) => `term${i} "${i}" [${i}]`).join(" "),
      "Error: ENOENT: no such file or directory, open 'C:\\Users\\x\\a.json' at Object.openSync (node:fs:601:3)",
    ];
    for (const query of nasty) {
      const result = await search(query);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
  });

  it("lists related tags with the number of entries they share", async () => {
    const word = uniqueWord();
    const [main, often, once] = [`m-${word}`, `o-${word}`, `x-${word}`];
    await createEntry({
      db,
      content: sampleContent({ tags: [main, often, once] }),
      authorId: null,
      status: "approved",
    });
    await createEntry({ db, content: sampleContent({ tags: [main, often] }), authorId: null, status: "pending" });
    await createEntry({ db, content: sampleContent({ tags: [main, once] }), authorId: null, status: "rejected" });
    expect(await relatedTags({ db, name: main })).toEqual([
      { name: often, entryCount: 2 },
      { name: once, entryCount: 1 },
    ]);
  });
});
