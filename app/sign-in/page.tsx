import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { githubSignInEnabled } from "@/lib/auth/options";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  // next-auth sends people back here with ?error=... (e.g. after a failed GitHub sign-in).
  const error =
    typeof params.error === "string"
      ? params.error === "CredentialsSignin"
        ? "Wrong handle, email or password."
        : "Sign-in failed. Try again."
      : null;
  return (
    <AuthCard title="Sign in to HiveBrain">
      <SignInForm
        callbackUrl={safeCallbackUrl(params.callbackUrl)}
        initialError={error}
        githubEnabled={githubSignInEnabled}
      />
    </AuthCard>
  );
}
