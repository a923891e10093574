import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readBodyBytes, readJsonBody, readJsonObject } from "@/lib/http/json";

const KIB = 1024;

/**
 * A chunked body of `total` bytes produced on demand, 1 KiB a pull (no Content-Length), with a
 * record of how much the reader pulled and whether it cancelled.
 */
function streamedRequest(total: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= total) return controller.close();
        const chunk = new TextEncoder().encode("a".repeat(Math.min(KIB, total - seen.pulled)));
        seen.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, seen };
}

describe("readBodyBytes", () => {
  it("stops reading a chunked body as soon as it passes the cap, and cancels the rest", async () => {
    const { request, seen } = streamedRequest(8 * KIB * KIB);
    const result = await readBodyBytes(request, 4 * KIB);
    expect(result).toMatchObject({ ok: false, code: "too_large", message: "The request body is larger than 4 KiB." });
    expect(seen.pulled).toBeLessThanOrEqual(6 * KIB);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const { request, seen } = streamedRequest(8 * KIB * KIB, { "content-length": String(8 * KIB * KIB) });
    expect(await readBodyBytes(request, 4 * KIB)).toMatchObject({ ok: false, code: "too_large" });
    expect(seen.pulled).toBeLessThanOrEqual(KIB);
    expect(seen.cancelled).toBe(true);
  });

  it("reads a body up to the cap whole", async () => {
    const { request } = streamedRequest(4 * KIB);
    const result = await readBodyBytes(request, 4 * KIB);
    expect(result.ok && result.value.byteLength).toBe(4 * KIB);
    const empty = await readBodyBytes(new Request("http://localhost/api", { method: "POST" }), 4 * KIB);
    expect(empty.ok && empty.value.byteLength).toBe(0);
  });
});

describe("readJsonObject and readJsonBody", () => {
  const post = (body: string) => new Request("http://localhost/api", { method: "POST", body });

  it("parses a JSON object within the cap and refuses one over it", async () => {
    expect(await readJsonObject(post('{"value": 1}'), 16)).toEqual({ ok: true, value: { value: 1 } });
    expect(await readJsonObject(post(`{"value": "${"x".repeat(20)}"}`), 16)).toMatchObject({
      ok: false,
      code: "too_large",
      message: "The request body is larger than 16 bytes.",
    });
    expect(await readJsonObject(post("[1]"))).toMatchObject({ ok: false, code: "bad_request" });
    expect(await readJsonObject(post("{"))).toMatchObject({ ok: false, code: "bad_request" });
  });

  it("checks the schema, with the route's code and cap", async () => {
    const schema = z.object({ value: z.number() });
    expect(await readJsonBody(post('{"value": 1}'), schema, { maxBytes: 64 })).toEqual({
      ok: true,
      value: { value: 1 },
    });
    expect(await readJsonBody(post('{"value": "1"}'), schema)).toMatchObject({ ok: false, code: "invalid" });
    expect(await readJsonBody(post('{"value": "1"}'), schema, { code: "bad_request" })).toMatchObject({
      ok: false,
      code: "bad_request",
    });
    expect(await readJsonBody(post(`{"value": ${"1".repeat(100)}}`), schema, { maxBytes: 64 })).toMatchObject({
      ok: false,
      code: "too_large",
    });
  });
});
