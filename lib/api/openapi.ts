// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse requests
// with and the tests check responses against. Served at /api/v1/openapi.json.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import {
  EntryInputSchema,
  EntryListSchema,
  EntryRefSchema,
  EntrySchema,
  ErrorSchema,
  ListQuerySchema,
  RevisionCreatedSchema,
  RevisionInputSchema,
  RevisionListSchema,
  TagListSchema,
  VoteInputSchema,
  VoteResultSchema,
} from "@/lib/api/schemas";

const ERROR_DESCRIPTIONS = {
  400: "Malformed request: bad query parameters or a body that is not a JSON object.",
  401: "No valid credentials: sign in, or send a valid API token.",
  403: "Not allowed: e.g. voting on your own entry, or a cross-site request with a session cookie.",
  404: "No entry has that id or slug.",
  409: "The edit overlaps with changes saved since its base revision; `conflicts` shows both sides.",
  413: "The body is larger than 256 KiB.",
  422: "The body does not have the documented types, or the content is invalid; `fields` names each problem (decision trees included).",
  429: "Too many submissions; see the Retry-After header.",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], ...json(ErrorSchema) }]),
  );

const bearer: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token, created on your profile page.",
  });

  registry.registerPath({
    method: "get",
    path: "/entries",
    summary: "List and search entries",
    description:
      "The browse page's filters, sort and pagination (20 per page), plus q for full-text search. Rejected entries are listed only to their author and moderators.",
    security: bearer,
    request: { query: ListQuerySchema },
    responses: { 200: { description: "A page of entries.", ...json(EntryListSchema) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: "post",
    path: "/entries",
    summary: "Submit an entry",
    description:
      "Anyone may submit. Entries from callers who are not moderators start as pending; anonymous ones show as @anonymous.",
    security: bearer,
    request: { body: { required: true, ...json(EntryInputSchema) } },
    responses: {
      201: { description: "The new entry.", ...json(EntrySchema) },
      ...errors(400, 401, 403, 413, 422, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/entries/{ref}",
    summary: "Get one entry",
    description: "A rejected entry exists only for its author and moderators (404 for everyone else).",
    security: bearer,
    request: { params: EntryRefSchema },
    responses: { 200: { description: "The entry.", ...json(EntrySchema) }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/entries/{ref}/revisions",
    summary: "List an entry's revisions",
    description:
      "Every revision, newest first: accepted, pending and rejected. Number 0 is the original submission. A rejected revision, with its reviewer's note, is listed only to the person who proposed it and moderators.",
    security: bearer,
    request: { params: EntryRefSchema },
    responses: { 200: { description: "The revisions.", ...json(RevisionListSchema) }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/entries/{ref}/revisions",
    summary: "Propose a revision",
    description:
      "Signed-in callers only. The author's and moderators' revisions apply at once (status accepted); others wait for review (pending).",
    security: bearer,
    request: { params: EntryRefSchema, body: { required: true, ...json(RevisionInputSchema) } },
    responses: {
      201: { description: "The revision and the entry as it now shows.", ...json(RevisionCreatedSchema) },
      ...errors(400, 401, 403, 404, 409, 413, 422, 429),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/entries/{ref}/vote",
    summary: "Vote on an entry",
    description: "Signed-in callers only, never on their own entries.",
    security: bearer,
    request: { params: EntryRefSchema, body: { required: true, ...json(VoteInputSchema) } },
    responses: {
      200: { description: "The new score and the caller's vote.", ...json(VoteResultSchema) },
      ...errors(400, 401, 403, 404, 413, 422),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/tags",
    summary: "List tags",
    description: "Every tag used by a listed (approved or pending) entry, most used first.",
    responses: { 200: { description: "The tags with their entry counts.", ...json(TagListSchema) } },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    responses: { 200: { description: "The OpenAPI document of /api/v1." } },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "HiveBrain API",
      version: "1.0.0",
      description:
        'Entries, revisions, votes and tags of HiveBrain. Errors are JSON: {"error": {"code", "message", "fields"?}}.',
    },
    servers: [{ url: "/api/v1" }],
  });
}
