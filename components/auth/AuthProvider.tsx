"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/** Lets client components ask who is signed in; pages themselves stay static. */
export function AuthProvider({ children }: { children: ReactNode }) {
  return <SessionProvider>{children}</SessionProvider>;
}
