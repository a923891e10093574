// The OpenAPI document and the route files must describe the same API: every route file's
// exported methods are documented, and every documented operation has a route. (That the
// document's request schemas are the ones the routes parse with: request-schemas.test.ts.)
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { ERROR_CODES } from "@/lib/errors";

const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeOperations(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    if (item.isDirectory())
      return routeOperations(path.join(dir, item.name), `${prefix}/${item.name.replace(/^\[(.+)\]$/, "{$1}")}`);
    if (item.name !== "route.ts") return [];
    const source = fs.readFileSync(path.join(dir, item.name), "utf8");
    return METHODS.filter((method) => new RegExp(`export (async )?function ${method}\\b`).test(source)).map(
      (method) => `${method} ${prefix}`,
    );
  });
}

it("documents exactly the routes that exist", () => {
  const document = openApiDocument();
  const documented = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
    METHODS.filter((method) => method.toLowerCase() in (item as object)).map((method) => `${method} ${route}`),
  );
  const implemented = routeOperations(API_ROOT);
  expect(implemented.length).toBeGreaterThan(5);
  expect(documented.sort()).toEqual(implemented.sort());
});

it("documents every error code the issue names and a schema for each response body", () => {
  const document = openApiDocument();
  const statuses = new Set(
    Object.values(document.paths ?? {}).flatMap((item) =>
      Object.values(item as Record<string, { responses: Record<string, unknown> }>).flatMap((operation) =>
        Object.keys(operation.responses),
      ),
    ),
  );
  for (const status of ["200", "201", "400", "401", "403", "404", "409", "413", "422", "429"])
    expect(statuses).toContain(status);
  expect(Object.keys(document.components?.schemas ?? {})).toEqual(
    expect.arrayContaining(["Entry", "EntryList", "Error", "RevisionInput", "Revision", "VoteResult", "TagList"]),
  );
});

it("takes the error codes from lib/errors.ts and names the request body schemas", () => {
  const document = openApiDocument();
  const error = document.components?.schemas?.Error as {
    properties: { error: { properties: { code: { enum: string[] } } } };
  };
  expect(error.properties.error.properties.code.enum).toEqual([...ERROR_CODES]);
  const bodies = Object.fromEntries(
    Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
      Object.entries(
        item as Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>,
      )
        .filter(([, operation]) => operation.requestBody)
        .map(([method, operation]) => [
          `${method.toUpperCase()} ${route}`,
          operation.requestBody!.content["application/json"]!.schema.$ref,
        ]),
    ),
  );
  expect(bodies).toEqual({
    "POST /entries": "#/components/schemas/EntryInput",
    "POST /entries/{ref}/revisions": "#/components/schemas/RevisionInput",
    "POST /entries/{ref}/vote": "#/components/schemas/VoteInput",
  });
});
