// Serves the browse views that everyone sees alike from cached pages: /?…, /tags/<tag>?… and
// /search?… are rewritten to /views/…/<key> (lib/entries/view-keys.ts), pages that Next caches
// and revalidates like entry pages. Views that differ per visitor (private statuses, "all"), and
// tag addresses in another spelling (which the tag page redirects), go to the dynamic pages.
import { type NextRequest, NextResponse } from "next/server";
import { parseBrowseState } from "@/lib/entries/browse-params";
import { cachedViewKey, paramsRecord } from "@/lib/entries/view-keys";
import { tagFromSegment, tagPath } from "@/lib/tags/names";

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  // The cached pages have one address each: the public one.
  if (pathname.startsWith("/views/")) return new NextResponse("Not found", { status: 404 });

  const search = pathname === "/search";
  const key = cachedViewKey(parseBrowseState(paramsRecord(searchParams), { search }));
  if (key === null) return NextResponse.next();
  let target: string;
  if (pathname === "/") target = `/views/home/${key}`;
  else if (search) target = `/views/search/${key}`;
  else {
    const segment = pathname.slice("/tags/".length);
    if (tagPath(tagFromSegment(segment)) !== pathname) return NextResponse.next();
    target = `/views/tags/${segment}/${key}`;
  }
  // A clone of nextUrl keeps the rewrite internal (a URL of another origin would be proxied).
  const url = request.nextUrl.clone();
  url.pathname = target;
  // Client navigations mark their requests with _rsc; keep it for Next.
  const rsc = searchParams.get("_rsc");
  url.search = rsc === null ? "" : `?_rsc=${encodeURIComponent(rsc)}`;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ["/", "/search", "/tags/:tag", "/views/:path*"] };
