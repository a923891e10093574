import type { Metadata } from "next";
import { submitEntryAction } from "@/app/entries/new/actions";
import { EntryForm } from "@/components/entries/form/EntryForm";
import { FormattingHelp } from "@/components/entries/form/FormattingHelp";
import { db } from "@/lib/db";
import { EMPTY_ENTRY } from "@/lib/entries/form";
import { tagSuggestions } from "@/lib/tags/store";

export const metadata: Metadata = { title: "Submit an entry" };
export const dynamic = "force-dynamic";

export default async function NewEntryPage() {
  const tags = await tagSuggestions({ db });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Submit an entry</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Share a pattern, gotcha, fix, snippet or guide. Anyone may submit; entries from people who are not moderators
          wait for review and show a &ldquo;Pending review&rdquo; badge until then. Signed-out submissions appear as
          @anonymous.
        </p>
      </div>
      <FormattingHelp />
      <EntryForm
        initial={EMPTY_ENTRY}
        draftKey="hivebrain:draft:new-entry"
        tagSuggestions={tags}
        save={submitEntryAction}
        submitLabel="Submit entry"
      />
    </div>
  );
}
