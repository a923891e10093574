"use client";

import type { KeyboardEvent } from "react";

// A textarea keeps a pasted multi-line error message intact (an <input> strips its line
// breaks); Enter still searches, Shift+Enter adds a line.
function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

export function QueryField({ query }: { query: string }) {
  return (
    <textarea
      id="search-query"
      name="q"
      rows={query.includes("\n") || query.length > 80 ? 3 : 1}
      defaultValue={query}
      maxLength={2000}
      onKeyDown={submitOnEnter}
      placeholder="Words, an error message, [tag], category:debug, language:python, status:approved"
      className="min-w-0 flex-1 resize-y rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-500/30 dark:border-stone-700 dark:bg-stone-900"
    />
  );
}
