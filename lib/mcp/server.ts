// The MCP server one request is answered by: HiveBrain's tools (named as in the original
// HiveBrain, so its agent instructions keep working), its entries as resources, and the workflow
// prompt. Built for each request around its caller (lib/mcp/http.ts).
import "server-only";
import { McpServer } from "@modelcontextprotocol/server";
import type { McpCaller } from "@/lib/mcp/caller";
import { registerResourcesAndPrompts, WORKFLOW_PROMPT } from "@/lib/mcp/resources";
import { registerGetTool } from "@/lib/mcp/tools/get";
import { registerProposeRevisionTool } from "@/lib/mcp/tools/propose-revision";
import { registerReportOutcomeTool } from "@/lib/mcp/tools/report-outcome";
import { registerSearchTool } from "@/lib/mcp/tools/search";
import { registerStatsTool } from "@/lib/mcp/tools/stats";
import { registerSubmitTool } from "@/lib/mcp/tools/submit";
import { registerWalkTreeTool } from "@/lib/mcp/tools/walk-tree";

export function buildMcpServer(caller: McpCaller): McpServer {
  const server = new McpServer(
    { name: "hivebrain", title: "HiveBrain", version: "1.0.0" },
    { instructions: WORKFLOW_PROMPT },
  );
  registerSearchTool(server, caller);
  registerGetTool(server, caller);
  registerWalkTreeTool(server, caller);
  registerStatsTool(server, caller);
  registerSubmitTool(server, caller);
  registerProposeRevisionTool(server, caller);
  registerReportOutcomeTool(server, caller);
  registerResourcesAndPrompts(server, caller);
  return server;
}
