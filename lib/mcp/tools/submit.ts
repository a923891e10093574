// hivebrain_submit: a new entry from an agent, in our fields or in the original HiveBrain's input
// shape (mapped as the importer maps its entries). Always pending review, marked "via agent".
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { EntrySchema } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import type { EntryContentDraft } from "@/lib/entries/schema";
import { BODY_MAX, LIST_ITEM_MAX, LIST_MAX_ITEMS, TITLE_MAX } from "@/lib/entries/schema";
import { submitEntry } from "@/lib/entries/submit-entry";
import { BY_MAX, SUBJECT_MAX, VERIFIED_WITH_MAX, VERSION_MAX } from "@/lib/entries/verification";
import { fail, toToolError } from "@/lib/errors";
import { agentName, type McpCaller, writer } from "@/lib/mcp/caller";
import { loadEntryForAgent } from "@/lib/mcp/tools/get";
import { revalidateEntry } from "@/lib/page-cache";
import { mapOriginalEntry } from "@/lib/porting/hivebrain-v0";

// Types and generous bounds only: the values are judged by the same validation as the submit
// form, whose messages come back naming each field. The bounds keep a request cheap to refuse.
const text = (max: number) => z.string().max(max * 2);
const list = (max: number) => z.array(text(max)).max(LIST_MAX_ITEMS * 2);

const input = z.object({
  title: text(TITLE_MAX).describe("A specific title: the problem or pattern in a few words."),
  category: z
    .string()
    .max(40)
    .describe("pattern, gotcha, debug, snippet or guide (the original's principle is taken as pattern)."),
  severity: z
    .string()
    .max(40)
    .optional()
    .describe("minor (default), major or critical (the original's moderate and tip are taken as minor)."),
  language: z.string().max(80).nullish(),
  framework: z.string().max(80).nullish(),
  tags: list(80).describe("1 to 8 tags: language, topic, tools."),
  problem: text(BODY_MAX).describe("Markdown: what goes wrong, and when."),
  solution: text(BODY_MAX).describe("Markdown: how to fix it, with code."),
  why: text(BODY_MAX).optional().describe("Markdown: the root cause."),
  context: text(BODY_MAX).optional().describe("Markdown: where this applies (versions, environment)."),
  gotchas: list(LIST_ITEM_MAX).optional().describe("Edge cases and common mistakes, one per item."),
  errorMessages: list(LIST_ITEM_MAX).optional().describe("Exact error texts, one per item."),
  verifiedWith: z
    .array(
      z.object({
        subject: text(SUBJECT_MAX).describe("The runtime or library, e.g. Python."),
        version: text(VERSION_MAX).describe("Its version, one word, e.g. 3.14.0."),
        date: z.string().max(40).describe("The day, YYYY-MM-DD."),
        by: text(BY_MAX).nullish().describe("Who ran it (optional)."),
      }),
    )
    .max(VERIFIED_WITH_MAX * 2)
    .optional()
    .describe(
      `What you actually ran or compiled the solution's code with (at most ${VERIFIED_WITH_MAX}); leave it out if you did not run it.`,
    ),
  // The original HiveBrain's input shape.
  error_messages: list(LIST_ITEM_MAX).optional().describe("The original HiveBrain's name for errorMessages."),
  keywords: list(200).optional().describe("Original HiveBrain: more search terms (kept in the context)."),
  environment: list(200).optional().describe("Original HiveBrain: operating systems, runtimes (kept in the context)."),
  version_info: text(500).optional().describe("Original HiveBrain: versions it applies to (kept in the context)."),
  code_snippets: z
    .array(z.object({ code: text(BODY_MAX), lang: z.string().max(40).optional(), description: text(500).optional() }))
    .max(LIST_MAX_ITEMS)
    .optional()
    .describe("Original HiveBrain: code blocks, appended to the solution."),
});

type SubmitInput = z.infer<typeof input>;

const output = z.object({ entry: EntrySchema, status: z.string(), message: z.string() });

const ORIGINAL_ONLY = ["error_messages", "keywords", "environment", "version_info", "code_snippets"] as const;

/** The submission in our fields: the original's shape goes through the importer's mapping. */
export function submissionContent(given: SubmitInput): EntryContentDraft {
  const original =
    ORIGINAL_ONLY.some((field) => given[field] !== undefined) ||
    ["principle"].includes(given.category.trim().toLowerCase()) ||
    ["moderate", "tip"].includes((given.severity ?? "").trim().toLowerCase());
  if (original) {
    const mapped = mapOriginalEntry({
      ...given,
      error_messages: given.error_messages ?? given.errorMessages ?? [],
      created_at: new Date().toISOString(),
    });
    if (mapped.ok) {
      const { content } = mapped.entry;
      return {
        ...content,
        language: content.language ?? null,
        framework: content.framework ?? null,
        why: content.why ?? "",
        context: content.context ?? "",
        gotchas: content.gotchas ?? [],
        errorMessages: content.errorMessages ?? [],
        verifiedWith: given.verifiedWith ?? [],
      } as EntryContentDraft;
    }
  }
  return {
    title: given.title,
    category: given.category.trim().toLowerCase(),
    severity: given.severity?.trim().toLowerCase() || "minor",
    language: given.language ?? null,
    framework: given.framework ?? null,
    tags: given.tags,
    problem: given.problem,
    solution: given.solution,
    why: given.why ?? "",
    context: given.context ?? "",
    gotchas: given.gotchas ?? [],
    errorMessages: given.errorMessages ?? given.error_messages ?? [],
    verifiedWith: given.verifiedWith ?? [],
  } as EntryContentDraft;
}

export function registerSubmitTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_submit",
    {
      title: "Submit an entry to HiveBrain",
      description:
        "Share something you solved that HiveBrain did not know (search first): a non-trivial bug, a gotcha, a reusable pattern. Not for trivial fixes. Needs an API token with the write scope. Every submission from an agent waits for a person to review it, and shows as written via this agent. Invalid fields come back as an error naming each field; fix them and submit again.",
      inputSchema: input,
      outputSchema: output,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: false },
    },
    async (given, context) => {
      const allowed = writer(caller);
      if (!allowed.ok) return toToolError(allowed);
      const result = await submitEntry({
        db,
        input: submissionContent(given),
        user: allowed.user,
        ip: caller.ip,
        agent: agentName(caller, context.mcpReq.envelope),
      });
      if (!result.ok) return toToolError(result);
      await revalidateEntry(result.slug);
      const loaded = await loadEntryForAgent(caller, result.slug);
      if (!loaded) return toToolError(fail("not_found", "The entry was saved but cannot be read back."));
      const message = `Submitted "${loaded.entry.title}": it waits for review by a person before it is listed. ${loaded.entry.url}`;
      return {
        content: [{ type: "text", text: message }],
        structuredContent: { entry: loaded.entry, status: result.status, message },
      };
    },
  );
}
