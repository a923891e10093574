"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { signUpAction } from "@/app/sign-up/actions";
import { buttonClass, FieldErrors, inputClass } from "@/components/auth/AuthCard";

type SignUpState = Awaited<ReturnType<typeof signUpAction>> | null;

type Field = "handle" | "email" | "password";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  // React resets the form after the action runs, so keep the password typed for the sign-in.
  const typedPassword = useRef("");
  const [state, action, pending] = useActionState(signUpAction, null as SignUpState);
  const errors = (name: Field) => (state?.ok === false ? state.fieldErrors?.[name] : undefined);
  const typed = (name: "handle" | "email") => (state && "values" in state ? state.values[name] : "");

  useEffect(() => {
    if (!state?.ok) return;
    signIn("credentials", { login: state.values.handle, password: typedPassword.current, redirect: false }).then(() => {
      router.push(callbackUrl);
      router.refresh();
    });
  }, [state, callbackUrl, router]);

  const field = (name: Field) => ({
    name,
    "aria-invalid": Boolean(errors(name)?.length),
    "aria-describedby": errors(name)?.length ? `${name}-error` : undefined,
    className: inputClass,
  });

  return (
    <form
      action={action}
      onSubmit={(event) => (typedPassword.current = String(new FormData(event.currentTarget).get("password") ?? ""))}
      className="space-y-4"
      noValidate
    >
      <label className="block text-sm font-medium">
        Handle
        <input {...field("handle")} defaultValue={typed("handle")} autoComplete="username" required />
        <span className="mt-1 block text-xs font-normal text-stone-500">
          Shown on your entries as @handle. Lower-case letters, digits, - and _.
        </span>
      </label>
      <FieldErrors id="handle-error" errors={errors("handle")} />
      <label className="block text-sm font-medium">
        Email
        <input {...field("email")} type="email" defaultValue={typed("email")} autoComplete="email" required />
      </label>
      <FieldErrors id="email-error" errors={errors("email")} />
      <label className="block text-sm font-medium">
        Password
        <input {...field("password")} type="password" autoComplete="new-password" required />
      </label>
      <FieldErrors id="password-error" errors={errors("password")} />
      {state?.ok === false && !state.fieldErrors && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending || state?.ok} className={buttonClass}>
        {state?.ok ? "Signing in…" : pending ? "Creating account…" : "Create account"}
      </button>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        Already have an account?{" "}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-amber-700 hover:underline dark:text-amber-400"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
