// Next's page cache (its `cacheHandler`) in Redis, shared by every app server; next.config.js
// uses it when REDIS_URL is set. A page is stored with the tags Next gives it; revalidating a tag
// records the time in a Redis hash, and a page older than one of its tags' times is a miss.
//
// Redis must never fail or hold up a request: every command gives up after 500 ms (a read then
// counts as a miss), and commands fail at once while the connection is down. Meanwhile each
// server keeps pages in memory as it does without Redis, and records the tags it revalidates;
// when Redis is back, those tags are written there and the memory copies dropped, since other
// servers' changes did not reach them. The log says once that Redis is gone and once that it is back.
// Pages are dated by the start of their render (lib/cache/render-start.cjs).
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { createClient, RESP_TYPES } from "@redis/client";
import { LRUCache } from "lru-cache";
import renderStart from "./render-start.cjs";

const TIMEOUT_MS = 500;
const SHARED_PAGE_CACHE = Symbol.for("hivebrain.sharedPageCache");

function log(message) {
  console.warn(`${new Date().toISOString()} ${message}`);
}

/** The operation's result, or `fallback` if it fails or takes longer than TIMEOUT_MS. */
function within(operation, fallback) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(fallback), TIMEOUT_MS);
  });
  return Promise.race([operation.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

/** The tags of a page or route are in its headers; fetches get theirs from the context. */
function tagsOf(data, ctx) {
  const header = data?.headers?.["x-next-cache-tags"];
  return [...(ctx.tags ?? []), ...(typeof header === "string" ? header.split(",") : [])];
}

/** Roughly the bytes a cached value holds, for the memory cache's limit. */
function sizeOf({ value }) {
  let size = 1024 + (value?.html?.length ?? 0) + (value?.rscData?.length ?? 0) + (value?.body?.length ?? 0);
  for (const segment of value?.segmentData?.values() ?? []) size += segment.length;
  return size;
}

function createStore(serverDistDir) {
  // Servers of one build share pages; a new build starts with an empty cache.
  const buildId = fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  const prefix = `hivebrain:${buildId}:`;
  const tagTimesKey = `${prefix}tags`;
  const memory = new LRUCache({ maxSize: 512 * 1024 * 1024, sizeCalculation: sizeOf });
  /** Tags revalidated here that Redis may not have yet, and when. */
  const pendingTags = new Map();
  const store = { status: "connecting" };

  const client = createClient({
    url: process.env.REDIS_URL,
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });

  client.on("error", (error) => {
    if (store.status === "down") return;
    store.status = "down";
    memory.clear();
    log(`Shared page cache (Redis) unavailable: ${error.message}; this server caches its own pages until it is back`);
  });
  client.on("ready", async () => {
    const wasDown = store.status === "down";
    if (pendingTags.size > 0) await writeTagTimes(new Map(pendingTags));
    memory.clear();
    store.status = "up";
    log(`Shared page cache (Redis) ${wasDown ? "available again" : "connected"}`);
  });
  // A failed first connection is retried like a lost one (reconnectStrategy); 'error' logs it.
  client.connect().catch(() => {});

  async function writeTagTimes(times) {
    const written = await within(
      client.hSet(tagTimesKey, Object.fromEntries([...times].map(([tag, time]) => [tag, String(time)]))),
      null,
    );
    if (written === null) return;
    for (const [tag, time] of times) if (pendingTags.get(tag) === time) pendingTags.delete(tag);
  }

  /** Whether a tag of the entry was revalidated after its render started (the same millisecond counts). */
  async function isRevalidated(entry, extraTags) {
    const tags = [...entry.tags, ...extraTags];
    if (tags.some((tag) => (pendingTags.get(tag) ?? -1) >= entry.lastModified)) return true;
    if (store.status !== "up" || tags.length === 0) return false;
    const times = await within(client.hmGet(tagTimesKey, tags), null);
    // Unable to tell: render afresh rather than risk an old page.
    if (times === null) return true;
    return times.some((time) => time !== null && Number(time) >= entry.lastModified);
  }

  return {
    store,
    async get(key, ctx) {
      const lookedUpAt = Date.now();
      let entry = memory.get(key);
      if (!entry && store.status === "up") {
        const stored = await within(client.get(prefix + key), null);
        entry = stored && v8.deserialize(stored);
      }
      if (entry && (await isRevalidated(entry, [...(ctx.tags ?? []), ...(ctx.softTags ?? [])]))) entry = null;
      renderStart.noteLookup(key, lookedUpAt, !entry || renderStart.isPastRevalidate(entry, lookedUpAt));
      return entry ?? null;
    },
    async set(key, data, ctx) {
      const lastModified = renderStart.takeRenderStart(key) ?? Date.now();
      const entry = { value: data, lastModified, tags: tagsOf(data, ctx), cacheControl: ctx.cacheControl };
      if (store.status !== "up") {
        memory.set(key, entry);
        return;
      }
      const expire = ctx.cacheControl?.expire;
      const options = typeof expire === "number" ? { expiration: { type: "EX", value: expire } } : undefined;
      await within(client.set(prefix + key, v8.serialize(entry), options));
    },
    async revalidateTags(tags) {
      const now = Date.now();
      const times = new Map([tags].flat().map((tag) => [tag, now]));
      for (const [tag, time] of times) pendingTags.set(tag, time);
      if (store.status === "up") await writeTagTimes(times);
    },
  };
}

/** One store per process: Next constructs a cache handler for every request. */
let store;

export default class RedisCacheHandler {
  constructor({ serverDistDir }) {
    if (!store) {
      store = createStore(serverDistDir);
      // lib/page-cache.ts revalidates through it before a change's response is sent.
      globalThis[SHARED_PAGE_CACHE] = { revalidateTags: store.revalidateTags };
    }
  }

  get(key, ctx) {
    return store.get(key, ctx);
  }

  set(key, data, ctx) {
    return store.set(key, data, ctx);
  }

  revalidateTag(tags) {
    return store.revalidateTags(tags);
  }

  resetRequestCache() {}
}
