// The page cache handler against Next's own file-system cache (in memory, as `next start` runs
// it): a page rendered across a revalidation must not be served as fresh.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const PageCacheHandler = require("./page-cache-handler.cjs");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js");

type Handler = {
  get(key: string, context: object): Promise<{ value: { html: string } } | null>;
  set(key: string, data: object, context: object): Promise<void>;
  revalidateTag(tags: string[]): Promise<void>;
};

const options = () => ({
  fs: nodeFs,
  serverDistDir: mkdtempSync(path.join(tmpdir(), "page-cache-")),
  flushToDisk: false,
  maxMemoryCacheSize: 10 * 1024 * 1024,
  revalidatedTags: [],
});
const lookup = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const store = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 300 } };

let keys = 0;
/** A page of its own (Next's memory cache is shared by every handler in the process). */
function uniquePage() {
  keys += 1;
  const tag = `_N_T_/views/test-${keys}-${Date.now()}`;
  const page = (html: string) => ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": `_N_T_/layout,${tag}` },
    status: 200,
    postponed: undefined,
    segmentData: undefined,
  });
  return { key: `/views/test-${keys}`, tag, page };
}

/** A render that looks the page up, reads old rows, and is stored after a write revalidated it. */
async function renderAcrossRevalidation(handler: Handler) {
  const { key, tag, page } = uniquePage();
  expect(await handler.get(key, lookup)).toBeNull();
  await sleep(2);
  await handler.revalidateTag([tag]);
  await sleep(2);
  await handler.set(key, page("rendered from the rows before the write"), store);
  return { key, tag, page };
}

describe("page cache handler", () => {
  it("Next's own cache serves a page rendered across a revalidation as fresh (the bug)", async () => {
    const handler: Handler = new FileSystemCache(options());
    const { key } = await renderAcrossRevalidation(handler);
    expect((await handler.get(key, lookup))?.value.html).toBe("rendered from the rows before the write");
  });

  it("refuses a page whose render started before a revalidation of one of its tags", async () => {
    const handler: Handler = new PageCacheHandler(options());
    const { key, page } = await renderAcrossRevalidation(handler);
    expect(await handler.get(key, lookup)).toBeNull();

    // The render that follows started after the write: it is served.
    await sleep(2);
    await handler.set(key, page("rendered from the rows after the write"), store);
    expect((await handler.get(key, lookup))?.value.html).toBe("rendered from the rows after the write");
    expect((await handler.get(key, lookup))?.value.html).toBe("rendered from the rows after the write");
  });

  it("serves pages as Next does when nothing was revalidated during their render", async () => {
    const handler: Handler = new PageCacheHandler(options());
    const { key, tag, page } = uniquePage();
    expect(await handler.get(key, lookup)).toBeNull();
    await handler.set(key, page("first"), store);
    expect((await handler.get(key, lookup))?.value.html).toBe("first");

    // A revalidation after the page was stored clears it, as in Next.
    await sleep(2);
    await handler.revalidateTag([tag]);
    await sleep(2);
    expect(await handler.get(key, lookup)).toBeNull();
    await sleep(2);
    await handler.set(key, page("second"), store);
    expect((await handler.get(key, lookup))?.value.html).toBe("second");
  });

  it("keeps its dates across handlers, since Next makes one per request", async () => {
    const { key, tag, page } = uniquePage();
    expect(await new PageCacheHandler(options()).get(key, lookup)).toBeNull();
    await sleep(2);
    await new PageCacheHandler(options()).revalidateTag([tag]);
    await sleep(2);
    await new PageCacheHandler(options()).set(key, page("stale"), store);
    expect(await new PageCacheHandler(options()).get(key, lookup)).toBeNull();
  });
});
