import type { Metadata } from "next";
import Link from "next/link";
import { EntryForm } from "@/components/entries/form/EntryForm";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render";
import { listTagsWithCounts } from "@/lib/tags";

export const metadata: Metadata = { title: "Submit an entry" };
export const dynamic = "force-dynamic";

const FORMATTING_EXAMPLE = `Write **Markdown**: \`inline code\`, lists, [links](https://example.com) and tables.
Fence code with its language to highlight it:

\`\`\`python
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=10) as pool:
    results = list(pool.map(download, urls))
\`\`\`

A \`decision-tree\` fence becomes an interactive guide:

\`\`\`decision-tree
start: bound
questions:
  bound:
    text: Is the work CPU-bound?
    answers:
      - text: "Yes"
        next: processes
      - text: "No, it waits on I/O"
        next: threads
outcomes:
  processes:
    title: Use processes
  threads:
    title: Use threads or asyncio
\`\`\``;

export default async function NewEntryPage() {
  // The example also puts the client components of rendered Markdown (copy buttons, decision
  // trees) on this page, which the live preview needs to render them.
  const [tags, example] = await Promise.all([listTagsWithCounts({ db }), renderMarkdown(FORMATTING_EXAMPLE, { idPrefix: "example" })]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Submit an entry</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Share a pattern, gotcha, fix, snippet or guide. Anyone may submit; entries from people who are not moderators wait for review and show a
          &ldquo;Pending review&rdquo; badge until then. Signed-out submissions appear as @anonymous.
        </p>
      </div>
      <details className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
        <summary className="cursor-pointer font-medium">Formatting help</summary>
        <div className="markdown mt-3">{example}</div>
        <p className="mt-2 text-stone-600 dark:text-stone-300">
          The decision-tree format is described in full at <Link href="/help/decision-trees" className="text-amber-700 underline dark:text-amber-400">Decision trees</Link>.
        </p>
      </details>
      <EntryForm tagSuggestions={tags.slice(0, 300).map((tag) => tag.name)} />
    </div>
  );
}
