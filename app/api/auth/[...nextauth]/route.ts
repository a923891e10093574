import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { toJsonError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/json";

const handler = NextAuth(authOptions);

// Sign-in, sign-out and CSRF forms are a few fields; next-auth would read any body whole.
const AUTH_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's POSTs, with the body read up to AUTH_BODY_BYTES first (413 past it). */
async function POST(request: NextRequest, context: Context) {
  const body = await readBodyBytes(request, AUTH_BODY_BYTES);
  if (!body.ok) return toJsonError(body);
  const capped = new NextRequest(request.nextUrl, { method: "POST", headers: request.headers, body: body.value });
  return handler(capped, context);
}

export { handler as GET, POST };
