// The OpenAPI document's request schemas are the ones the routes parse with: every documented
// body property and query parameter is checked by the route as documented, so a crafted
// request gets a field error (never a 500), and nothing the document requires goes unchecked.
import { expect, it } from "vitest";
import { apiVoteResponse, createEntryResponse, createRevisionResponse } from "@/lib/api/entry-routes";
import { listEntriesResponse } from "@/lib/api/list-entries";
import { openApiDocument } from "@/lib/api/openapi";
import { createApiToken } from "@/lib/api-tokens";
import { createEntry } from "@/lib/entries/create-entry";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";

const ORIGIN = "http://hivebrain.test";

interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Operation {
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
}

const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    name: `${method.toUpperCase()} ${route}`,
    operation,
  })),
);

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const id = schema.$ref.replace("#/components/schemas/", "");
  return (document.components?.schemas?.[id] ?? {}) as JsonSchema;
}

/** A JSON value that a property of this documented schema must refuse for its type. */
function wrongType(schema: JsonSchema): unknown {
  const types = [schema.type ?? []].flat();
  if (types.includes("string")) return 5;
  if (types.includes("array")) return "x";
  if (types.includes("number") || types.includes("integer")) return String(schema.enum?.[0] ?? 1);
  if (types.includes("boolean")) return "yes";
  throw new Error(`No wrong value for ${JSON.stringify(schema)}`);
}

/** A query value that this documented parameter schema must refuse for its constraints, if it has any. */
function violating(schema: JsonSchema): string[] | null {
  if (schema.enum) return ["not-a-documented-value"];
  if (schema.pattern) return ["!?"];
  if (schema.maxLength !== undefined) return ["x".repeat(schema.maxLength + 1)];
  if (schema.maxItems !== undefined) return Array.from({ length: schema.maxItems + 1 }, (_, i) => `tag${i}`);
  return null;
}

describeEachDatabase("request schemas", ({ db }) => {
  async function fixtures() {
    const user = await db.user.create({ data: { handle: `rs${Date.now().toString(36)}` } });
    const created = await createApiToken({ db, userId: user.id, name: "request schemas" });
    if (!created.ok) throw new Error(created.message);
    const { slug } = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    return { token: created.token, slug };
  }

  it("parses every documented body with the documented schema: wrong types and missing required fields are 422 naming them", async () => {
    const { token, slug } = await fixtures();
    const post = (path: string, body: unknown) =>
      new Request(`${ORIGIN}/api/v1${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const handlers: Record<string, (body: unknown) => Promise<Response>> = {
      "POST /entries": (body) => createEntryResponse({ db, request: post("/entries", body) }),
      "POST /entries/{ref}/revisions": (body) =>
        createRevisionResponse({ db, request: post(`/entries/${slug}/revisions`, body), ref: slug }),
      "POST /entries/{ref}/vote": (body) =>
        apiVoteResponse({ db, request: post(`/entries/${slug}/vote`, body), ref: slug }),
    };
    const withBodies = operations.filter(({ operation }) => operation.requestBody);
    expect(withBodies.map(({ name }) => name).sort()).toEqual(Object.keys(handlers).sort());

    for (const { name, operation } of withBodies) {
      const schema = resolve(operation.requestBody!.content["application/json"].schema);
      const properties = Object.entries(schema.properties ?? {});
      expect(properties.length, name).toBeGreaterThan(0);
      for (const [property, propertySchema] of properties) {
        const response = await handlers[name]!({ [property]: wrongType(propertySchema) });
        const body = await response.json();
        expect([name, property, response.status, body.error.code]).toEqual([name, property, 422, "invalid"]);
        expect(body.error.fields[property], `${name} ${property}`).toEqual([expect.any(String)]);
      }
      const empty = await (await handlers[name]!({})).json();
      expect([name, Object.keys(empty.error.fields).sort()]).toEqual([name, [...(schema.required ?? [])].sort()]);
    }
    expect(await db.revision.count({ where: { entry: { slug } } })).toBe(1);
    expect(await db.vote.count({ where: { entry: { slug } } })).toBe(0);
  });

  it("parses query parameters as the documented strings: each documented constraint is a 400 naming it", async () => {
    const list = operations.find(({ name }) => name === "GET /entries")!.operation;
    const get = async (params: [string, string][]) => {
      const response = await listEntriesResponse({
        db,
        request: new Request(`${ORIGIN}/api/v1/entries?${new URLSearchParams(params)}`),
      });
      return { status: response.status, body: await response.json() };
    };
    const parameters = (list.parameters ?? []).filter((parameter) => parameter.in === "query");
    expect(parameters.map((parameter) => parameter.name).sort()).toEqual(
      ["category", "language", "page", "q", "sort", "status", "tag"].sort(),
    );
    for (const { name, schema } of parameters) {
      // What arrives in a query string is text: the document says so.
      expect([name, schema.type]).toEqual([name, name === "tag" ? "array" : "string"]);
      const bad = violating(schema);
      if (!bad) continue;
      const { status, body } = await get(bad.map((value) => [name, value]));
      expect([name, status, Object.keys(body.error.fields)]).toEqual([name, 400, [name]]);
    }
    expect((await get([["page", "2"]])).body).toMatchObject({ page: 2 });
  });
});
