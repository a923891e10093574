"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "next-auth/react";
import { isModerator, type Role } from "@/lib/auth/roles";

const linkClass = "text-stone-600 hover:text-stone-950 dark:text-stone-300 dark:hover:text-white";

export function UserMenu() {
  const { data, status } = useSession();
  const pathname = usePathname();
  if (status === "loading")
    return (
      <span className="text-sm text-stone-400" aria-hidden="true">
        …
      </span>
    );
  const handle = data?.user?.name;
  if (!handle) {
    const back =
      pathname && !["/sign-in", "/sign-up", "/sign-out"].includes(pathname)
        ? `?callbackUrl=${encodeURIComponent(pathname)}`
        : "";
    return (
      <div className="flex items-center gap-3 whitespace-nowrap text-sm">
        <Link href={`/sign-in${back}`} className={linkClass}>
          Sign in
        </Link>
        <Link
          href={`/sign-up${back}`}
          className="rounded-md bg-amber-500 px-3 py-1 font-medium text-stone-950 hover:bg-amber-400"
        >
          Sign up
        </Link>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-3 whitespace-nowrap text-sm">
      {isModerator(data.user as { role?: Role }) && (
        <Link href="/review" className={linkClass}>
          Review
        </Link>
      )}
      <Link
        href={`/users/${encodeURIComponent(handle)}`}
        className={`inline-block max-w-40 truncate align-bottom font-medium ${linkClass}`}
        data-testid="signed-in-as"
      >
        @{handle}
      </Link>
      <Link href="/sign-out" className={linkClass}>
        Sign out
      </Link>
    </div>
  );
}
