import { describe, expect, it } from "vitest";
import { browseQuery, hasFilters, parseBrowseState, withFilters } from "@/lib/entries/browse-params";

describe("parseBrowseState", () => {
  it("reads every filter, the sort and the page", () => {
    const state = parseBrowseState({
      category: "gotcha",
      language: "Python",
      status: "archived",
      tag: ["GIL", "c++"],
      sort: "top",
      page: "3",
    });
    expect(state).toEqual({
      filters: { category: "gotcha", language: "python", status: "archived", tags: ["gil", "c++"] },
      sort: "top",
      page: 3,
    });
  });

  it("ignores unknown values instead of failing", () => {
    const state = parseBrowseState({
      category: "recipe",
      status: "deleted",
      sort: "random",
      page: "-2",
      tag: ["bad/tag", ""],
    });
    expect(state).toEqual({
      filters: { category: undefined, language: undefined, status: undefined, tags: [] },
      sort: "newest",
      page: 1,
    });
  });

  it("accepts status=all and caps absurd page numbers", () => {
    const state = parseBrowseState({ status: "all", page: "999999999" });
    expect(state.filters.status).toBe("all");
    expect(state.page).toBe(10_000);
  });
});

describe("browseQuery", () => {
  it("round-trips through the URL and leaves defaults out", () => {
    const state = parseBrowseState({ language: "go", tag: ["concurrent.futures", "c#"], sort: "views", page: "2" });
    const query = browseQuery(state);
    expect(query).toBe("?language=go&tag=concurrent.futures&tag=c%23&sort=views&page=2");
    expect(parseBrowseState(Object.fromEntries(groupParams(new URLSearchParams(query))))).toEqual(state);
    expect(browseQuery(parseBrowseState({}))).toBe("");
  });

  it("returns to page 1 when a filter changes", () => {
    const state = parseBrowseState({ page: "4" });
    expect(withFilters(state, { category: "debug" }).page).toBe(1);
    expect(hasFilters(withFilters(state, { category: "debug" }).filters)).toBe(true);
    expect(hasFilters(state.filters)).toBe(false);
  });
});

function groupParams(params: URLSearchParams): [string, string[]][] {
  const keys = [...new Set(params.keys())];
  return keys.map((key) => [key, params.getAll(key)]);
}
