// Server actions go through these wrappers. Every exported "use server" function is a public
// POST endpoint whose arguments are whatever a client sends, whatever TypeScript says; so the
// wrapper parses the input with zod at run time, loads the user once, checks the role, and
// turns the handler's Failure into what a form shows (lib/errors.ts toActionState).
//
// An action takes one argument: an object (called from a component) or the FormData of a
// <form action> (then the previous state from useActionState comes first and is ignored).
// Ids that the page binds belong in the input too (hidden fields), so they are checked alike.
import "server-only";
import { z } from "zod";
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { type ActionState, type Failure, type FieldErrors, fail, fieldErrorsOf, toActionState } from "@/lib/errors";

type Access = "anyone" | "user" | "moderator";

type UserFor<A extends Access> = A extends "anyone" ? CurrentUser | null : CurrentUser;

type Handler<S extends z.ZodType, A extends Access, R> = (
  input: z.output<S>,
  context: { user: UserFor<A> },
) => Promise<R>;

/** What an action answers: the handler's success, the form state of its failure, or the wrapper's own refusal. */
export type ActionResult<R> = (R extends Failure ? ActionState<R> : R) | ActionState;

/** The input of a call: the object argument, or the fields of a submitted form. */
function inputOf(args: unknown[]): unknown {
  const last = args.at(-1);
  if (last instanceof FormData) {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of last) if (typeof value === "string") fields[name] = value;
    return fields;
  }
  return args[0];
}

const SIGNED_OUT = "Sign in first: your session may have ended.";
const NOT_MODERATOR = "Only moderators can do that.";

function wrap<A extends Access>(access: A) {
  return <S extends z.ZodType, R>(schema: S, handler: Handler<S, A, R>) =>
    async (...args: unknown[]): Promise<ActionResult<R>> => {
      const parsed = schema.safeParse(inputOf(args));
      if (!parsed.success) {
        return toActionState(fail("invalid", undefined, { fieldErrors: fieldErrorsOf(parsed.error) }));
      }
      const user = await getCurrentUser();
      if (access !== "anyone" && !user) return toActionState(fail("unauthorized", SIGNED_OUT));
      if (access === "moderator" && !isModerator(user)) return toActionState(fail("forbidden", NOT_MODERATOR));
      const result = await handler(parsed.data, { user: user as UserFor<A> });
      return (isFailure(result) ? toActionState(result) : result) as ActionResult<R>;
    };
}

function isFailure(result: unknown): result is Failure {
  return typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;
}

/** An action anyone may call, signed in or not. */
export const action = wrap("anyone");
/** An action for signed-in users; others get `unauthorized`. */
export const userAction = wrap("user");
/** An action for moderators and admins; others get `unauthorized` or `forbidden`. */
export const moderatorAction = wrap("moderator");

/** The state of a form that answers with a message (review, moderation, tokens). */
export type ActionMessage = { ok: boolean; message: string; fieldErrors?: FieldErrors } | null;

/** A form field that must hold an id (ids are short; anything else is refused before any work). */
export const idField = z.string().min(1).max(100);
