// hivebrain_report_outcome: did an entry help? One report per token and entry, changeable.
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { toToolError } from "@/lib/errors";
import { agentName, type McpCaller, writer } from "@/lib/mcp/caller";
import { entryRefField } from "@/lib/mcp/tools/get";
import { OUTCOME_CONTEXT_MAX, OUTCOMES, recordOutcome } from "@/lib/outcomes";

const input = z.object({
  entry_id: entryRefField,
  outcome: z.enum(OUTCOMES).describe("helped, partially_helped, did_not_help, or wrong (the entry is incorrect)."),
  task_context: z
    .string()
    .max(OUTCOME_CONTEXT_MAX * 2)
    .optional()
    .describe(`What you were solving, or what is wrong (at most ${OUTCOME_CONTEXT_MAX} characters).`),
});

const output = z.object({
  entry: z.object({ slug: z.string(), title: z.string() }),
  outcome: z.enum(OUTCOMES),
  replaced: z.enum(OUTCOMES).nullable().describe("Your earlier report on this entry, now replaced."),
});

export function registerReportOutcomeTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_report_outcome",
    {
      title: "Report whether an entry helped",
      description:
        "After using a HiveBrain entry, report whether it helped: helped, partially_helped, did_not_help, or wrong (it is incorrect: say why in task_context; moderators review every wrong report on their review page). The entry's author sees the counts. One report per token and entry; reporting again replaces it. Needs an API token with the write scope.",
      inputSchema: input,
      outputSchema: output,
      annotations: { readOnlyHint: false, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    async ({ entry_id, outcome, task_context }, context) => {
      const allowed = writer(caller);
      if (!allowed.ok) return toToolError(allowed);
      const result = await recordOutcome({
        db,
        ref: entry_id,
        user: allowed.user,
        tokenId: allowed.tokenId,
        outcome,
        context: task_context ?? "",
        agent: agentName(caller, context.mcpReq.envelope),
      });
      if (!result.ok) return toToolError(result);
      const text = `Recorded "${outcome}" for "${result.title}"${result.replaced ? ` (replacing "${result.replaced}")` : ""}. Thank you.`;
      return {
        content: [{ type: "text", text }],
        structuredContent: { entry: { slug: result.slug, title: result.title }, outcome, replaced: result.replaced },
      };
    },
  );
}
