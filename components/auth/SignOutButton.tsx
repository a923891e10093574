"use client";

import { signOut } from "next-auth/react";
import { buttonClass } from "@/components/auth/AuthCard";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className={buttonClass}>
      Sign out
    </button>
  );
}
