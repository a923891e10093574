"use server";
// The entry form's helpers, shared by the submit and edit pages.

import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { BODY_MAX, TITLE_MAX } from "@/lib/entries/schema";
import { similarEntries } from "@/lib/entries/similar";
import { clientIp } from "@/lib/http/client-ip";
import { previewMarkdown } from "@/lib/markdown/preview";

/**
 * The preview of one Markdown field, rendered exactly as the entry page renders it; limited per
 * client address and user. A field longer than the form allows is refused unread.
 */
export const previewMarkdownAction = action(
  z.object({ field: z.string().max(40), markdown: z.string().max(BODY_MAX * 2) }),
  async ({ field, markdown }, { user }) => {
    const requestHeaders = await headers();
    const ip = clientIp((name) => requestHeaders.get(name));
    return previewMarkdown({ db, user, ip, field, markdown });
  },
);

/** Entries whose titles look like the one being typed, so the author can check for duplicates. */
export const similarEntriesAction = action(z.object({ title: z.string() }), async ({ title }) => {
  return { ok: true as const, entries: await similarEntries({ db, title: title.slice(0, TITLE_MAX) }) };
});
