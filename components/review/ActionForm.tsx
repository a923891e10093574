"use client";

import { type ReactNode, useActionState } from "react";

import type { ActionMessage } from "@/lib/actions";

/** A form posting to a server action, with the action's answer shown under it. Works without JavaScript too. */
export function ActionForm({
  action,
  hidden,
  children,
  className,
  label,
}: {
  action: (previous: ActionMessage, form: FormData) => Promise<ActionMessage>;
  /** Hidden fields, e.g. the id of what the form acts on. */
  hidden: Record<string, string>;
  children: ReactNode;
  className?: string;
  label: string;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {result && (
        <p
          role={result.ok ? "status" : "alert"}
          className={`mt-2 text-sm ${result.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
        >
          {[result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" ")}
        </p>
      )}
    </form>
  );
}
