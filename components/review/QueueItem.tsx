import Link from "next/link";
import type { ReactNode } from "react";
import type { ActionMessage } from "@/components/review/ActionForm";
import { DecisionForm } from "@/components/review/DecisionForm";
import { formatDate } from "@/lib/format";

/** One item of the review queue: what it is, who sent it when, its changes, and the decision form. */
export function QueueItem({
  label,
  href,
  title,
  byline,
  authorHandle,
  createdAt,
  action,
  children,
}: {
  label: string;
  href: string;
  title: ReactNode;
  byline: ReactNode;
  authorHandle: string | null;
  createdAt: Date;
  action: (previous: ActionMessage, form: FormData) => Promise<ActionMessage>;
  children: ReactNode;
}) {
  return (
    <article
      aria-label={label}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <header>
        <h3 className="font-semibold">
          <Link href={href} className="hover:text-amber-700 dark:hover:text-amber-400">
            {title}
          </Link>
        </h3>
        <p className="text-sm text-stone-500 dark:text-stone-400">
          {byline} by {authorHandle ? `@${authorHandle}` : "@anonymous"} ·{" "}
          <time dateTime={createdAt.toISOString()}>{formatDate(createdAt)}</time>
        </p>
      </header>
      {children}
      <DecisionForm action={action} label={`Review ${label}`} />
    </article>
  );
}
