"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { entryContentShape } from "@/lib/entries/schema";
import { submitEntry } from "@/lib/entries/submit-entry";
import { clientIp } from "@/lib/http/client-ip";
import { revalidateEntry } from "@/lib/page-cache";

/** Submits a new entry (anyone may; anonymous entries show as @anonymous). */
export const submitEntryAction = action(z.object({ content: entryContentShape }), async ({ content }, { user }) => {
  const requestHeaders = await headers();
  const ip = clientIp((name) => requestHeaders.get(name));
  const result = await submitEntry({ db, input: content, user, ip });
  if (!result.ok) return result;
  await revalidateEntry(result.slug);
  return { ok: true as const, href: `/entries/${result.slug}` };
});
