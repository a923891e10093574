// What to take out of Next's page cache when entries change. Entry pages and the browse views
// everyone shares (app/views, served through proxy.ts) are cached pages; a change clears them
// on the server that made it at once, and on other app servers within their `revalidate`
// (300 s), since each server keeps its own cache.
import "server-only";
import { revalidatePath } from "next/cache";

/** The cached lists: every view of the home page, the tag pages and searches, and /tags. */
function revalidateLists(): void {
  revalidatePath("/views/home/[view]", "page");
  revalidatePath("/views/tags/[tag]/[view]", "page");
  revalidatePath("/views/search/[view]", "page");
  revalidatePath("/tags");
}

/** An entry changed (content, status, tags or score): its pages and every list it may be on. */
export function revalidateEntry(slug: string): void {
  revalidatePath(`/entries/${slug}`);
  revalidatePath(`/entries/${slug}/history`);
  revalidateLists();
}
