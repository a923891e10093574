// Rejected entries, rejected revisions and the notes explaining a rejection are visible to their
// author and moderators only, through every route: pages (the cached entry page included),
// lists, search, tags, profiles, history and diffs, the JSON API and the feedback counts.
import type { APIRequestContext, Browser, Page, TestInfo } from "@playwright/test";
import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import { proposeRevision } from "@/lib/revisions/propose";
import { changeEntryStatus, rejectRevision } from "@/lib/revisions/review";
import { headRevision } from "@/lib/revisions/snapshots";
import { userWithToken } from "../api/support";
import { pageSignedInAs } from "../revisions/support";
import { uniqueName, uniqueWord } from "../support/data";
import { expect, test } from "../support/fixtures";

/**
 * The people and entries of one test: the author's rejected entry (with its reason), and the
 * author's approved entry with a revision by `proposer` that a moderator rejected (with a note),
 * rejected once itself and restored. `other` is anyone else signed in. Nothing is rendered yet.
 */
async function arrange(db: Db) {
  const [author, proposer, other, moderator] = [
    await userWithToken(db),
    await userWithToken(db),
    await userWithToken(db),
    await userWithToken(db, "moderator"),
  ];
  const word = uniqueWord();
  const tag = `vis-${word}`;
  const secret = {
    problem: `Privateproblem ${uniqueWord()}`,
    reason: `Privatereason ${uniqueWord()}`,
    revision: `Privaterevision ${uniqueWord()}`,
    note: `Privatenote ${uniqueWord()}`,
    restoredReason: `Privateagain ${uniqueWord()}`,
  };
  const content = (title: string, problem: string) => ({
    title: `${title} ${word}`,
    category: "gotcha" as const,
    language: "python",
    framework: null,
    severity: "minor" as const,
    tags: [tag],
    problem,
    solution: "A solution.",
    why: "",
    context: "",
    gotchas: [],
    errorMessages: [],
  });
  const moderatorUser = moderator.user;

  const rejected = await createEntry({
    db,
    content: content(uniqueName("Rejected"), secret.problem),
    authorId: author.user.id,
    status: "pending",
  });
  await changeEntryStatus({
    db,
    entryId: rejected.id,
    moderator: moderatorUser,
    status: "rejected",
    reason: secret.reason,
  });
  const rejectedTitle = (await db.entry.findUniqueOrThrow({ where: { id: rejected.id } })).title;

  const approved = await createEntry({
    db,
    content: content(uniqueName("Approved"), "A public problem."),
    authorId: author.user.id,
    status: "approved",
  });
  const base = await headRevision(db, approved.id);
  const proposal = await proposeRevision({
    db,
    ref: approved.slug,
    user: proposer.user,
    changes: { ...base.content, why: secret.revision },
    summary: `Summary ${secret.revision}`,
    baseRevisionId: base.id,
  });
  if (!proposal.ok) throw new Error(proposal.message);
  const revision = await db.revision.findFirstOrThrow({ where: { entryId: approved.id, number: proposal.number } });
  await rejectRevision({ db, revisionId: revision.id, moderator: moderatorUser, reason: secret.note });
  await changeEntryStatus({
    db,
    entryId: approved.id,
    moderator: moderatorUser,
    status: "rejected",
    reason: secret.restoredReason,
  });
  await changeEntryStatus({ db, entryId: approved.id, moderator: moderatorUser, status: "approved", reason: "Fine." });

  return {
    author,
    proposer,
    other,
    moderator,
    word,
    tag,
    secret,
    rejected: { ...rejected, title: rejectedTitle },
    approved: { ...approved, revisionNumber: proposal.number },
  };
}

type World = Awaited<ReturnType<typeof arrange>>;

async function get(request: APIRequestContext, path: string, headers?: Record<string, string>) {
  const response = await request.get(path, { headers, maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), headers: response.headers() };
}

type Person = Exclude<keyof World, "word" | "tag" | "secret" | "rejected" | "approved">;

/** A signed-in browser page for each of these people of the world; the anonymous one is the test's own page. */
async function people<P extends Person>(browser: Browser, testInfo: TestInfo, w: World, who: P[]) {
  const pages = {} as Record<P, Page>;
  for (const person of who) pages[person] = await pageSignedInAs(browser, testInfo, w[person].user.handle, "/");
  return pages;
}

test("a rejected entry has no page for anyone but its author and moderators, and its cached page holds nothing", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.slow(); // four people sign in
  const w = await arrange(db);
  const { author, other, moderator } = await people(browser, testInfo, w, ["author", "other", "moderator"]);
  const slug = w.rejected.slug;

  // The author comes first: a page rendered for them must not be what the next visitor gets.
  const own = await get(author.request, `/entries/${slug}`);
  expect(own.status).toBe(404);
  expect(own.text).not.toContain(w.secret.problem);
  const privatePage = await get(author.request, `/entries/${slug}/private`);
  expect(privatePage.status).toBe(200);
  expect(privatePage.text).toContain(w.secret.problem);
  expect(privatePage.headers["cache-control"]).toMatch(/no-store/);
  await author.goto(`/entries/${slug}/private`);
  await expect(author.getByTestId("private-entry-notice")).toContainText("only its author and moderators");
  await expect(author.locator("#problem")).toContainText(w.secret.problem);
  const history = await get(author.request, `/entries/${slug}/history`);
  expect(history.status).toBe(200);
  expect(history.text).toContain(w.secret.reason);

  for (const visitor of [page, other]) {
    for (const path of [
      `/entries/${slug}`,
      `/entries/${slug}/private`,
      `/entries/${slug}/history`,
      `/entries/${slug}/history?from=0&to=0`,
      `/entries/${slug}/edit`,
    ]) {
      const response = await get(visitor.request, path);
      expect([path, response.status]).toEqual([path, 404]);
      for (const text of [w.secret.problem, w.secret.reason, w.rejected.title])
        expect(response.text).not.toContain(text);
    }
  }

  const seen = await get(moderator.request, `/entries/${slug}/private`);
  expect(seen.status).toBe(200);
  expect(seen.text).toContain(w.secret.problem);
  expect((await get(moderator.request, `/entries/${slug}/history`)).text).toContain(w.secret.reason);
  // A public entry's private address is its own page.
  expect(await get(moderator.request, `/entries/${w.approved.slug}/private`)).toMatchObject({ status: 307 });
});

test("lists, search, tag pages and profiles show a rejected entry to its author and moderators only", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.slow(); // four people, many pages
  const w = await arrange(db);
  const { author, other, moderator } = await people(browser, testInfo, w, ["author", "other", "moderator"]);
  const q = encodeURIComponent;
  const lists = [
    `/?status=rejected&tag=${w.tag}`,
    `/?status=all&tag=${w.tag}`,
    `/search?q=${w.word}&status=rejected`,
    `/search?q=${q(`${w.word} status:all`)}`,
    `/search?q=${q(`[${w.tag}] status:rejected`)}`,
    `/tags/${w.tag}?status=rejected`,
    `/tags/${w.tag}?status=all`,
  ];
  for (const [who, visitor] of [
    ["anonymous", page],
    ["other", other],
  ] as const) {
    for (const path of [...lists, `/users/${w.author.user.handle}`]) {
      const response = await get(visitor.request, path);
      expect([who, path, response.status]).toEqual([who, path, 200]);
      expect([who, path, response.text.includes(w.rejected.title)]).toEqual([who, path, false]);
      expect(response.text).not.toContain(w.secret.reason);
    }
  }
  for (const [who, visitor] of [
    ["author", author],
    ["moderator", moderator],
  ] as const) {
    for (const path of lists) {
      const response = await get(visitor.request, path);
      expect([who, path, response.text.includes(w.rejected.title)]).toEqual([who, path, true]);
    }
  }

  // The author's profile: their rejected entry, and the moderator's reason, for them alone.
  await author.goto(`/users/${w.author.user.handle}`);
  await expect(author.getByTestId("review-outcomes")).toContainText(w.secret.reason);
  await author.getByRole("link", { name: w.rejected.title }).first().click();
  await expect(author).toHaveURL(new RegExp(`/entries/${w.rejected.slug}/private$`));
  await expect(author.locator("#problem")).toContainText(w.secret.problem);
  await moderator.goto(`/users/${w.author.user.handle}`);
  await expect(moderator.getByRole("link", { name: w.rejected.title }).first()).toBeVisible();
});

test("the API answers rejected entries, rejected revisions and notes only to their author and moderators", async ({
  request,
  browser,
  db,
}, testInfo) => {
  test.slow(); // four people sign in
  const w = await arrange(db);
  const { rejected, approved } = w;
  const entriesOf = async (path: string, headers?: Record<string, string>) => {
    const response = await get(request, path, headers);
    expect([path, response.status]).toEqual([path, 200]);
    return (JSON.parse(response.text).entries as { slug: string; url: string }[]).map((entry) => entry.slug);
  };
  const lists = [
    `/api/v1/entries?status=rejected&tag=${w.tag}`,
    `/api/v1/entries?status=all&tag=${w.tag}`,
    `/api/v1/entries?q=${w.word}&status=rejected`,
    `/api/v1/entries?q=${encodeURIComponent(`${w.word} status:all`)}`,
  ];
  const ones = [`/api/v1/entries/${rejected.slug}`, `/api/v1/entries/${rejected.id}`];
  const revisionsPath = `/api/v1/entries/${approved.id}/revisions`;
  const revisionNumbers = async (headers?: Record<string, string>) => {
    const response = await get(request, revisionsPath, headers);
    expect(response.status).toBe(200);
    return (JSON.parse(response.text).revisions as { number: number }[]).map((revision) => revision.number);
  };

  for (const headers of [undefined, w.other.headers]) {
    for (const path of lists) expect(await entriesOf(path, headers)).not.toContain(rejected.slug);
    for (const path of [...ones, `/api/v1/entries/${rejected.id}/revisions`])
      expect([path, (await get(request, path, headers)).status]).toEqual([path, 404]);
    expect(await revisionNumbers(headers)).toEqual([0]);
    expect((await get(request, revisionsPath, headers)).text).not.toContain(w.secret.note);
  }
  // The entry's author sees their entry, not someone else's rejected proposal.
  for (const path of lists) expect(await entriesOf(path, w.author.headers)).toContain(rejected.slug);
  const own = JSON.parse((await get(request, ones[0]!, w.author.headers)).text);
  expect(own).toMatchObject({ slug: rejected.slug, problem: w.secret.problem });
  expect(own.url).toMatch(new RegExp(`/entries/${rejected.slug}/private$`));
  expect(await revisionNumbers(w.author.headers)).toEqual([0]);
  // The proposer sees their rejected revision and its note.
  expect(await revisionNumbers(w.proposer.headers)).toEqual([approved.revisionNumber, 0]);
  expect((await get(request, revisionsPath, w.proposer.headers)).text).toContain(w.secret.note);
  for (const path of [...lists, ...ones])
    expect((await get(request, path, w.moderator.headers)).text).toContain(rejected.slug);
  expect(await revisionNumbers(w.moderator.headers)).toEqual([approved.revisionNumber, 0]);

  // The entry page's own JSON routes (session cookies): feedback counts and votes.
  const { author, other, moderator } = await people(browser, testInfo, w, ["author", "other", "moderator"]);
  const feedback = `/api/entries/${rejected.slug}/tree-feedback`;
  expect((await get(request, feedback)).status).toBe(401);
  expect((await get(other.request, feedback)).status).toBe(404);
  expect((await get(author.request, feedback)).status).toBe(200);
  expect((await get(moderator.request, feedback)).status).toBe(200);
  expect((await get(request, `/api/entries/${rejected.slug}/vote`)).status).toBe(404);
  expect((await get(other.request, `/api/entries/${rejected.slug}/vote`)).status).toBe(404);
  expect((await get(author.request, `/api/entries/${rejected.slug}/vote`)).status).toBe(200);
});

test("history and diffs show a rejected revision, its note and a rejection's reason only to whom they concern", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.slow(); // four people sign in
  const w = await arrange(db);
  const { author, proposer, other, moderator } = await people(browser, testInfo, w, [
    "author",
    "proposer",
    "other",
    "moderator",
  ]);
  const number = w.approved.revisionNumber;
  const history = `/entries/${w.approved.slug}/history`;
  const diff = `${history}?from=0&to=${number}`;
  const read = async (visitor: Page) => {
    const [list, compared] = [await get(visitor.request, history), await get(visitor.request, diff)];
    expect([list.status, compared.status]).toEqual([200, 200]);
    const all = list.text + compared.text;
    return {
      revision: all.includes(w.secret.revision),
      note: all.includes(w.secret.note),
      reason: all.includes(w.secret.restoredReason),
    };
  };
  expect(await read(page)).toEqual({ revision: false, note: false, reason: false });
  expect(await read(other)).toEqual({ revision: false, note: false, reason: false });
  expect(await read(author)).toEqual({ revision: false, note: false, reason: true });
  expect(await read(proposer)).toEqual({ revision: true, note: true, reason: false });
  expect(await read(moderator)).toEqual({ revision: true, note: true, reason: true });

  await page.goto(diff);
  // For them the entry has only its original revision: nothing to compare.
  await expect(page.getByRole("main")).toContainText("nothing to compare");
  await expect(page.getByRole("heading", { name: /^Changes from/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Status changes" })).toContainText("rejected");
  await proposer.goto(diff);
  await expect(proposer.getByRole("heading", { name: `Changes from #0 to #${number}` })).toBeVisible();
});

test("rejecting an entry takes its cached page down for everyone", async ({ page, browser, db }, testInfo) => {
  test.slow(); // a moderator signs in and acts
  const { user: moderator } = await userWithToken(db, "moderator");
  const problem = `Soonprivate ${uniqueWord()}`;
  const { slug } = await createEntry({
    db,
    content: {
      title: uniqueName("Soon rejected"),
      category: "gotcha",
      language: "python",
      framework: null,
      severity: "minor",
      tags: ["visibility"],
      problem,
      solution: "A solution.",
      why: "",
      context: "",
      gotchas: [],
      errorMessages: [],
    },
    authorId: null,
    status: "approved",
  });
  const before = await get(page.request, `/entries/${slug}`);
  expect(before.status).toBe(200);
  expect(before.text).toContain(problem);

  const moderatorPage = await pageSignedInAs(browser, testInfo, moderator.handle, `/entries/${slug}/history`);
  const form = moderatorPage.getByRole("form", { name: "Change status" });
  await form.getByLabel("New status").selectOption("rejected");
  await form.getByLabel(/Reason/).fill("Spam.");
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByRole("status")).toHaveText("Entry rejected.");

  const after = await get(page.request, `/entries/${slug}`);
  expect(after.status).toBe(404);
  expect(after.text).not.toContain(problem);
  expect((await get(moderatorPage.request, `/entries/${slug}/private`)).text).toContain(problem);
});
