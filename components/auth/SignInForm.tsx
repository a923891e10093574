"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { buttonClass, inputClass } from "@/components/auth/AuthCard";

export function SignInForm({
  callbackUrl,
  initialError,
  githubEnabled,
}: {
  callbackUrl: string;
  initialError: string | null;
  githubEnabled: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      login: form.get("login"),
      password: form.get("password"),
      redirect: false,
      callbackUrl,
    });
    if (!result || result.error) {
      setPending(false);
      setError(
        result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong handle, email or password.",
      );
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error && (
          <p
            role="alert"
            className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
          >
            {error}
          </p>
        )}
        <label className="block text-sm font-medium">
          Handle or email
          <input name="login" autoComplete="username" required className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </label>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {githubEnabled && (
        <button
          type="button"
          onClick={() => signIn("github", { callbackUrl })}
          className="w-full rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Sign in with GitHub
        </button>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-300">
        No account yet?{" "}
        <Link
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-amber-700 hover:underline dark:text-amber-400"
        >
          Sign up
        </Link>
      </p>
    </div>
  );
}
