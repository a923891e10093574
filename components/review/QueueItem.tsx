import Link from "next/link";
import type { ReactNode } from "react";
import { DecisionForm } from "@/components/review/DecisionForm";
import { AgentMark } from "@/components/revisions/AgentMark";
import type { ActionMessage } from "@/lib/actions";
import { formatDate } from "@/lib/format";

/** One item of the review queue: what it is, who sent it when, its changes, and the decision form. */
export function QueueItem({
  label,
  href,
  title,
  byline,
  authorHandle,
  agentClient = null,
  createdAt,
  action,
  hidden,
  children,
}: {
  label: string;
  href: string;
  title: ReactNode;
  byline: ReactNode;
  authorHandle: string | null;
  /** The MCP client that wrote it on the author's behalf. */
  agentClient?: string | null;
  createdAt: Date;
  action: (previous: ActionMessage, form: FormData) => Promise<ActionMessage>;
  hidden: Record<string, string>;
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
          {byline} by {authorHandle ? `@${authorHandle}` : "@anonymous"}
          {agentClient && <AgentMark name={agentClient} />} ·{" "}
          <time dateTime={createdAt.toISOString()}>{formatDate(createdAt)}</time>
        </p>
      </header>
      {children}
      <DecisionForm action={action} hidden={hidden} label={`Review ${label}`} />
    </article>
  );
}
