// An MCP client of the SDK's own, over Streamable HTTP, against the production server under test.
import http from "node:http";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

export async function connectMcp(
  baseURL: string,
  { token, name = "e2e-agent" }: { token?: string; name?: string } = {},
): Promise<Client> {
  const client = new Client({ name, version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseURL), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
  });
  await client.connect(transport);
  return client;
}

export interface ToolResult {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
}

/** Calls a tool; the result with its structured content typed as the test expects. */
export async function callTool<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolResult & { structured: T; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  return {
    ...result,
    structured: result.structuredContent as T,
    text: result.content.map((block) => block.text ?? "").join("\n"),
  };
}

/** A raw JSON-RPC POST to /mcp, for what an SDK client would not send. */
export function rawMcpPost(baseURL: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL("/mcp", baseURL), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-11-25",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The status of a POST to /mcp with another Host header (fetch does not let a caller set Host). */
export function mcpStatusWithHost(baseURL: string, body: unknown, host: string): Promise<number> {
  const url = new URL("/mcp", baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        headers: {
          host,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": "2025-11-25",
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
}
