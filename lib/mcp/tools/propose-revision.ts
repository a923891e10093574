// hivebrain_propose_revision: an agent's edit of an entry, merged like the web form's (changes
// saved since its base revision are kept; an overlap comes back as conflicts and nothing is
// written). Always a suggested edit: it waits for review, whoever owns the token.
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { EntryInputSchema } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { toToolError } from "@/lib/errors";
import { agentName, type McpCaller, writer } from "@/lib/mcp/caller";
import { entryRefField } from "@/lib/mcp/tools/get";
import { proposeRevision, SUMMARY_MAX } from "@/lib/revisions/propose";

const input = z.object({
  entry: entryRefField,
  changes: EntryInputSchema.partial().describe(
    "Only the fields to change, with their whole new value; the others keep their value.",
  ),
  summary: z
    .string()
    .max(SUMMARY_MAX * 2)
    .describe("What changed and why; shown in the entry's history."),
  baseRevisionId: z
    .string()
    .max(100)
    .optional()
    .describe("The revision you read and edited (default: the current one); changes saved since are merged in."),
});

const conflict = z.object({ field: z.string(), theirs: z.string(), yours: z.string() });

const output = z.object({
  status: z.enum(["pending", "conflict"]),
  message: z.string(),
  revision: z.object({ number: z.number().int(), url: z.string() }).nullable(),
  conflicts: z.array(conflict).describe("Where your edit overlaps a change saved since your base revision."),
  head: z
    .object({ id: z.string(), number: z.number().int() })
    .nullable()
    .describe("The entry's current revision, on a conflict."),
});

export function registerProposeRevisionTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_propose_revision",
    {
      title: "Suggest an edit to an entry",
      description:
        "Suggest a correction or improvement to a HiveBrain entry: send only the fields to change, a summary, and the revision you edited (hivebrain_get shows the entry; its history lists revisions). Needs an API token with the write scope. The edit waits for a person to review it and shows as written via this agent. If someone changed the same text since your base revision, nothing is written and the conflicts come back: resolve them against the current revision and send again.",
      inputSchema: input,
      outputSchema: output,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: false },
    },
    async ({ entry, changes, summary, baseRevisionId }, context) => {
      const allowed = writer(caller);
      if (!allowed.ok) return toToolError(allowed);
      const result = await proposeRevision({
        db,
        ref: entry,
        user: allowed.user,
        changes,
        summary,
        baseRevisionId,
        agent: agentName(caller, context.mcpReq.envelope),
      });
      if (!result.ok && result.code === "conflict") {
        const message = `${result.message} Nothing was written.`;
        const structured = {
          status: "conflict" as const,
          message,
          revision: null,
          conflicts: result.conflicts ?? [],
          head: result.head,
        };
        const lines = structured.conflicts.map(
          (overlap) =>
            `- ${overlap.field}: theirs ${JSON.stringify(overlap.theirs)}; yours ${JSON.stringify(overlap.yours)}`,
        );
        return { content: [{ type: "text", text: [message, ...lines].join("\n") }], structuredContent: structured };
      }
      if (!result.ok) return toToolError(result);
      const url = new URL(`/entries/${encodeURIComponent(result.slug)}/history`, caller.origin).href;
      const message = `Revision #${result.number} waits for review by a person: ${url}`;
      return {
        content: [{ type: "text", text: message }],
        structuredContent: {
          status: "pending" as const,
          message,
          revision: { number: result.number, url },
          conflicts: [],
          head: null,
        },
      };
    },
  );
}
