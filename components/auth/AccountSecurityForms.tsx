"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { changePasswordAction, signOutEverywhereAction } from "@/app/users/[handle]/session-actions";
import { FieldErrors } from "@/components/auth/AuthCard";

type ChangeState = Awaited<ReturnType<typeof changePasswordAction>> | null;
type SignOutState = Awaited<ReturnType<typeof signOutEverywhereAction>> | null;

const fieldClass =
  "mt-1 block w-full max-w-xs rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950";
const buttonClass =
  "rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-800";

function Message({ state }: { state: { ok: boolean; message?: string; fieldErrors?: unknown } | null }) {
  if (!state?.message || (!state.ok && state.fieldErrors)) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`text-sm ${state.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
    >
      {state.message}
    </p>
  );
}

/** Ends every session of this account (a lost laptop, a shared computer), this browser's too. */
export function SignOutEverywhere() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, null as SignOutState);
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/sign-in" });
  }, [state]);
  return (
    <form action={action} className="space-y-2">
      <p className="text-sm text-stone-600 dark:text-stone-300">
        Signed in somewhere you no longer use? This signs you out in every browser and on every device, this one
        included.
      </p>
      <button type="submit" disabled={pending || state?.ok} className={buttonClass}>
        {state?.ok ? "Signing out…" : "Sign out everywhere"}
      </button>
      <Message state={state} />
    </form>
  );
}

/** Current and new password; a change signs out every other session and keeps this one. */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null as ChangeState);
  const errors = (name: "currentPassword" | "newPassword") =>
    state?.ok === false ? state.fieldErrors?.[name] : undefined;
  const described = (name: "currentPassword" | "newPassword") => ({
    "aria-invalid": Boolean(errors(name)?.length),
    "aria-describedby": errors(name)?.length ? `${name}-error` : undefined,
  });
  return (
    <form action={action} className="space-y-2" aria-labelledby="change-password-heading">
      <h3 id="change-password-heading" className="font-semibold">
        Change password
      </h3>
      <label className="block text-sm font-medium">
        Current password
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={fieldClass}
          {...described("currentPassword")}
        />
      </label>
      <FieldErrors id="currentPassword-error" errors={errors("currentPassword")} />
      <label className="block text-sm font-medium">
        New password
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          className={fieldClass}
          {...described("newPassword")}
        />
      </label>
      <FieldErrors id="newPassword-error" errors={errors("newPassword")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Changing…" : "Change password"}
      </button>
      <Message state={state} />
    </form>
  );
}
