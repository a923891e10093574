"use server";

import { revalidatePath } from "next/cache";
import type { EntrySaveInput, EntrySaveResult } from "@/components/entries/form/EntryForm";
import { formValues } from "@/components/entries/form/form-values";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { proposeRevision } from "@/lib/revisions/propose";

/** Saves an edit of an entry: applied at once for its author and moderators, otherwise queued for review. */
export async function reviseEntryAction(slug: string, input: EntrySaveInput): Promise<EntrySaveResult> {
  const result = await proposeRevision({ db, slug, user: await getCurrentUser(), input });
  if (result.ok) {
    if (result.status === "accepted") {
      revalidatePath(`/entries/${result.slug}`);
      revalidatePath("/tags");
      return { ok: true, href: `/entries/${result.slug}` };
    }
    return { ok: true, href: `/entries/${result.slug}/history?proposed=${result.number}` };
  }
  if (result.code === "invalid") return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  if (result.code === "conflict")
    return {
      ok: false,
      message: result.message,
      conflicts: result.conflicts,
      mergedValues: formValues(result.content),
      head: result.head,
    };
  return { ok: false, message: result.message };
}
