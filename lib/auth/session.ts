import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import type { CurrentUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { findUserById } from "@/lib/users";

/**
 * The signed-in user for this request, with their current role from the database, or null.
 * Server-only (reads the session cookie): never call it from a page that must stay static.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? findUserById({ db, id }) : null;
});
