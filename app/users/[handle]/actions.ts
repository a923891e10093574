"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField, userAction } from "@/lib/actions";
import { EXPIRY_CHOICES, SCOPE_CHOICES, type ScopeChoice } from "@/lib/api-token-choices";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { db } from "@/lib/db";
import { fail } from "@/lib/errors";

const createTokenInput = z.object({
  name: z.string().max(500),
  scope: z.enum(Object.keys(SCOPE_CHOICES) as [ScopeChoice, ...ScopeChoice[]], "Choose read only, or read and write."),
  expiresIn: z.enum(EXPIRY_CHOICES, "Choose when the token expires."),
});

/** Creates a personal API token for the signed-in user; the token is shown once. */
export const createTokenAction = userAction(createTokenInput, async ({ name, scope, expiresIn }, { user }) => {
  const result = await createApiToken({
    db,
    userId: user.id,
    name,
    scopes: SCOPE_CHOICES[scope].scopes,
    expiresInDays: expiresIn === "never" ? null : Number(expiresIn),
  });
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
