// When the render of a page began, for the page cache handlers (lib/cache/*-cache-handler.*).
//
// Next dates a cached page by when it was stored, and serves it while every tag it carries was
// revalidated before that date. A render that started before a write and finished after it (a
// prefetch while someone votes) read the old rows yet is dated after the write's revalidation,
// so it would be served for the whole revalidate period. The handlers date pages by the start of
// their render instead: the first cache lookup that found the page missing or past its time,
// since Next renders and calls set() after such a lookup.
//
// Module state, not the handler's: Next makes a handler per request.
const MAX_TRACKED = 20_000;
/** Cache key → when the lookup that is rendering it anew happened. */
const lookupStartedAt = new Map();

/** Sets a key of a Map that forgets its oldest entries past MAX_TRACKED. */
function setBounded(map, key, value) {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_TRACKED) map.delete(map.keys().next().value);
}

/** Records a lookup of `key` at `time`; `rendersNext` when it missed or found the page past its time. */
function noteLookup(key, time, rendersNext) {
  if (!rendersNext) lookupStartedAt.delete(key);
  // Lookups whose render never stored anything (an error, say) are forgotten oldest first.
  else if (!lookupStartedAt.has(key)) setBounded(lookupStartedAt, key, time);
}

/** When the render now storing `key` started, if a lookup of it was seen (and forgets it). */
function takeRenderStart(key) {
  const time = lookupStartedAt.get(key);
  lookupStartedAt.delete(key);
  return time;
}

/** Whether a cached page is past its revalidate time (Next then renders it again). */
function isPastRevalidate(entry, now) {
  const seconds = entry.cacheControl?.revalidate;
  return typeof seconds === "number" && entry.lastModified + seconds * 1000 <= now;
}

module.exports = { noteLookup, takeRenderStart, isPastRevalidate, setBounded };
