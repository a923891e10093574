"use server";

import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

export type SignUpState = {
  ok: boolean;
  fieldErrors: Partial<Record<"handle" | "email" | "password", string[]>>;
  values: { handle: string; email: string };
};

/** Creates an account; the form then signs in with the same credentials. */
export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values = { handle: String(form.get("handle") ?? ""), email: String(form.get("email") ?? "") };
  const result = await createUser({ db, input: { ...values, password: String(form.get("password") ?? "") } });
  return result.ok ? { ok: true, fieldErrors: {}, values } : { ok: false, fieldErrors: result.fieldErrors, values };
}
