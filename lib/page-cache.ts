// What to take out of Next's page cache when entries change. Entry pages and the browse views
// everyone shares (app/views, served through proxy.ts) are cached pages. Alone, each server keeps
// its own cache: a change clears it on the server that made it at once, and on other app servers
// within their `revalidate` (300 s). With REDIS_URL, all servers share one cache
// (lib/cache/redis-cache-handler.mjs), cleared before the change's response is sent.
import "server-only";
import { revalidatePath } from "next/cache";

/** Set by lib/cache/redis-cache-handler.mjs when the page cache is shared. */
const SHARED_PAGE_CACHE = Symbol.for("hivebrain.sharedPageCache");
type SharedPageCache = { revalidateTags(tags: string[]): Promise<void> };

/** The cached lists: every view of the home page, the tag pages and searches, and /tags. */
const LISTS: [string, "page"?][] = [
  ["/views/home/[view]", "page"],
  ["/views/tags/[tag]/[view]", "page"],
  ["/views/search/[view]", "page"],
  ["/tags"],
];

/** An entry changed (content, status, tags or score): its pages and every list it may be on. */
export async function revalidateEntry(slug: string): Promise<void> {
  const paths: [string, "page"?][] = [[`/entries/${slug}`], [`/entries/${slug}/history`], ...LISTS];
  for (const [path, type] of paths) revalidatePath(path, type);
  // Next hands these to the cache handler but does not wait for it before answering (a
  // waitUntil), so Redis could learn of them after the next request to another server: write
  // them to the shared cache now, under the tags Next gives these paths (its implicit tags,
  // "_N_T_" + path [+ "/" + type]).
  const shared = (globalThis as { [SHARED_PAGE_CACHE]?: SharedPageCache })[SHARED_PAGE_CACHE];
  await shared?.revalidateTags(paths.map(([path, type]) => `_N_T_${path}${type ? `/${type}` : ""}`));
}
