// next-auth configuration. Sessions are JWTs (next-auth v4 requires them for the
// Credentials provider); the token carries the user id and the session version it was issued
// under. Each read of the session checks that version against the database and reads the role
// from there (session callback, and so lib/auth/session.ts), so "sign out everywhere", a
// password change and a demotion apply at once.
import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { findOrCreateGitHubUser } from "@/lib/auth/github";
import { authSecret } from "@/lib/auth/secret";
import { sessionVersionOf, userForSession } from "@/lib/auth/session-version";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

const credentials = CredentialsProvider({
  name: "Handle or email",
  credentials: { login: { label: "Handle or email", type: "text" }, password: { label: "Password", type: "password" } },
  async authorize(input, request) {
    const ip = clientIp((name) => {
      const value = request?.headers?.[name];
      return Array.isArray(value) ? value[0] : value;
    });
    const result = await signInWithPassword({
      db,
      login: String(input?.login ?? ""),
      password: String(input?.password ?? ""),
      ip,
    });
    // next-auth hands the message to the sign-in form.
    if (!result.ok) throw new Error(result.message);
    return { id: result.user.id, name: result.user.handle, email: result.user.email };
  },
});

const github =
  process.env.GITHUB_ID && process.env.GITHUB_SECRET
    ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
    : [];

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
  providers: [credentials, ...github],
  callbacks: {
    // next-auth's default keeps any URL that starts with "/" ("/\t/evil.example" included), and
    // puts it in a Location header and a cookie as it is, where a newline makes it answer 500.
    // The same rule as the sign-in page's, with the real origin: a normalized path on this site.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackUrl(url, baseUrl)}`;
    },
    // Only at sign-in (user or account set): stamp the user id and their current session version.
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
      if ((user || account) && typeof token.uid === "string")
        token.sv = await sessionVersionOf({ db, userId: token.uid });
      return token;
    },
    // Every read of the session comes here. A token older than the user's session version is
    // signed out: an empty session is what next-auth (server and client) takes for none. The
    // header reads handle and role from here, so a renamed or demoted user's menu is current too.
    async session({ session, token }) {
      const user = await userForSession({ db, token });
      if (!user) return {} as Session;
      return Object.assign(session, { user: { ...session.user, id: user.id, name: user.handle, role: user.role } });
    },
  },
};

export const githubSignInEnabled = github.length > 0;
