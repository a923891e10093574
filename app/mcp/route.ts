// The MCP server over Streamable HTTP (lib/mcp/http.ts).
import { handleMcpRequest } from "@/lib/mcp/http";

export const dynamic = "force-dynamic";

export const GET = handleMcpRequest;
export const POST = handleMcpRequest;
export const DELETE = handleMcpRequest;
