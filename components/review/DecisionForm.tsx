import { ActionForm } from "@/components/review/ActionForm";
import type { ActionMessage } from "@/lib/actions";

/** Approve or reject one queued item; a rejection needs a reason, which its author sees. */
export function DecisionForm({
  action,
  hidden,
  label,
}: {
  action: (previous: ActionMessage, form: FormData) => Promise<ActionMessage>;
  hidden: Record<string, string>;
  label: string;
}) {
  const reasonId = `reason-${label.replace(/\W+/g, "-")}`;
  return (
    <ActionForm action={action} hidden={hidden} label={label} className="space-y-2">
      <label htmlFor={reasonId} className="block text-sm font-medium">
        Note to the author (required to reject)
      </label>
      <textarea
        id={reasonId}
        name="reason"
        rows={2}
        maxLength={500}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      <div className="flex gap-2">
        <button
          type="submit"
          name="decision"
          value="approve"
          className="rounded-md bg-emerald-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800"
        >
          Approve
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          className="rounded-md bg-red-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
        >
          Reject
        </button>
      </div>
    </ActionForm>
  );
}
