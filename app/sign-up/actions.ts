"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { createUser } from "@/lib/users";

// Types and generous caps only; lib/users.ts judges the values.
const signUpInput = z.object({
  handle: z.string().max(200),
  email: z.string().max(400),
  password: z.string().max(1_000),
});

/** Creates an account (rate-limited per client address); the form then signs in with the same credentials. */
export const signUpAction = action(signUpInput, async ({ handle, email, password }) => {
  const values = { handle, email };
  const requestHeaders = await headers();
  const ip = clientIp((name) => requestHeaders.get(name));
  const result = await createUser({ db, input: { handle, email, password }, ip });
  return result.ok ? { ok: true as const, values } : { ...result, values };
});
