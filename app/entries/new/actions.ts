"use server";

import type { ReactNode } from "react";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { BODY_MAX, type EntryContentInput } from "@/lib/entries/schema";
import { similarEntries } from "@/lib/entries/similar";
import { submitEntry, type SubmitResult } from "@/lib/entries/submit-entry";
import { renderMarkdown } from "@/lib/markdown/render";

/** Submits a new entry (anyone may; anonymous entries show as @anonymous). */
export async function submitEntryAction(input: EntryContentInput): Promise<SubmitResult> {
  const user = await getCurrentUser();
  const requestHeaders = await headers();
  const result = await submitEntry({ db, input, user, ip: clientIp((name) => requestHeaders.get(name)) });
  if (result.ok) {
    revalidatePath(`/entries/${result.slug}`);
    revalidatePath("/tags");
  }
  return result;
}

/** The preview of one Markdown field, rendered exactly as the entry page renders it. */
export async function previewMarkdownAction(field: string, markdown: string): Promise<ReactNode> {
  const idPrefix = ["problem", "solution", "why", "context"].includes(field) ? field : "preview";
  return renderMarkdown(markdown.slice(0, BODY_MAX), { idPrefix });
}

export async function similarEntriesAction(title: string) {
  return similarEntries({ db, title: title.slice(0, 200) });
}
