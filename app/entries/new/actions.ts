"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import type { EntrySaveInput, EntrySaveResult } from "@/components/entries/form/EntryForm";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { BODY_MAX } from "@/lib/entries/schema";
import { similarEntries } from "@/lib/entries/similar";
import { submitEntry } from "@/lib/entries/submit-entry";
import { clientIp } from "@/lib/http/client-ip";
import { renderMarkdown } from "@/lib/markdown/render";

/** Submits a new entry (anyone may; anonymous entries show as @anonymous). */
export async function submitEntryAction({ content }: EntrySaveInput): Promise<EntrySaveResult> {
  const user = await getCurrentUser();
  const requestHeaders = await headers();
  const result = await submitEntry({ db, input: content, user, ip: clientIp((name) => requestHeaders.get(name)) });
  if (!result.ok)
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.code === "invalid" ? result.fieldErrors : undefined,
    };
  revalidatePath(`/entries/${result.slug}`);
  revalidatePath("/tags");
  return { ok: true, href: `/entries/${result.slug}` };
}

/** The preview of one Markdown field, rendered exactly as the entry page renders it. */
export async function previewMarkdownAction(field: string, markdown: string): Promise<ReactNode> {
  const idPrefix = ["problem", "solution", "why", "context"].includes(field) ? field : "preview";
  return renderMarkdown(markdown.slice(0, BODY_MAX), { idPrefix });
}

export async function similarEntriesAction(title: string) {
  return similarEntries({ db, title: title.slice(0, 200) });
}
