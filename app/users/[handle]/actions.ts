"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField, userAction } from "@/lib/actions";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { db } from "@/lib/db";
import { fail } from "@/lib/errors";

/** Creates a personal API token for the signed-in user; the token is shown once. */
export const createTokenAction = userAction(z.object({ name: z.string().max(500) }), async ({ name }, { user }) => {
  const result = await createApiToken({ db, userId: user.id, name });
  if (!result.ok) return result;
  revalidatePath(`/users/${user.handle}`);
  const message = `Token “${result.item.name}” created. Copy it now: it is not shown again.`;
  return { ok: true as const, message, token: result.token };
});

export const revokeTokenAction = userAction(z.object({ tokenId: idField }), async ({ tokenId }, { user }) => {
  const revoked = await revokeApiToken({ db, userId: user.id, tokenId });
  revalidatePath(`/users/${user.handle}`);
  return revoked
    ? { ok: true as const, message: "Token revoked." }
    : fail("not_found", "That token was already revoked.");
});
