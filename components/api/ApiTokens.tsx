"use client";

import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/users/[handle]/actions";
import { EXPIRY_CHOICES, type ExpiryChoice, SCOPE_CHOICES, type ScopeChoice } from "@/lib/api-token-choices";
import type { ApiTokenItem } from "@/lib/api-tokens";

type TokenActionState = Awaited<ReturnType<typeof createTokenAction | typeof revokeTokenAction>> | null;

const dateFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

const EXPIRY_LABELS: Record<ExpiryChoice, string> = {
  never: "Never",
  "30": "In 30 days",
  "90": "In 90 days",
  "365": "In a year",
};

const fieldClass =
  "mt-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950";

function scopesLabel(token: ApiTokenItem): string {
  return token.scopes.includes("write") ? "read and write" : "read only";
}

function expiryLabel(token: ApiTokenItem): string {
  if (!token.expiresAt) return "never expires";
  return `${token.expired ? "expired" : "expires"} ${dateFormat.format(token.expiresAt)}`;
}

function Message({ state }: { state: TokenActionState }) {
  if (!state) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`text-sm ${state.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
    >
      {[state.message, ...Object.values(("fieldErrors" in state && state.fieldErrors) || {}).flat()].join(" ")}
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

/** The owner's personal API tokens: create one (scopes, expiry; shown once), see what each may do and when it was used, revoke. */
export function ApiTokens({ tokens }: { tokens: ApiTokenItem[] }) {
  const [state, action, pending] = useActionState(createTokenAction, null as TokenActionState);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Token name</span>
          <input name="name" required maxLength={60} placeholder="e.g. CI import script" className={fieldClass} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Access</span>
          <select name="scope" defaultValue={"read write" satisfies ScopeChoice} className={fieldClass}>
            {Object.entries(SCOPE_CHOICES).map(([value, choice]) => (
              <option key={value} value={value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Expires</span>
          <select name="expiresIn" defaultValue={"90" satisfies ExpiryChoice} className={fieldClass}>
            {EXPIRY_CHOICES.map((value) => (
              <option key={value} value={value}>
                {EXPIRY_LABELS[value]}
              </option>
            ))}
          </select>
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
              <span data-testid="token-scopes">{scopesLabel(token)}</span>
              <span className="flex-1 text-stone-500 dark:text-stone-400">
                created {dateFormat.format(token.createdAt)} · {expiryLabel(token)} ·{" "}
                {token.lastUsedAt ? `last used ${timeFormat.format(token.lastUsedAt)} UTC` : "never used"}
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
