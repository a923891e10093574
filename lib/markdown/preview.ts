// The live preview of the entry form. Anyone may ask for one, and each renders up to a whole
// field of Markdown, so previews are metered per client address and per signed-in user, and the
// meter is read before any rendering: a refused preview costs one database write.
import "server-only";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { BODY_MAX } from "@/lib/entries/schema";
import { type Failure, fail } from "@/lib/errors";
import { consumeOrWait } from "@/lib/rate-limits";
import { renderMarkdown } from "./render";

// A preview follows each pause in typing (half a second), so a busy author asks for some 20 a
// minute; everyone behind one NAT shares an address. The browser tests raise the limit.
export const PREVIEWS_PER_MINUTE_PER_IP = Number(process.env.PREVIEWS_PER_MINUTE_PER_IP) || 120;
export const PREVIEWS_PER_MINUTE_PER_USER = 60;

const MARKDOWN_FIELDS = ["problem", "solution", "why", "context"] as const;

export async function previewMarkdown({
  db,
  user,
  ip,
  field,
  markdown,
}: {
  db: Db;
  user: CurrentUser | null;
  ip: string;
  field: string;
  markdown: string;
}): Promise<{ ok: true; preview: ReactNode } | Failure> {
  const perIp = { db, keyPrefix: "preview-ip", points: PREVIEWS_PER_MINUTE_PER_IP, durationSeconds: 60, key: ip };
  const perUser = { db, keyPrefix: "preview-user", points: PREVIEWS_PER_MINUTE_PER_USER, durationSeconds: 60 };
  const wait = await consumeOrWait(user ? [perIp, { ...perUser, key: user.id }] : [perIp]);
  if (wait) {
    const message = `Too many previews in the last minute: the preview resumes in ${wait} seconds.`;
    return fail("rate_limited", message, { retryAfterSeconds: wait });
  }
  const idPrefix = MARKDOWN_FIELDS.find((name) => name === field) ?? "preview";
  return { ok: true, preview: await renderMarkdown(markdown.slice(0, BODY_MAX), { idPrefix }) };
}
