// Next's page cache on one server (next.config.js `cacheHandler` without REDIS_URL): Next's own
// file-system cache, with pages dated by the start of their render (lib/cache/render-start.cjs).
// Next's cache cannot be told a page's date, so this handler keeps it and refuses a page when one
// of its tags was revalidated at or after it.
//
// CommonJS because Next loads the handler with require() at run time, outside the bundle.
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { isPastRevalidate, noteLookup, setBounded, takeRenderStart } = require("./render-start.cjs");

// Module state, not the handler's: Next makes a handler per request.
/** Cache key → when the render of the stored page started. */
const renderStartedAt = new Map();
/** Tag → when it was last revalidated. */
const tagRevalidatedAt = new Map();

function tagsOf(data) {
  const header = data?.value?.headers?.["x-next-cache-tags"];
  return typeof header === "string" && header !== "" ? header.split(",") : [];
}

// A revalidation in the same millisecond as the render's start counts as after it: one more
// render at worst, never an old page.
function revalidatedSince(tags, time) {
  return tags.some((tag) => (tagRevalidatedAt.get(tag) ?? -1) >= time);
}

class PageCacheHandler {
  constructor(options) {
    this.cache = new FileSystemCache(options);
  }

  async get(key, context) {
    const lookedUpAt = Date.now();
    let data = await this.cache.get(key, context);
    const renderedAt = renderStartedAt.get(key);
    if (data && renderedAt !== undefined && revalidatedSince(tagsOf(data), renderedAt)) data = null;
    noteLookup(key, lookedUpAt, !data || isPastRevalidate(data, lookedUpAt));
    return data;
  }

  async set(key, data, context) {
    const startedAt = takeRenderStart(key);
    if (startedAt === undefined) renderStartedAt.delete(key);
    else setBounded(renderStartedAt, key, startedAt);
    return this.cache.set(key, data, context);
  }

  async revalidateTag(tags, durations) {
    const now = Date.now();
    for (const tag of typeof tags === "string" ? [tags] : tags) setBounded(tagRevalidatedAt, tag, now);
    return this.cache.revalidateTag(tags, durations);
  }

  resetRequestCache() {
    this.cache.resetRequestCache();
  }
}

module.exports = PageCacheHandler;
