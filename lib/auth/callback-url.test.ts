import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const SITE = "http://127.0.0.1:3100";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/entries/x?y=1#z")).toBe("/entries/x?y=1#z");
    expect(safeCallbackUrl("/review", SITE)).toBe("/review");
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/a");
    // Encoded slashes and backslashes stay encoded: a path on this site, not another host.
    expect(safeCallbackUrl("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(safeCallbackUrl("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("accepts an absolute URL on the site's own origin and returns its path", () => {
    expect(safeCallbackUrl(`${SITE}/entries/x?y=1`, SITE)).toBe("/entries/x?y=1");
    expect(safeCallbackUrl("http://127.0.0.1:3101/x", SITE)).toBe("/");
    expect(safeCallbackUrl("https://127.0.0.1:3100/x", SITE)).toBe("/");
  });

  it.each([
    ["tab inside a protocol-relative URL", "/\t/evil.example/phish"],
    ["newline inside a protocol-relative URL", "/\n/evil.example/phish"],
    ["carriage return", "/\r/evil.example"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["absolute foreign URL", "https://evil.example/"],
    ["absolute foreign URL with our path", "https://evil.example/entries/x"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: in capitals, with a tab", "JavaScript\t:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["dot segment collapsing into //", "/.//evil.example"],
    ["dot-dot segment collapsing into //", "/a/..//evil.example"],
    ["dot segment and backslash", "/./\\evil.example"],
    ["leading space before //", " //evil.example"],
    ["credentials trick", "https://127.0.0.1:3100@evil.example/"],
    ["empty", ""],
    ["missing", undefined],
  ])("sends %s home", (_, value) => {
    expect(safeCallbackUrl(value)).toBe("/");
    expect(safeCallbackUrl(value, SITE)).toBe("/");
  });

  it("drops tabs and newlines from a same-site path instead of passing them on", () => {
    expect(safeCallbackUrl("/entries/\nx?q=a\tb")).toBe("/entries/x?q=ab");
  });

  it("answers '/' for an unparsable origin rather than throwing", () => {
    expect(safeCallbackUrl("/x", "not a url")).toBe("/");
  });
});
