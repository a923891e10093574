"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export type TokenActionState = { ok: boolean; message: string; token?: string } | null;

/** Creates a personal API token for the signed-in user; the token is shown once. */
export async function createTokenAction(_previous: TokenActionState, form: FormData): Promise<TokenActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Sign in to create API tokens." };
  const result = await createApiToken({ db, userId: user.id, name: String(form.get("name") ?? "") });
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath(`/users/${user.handle}`);
  return {
    ok: true,
    message: `Token “${result.item.name}” created. Copy it now: it is not shown again.`,
    token: result.token,
  };
}

export async function revokeTokenAction(
  tokenId: string,
  _previous: TokenActionState,
  _form: FormData,
): Promise<TokenActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Sign in to manage API tokens." };
  const revoked = await revokeApiToken({ db, userId: user.id, tokenId });
  revalidatePath(`/users/${user.handle}`);
  return revoked ? { ok: true, message: "Token revoked." } : { ok: false, message: "That token was already revoked." };
}
