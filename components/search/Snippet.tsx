import { Fragment } from "react";
import type { SnippetSegment } from "@/lib/search/snippet";

/** A search snippet: text rendered as text (React escapes it), matches in <mark>. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="line-clamp-3 text-sm text-stone-700 dark:text-stone-300" data-testid="search-snippet">
      {segments.map((segment, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one snippet, in order; the same words can repeat
        <Fragment key={i}>
          {segment.match ? (
            <mark className="rounded-sm bg-amber-200 px-0.5 text-stone-950 dark:bg-amber-700/60 dark:text-amber-50">
              {segment.text}
            </mark>
          ) : (
            <span>{segment.text}</span>
          )}
        </Fragment>
      ))}
    </p>
  );
}
