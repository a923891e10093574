"use server";

import { z } from "zod";
import { idField, userAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { formValues } from "@/lib/entries/form";
import { entryContentShape } from "@/lib/entries/schema";
import { entryPath } from "@/lib/entries/visibility";
import { revalidateEntry } from "@/lib/page-cache";
import { proposeRevision } from "@/lib/revisions/propose";

const reviseInput = z.object({
  slug: z.string().min(1).max(200),
  content: entryContentShape,
  summary: z.string(),
  baseRevisionId: idField,
});

/** Saves an edit of an entry: applied at once for its author and moderators, otherwise queued for review. */
export const reviseEntryAction = userAction(
  reviseInput,
  async ({ slug, content, summary, baseRevisionId }, { user }) => {
    const result = await proposeRevision({ db, ref: slug, user, changes: content, summary, baseRevisionId });
    if (!result.ok) {
      if (result.code !== "conflict") return result;
      // The form continues from the newest revision, holding the merged text.
      const { content: merged, ...conflict } = result;
      return { ...conflict, mergedValues: formValues(merged) };
    }
    if (result.status === "pending") {
      return { ok: true as const, href: `/entries/${result.slug}/history?proposed=${result.number}` };
    }
    await revalidateEntry(result.slug);
    return { ok: true as const, href: entryPath({ slug: result.slug, status: result.entryStatus }) };
  },
);
