// next-auth configuration. Sessions are JWTs (next-auth v4 requires them for the
// Credentials provider); the token carries only the user id, and the role is read from the
// database on each server-side check (lib/auth/session.ts), so a demotion applies at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { findOrCreateGitHubUser } from "@/lib/auth/github";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/passwords";
import { signInLimits } from "@/lib/auth/rate-limit";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { findUserById, findUserForSignIn } from "@/lib/users";

export const SIGN_IN_FAILED = "Wrong handle, email or password.";
export const lockedOutMessage = (seconds: number) =>
  `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}.`;

const credentials = CredentialsProvider({
  name: "Handle or email",
  credentials: { login: { label: "Handle or email", type: "text" }, password: { label: "Password", type: "password" } },
  async authorize(input, request) {
    const login = String(input?.login ?? "");
    const password = String(input?.password ?? "");
    const ip = clientIp((name) => {
      const value = request?.headers?.[name];
      return Array.isArray(value) ? value[0] : value;
    });
    const limits = signInLimits(db);
    const locked = await limits.lockedFor({ login, ip });
    if (locked) throw new Error(lockedOutMessage(locked));
    const user = await findUserForSignIn({ db, login });
    // Same work whether or not the account exists, and the same message either way.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user?.passwordHash || !valid) {
      await limits.recordFailure({ login, ip });
      throw new Error(SIGN_IN_FAILED);
    }
    await limits.recordSuccess({ login });
    return { id: user.id, name: user.handle, email: user.email };
  },
});

const github =
  process.env.GITHUB_ID && process.env.GITHUB_SECRET
    ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
    : [];

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
  providers: [credentials, ...github],
  callbacks: {
    // next-auth's default keeps any URL that starts with "/" ("/\t/evil.example" included), and
    // puts it in a Location header and a cookie as it is, where a newline makes it answer 500.
    // The same rule as the sign-in page's, with the real origin: a normalized path on this site.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackUrl(url, baseUrl)}`;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "github" && profile) {
        token.uid = await findOrCreateGitHubUser({
          db,
          account,
          profile: profile as { login?: string; email?: string | null; name?: string | null },
        });
      } else if (user) {
        token.uid = user.id;
      }
      return token;
    },
    // The header reads handle and role from here; they come from the database, so a renamed
    // or demoted user's menu is current too.
    async session({ session, token }) {
      const user = typeof token.uid === "string" ? await findUserById({ db, id: token.uid }) : null;
      if (session.user && user) Object.assign(session.user, { id: user.id, name: user.handle, role: user.role });
      return session;
    },
  },
};

export const githubSignInEnabled = github.length > 0;
