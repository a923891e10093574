// The one vocabulary of expected failures. lib/ functions answer `Failure`s with these codes;
// the transports translate them here: route handlers with toJsonError (the status and the
// {"error": …} body of the API), server actions with toActionState (what a form shows). The
// OpenAPI document takes its list of codes from this table.
import type { z } from "zod";

export const ERRORS = {
  bad_request: { status: 400, message: "The request is malformed." },
  unauthorized: { status: 401, message: "Sign in to do that." },
  forbidden: { status: 403, message: "You may not do that." },
  not_found: { status: 404, message: "Not found." },
  conflict: { status: 409, message: "Someone else changed this meanwhile." },
  too_large: { status: 413, message: "The request is too large." },
  invalid: { status: 422, message: "Some fields need attention." },
  rate_limited: { status: 429, message: "Too many requests. Try again later." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

export type FieldErrors = Record<string, string[] | undefined>;

/** Each field's problems, keyed by the field's own name (`content.tags.2` → `tags`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.findLast((segment) => typeof segment === "string") ?? "form";
    fields[name] = [...(fields[name] ?? []), issue.message];
  }
  return fields;
}

/** The part of a three-way merge that both sides changed (see lib/revisions/merge.ts). */
export interface Conflict {
  field: string;
  theirs: string;
  yours: string;
}

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Problems per input field (invalid, bad_request). */
  fieldErrors?: FieldErrors;
  /** When a rate limit allows the next attempt (rate_limited). */
  retryAfterSeconds?: number;
  /** The overlapping parts of concurrent edits (conflict). */
  conflicts?: Conflict[];
}

/** A failure with this code; the message defaults to the table's. */
export function fail(
  code: ErrorCode,
  message: string = ERRORS[code].message,
  extra: Pick<Failure, "fieldErrors" | "retryAfterSeconds" | "conflicts"> = {},
): Failure {
  return { ok: false, code, message, ...extra };
}

export function httpStatus(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** The API's answer to a failure: {"error": {"code", "message", "fields"?, "conflicts"?}}. */
export function toJsonError(failure: Omit<Failure, "ok">): Response {
  const { code, message, fieldErrors, retryAfterSeconds, conflicts } = failure;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  const error = {
    code,
    message,
    ...(fieldErrors ? { fields: fieldErrors } : {}),
    ...(conflicts ? { conflicts } : {}),
  };
  return Response.json({ error }, { status: ERRORS[code].status, headers });
}

/**
 * What a form shows for a failure: the failure without what only HTTP needs (the message
 * already says when to try again). Extra fields a failure carries (a merge's state) stay.
 */
export type ActionState<F extends Failure = Failure> = Omit<F, "retryAfterSeconds">;

export function toActionState<F extends Failure>(failure: F): ActionState<F> {
  const { retryAfterSeconds: _, ...state } = failure;
  return state;
}

/** What an MCP tool answers for a failure: a tool error whose text names each field, the details as structured content. */
export function toToolError(failure: Omit<Failure, "ok">) {
  const { code, message, fieldErrors, retryAfterSeconds, conflicts } = failure;
  const lines = [message];
  for (const [field, problems] of Object.entries(fieldErrors ?? {}))
    for (const problem of problems ?? []) lines.push(`- ${field}: ${problem}`);
  if (retryAfterSeconds) lines.push(`Retry after ${retryAfterSeconds} seconds.`);
  return {
    isError: true as const,
    content: [{ type: "text" as const, text: lines.join("\n") }],
    structuredContent: {
      error: {
        code,
        message,
        ...(fieldErrors ? { fields: fieldErrors } : {}),
        ...(conflicts ? { conflicts } : {}),
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      },
    },
  };
}
