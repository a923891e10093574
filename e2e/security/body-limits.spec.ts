// Every route that reads a body stops at its cap: the body is read as a stream and counted as
// it arrives, and past the cap the route answers 413 and the connection is closed, without
// reading the rest. The uploads here are chunked (no Content-Length) and never finish on their
// own: the client sends a little more than the cap, then waits for the answer with the body
// still open. A server that read to the end of the body before answering would never answer.
import http from "node:http";
import { MAX_BODY_BYTES, SMALL_BODY_BYTES } from "@/lib/http/json";
import { GUIDE_SLUG } from "../support/data";
import { expect, test } from "../support/fixtures";

const SEVERAL_MB = 8 * 1024 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, "a");

interface Upload {
  status: number;
  body: string;
  /** How the rest of the several-MB upload went after the answer: the server closed the connection, or took it all. */
  rest: "closed" | "sent";
}

/**
 * POSTs `path` in chunks of 16 KiB: the first `before` bytes, then nothing until the answer has
 * come, then the rest of SEVERAL_MB bytes (or with `declared`, a Content-Length of SEVERAL_MB and
 * no chunk before the answer).
 */
function upload(
  baseURL: string,
  path: string,
  {
    before = 0,
    headers = {},
    declared = false,
  }: { before?: number; headers?: Record<string, string>; declared?: boolean },
): Promise<Upload> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answer: { status: number; body: string } | null = null;
    let rest: Upload["rest"] | null = null;
    const settle = () => {
      if (answer && rest) resolve({ ...answer, rest });
    };
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        ...(declared ? { "content-length": String(SEVERAL_MB) } : {}),
        ...headers,
      },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text) => {
        body += text;
      });
      response.on("end", () => {
        answer = { status: response.statusCode ?? 0, body };
        sendRest();
        settle();
      });
      response.on("error", () => {});
    });
    request.on("error", (error) => {
      if (!answer) reject(error);
      rest ??= "closed";
      settle();
    });
    request.on("close", () => {
      rest ??= "closed";
      settle();
    });

    const sendUpTo = (limit: number, then: () => void) => {
      while (sent < limit && !request.destroyed) {
        sent += CHUNK.length;
        if (!request.write(CHUNK)) {
          request.once("drain", () => sendUpTo(limit, then));
          return;
        }
      }
      then();
    };
    function sendRest() {
      if (request.destroyed) return;
      sendUpTo(SEVERAL_MB, () => {
        if (request.destroyed) return;
        request.end(() => {
          rest ??= "sent";
          settle();
        });
      });
    }
    if (declared) request.flushHeaders();
    else sendUpTo(before, () => {}); // and wait for the answer, the body still open
  });
}

function expectTooLarge(result: Upload) {
  expect(result.status).toBe(413);
  expect(JSON.parse(result.body).error.code).toBe("too_large");
  expect(result.rest).toBe("closed");
}

test.describe("request bodies stop at their cap", () => {
  test("an API submission is refused as soon as it passes 256 KiB", async ({ baseURL }) => {
    expectTooLarge(await upload(baseURL!, "/api/v1/entries", { before: MAX_BODY_BYTES + 4 * CHUNK.length }));
  });

  test("a declared Content-Length over the cap is refused before any of the body is read", async ({ baseURL }) => {
    expectTooLarge(await upload(baseURL!, "/api/v1/entries", { declared: true }));
  });

  test("the vote, decision-tree feedback and view routes stop at 1 KiB", async ({ baseURL }) => {
    const origin = { origin: new URL(baseURL!).origin };
    const before = SMALL_BODY_BYTES + CHUNK.length;
    for (const path of [
      `/api/v1/entries/${GUIDE_SLUG}/vote`,
      `/api/entries/${GUIDE_SLUG}/vote`,
      `/api/entries/${GUIDE_SLUG}/tree-feedback`,
      `/api/entries/${GUIDE_SLUG}/views`,
    ]) {
      await test.step(path, async () => {
        expectTooLarge(await upload(baseURL!, path, { before, headers: origin }));
      });
    }
  });

  test("next-auth's sign-in route stops at 16 KiB", async ({ baseURL }) => {
    const result = await upload(baseURL!, "/api/auth/callback/credentials", {
      before: 16 * 1024 + CHUNK.length,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(baseURL!).origin },
    });
    expectTooLarge(result);
  });

  test("a request refused before its body is read does not have the rest read either", async ({ baseURL }) => {
    const result = await upload(baseURL!, `/api/entries/${GUIDE_SLUG}/tree-feedback`, {
      before: CHUNK.length,
      headers: { origin: "http://evil.example" },
    });
    expect(result.status).toBe(403);
    expect(result.rest).toBe("closed");
  });
});
