import { describe, expect, it } from "vitest";
import { newVisitorCookie, visitorIdOf } from "@/lib/visitors";

describe("visitor cookies", () => {
  it("are random ids signed by this site", () => {
    const cookie = newVisitorCookie();
    const id = visitorIdOf(cookie);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(cookie.startsWith(`${id}.`)).toBe(true);
    expect(visitorIdOf(newVisitorCookie())).not.toBe(id);
  });

  it("are no visitor when missing, unsigned, or signed for another id", () => {
    const cookie = newVisitorCookie();
    const [id, signature] = cookie.split(".");
    for (const value of [
      undefined,
      "",
      id,
      `${id}.`,
      `.${signature}`,
      `${id}.${signature?.slice(1)}`,
      `${id?.replace(/^./, (c) => (c === "a" ? "b" : "a"))}.${signature}`,
      `${id}.${"A".repeat(signature?.length ?? 0)}`,
    ])
      expect(visitorIdOf(value), String(value)).toBeNull();
  });
});
