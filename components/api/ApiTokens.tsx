"use client";

import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/users/[handle]/actions";
import type { ApiTokenItem } from "@/lib/api-tokens";

type TokenActionState = Awaited<ReturnType<typeof createTokenAction | typeof revokeTokenAction>> | null;

const dateFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

function Message({ state }: { state: TokenActionState }) {
  if (!state) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`text-sm ${state.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
    >
      {state.message}
    </p>
  );
}

function RevokeButton({ token }: { token: ApiTokenItem }) {
  const [state, action, pending] = useActionState(revokeTokenAction, null as TokenActionState);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={token.id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${token.name}`}
        className="text-sm font-medium text-red-700 hover:underline dark:text-red-400"
      >
        Revoke
      </button>
      <Message state={state} />
    </form>
  );
}

/** The owner's personal API tokens: create one (shown once), see when each was used, revoke. */
export function ApiTokens({ tokens }: { tokens: ApiTokenItem[] }) {
  const [state, action, pending] = useActionState(createTokenAction, null as TokenActionState);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Token name</span>
          <input
            name="name"
            required
            maxLength={60}
            placeholder="e.g. CI import script"
            className="mt-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900"
        >
          Create token
        </button>
      </form>
      <Message state={state} />
      {state?.ok && "token" in state && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40">
          <code data-testid="new-api-token" className="break-all font-mono text-sm">
            {state.token}
          </code>
        </p>
      )}
      {tokens.length > 0 && (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
              <span className="font-medium">{token.name}</span>
              <code className="font-mono text-stone-500">{token.prefix}…</code>
              <span className="flex-1 text-stone-500 dark:text-stone-400">
                created {dateFormat.format(token.createdAt)} ·{" "}
                {token.lastUsedAt ? `last used ${dateFormat.format(token.lastUsedAt)}` : "never used"}
              </span>
              {token.revokedAt ? (
                <span className="text-stone-500">revoked {dateFormat.format(token.revokedAt)}</span>
              ) : (
                <RevokeButton token={token} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
