// X-Forwarded-Host and X-Forwarded-Proto say which site and scheme the client asked for; the
// same-origin check, the API's absolute URLs and the visitor cookie's Secure flag follow them.
// The production server keeps them only from a trusted proxy (TRUST_PROXY): from any other
// client they are dropped. One server here trusts 127.0.0.2 only, and the requests come from
// 127.0.0.1 (any client) and 127.0.0.2 (the proxy).
import http from "node:http";
import { expect, test } from "@playwright/test";
import { validEntry } from "../api/support";
import { uniqueName } from "../support/data";
import { withOwnServer } from "./support";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "runs once, on a server of its own");
  test.setTimeout(120_000);
});

const PROXY = "127.0.0.2";
const CLIENT = "127.0.0.1";
const SITE = "hivebrain.example";
const forwarded = { "x-forwarded-host": SITE, "x-forwarded-proto": "https", "x-forwarded-port": "443" };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function post(
  port: number,
  path: string,
  localAddress: string,
  headers: Record<string, string>,
  body = "",
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        agent: false,
        method: "POST",
        path,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const visitorCookie = (answer: Answer) =>
  answer.headers["set-cookie"]?.find((cookie) => cookie.startsWith("hb_visitor="));

test("forwarded host and scheme count only when a trusted proxy sent them", async ({}, testInfo) => {
  await withOwnServer(testInfo, { offset: 4, env: { TRUST_PROXY: PROXY } }, async (port) => {
    const views = "/api/entries/no-such-entry/views";
    const siteOrigin = { origin: `https://${SITE}`, ...forwarded };

    // A client naming another site in X-Forwarded-Host does not pass the same-origin check.
    expect((await post(port, views, CLIENT, siteOrigin)).status).toBe(403);
    // Through the proxy, the forwarded site is this one (the slug is unknown: 404, past the check).
    const proxied = await post(port, views, PROXY, siteOrigin);
    expect(proxied.status).toBe(404);
    expect(visitorCookie(proxied)).toMatch(/;\s*secure/i);

    // A client writing X-Forwarded-Proto: https does not make the app think it is served over https.
    const direct = await post(port, views, CLIENT, { origin: `http://127.0.0.1:${port}`, ...forwarded });
    expect(direct.status).toBe(404);
    expect(visitorCookie(direct)).toBeDefined();
    expect(visitorCookie(direct)).not.toMatch(/;\s*secure/i);

    // The API's absolute URLs too.
    const entry = JSON.stringify(validEntry(uniqueName("Forwarded headers")));
    const submitted = await post(port, "/api/v1/entries", CLIENT, forwarded, entry);
    expect(submitted.status).toBe(201);
    expect(new URL(JSON.parse(submitted.body).url).protocol).toBe("http:");
    const viaProxy = await post(
      port,
      "/api/v1/entries",
      PROXY,
      forwarded,
      entry.replace("Forwarded headers", "Proxied"),
    );
    expect(viaProxy.status).toBe(201);
    expect(new URL(JSON.parse(viaProxy.body).url).protocol).toBe("https:");
  });
});
