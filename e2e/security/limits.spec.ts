// Content any author may store must not let one request hold up every other: comparing the
// largest revisions the limits allow, rendering deeply nested Markdown, previewing. Each timing
// test asks the server for something cheap (GET /api/v1/tags) again and again while the
// expensive request is in flight: a request that held the event loop for seconds makes one of
// them wait that long.
import { type Browser, expect, test } from "@playwright/test";
import { createDb, type Db } from "@/lib/db";
import {
  BODY_MAX,
  type EntryContentInput,
  LIST_ITEM_MAX,
  LIST_MAX_ITEMS,
  TITLE_MAX,
  TOTAL_CONTENT_MAX,
} from "@/lib/entries/schema";
import { revisionSnapshot } from "@/lib/revisions/snapshots";
import { validEntry } from "../api/support";
import { addEntry, uniqueName } from "../support/data";
import { test as withDb } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";
import { withOwnServer } from "./support";

/** Slower than this, a cheap request sent meanwhile means the server was stalled. */
const STALL_MS = 1_000;

/** Text of exactly `length` characters: one-letter words, so two letters share no word at all. */
function words(letter: string, length: number): string {
  return `${letter} `
    .repeat(Math.ceil(length / 2))
    .slice(0, length)
    .trimEnd()
    .padEnd(length, letter);
}

/** The largest content the limits allow, every word `letter`. */
function largestContent(letter: string, title: string): EntryContentInput & { problem: string } {
  let left = TOTAL_CONTENT_MAX - TITLE_MAX;
  const take = (max: number) => {
    const length = Math.min(max, left);
    left -= length;
    return length > 0 ? words(letter, length) : "";
  };
  const [problem, solution, why, context] = [take(BODY_MAX), take(BODY_MAX), take(BODY_MAX), take(BODY_MAX)];
  const list = () => Array.from({ length: LIST_MAX_ITEMS }, () => take(LIST_ITEM_MAX)).filter(Boolean);
  return {
    title: `${title} ${words(letter, TITLE_MAX)}`.slice(0, TITLE_MAX),
    category: "pattern",
    language: null,
    framework: null,
    severity: "minor",
    tags: ["limits"],
    problem: problem || "x",
    solution: solution || "x",
    why,
    context,
    gotchas: list(),
    errorMessages: list(),
  };
}

async function timedGet(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

/**
 * Fetches `url` and, until it answers, `probe` one request after another; answers the page and
 * the slowest probe (at least two probes are sent, so one of them overlaps the page's work).
 */
async function whileLoading(url: string, probe: string, headers: Record<string, string> = {}) {
  let done = false;
  const page = timedGet(url, headers).finally(() => {
    done = true;
  });
  const probes: number[] = [];
  while (!done || probes.length < 2) probes.push((await timedGet(probe)).ms);
  return { page: await page, probes, slowest: Math.max(...probes) };
}

/** Adds revisions to an entry straight in the database, as the revise action stores them. */
async function addRevision(
  db: Db,
  entryId: string,
  number: number,
  content: EntryContentInput,
  extra: { status: "accepted" | "pending"; baseRevisionId?: string },
) {
  const { entryContentSchema } = await import("@/lib/entries/schema");
  return db.revision.create({
    data: {
      entryId,
      number,
      summary: `Rewrite ${number}`,
      ...revisionSnapshot(entryContentSchema.parse(content)),
      ...extra,
    },
  });
}

/** Loads each page once first, so that what is measured is the work, not a route's first load. */
async function warmUp(base: string, paths: string[], headers: Record<string, string> = {}) {
  for (const path of paths) await timedGet(`${base}${path}`, headers);
}

test.describe("on servers of their own", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "sqlite", "runs once, on servers of its own");
    test.setTimeout(240_000);
  });

  test("the history page compares the largest revisions the limits allow without stalling other requests", async ({}, testInfo) => {
    await withOwnServer(testInfo, { offset: 8, env: {} }, async (port, databaseUrl) => {
      const db = createDb(databaseUrl);
      try {
        const base = `http://127.0.0.1:${port}`;
        const before = largestContent("a", "Largest before");
        const after = largestContent("b", "Largest after");
        const entry = await addEntry(db, before);
        await addRevision(db, entry.id, 1, after, { status: "accepted" });
        await warmUp(base, ["/api/v1/tags", `/entries/${entry.slug}/history?from=0&to=1`]);

        const { page, slowest, probes } = await whileLoading(
          `${base}/entries/${entry.slug}/history?from=0&to=1`,
          `${base}/api/v1/tags`,
        );
        const timing = `history ${page.ms.toFixed(0)} ms; ${probes.length} probes, slowest ${slowest.toFixed(0)} ms`;
        testInfo.annotations.push({ type: "timing", description: timing });
        console.log(timing);
        expect(page.status).toBe(200);
        expect(slowest).toBeLessThan(STALL_MS);
        // The page says that it compared more coarsely, and still shows both texts.
        expect(page.body).toContain("Too many changes to compare");
        expect(page.body).toContain(before.problem.slice(0, 200));
        expect(page.body).toContain(after.problem.slice(0, 200));
      } finally {
        await db.$disconnect();
      }
    });
  });

  test("the review queue full of the largest revisions does not stall other requests", async ({
    browser,
  }, testInfo) => {
    await withOwnServer(testInfo, { offset: 9, env: {} }, async (port, databaseUrl) => {
      const db = createDb(databaseUrl);
      try {
        const base = `http://127.0.0.1:${port}`;
        const before = largestContent("a", "Queue before");
        const after = largestContent("b", "Queue after");
        // More than a full queue: 50 proposed rewrites and 50 new entries, all as large as allowed.
        const entry = await addEntry(db, before);
        const original = await db.revision.findFirstOrThrow({ where: { entryId: entry.id, number: 0 } });
        for (let number = 1; number <= 50; number++)
          await addRevision(db, entry.id, number, after, { status: "pending", baseRevisionId: original.id });
        for (let i = 0; i < 50; i++)
          await addEntry(db, { ...after, title: `${i} ${after.title}`.slice(0, TITLE_MAX), status: "pending" });

        const cookie = await moderatorCookie(browser, base, db);
        await warmUp(base, ["/api/v1/tags", "/review"], { cookie });
        const { page, slowest, probes } = await whileLoading(`${base}/review`, `${base}/api/v1/tags`, { cookie });
        const timing = `review ${page.ms.toFixed(0)} ms, ${(page.body.length / 1e6).toFixed(1)} MB; ${probes.length} probes, slowest ${slowest.toFixed(0)} ms`;
        testInfo.annotations.push({ type: "timing", description: timing });
        console.log(timing);
        expect(page.status).toBe(200);
        expect(page.body).toContain("Review queue");
        expect(page.body).toContain("Too many changes to compare");
        // Each item shows part of its changes, and the page as a whole a bounded amount.
        expect(page.body).toContain("more characters of these changes are not shown here");
        expect(page.body.length).toBeLessThan(2_000_000);
        expect(slowest).toBeLessThan(STALL_MS);
      } finally {
        await db.$disconnect();
      }
    });
  });

  test("the live preview is limited per address before it renders, and its output is capped", async ({
    browser,
  }, testInfo) => {
    await withOwnServer(testInfo, { offset: 7, env: { PREVIEWS_PER_MINUTE_PER_IP: "5" } }, async (port) => {
      const base = `http://127.0.0.1:${port}`;
      const context = await browser.newContext({ baseURL: base });
      try {
        const page = await context.newPage();
        await page.goto("/entries/new");
        // The first preview, from the form itself: it tells us how to call the action.
        const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
        await page.locator("#field-problem").fill("Some *text*.");
        await page.getByRole("button", { name: "Show preview" }).first().click();
        await expect(page.getByTestId("preview-problem").locator("em")).toHaveText("text");
        const sent = await request;
        const headers = Object.fromEntries(
          Object.entries(sent.headers()).filter(([name]) =>
            ["accept", "content-type", "next-action", "next-router-state-tree", "origin"].includes(name),
          ),
        );
        const post = (markdown: string) =>
          fetch(sent.url(), { method: "POST", headers, body: JSON.stringify([{ field: "problem", markdown }]) });
        const preview = async (markdown: string) => {
          const started = performance.now();
          // A kept-alive connection the server closed after refusing a body is tried again once.
          const response = await post(markdown).catch(() => post(markdown));
          return { status: response.status, body: await response.text(), ms: performance.now() - started };
        };

        const has = (body: string, text: string) => body.includes(text);

        // 20 KB of tiny code blocks (777 ms and 717 KB of highlighting before): too much markup
        // to format, so it comes back as it was written.
        const tiny = await preview("```python\nx = 1\n```\n\n".repeat(Math.floor(BODY_MAX / 21)));
        expect(tiny.status).toBe(200);
        expect(has(tiny.body, "shown unformatted"), "a note says the text is unformatted").toBe(true);
        expect(tiny.body.length).toBeLessThan(3 * BODY_MAX);

        // Many ordinary code blocks: only some are highlighted, and the preview says so.
        const code = "```python\ndef f(x):\n    return [i * 2 for i in range(x)]\n```\n\n".repeat(30);
        const capped = await preview(code);
        expect(capped.status).toBe(200);
        expect(has(capped.body, "code blocks are highlighted"), "a note says highlighting stopped").toBe(true);

        // A body far beyond what any form sends is refused before it is read: Next logs "Body
        // exceeded 256kb limit" and either answers with an error status or closes the connection
        // while the client is still sending (status 0 here).
        const huge = await post("x".repeat(600 * 1024)).then(
          async (response) => ({ status: response.status, body: await response.text() }),
          () => ({ status: 0, body: "" }),
        );
        expect(huge.status === 0 || huge.status >= 400, `refused, got ${huge.status}`).toBe(true);
        expect(has(huge.body, "shown unformatted")).toBe(false);

        // Previews run out (5 a minute here) and are then refused before any rendering.
        let refused = null as Awaited<ReturnType<typeof preview>> | null;
        for (let i = 0; i < 10 && !refused; i++) {
          const answer = await preview(code);
          if (has(answer.body, "Too many previews")) refused = answer;
        }
        expect(refused, "the limit was reached").not.toBeNull();
        expect(has(refused?.body ?? "", "code blocks are highlighted"), "nothing was rendered").toBe(false);
      } finally {
        await context.close();
      }
    });
  });
});

async function moderatorCookie(browser: Browser, base: string, db: Db): Promise<string> {
  const moderator = await addUser(db, { role: "moderator" });
  const context = await browser.newContext({ baseURL: base });
  try {
    const page = await context.newPage();
    await signInAs(page, moderator.handle);
    return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await context.close();
  }
}

const deepQuotes = `${"> ".repeat(9_999)}x`;
const deepLists = `${"- ".repeat(2_000)}x`;
const deeperLists = `${"- ".repeat(9_000)}x`;
const mixed = `${"> - ".repeat(2_500)}x`;

withDb("deeply nested Markdown is refused when submitted, with a field error", async ({ request }) => {
  for (const problem of [deepQuotes, deepLists, mixed]) {
    const started = performance.now();
    const response = await request.post("/api/v1/entries", {
      data: { ...validEntry(uniqueName("Deep nesting")), problem },
    });
    const elapsed = performance.now() - started;
    expect(response.status()).toBe(422);
    const { error } = await response.json();
    expect(error.fields.problem.join(" ")).toMatch(/nest/i);
    expect(elapsed).toBeLessThan(STALL_MS);
  }
  // Within the limit is fine.
  const fine = await request.post("/api/v1/entries", {
    data: { ...validEntry(uniqueName("Nested a little")), problem: `${"> - ".repeat(5)}x` },
  });
  expect(fine.status()).toBe(201);
});

withDb(
  "an entry stored with deeply nested Markdown still shows, its deep field unformatted",
  async ({ request, db }) => {
    for (const problem of [deepQuotes, deepLists, deeperLists]) {
      const entry = await addEntry(db, { title: uniqueName("Stored deep nesting") });
      // Stored before the limit existed: written straight into the database.
      await db.entry.update({ where: { id: entry.id }, data: { problem } });
      await db.revision.updateMany({ where: { entryId: entry.id }, data: { problem } });
      const started = performance.now();
      const response = await request.get(`/entries/${entry.slug}`);
      const elapsed = performance.now() - started;
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("shown unformatted");
      expect(elapsed).toBeLessThan(5 * STALL_MS);
    }
  },
);
