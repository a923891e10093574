import { describe, expect, it } from "vitest";
import { parseBrowseState } from "@/lib/entries/browse-params";
import {
  cachedViewKey,
  isSharedView,
  MAX_VIEW_KEY_LENGTH,
  paramsRecord,
  stateFromViewKey,
} from "@/lib/entries/view-keys";

const stateOf = (query: string, search = false) =>
  parseBrowseState(paramsRecord(new URLSearchParams(query)), { search });

describe("view keys", () => {
  it("share every view but the private statuses and 'all'", () => {
    for (const query of ["", "status=approved", "status=pending", "status=archived", "tag=gil&sort=top"])
      expect(isSharedView(stateOf(query)), query).toBe(true);
    for (const query of ["status=rejected", "status=all"]) {
      expect(isSharedView(stateOf(query)), query).toBe(false);
      expect(cachedViewKey(stateOf(query)), query).toBeNull();
    }
  });

  it("give one key to every spelling of a view, and read it back", () => {
    const key = cachedViewKey(stateOf("tag=GIL&language=Python&sort=top&page=2&utm_source=x"));
    expect(key).toBe(cachedViewKey(stateOf("page=2&sort=top&language=python&tag=gil")));
    expect(key).toMatch(/^[\w-]+$/);
    expect(stateFromViewKey(key as string)).toEqual(stateOf("language=python&tag=gil&sort=top&page=2"));
    // The defaults are left out: the plain home page and its explicit first page are one view.
    expect(cachedViewKey(stateOf(""))).toBe("default");
    expect(cachedViewKey(stateOf("page=1&sort=newest"))).toBe("default");
    expect(stateFromViewKey("default")).toEqual(stateOf(""));
  });

  it("leave searches that ask for a private status in their query to each visitor", () => {
    expect(isSharedView(stateOf("q=pool+status:all", true))).toBe(false);
    expect(isSharedView(stateOf("q=pool+status:rejected&status=approved", true))).toBe(false);
    expect(isSharedView(stateOf("q=pool+status:approved&status=all", true))).toBe(true);
    // Outside search the words are not a query.
    expect(isSharedView(stateOf("q=status:all"))).toBe(true);
  });

  it("keep the search query, so that each search is its own view", () => {
    const key = cachedViewKey(stateOf("q=thread+pool", true)) as string;
    expect(key).not.toBe(cachedViewKey(stateOf("q=process+pool", true)));
    expect(stateFromViewKey(key, { search: true })?.q).toBe("thread pool");
  });

  it("refuse keys that are not the canonical key of their view", () => {
    const encode = (query: string) => Buffer.from(query).toString("base64url");
    expect(stateFromViewKey(encode("tag=gil"))).not.toBeNull();
    expect(stateFromViewKey(encode("tag=GIL"))).toBeNull();
    expect(stateFromViewKey(encode("sort=newest"))).toBeNull();
    expect(stateFromViewKey(encode("status=rejected"))).toBeNull();
    expect(stateFromViewKey("not a key")).toBeNull();
    expect(stateFromViewKey("x".repeat(MAX_VIEW_KEY_LENGTH + 1))).toBeNull();
  });

  it("render views too long for a key per request", () => {
    const long = stateOf(`q=${"word ".repeat(100)}`, true);
    expect(cachedViewKey(long)).toBeNull();
  });
});
