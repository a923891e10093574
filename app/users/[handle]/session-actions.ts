"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions";
import { changePassword } from "@/lib/auth/password-change";
import { reissueSession } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db";

/** Ends every session of the signed-in user; the form then signs this browser out too. */
export const signOutEverywhereAction = userAction(z.object({}), async (_input, { user }) => {
  await endAllSessions({ db, userId: user.id });
  return { ok: true as const, message: "Signed out everywhere." };
});

// Types and generous caps only; lib/auth/password-change.ts judges the values.
const changePasswordInput = z.object({
  currentPassword: z.string().max(1_000),
  newPassword: z.string().max(1_000),
});

/** Changes the password, which signs out every other session; this browser gets a new one. */
export const changePasswordAction = userAction(
  changePasswordInput,
  async ({ currentPassword, newPassword }, { user }) => {
    const result = await changePassword({ db, userId: user.id, currentPassword, newPassword });
    if (!result.ok) return result;
    const kept = await reissueSession(result.sessionVersion);
    const message = `Password changed. Every other session is signed out${kept ? "; this browser stays signed in" : ""}.`;
    return { ok: true as const, message };
  },
);
