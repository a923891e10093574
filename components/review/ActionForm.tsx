"use client";

import { type ReactNode, useActionState } from "react";

export type ActionMessage = { ok: boolean; message: string } | null;

/** A form posting to a server action, with the action's answer shown under it. Works without JavaScript too. */
export function ActionForm({
  action,
  children,
  className,
  label,
}: {
  action: (previous: ActionMessage, form: FormData) => Promise<ActionMessage>;
  children: ReactNode;
  className?: string;
  label: string;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className={className}>
      {children}
      {result && (
        <p
          role={result.ok ? "status" : "alert"}
          className={`mt-2 text-sm ${result.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
        >
          {result.message}
        </p>
      )}
    </form>
  );
}
