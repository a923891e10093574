import Link from "next/link";
import { renderMarkdown } from "@/lib/markdown/render";

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

/**
 * A formatting example for the entry form. Rendering it also puts the client components of
 * rendered Markdown (copy buttons, decision trees) on the page, which the live preview needs.
 */
export async function FormattingHelp() {
  const example = await renderMarkdown(FORMATTING_EXAMPLE, { idPrefix: "example" });
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
      <summary className="cursor-pointer font-medium">Formatting help</summary>
      <div className="markdown mt-3">{example}</div>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        The decision-tree format is described in full at{" "}
        <Link href="/help/decision-trees" className="text-amber-700 underline dark:text-amber-400">
          Decision trees
        </Link>
        .
      </p>
    </details>
  );
}
