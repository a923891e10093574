"use server";

import { revalidatePath } from "next/cache";
import type { ActionMessage } from "@/components/review/ActionForm";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  approveRevision,
  changeEntryStatus,
  type ReviewResult,
  rejectRevision,
  rollBack,
} from "@/lib/revisions/review";

function answer(result: ReviewResult): ActionMessage {
  if (result.ok) {
    revalidatePath(`/entries/${result.slug}`);
    revalidatePath(`/entries/${result.slug}/history`);
    revalidatePath("/review");
    revalidatePath("/tags");
  }
  return { ok: result.ok, message: result.message };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Approve or reject a pending entry. */
export async function reviewEntryAction(
  entryId: string,
  _previous: ActionMessage,
  form: FormData,
): Promise<ActionMessage> {
  const status = text(form, "decision") === "approve" ? "approved" : "rejected";
  return answer(
    await changeEntryStatus({ db, entryId, moderator: await getCurrentUser(), status, reason: text(form, "reason") }),
  );
}

/** Approve or reject a proposed revision. */
export async function reviewRevisionAction(
  revisionId: string,
  _previous: ActionMessage,
  form: FormData,
): Promise<ActionMessage> {
  const moderator = await getCurrentUser();
  const reason = text(form, "reason");
  const result =
    text(form, "decision") === "approve"
      ? await approveRevision({ db, revisionId, moderator, note: reason })
      : await rejectRevision({ db, revisionId, moderator, reason });
  return answer(result);
}

/** Any status change of an entry (approve, reject, archive, restore), with its reason. */
export async function changeStatusAction(
  entryId: string,
  _previous: ActionMessage,
  form: FormData,
): Promise<ActionMessage> {
  return answer(
    await changeEntryStatus({
      db,
      entryId,
      moderator: await getCurrentUser(),
      status: text(form, "status"),
      reason: text(form, "reason"),
    }),
  );
}

export async function rollBackAction(
  entryId: string,
  _previous: ActionMessage,
  form: FormData,
): Promise<ActionMessage> {
  const toNumber = Number.parseInt(text(form, "number"), 10);
  if (!Number.isInteger(toNumber)) return { ok: false, message: "Choose a revision to roll back to." };
  return answer(
    await rollBack({ db, entryId, toNumber, moderator: await getCurrentUser(), reason: text(form, "reason") }),
  );
}
