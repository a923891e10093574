import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/entries/visibility";
import { errorKey, normalizeErrorMessage } from "@/lib/search/error-key";
import { facetGroups, facetTerm, matchesNothing } from "@/lib/search/facets";
import { MAX_TELLING_WORDS, parseQuery, tellingWords } from "@/lib/search/parse-query";
import { facetTsQuery, tsQuery } from "@/lib/search/postgres";
import { fts5Query, fts5TextQuery } from "@/lib/search/sqlite";

describe("parseQuery", () => {
  it("reads tags, fields, phrases and words", () => {
    expect(
      parseQuery('[Python] [c++] category:debug language:Rust status:approved "race condition" deadlock threads'),
    ).toMatchObject({
      tags: ["python", "c++"],
      category: "debug",
      language: "rust",
      status: "approved",
      phrases: [["race", "condition"]],
      words: ["deadlock", "threads"],
      text: '"race condition" deadlock threads',
    });
    expect(parseQuery('status:all lang:go category:"gotcha"')).toMatchObject({
      status: "all",
      language: "go",
      category: "gotcha",
      words: [],
    });
  });

  it("treats unknown field values and malformed tags as words", () => {
    const parsed = parseQuery("category:nonsense status:500 [bad/tag]");
    expect(parsed).toMatchObject({ tags: [], words: ["category", "nonsense", "status", "500", "bad", "tag"] });
    expect([parsed.category, parsed.status]).toEqual([undefined, undefined]);
  });

  it("turns nasty input into plain terms", () => {
    expect(parseQuery('\'); DROP TABLE "Entry"; --').words).toEqual(["drop", "table", "entry"]);
    expect(parseQuery("NEAR(foo bar, 2) AND baz* ^qux OR -x:y {col}:z").words).toEqual([
      "near",
      "foo",
      "bar",
      "2",
      "baz",
      "qux",
      "x",
      "y",
      "col",
      "z",
    ]);
    expect(parseQuery('unbalanced "quote here').words).toEqual(["unbalanced", "quote", "here"]);
    expect(parseQuery('""').words).toEqual([]);
    expect(parseQuery("[] [ ] :: ]] [[").words).toEqual([]);
    const long = parseQuery(
      "word ".repeat(5000) + " ".repeat(10) + Array.from({ length: 100 }, (_, i) => `w${i}`).join(" "),
    );
    expect(long.raw.length).toBeLessThanOrEqual(2000);
    expect(long.words.length).toBeLessThanOrEqual(16);
  });

  it("drops stop words unless nothing else is left", () => {
    expect(parseQuery("the cost of the gil").words).toEqual(["cost", "gil"]);
    expect(parseQuery("to be or not").words).toEqual(["not"]);
    expect(parseQuery("to be or").words).toEqual(["to", "be", "or"]);
  });

  it("searches a long query by its longest words that are not numbers", () => {
    const words = parseQuery(
      "Error: ETIMEDOUT connect 10.0.0.12:5432 at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16) during checkout job",
    ).words;
    expect(words.length).toBeGreaterThan(MAX_TELLING_WORDS);
    expect(tellingWords(words)).toEqual([
      "error",
      "etimedout",
      "connect",
      "tcpconnectwrap",
      "afterconnect",
      "oncomplete",
      "during",
      "checkout",
    ]);
    expect(tellingWords(["12", "34"])).toEqual(["12", "34"]);
    expect(tellingWords(["a", "12"])).toEqual(["a"]);
  });

  it("leaves paths and line numbers out of a pasted error message's terms", () => {
    const parsed = parseQuery(
      `File "/home/ada/project/app/main.py", line 42, in <module> TypeError: 'NoneType' object is not subscriptable`,
    );
    expect(parsed.words).toEqual(["file", "line", "module", "typeerror", "nonetype", "object", "not", "subscriptable"]);
  });
});

const MODERATOR: Viewer = { id: "moderator-id", role: "moderator" };
const USER: Viewer = { id: "user-id", role: "user" };

describe("search backends' query text", () => {
  it("quotes every FTS5 term, so operators in the input are words", () => {
    const { words, phrases } = parseQuery('NEAR NOT "a AND b" * col:x^');
    expect(fts5TextQuery(words, phrases, "all")).toBe('("near" "not" "col" "x" "a and b")');
    expect(fts5Query(["x", "y"], [], "any", { tags: [], status: "all" }, MODERATOR)).toBe('("x" OR "y")');
  });

  it("turns filters into facet terms of letters and digits only, one group per filter", () => {
    expect(facetTerm("tag", "c++")).toBe("zt632b2b0");
    expect(facetTerm("tag", "c#")).not.toBe(facetTerm("tag", "c++"));
    expect(facetGroups({ tags: ["next.js"], category: "debug" }, null)).toEqual([
      [facetTerm("status", "approved"), facetTerm("status", "pending")],
      [facetTerm("category", "debug")],
      [facetTerm("tag", "next.js")],
    ]);
    expect(fts5Query(["x"], [], "all", { tags: ["a"], status: "archived" }, null)).toBe(
      `("x") AND facets : ("${facetTerm("status", "archived")}") AND facets : ("${facetTerm("tag", "a")}")`,
    );
    expect(facetTsQuery({ tags: [], status: "all" }, MODERATOR)).toBeNull();
    expect(facetTsQuery({ tags: ["a"] }, null)).toMatch(/^\('zs[0-9a-f]+0' \| 'zs[0-9a-f]+0'\) & \('zt610'\)$/);
  });

  it("asks the index only for statuses the viewer may see", () => {
    const statuses = (filters: { status?: "rejected" | "all" }, viewer: Viewer) =>
      facetGroups({ tags: [], ...filters }, viewer)[0];
    const terms = (...names: string[]) => names.map((name) => facetTerm("status", name));
    expect(statuses({ status: "all" }, null)).toEqual(terms("pending", "approved", "archived"));
    expect(statuses({ status: "rejected" }, null)).toEqual([]);
    expect(matchesNothing({ tags: [], status: "rejected" }, null)).toBe(true);
    // A user's own rejected entries are found; the backends leave out the others' (statusScope).
    expect(statuses({ status: "rejected" }, USER)).toEqual(terms("rejected"));
    expect(matchesNothing({ tags: [], status: "rejected" }, USER)).toBe(false);
    expect(statuses({ status: "all" }, USER)).toBeUndefined();
    expect(statuses({ status: "rejected" }, MODERATOR)).toEqual(terms("rejected"));
    expect(statuses({}, null)).toEqual(terms("approved", "pending"));
  });

  it("hands PostgreSQL the terms as parameters only", () => {
    const sql = tsQuery(["drop", "table"], [["race", "condition"]], "all");
    expect(sql.values).toEqual(["drop table", "race condition"]);
    expect(sql.sql).not.toMatch(/drop|race/);
  });
});

describe("error message keys", () => {
  const recorded = `Traceback: File "/home/ada/app/main.py", line 42, in <module>\n  TypeError: 'NoneType' object is not subscriptable (at 0x7f3a2c)`;

  it("ignore paths, line numbers, addresses, quotes, case and spacing", () => {
    const pasted = `traceback: File 'C:\\Users\\bob\\work\\main.py', line 7, in <module> TypeError: "NoneType" object is not subscriptable (at 0x55d0)`;
    expect(normalizeErrorMessage(pasted)).toBe(normalizeErrorMessage(recorded));
    expect(errorKey(pasted)).toBe(errorKey(recorded));
    expect(errorKey("at Object.<anonymous> (/srv/app/index.js:10:5) ReferenceError: x is not defined")).toBe(
      errorKey("at Object.<anonymous> (./src/index.js:99:1) ReferenceError: `x` is not defined"),
    );
  });

  it("still tell different messages apart", () => {
    expect(errorKey(recorded)).not.toBe(errorKey(recorded.replace("NoneType", "int")));
    expect(errorKey("x")).toBeNull();
  });
});
