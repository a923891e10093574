// The MCP server at /mcp, driven by the SDK's own client over Streamable HTTP against the
// production server, on each database: the tool list and schemas, every tool's happy path, bad
// input and bad tokens, rate limits, and agent writes waiting on /review marked "via agent".
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { userWithToken } from "../api/support";
import { putFirstInQueue } from "../revisions/support";
import { addEntry, GUIDE_SLUG, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";
import { callTool, connectMcp, mcpStatusWithHost, rawMcpPost } from "./support";

const TOOLS = [
  "hivebrain_search",
  "hivebrain_get",
  "hivebrain_walk_tree",
  "hivebrain_stats",
  "hivebrain_submit",
  "hivebrain_propose_revision",
  "hivebrain_report_outcome",
];

function agentEntry(title: string) {
  return {
    title,
    category: "gotcha",
    severity: "major",
    language: "python",
    tags: ["mcp-test", "asyncio"],
    problem: "A blocking call inside a coroutine stalls the event loop for every task.",
    solution: "Run it in a thread:\n\n```python\nawait asyncio.to_thread(blocking_call)\n```",
    why: "The loop runs on one thread.",
    errorMessages: ["Executing <Task pending> took 2.503 seconds"],
  };
}

test("lists every tool with input and output schemas and annotations, the entry resources and the workflow prompt", async ({
  baseURL,
  db,
}) => {
  const client = await connectMcp(String(baseURL));
  const { tools } = await client.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOLS].sort());
  for (const tool of tools) {
    expect(tool.description?.length, tool.name).toBeGreaterThan(60);
    expect(tool.inputSchema.type, tool.name).toBe("object");
    expect(tool.outputSchema?.type, tool.name).toBe("object");
    expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe("boolean");
    expect(typeof tool.annotations?.destructiveHint, tool.name).toBe("boolean");
    expect(typeof tool.annotations?.idempotentHint, tool.name).toBe("boolean");
  }
  const readOnly = tools.filter((tool) => tool.annotations?.readOnlyHint).map((tool) => tool.name);
  expect(readOnly.sort()).toEqual(["hivebrain_get", "hivebrain_search", "hivebrain_stats", "hivebrain_walk_tree"]);
  const writes = tools.filter((tool) => !tool.annotations?.readOnlyHint);
  for (const tool of writes) expect(tool.description, tool.name).toMatch(/review/i);

  const { resourceTemplates } = await client.listResourceTemplates();
  expect(resourceTemplates.map((template) => template.uriTemplate)).toContain("hivebrain://entries/{slug}");
  // Approved entries are resources; the seeded guide is still pending review, so it is not one.
  const approved = await addEntry(db, { title: uniqueName("Resource entry"), problem: "Listed as a resource." });
  const pending = await addEntry(db, { title: uniqueName("Pending resource"), status: "pending" });
  // Page through every resource (other specs add entries, so these may be past page one).
  const uris: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const listed = await client.listResources(cursor ? { cursor } : undefined);
    uris.push(...listed.resources.map((resource) => resource.uri));
    cursor = listed.nextCursor;
    if (!cursor) break;
  }
  expect(cursor, "the listing ends").toBeUndefined();
  expect(uris).toContain(`hivebrain://entries/${approved.slug}`);
  expect(uris).not.toContain(`hivebrain://entries/${pending.slug}`);
  expect(uris).not.toContain(`hivebrain://entries/${GUIDE_SLUG}`);
  expect(new Set(uris).size, "no resource listed twice").toBe(uris.length);
  const read = await client.readResource({ uri: `hivebrain://entries/${approved.slug}` });
  const markdown = String((read.contents[0] as { text?: string }).text);
  expect(markdown).toContain("Listed as a resource.");
  await expect(client.readResource({ uri: `hivebrain://entries/${pending.slug}` })).rejects.toThrow();

  const { prompts } = await client.listPrompts();
  expect(prompts.map((prompt) => prompt.name)).toContain("hivebrain_workflow");
  const prompt = await client.getPrompt({ name: "hivebrain_workflow" });
  expect(JSON.stringify(prompt.messages)).toContain("hivebrain_search");
  await client.close();
});

test("search ranks like /search, and an exact recorded error message comes first", async ({ baseURL, db }) => {
  const message = `ZeroDivisionError: mcp ${uniqueName("err")} by zero`;
  const entry = await addEntry(db, { title: uniqueName("Exact error entry"), errorMessages: [message] });
  const client = await connectMcp(String(baseURL));

  const found = await callTool<{ entries: { slug: string; url: string; snippet: string | null }[]; total: number }>(
    client,
    "hivebrain_search",
    { query: "multiprocessing threading asyncio" },
  );
  expect(found.isError).toBeFalsy();
  expect(found.structured.entries[0]?.slug).toBe(GUIDE_SLUG);
  expect(found.structured.entries[0]?.url).toBe(new URL(`/entries/${GUIDE_SLUG}`, String(baseURL)).href);
  const api = (await (
    await fetch(new URL("/api/v1/entries?q=multiprocessing+threading+asyncio", String(baseURL)))
  ).json()) as {
    entries: { slug: string }[];
    total: number;
  };
  expect(found.structured.entries.map((hit) => hit.slug)).toEqual(api.entries.slice(0, 10).map((hit) => hit.slug));
  expect(found.structured.total).toBe(api.total);

  const exact = await callTool<{ exactErrorMatch: boolean; entries: { slug: string; exactErrorMatch: boolean }[] }>(
    client,
    "hivebrain_search",
    { query: message, limit: 3 },
  );
  expect(exact.structured.exactErrorMatch).toBe(true);
  expect(exact.structured.entries[0]).toMatchObject({ slug: entry.slug, exactErrorMatch: true });

  const filtered = await callTool<{ entries: { slug: string }[] }>(client, "hivebrain_search", {
    query: "asyncio",
    tags: ["no-such-tag-anywhere"],
  });
  expect(filtered.structured.entries).toEqual([]);

  const bad = await callTool(client, "hivebrain_search", { query: "x", limit: 500 });
  expect(bad.isError).toBe(true);
  expect(bad.text).toContain("limit");
  await client.close();
});

test("get returns the entry as Markdown with its sections, code and decision tree, and as JSON", async ({
  baseURL,
  db,
}) => {
  const client = await connectMcp(String(baseURL));
  const guide = await db.entry.findUniqueOrThrow({ where: { slug: GUIDE_SLUG }, select: { id: true, solution: true } });
  const bySlug = await callTool<{
    entry: { id: string; slug: string; solution: string };
    trees: { key: string; questions: { text: string }[] }[];
    markdown: string;
  }>(client, "hivebrain_get", { id: GUIDE_SLUG });
  expect(bySlug.isError).toBeFalsy();
  expect(bySlug.structured.entry).toMatchObject({ id: guide.id, slug: GUIDE_SLUG, solution: guide.solution });
  const markdown = bySlug.structured.markdown;
  expect(markdown.indexOf("## Problem")).toBeGreaterThan(0);
  expect(markdown.indexOf("## Problem")).toBeLessThan(markdown.indexOf("## Solution"));
  expect(markdown).toContain("with ThreadPoolExecutor(max_workers=10) as pool:"); // code intact
  expect(bySlug.structured.trees[0]?.key).toBe("solution-tree-1");
  expect(markdown).toContain("What kind of concurrent work do you have?");
  expect(bySlug.text).toBe(markdown);

  const byId = await callTool<{ entry: { slug: string } }>(client, "hivebrain_get", { id: guide.id });
  expect(byId.structured.entry.slug).toBe(GUIDE_SLUG);

  const missing = await callTool(client, "hivebrain_get", { id: "no-such-entry-anywhere" });
  expect(missing.isError).toBe(true);
  expect(missing.text).toContain("No entry");
  await client.close();
});

test("walk_tree asks the guide's questions one by one and ends at an outcome with its section", async ({ baseURL }) => {
  const client = await connectMcp(String(baseURL));
  const start = await callTool<{
    done: boolean;
    question: { text: string; answers: { index: number; text: string }[] };
  }>(client, "hivebrain_walk_tree", { entry: GUIDE_SLUG });
  expect(start.structured.done).toBe(false);
  expect(start.structured.question.text).toBe("What kind of concurrent work do you have?");
  expect(start.structured.question.answers).toHaveLength(4);

  const next = await callTool<{ question: { text: string } }>(client, "hivebrain_walk_tree", {
    entry: GUIDE_SLUG,
    answers: [1],
  });
  expect(next.structured.question.text).toContain("async (asyncio) library");

  const end = await callTool<{
    done: boolean;
    path: { answer: string }[];
    outcome: { id: string; sectionUrl: string };
  }>(client, "hivebrain_walk_tree", {
    entry: GUIDE_SLUG,
    tree: "solution-tree-1",
    answers: [1, "No, only blocking libraries (such as requests)"],
  });
  expect(end.structured.done).toBe(true);
  expect(end.structured.outcome.id).toBe("threading");
  expect(end.structured.outcome.sectionUrl).toContain(
    `/entries/${GUIDE_SLUG}#solution-io-bound-with-blocking-libraries-use-threading`,
  );
  expect(end.structured.path).toHaveLength(2);

  const wrong = await callTool(client, "hivebrain_walk_tree", { entry: GUIDE_SLUG, answers: [9] });
  expect(wrong.isError).toBe(true);
  expect(wrong.text).toContain("Heavy computation in Python code");
  const noTree = await callTool(client, "hivebrain_walk_tree", { entry: GUIDE_SLUG, tree: "why-tree-7" });
  expect(noTree.isError).toBe(true);
  expect(noTree.text).toContain("solution-tree-1");
  await client.close();
});

test("stats count entries by status, category and language as the database does", async ({ baseURL, db }) => {
  const client = await connectMcp(String(baseURL));
  const stats = await callTool<{
    entries: number;
    byStatus: Record<string, number>;
    byCategory: Record<string, number>;
  }>(client, "hivebrain_stats", {});
  const approved = await db.entry.count({ where: { status: "approved" } });
  const gotchas = await db.entry.count({ where: { category: "gotcha", status: { not: "rejected" } } });
  // Other tests add entries meanwhile: the counts are at least what was there before the call.
  expect(stats.structured.byStatus.approved).toBeLessThanOrEqual(approved);
  expect(stats.structured.byStatus.approved).toBeGreaterThan(0);
  expect(stats.structured.byStatus.rejected).toBeUndefined(); // anonymous callers do not see rejected entries
  expect(stats.structured.byCategory.gotcha).toBeLessThanOrEqual(gotchas);
  expect(stats.structured.entries).toBe(Object.values(stats.structured.byStatus).reduce((a, b) => a + b, 0));
  await client.close();
});

test("writes need a token with the write scope; revoked and expired tokens are refused at the door", async ({
  baseURL,
  db,
}) => {
  const anonymous = await connectMcp(String(baseURL));
  const refused = await callTool(anonymous, "hivebrain_submit", agentEntry(uniqueName("Anonymous agent entry")));
  expect(refused.isError).toBe(true);
  expect(refused.text).toContain("write scope");
  await anonymous.close();

  const user = await addUser(db);
  const readOnly = await createApiToken({ db, userId: user.id, name: "read only", scopes: ["read"] });
  if (!readOnly.ok) throw new Error(readOnly.message);
  const reader = await connectMcp(String(baseURL), { token: readOnly.token });
  const search = await callTool(reader, "hivebrain_search", { query: "asyncio" });
  expect(search.isError).toBeFalsy();
  const denied = await callTool(reader, "hivebrain_report_outcome", { entry_id: GUIDE_SLUG, outcome: "helped" });
  expect(denied.isError).toBe(true);
  expect(denied.text).toContain("read-only");
  await reader.close();

  const revoked = await createApiToken({ db, userId: user.id, name: "revoked" });
  if (!revoked.ok) throw new Error(revoked.message);
  await revokeApiToken({ db, userId: user.id, tokenId: revoked.item.id });
  await expect(connectMcp(String(baseURL), { token: revoked.token })).rejects.toThrow();
  const revokedPost = await rawMcpPost(
    String(baseURL),
    { jsonrpc: "2.0", id: 1, method: "tools/list" },
    {
      Authorization: `Bearer ${revoked.token}`,
    },
  );
  expect(revokedPost.status).toBe(401);
  expect(revokedPost.headers.get("www-authenticate")).toContain("Bearer");

  const expired = await createApiToken({
    db,
    userId: user.id,
    name: "expired",
    expiresInDays: 1,
    now: new Date(Date.now() - 3 * 86_400_000),
  });
  if (!expired.ok) throw new Error(expired.message);
  const expiredPost = await rawMcpPost(
    String(baseURL),
    { jsonrpc: "2.0", id: 1, method: "tools/list" },
    {
      Authorization: `Bearer ${expired.token}`,
    },
  );
  expect(expiredPost.status).toBe(401);
  expect(await expiredPost.text()).toContain("expired");
});

test("refuses foreign origins and hosts, and bodies over the cap, before the SDK sees them", async ({ baseURL }) => {
  const list = { jsonrpc: "2.0", id: 1, method: "tools/list" };
  expect((await rawMcpPost(String(baseURL), list, { Origin: "https://evil.example" })).status).toBe(403);
  expect(await mcpStatusWithHost(String(baseURL), list, "evil.example")).toBe(403);
  expect(await mcpStatusWithHost(String(baseURL), list, new URL(String(baseURL)).host)).toBe(200);
  expect((await rawMcpPost(String(baseURL), list, { Origin: String(baseURL).replace(/\/$/, "") })).status).toBe(200);
  const huge = JSON.stringify({ ...list, params: { padding: "x".repeat(300 * 1024) } });
  expect((await rawMcpPost(String(baseURL), huge)).status).toBe(413);
  expect((await rawMcpPost(String(baseURL), "{not json")).status).toBe(400);
});

test("an agent's submission waits for review marked via the agent, even from a moderator's token", async ({
  baseURL,
  db,
  page,
}) => {
  const moderator = await userWithToken(db, "moderator");
  const agentName = `claude-e2e-${Date.now().toString(36)}`;
  const client = await connectMcp(String(baseURL), { token: moderator.token, name: agentName });
  const title = uniqueName("Agent submitted gotcha");
  const submitted = await callTool<{ status: string; entry: { slug: string; status: string } }>(
    client,
    "hivebrain_submit",
    agentEntry(title),
  );
  expect(submitted.isError).toBeFalsy();
  expect(submitted.structured.status).toBe("pending");
  const stored = await db.entry.findUniqueOrThrow({
    where: { slug: submitted.structured.entry.slug },
    select: { status: true, authorId: true, revisions: { select: { number: true, agentClient: true } } },
  });
  expect(stored).toMatchObject({ status: "pending", authorId: moderator.user.id });
  expect(stored.revisions).toEqual([{ number: 0, agentClient: agentName }]);

  // The original HiveBrain's input shape, mapped as the importer maps it.
  const original = await callTool<{
    entry: { slug: string; category: string; severity: string; context: string; solution: string };
  }>(client, "hivebrain_submit", {
    title: uniqueName("Original shaped principle"),
    category: "principle",
    severity: "moderate",
    tags: ["mcp-test", "design"],
    keywords: ["composition", "inheritance"],
    problem: "Deep class hierarchies make every change ripple through subclasses.",
    solution: "Prefer composing small objects.",
    code_snippets: [
      {
        lang: "python",
        code: "class Car:\n    def __init__(self, engine):\n        self.engine = engine",
        description: "Compose",
      },
    ],
    environment: ["any"],
    version_info: "Python 3",
  });
  expect(original.isError, original.text).toBeFalsy();
  expect(original.structured.entry).toMatchObject({ category: "pattern", severity: "minor" });
  expect(original.structured.entry.context).toContain("Keywords: composition, inheritance");
  expect(original.structured.entry.solution).toContain("```python\nclass Car:");

  const invalid = await callTool<{ error: { code: string; fields: Record<string, string[]> } }>(
    client,
    "hivebrain_submit",
    { ...agentEntry("short"), category: "nonsense", tags: [] },
  );
  expect(invalid.isError).toBe(true);
  expect(invalid.structured.error.code).toBe("invalid");
  expect(Object.keys(invalid.structured.error.fields).sort()).toEqual(
    expect.arrayContaining(["category", "tags", "title"]),
  );
  expect(invalid.text).toMatch(/- title: /);
  await client.close();

  await putFirstInQueue(db, { titles: [title] });
  await signInAs(page, moderator.user.handle, undefined, "/review");
  const item = page.getByRole("article").filter({ hasText: title });
  await expect(item).toContainText(`via agent ${agentName}`);
});

test("an agent's revision waits for review even from the author's token; an overlap comes back as conflicts and writes nothing", async ({
  baseURL,
  db,
  page,
}) => {
  const author = await userWithToken(db);
  const entry = await addEntry(db, { title: uniqueName("Agent revised entry"), why: "The loop runs on one thread." });
  await db.entry.update({ where: { id: entry.id }, data: { authorId: author.user.id } });
  const base = await db.revision.findFirstOrThrow({ where: { entryId: entry.id, number: 0 }, select: { id: true } });
  const agentName = `cursor-e2e-${Date.now().toString(36)}`;
  const client = await connectMcp(String(baseURL), { token: author.token, name: agentName });

  const proposed = await callTool<{ status: string; revision: { number: number } }>(
    client,
    "hivebrain_propose_revision",
    {
      entry: entry.slug,
      changes: { context: "Applies to every asyncio version." },
      summary: "Say where it applies",
    },
  );
  expect(proposed.isError, proposed.text).toBeFalsy();
  expect(proposed.structured).toMatchObject({ status: "pending", revision: { number: 1 } });
  expect(
    await db.revision.findFirstOrThrow({
      where: { entryId: entry.id, number: 1 },
      select: { status: true, agentClient: true },
    }),
  ).toEqual({
    status: "pending",
    agentClient: agentName,
  });

  // The author changes the same sentence directly; the agent's edit from revision 0 then overlaps it.
  await db.revision.update({
    where: { entryId_number: { entryId: entry.id, number: 1 } },
    data: { status: "rejected" },
  });
  const { proposeRevision } = await import("@/lib/revisions/propose");
  const direct = await proposeRevision({
    db,
    ref: entry.slug,
    user: { id: author.user.id, handle: author.user.handle, role: "user" },
    changes: { why: "The event loop runs on a single thread." },
    summary: "Clarify",
  });
  expect(direct.ok).toBe(true);
  const before = await db.revision.count({ where: { entryId: entry.id } });
  const overlap = await callTool<{ status: string; conflicts: { field: string; theirs: string; yours: string }[] }>(
    client,
    "hivebrain_propose_revision",
    {
      entry: entry.slug,
      changes: { why: "The loop runs on one OS thread only." },
      summary: "Clarify too",
      baseRevisionId: base.id,
    },
  );
  expect(overlap.isError).toBeFalsy();
  expect(overlap.structured.status).toBe("conflict");
  expect(overlap.structured.conflicts[0]).toMatchObject({ field: "why" });
  expect(await db.revision.count({ where: { entryId: entry.id } })).toBe(before);
  await client.close();

  // Revision 1, rejected above, shows to its proposer (the token's owner), marked as the agent's.
  await signInAs(page, author.user.handle, undefined, `/entries/${entry.slug}/history`);
  const agentRow = page.getByRole("row").filter({ hasText: "Say where it applies" });
  await expect(agentRow).toContainText(`via agent ${agentName}`);
  await expect(page.getByRole("row").filter({ hasText: "Clarify" }).first()).not.toContainText("via agent");
});

test("outcome reports are one per token and entry, counted for the author, and a wrong one reaches /review", async ({
  baseURL,
  db,
  page,
}) => {
  const reporter = await userWithToken(db);
  const author = await addUser(db);
  const title = uniqueName("Reported entry");
  const entry = await addEntry(db, { title });
  await db.entry.update({ where: { id: entry.id }, data: { authorId: author.id } });
  const client = await connectMcp(String(baseURL), { token: reporter.token, name: "outcome-agent" });

  const first = await callTool<{ outcome: string; replaced: string | null }>(client, "hivebrain_report_outcome", {
    entry_id: entry.slug,
    outcome: "helped",
  });
  expect(first.structured).toMatchObject({ outcome: "helped", replaced: null });
  const second = await callTool<{ outcome: string; replaced: string | null }>(client, "hivebrain_report_outcome", {
    entry_id: entry.id,
    outcome: "wrong",
    task_context: "The code sample raises a TypeError on Python 3.12.",
  });
  expect(second.structured).toMatchObject({ outcome: "wrong", replaced: "helped" });
  expect(await db.entryOutcome.count({ where: { entryId: entry.id } })).toBe(1);
  const badOutcome = await callTool(client, "hivebrain_report_outcome", { entry_id: entry.slug, outcome: "great" });
  expect(badOutcome.isError).toBe(true);
  await client.close();

  const moderator = await addUser(db, { role: "moderator" });
  await signInAs(page, moderator.handle, undefined, "/review");
  const reported = page.getByRole("region", { name: "Reported wrong by agents" });
  const item = reported.getByRole("article").filter({ hasText: title });
  await expect(item).toContainText("TypeError on Python 3.12");
  await expect(item).toContainText("outcome-agent");
  await item.getByRole("button", { name: "Mark as looked at" }).click();
  await expect(reported.getByRole("article").filter({ hasText: title })).toHaveCount(0);

  await page.context().clearCookies();
  await signInAs(page, author.handle, undefined, `/entries/${entry.slug}`);
  await expect(page.getByTestId("agent-outcomes")).toContainText("1 wrong");
});

test("agent submissions count against the same hourly limit as the API's", async ({ baseURL, db }) => {
  const { token, user } = await userWithToken(db);
  // Spend the user's hourly submissions but one, as the API and forms would.
  const { SUBMISSIONS_PER_HOUR_PER_USER } = await import("@/lib/entries/submit-entry");
  const { consumeOrWait } = await import("@/lib/rate-limits");
  for (let i = 0; i < SUBMISSIONS_PER_HOUR_PER_USER - 1; i++)
    await consumeOrWait([
      { db, keyPrefix: "submit-user", points: SUBMISSIONS_PER_HOUR_PER_USER, durationSeconds: 3600, key: user.id },
    ]);
  const client = await connectMcp(String(baseURL), { token });
  const last = await callTool(client, "hivebrain_submit", agentEntry(uniqueName("Last allowed agent entry")));
  expect(last.isError, last.text).toBeFalsy();
  const over = await callTool<{ error: { code: string; retryAfterSeconds: number } }>(
    client,
    "hivebrain_submit",
    agentEntry(uniqueName("One too many agent entry")),
  );
  expect(over.isError).toBe(true);
  expect(over.structured.error.code).toBe("rate_limited");
  expect(over.structured.error.retryAfterSeconds).toBeGreaterThan(0);
  await client.close();
});
