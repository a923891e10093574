import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { pruneViews, recordView } from "@/lib/views";

const VISITOR_COOKIE = "hb_visitor";
const ONE_YEAR_S = 365 * 24 * 3600;
const PRUNE_PROBABILITY = 0.01;

/** Counts a view of the entry for this visitor (at most once an hour) and returns the count. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const jar = await cookies();
  const visitorId = jar.get(VISITOR_COOKIE)?.value || randomUUID();
  const result = await recordView({ db, slug, visitorId });
  if (!result) return NextResponse.json({ error: { code: "not_found", message: `No entry has the slug "${slug}".` } }, { status: 404 });
  if (Math.random() < PRUNE_PROBABILITY) await pruneViews({ db });
  jar.set(VISITOR_COOKIE, visitorId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: ONE_YEAR_S, secure: isHttps(request) });
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
}

function isHttps(request: Request): boolean {
  return request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
}
