"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField, moderatorAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { markWrongReportsReviewed } from "@/lib/outcomes";
import { revalidateEntry } from "@/lib/page-cache";
import { approveRevision, changeEntryStatus, rejectRevision, rollBack } from "@/lib/revisions/review";

// Reasons are checked (required, length) by lib/revisions/review.ts; here only their type.
const reason = z.string().default("");

async function revalidateReviewed(slug: string) {
  await revalidateEntry(slug);
  revalidatePath("/review");
}

async function answer(result: Awaited<ReturnType<typeof changeEntryStatus>>) {
  if (result.ok) await revalidateReviewed(result.slug);
  return result.ok ? { ok: true as const, message: result.message } : result;
}

/** Approve or reject a pending entry. */
export const reviewEntryAction = moderatorAction(
  z.object({ entryId: idField, decision: z.enum(["approve", "reject"]), reason }),
  async ({ entryId, decision, reason }, { user }) => {
    const status = decision === "approve" ? "approved" : "rejected";
    return answer(await changeEntryStatus({ db, entryId, moderator: user, status, reason }));
  },
);

/** Approve or reject a proposed revision. */
export const reviewRevisionAction = moderatorAction(
  z.object({ revisionId: idField, decision: z.enum(["approve", "reject"]), reason }),
  async ({ revisionId, decision, reason }, { user }) => {
    const result =
      decision === "approve"
        ? await approveRevision({ db, revisionId, moderator: user, note: reason })
        : await rejectRevision({ db, revisionId, moderator: user, reason });
    return answer(result);
  },
);

/** Any status change of an entry (approve, reject, archive, restore), with its reason. */
export const changeStatusAction = moderatorAction(
  z.object({ entryId: idField, status: z.string().max(20), reason }),
  async ({ entryId, status, reason }, { user }) =>
    answer(await changeEntryStatus({ db, entryId, moderator: user, status, reason })),
);

export const rollBackAction = moderatorAction(
  z.object({
    entryId: idField,
    number: z
      .string()
      .regex(/^\d{1,6}$/, "Choose a revision to roll back to.")
      .transform(Number),
    reason,
  }),
  async ({ entryId, number, reason }, { user }) =>
    answer(await rollBack({ db, entryId, toNumber: number, moderator: user, reason })),
);

/** A moderator has looked at an entry agents reported wrong: it leaves the list until reported again. */
export const markReportsReviewedAction = moderatorAction(
  z.object({ entryId: idField }),
  async ({ entryId }, { user }) => {
    const result = await markWrongReportsReviewed({ db, entryId, moderator: user });
    if (!result.ok) return result;
    revalidatePath("/review");
    return {
      ok: true as const,
      message: `Marked ${result.count} report${result.count === 1 ? "" : "s"} as looked at.`,
    };
  },
);
