import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { reviseEntryAction } from "@/app/entries/[slug]/edit/actions";
import { EntryForm } from "@/components/entries/form/EntryForm";
import { FormattingHelp } from "@/components/entries/form/FormattingHelp";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formValues } from "@/lib/entries/form";
import { entryHeaderForRender } from "@/lib/entries/get-entry";
import { entryPath } from "@/lib/entries/visibility";
import { revisesDirectly } from "@/lib/revisions/propose";
import { headRevision } from "@/lib/revisions/snapshots";
import { tagSuggestions } from "@/lib/tags/store";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await entryHeaderForRender((await params).slug);
  return { title: entry ? `Edit ${entry.title}` : "Entry not found" };
}

export default async function EditEntryPage({ params }: Props) {
  const { slug } = await params;
  const [user, entry] = await Promise.all([getCurrentUser(), entryHeaderForRender(slug)]);
  if (!entry) notFound();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/entries/${entry.slug}/edit`)}`);
  const [head, tags] = await Promise.all([headRevision(db, entry.id), tagSuggestions({ db })]);
  const direct = revisesDirectly(user, entry);
  const note = direct
    ? "As the author or a moderator, your changes show at once."
    : "A moderator reviews your changes before they show.";

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link
          href={entryPath(entry)}
          className="text-sm text-stone-600 hover:text-amber-700 dark:text-stone-300 dark:hover:text-amber-400"
        >
          ← Back to the entry
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">Edit &ldquo;{entry.title}&rdquo;</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          {note} If someone else saves a change while you edit, yours is merged with it; only overlapping changes need
          your decision. Every revision is kept in the{" "}
          <Link href={`/entries/${entry.slug}/history`} className="text-amber-700 underline dark:text-amber-400">
            history
          </Link>
          .
        </p>
      </div>
      <FormattingHelp />
      <EntryForm
        initial={formValues(head.content)}
        draftKey={`hivebrain:draft:edit:${entry.slug}`}
        tagSuggestions={tags}
        save={reviseEntryAction}
        revision={{ slug: entry.slug, baseRevisionId: head.id, baseNumber: head.number, note }}
        submitLabel={direct ? "Save changes" : "Propose changes"}
      />
    </div>
  );
}
