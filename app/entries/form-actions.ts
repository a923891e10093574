"use server";
// The entry form's helpers, shared by the submit and edit pages.

import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { BODY_MAX, TITLE_MAX } from "@/lib/entries/schema";
import { similarEntries } from "@/lib/entries/similar";
import { renderMarkdown } from "@/lib/markdown/render";

const MARKDOWN_FIELDS = ["problem", "solution", "why", "context"] as const;

/** The preview of one Markdown field, rendered exactly as the entry page renders it. */
export const previewMarkdownAction = action(
  z.object({ field: z.string().max(40), markdown: z.string() }),
  async ({ field, markdown }) => {
    const idPrefix = MARKDOWN_FIELDS.find((name) => name === field) ?? "preview";
    return { ok: true as const, preview: await renderMarkdown(markdown.slice(0, BODY_MAX), { idPrefix }) };
  },
);

/** Entries whose titles look like the one being typed, so the author can check for duplicates. */
export const similarEntriesAction = action(z.object({ title: z.string() }), async ({ title }) => {
  return { ok: true as const, entries: await similarEntries({ db, title: title.slice(0, TITLE_MAX) }) };
});
