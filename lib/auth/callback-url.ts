// Where to send someone after signing in or up. The value comes from the URL, so an attacker
// chooses it: only a place on this site may come out.

/** Stands in for the site's origin where the caller does not know it (a server component). */
const PLACEHOLDER_ORIGIN = "https://hivebrain.invalid";

/**
 * The callback as a same-site path ("/x?y#z"), or "/" for anything that leaves the site.
 * The value is resolved by the URL parser exactly as the browser's router and next-auth will
 * resolve it, so its quirks cannot slip past a string check: tabs and newlines are dropped
 * ("/\t/evil.example" is "//evil.example"), a backslash counts as a slash ("/\evil.example"),
 * and "//host" names another host. Only a result on `origin` is accepted, and what is returned
 * is the parser's normalized path, never the raw text.
 */
export function safeCallbackUrl(value: string | string[] | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  // "/.//evil.example" is same-origin but normalizes to "//evil.example", which a later
  // resolution would read as another host.
  if (url.origin !== base.origin || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
