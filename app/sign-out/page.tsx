import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignOutButton } from "@/components/auth/SignOutButton";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <AuthCard title="Sign out">
      <p className="mb-4 text-sm text-stone-600 dark:text-stone-300">
        You can sign in again at any time; your entries and votes stay.
      </p>
      <SignOutButton />
    </AuthCard>
  );
}
