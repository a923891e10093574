import { changeStatusAction, rollBackAction } from "@/app/review/actions";
import { ActionForm } from "@/components/review/ActionForm";
import { capitalize, type EntryStatus, STATUSES } from "@/lib/entries/taxonomy";

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950";
const buttonClass =
  "rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900";

/** Moderators' tools on an entry's history: roll back to an earlier revision, change the status. */
export function ModerationTools({
  entryId,
  status,
  rollbackTargets,
}: {
  entryId: string;
  status: EntryStatus;
  rollbackTargets: number[];
}) {
  return (
    <section
      aria-labelledby="moderation-heading"
      className="grid gap-6 rounded-lg border border-violet-200 bg-violet-50/50 p-4 md:grid-cols-2 dark:border-violet-900 dark:bg-violet-950/20"
    >
      <h2 id="moderation-heading" className="text-lg font-semibold md:col-span-2">
        Moderation
      </h2>
      <ActionForm action={rollBackAction} hidden={{ entryId }} label="Roll back" className="space-y-2">
        <h3 className="font-medium">Roll back</h3>
        {rollbackTargets.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-300">
            There is no earlier accepted revision to roll back to.
          </p>
        ) : (
          <>
            <label className="block text-sm">
              Revision to show again
              <select name="number" className={fieldClass}>
                {rollbackTargets.map((n) => (
                  <option key={n} value={n}>
                    #{n}
                  </option>
                ))}
              </select>
            </label>
            <label className="block text-sm">
              Reason <input name="reason" maxLength={500} className={fieldClass} />
            </label>
            <p className="text-xs text-stone-500">
              The content of that revision becomes a new revision; nothing is deleted.
            </p>
            <button type="submit" className={buttonClass}>
              Roll back
            </button>
          </>
        )}
      </ActionForm>
      <ActionForm action={changeStatusAction} hidden={{ entryId }} label="Change status" className="space-y-2">
        <h3 className="font-medium">Status: {capitalize(status)}</h3>
        <label className="block text-sm">
          New status
          <select name="status" defaultValue={status === "approved" ? "archived" : "approved"} className={fieldClass}>
            {STATUSES.filter((s) => s !== status).map((s) => (
              <option key={s} value={s}>
                {capitalize(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          Reason (required to reject or archive) <input name="reason" maxLength={500} className={fieldClass} />
        </label>
        <button type="submit" className={buttonClass}>
          Change status
        </button>
      </ActionForm>
    </section>
  );
}
