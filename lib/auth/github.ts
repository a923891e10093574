// GitHub sign-in without a next-auth adapter: the GitHub account is linked to a HiveBrain
// user through the Account table, creating the user (with a free handle) the first time.
import "server-only";
import type { Account } from "next-auth";
import type { Db } from "@/lib/db";
import { HANDLE_PATTERN } from "@/lib/users";

export async function findOrCreateGitHubUser({
  db,
  account,
  profile,
}: {
  db: Db;
  account: Account;
  profile: { login?: string; email?: string | null; name?: string | null };
}): Promise<string> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: "github", providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return linked.userId;
  const handle = await freeHandle(db, profile.login ?? "github-user");
  const user = await db.user.create({
    data: {
      handle,
      name: profile.name ?? handle,
      email:
        profile.email && !(await db.user.findUnique({ where: { email: profile.email.toLowerCase() } }))
          ? profile.email.toLowerCase()
          : null,
      accounts: { create: { type: account.type, provider: "github", providerAccountId: account.providerAccountId } },
    },
    select: { id: true },
  });
  return user.id;
}

async function freeHandle(db: Db, login: string): Promise<string> {
  let base = login
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, "-")
    .replace(/^[-_]+/, "")
    .slice(0, 24);
  if (!HANDLE_PATTERN.test(base)) base = `gh-${base}`.slice(0, 24).padEnd(3, "0");
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base}-${n}`;
    if (!(await db.user.findUnique({ where: { handle }, select: { id: true } }))) return handle;
  }
}
