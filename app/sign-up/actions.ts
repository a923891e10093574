"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

// Types and generous caps only; lib/users.ts judges the values.
const signUpInput = z.object({
  handle: z.string().max(200),
  email: z.string().max(400),
  password: z.string().max(1_000),
});

/** Creates an account; the form then signs in with the same credentials. */
export const signUpAction = action(signUpInput, async ({ handle, email, password }) => {
  const values = { handle, email };
  const result = await createUser({ db, input: { handle, email, password } });
  return result.ok ? { ok: true as const, values } : { ...result, values };
});
