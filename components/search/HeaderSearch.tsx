"use client";

import { useEffect, useRef } from "react";

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The header's search box: a plain GET form to /search; "/" focuses it unless typing elsewhere. */
export function HeaderSearch() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const focusOnSlash = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", focusOnSlash);
    return () => document.removeEventListener("keydown", focusOnSlash);
  }, []);
  return (
    <search className="hidden min-w-0 flex-1 sm:block sm:max-w-xs">
      <form action="/search" method="get">
        <label htmlFor="site-search" className="sr-only">
          Search entries
        </label>
        <input
          ref={input}
          id="site-search"
          name="q"
          type="search"
          required
          maxLength={2000}
          placeholder="Search or paste an error  /"
          autoComplete="off"
          className="w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-stone-400 focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-500/30 dark:border-stone-700 dark:bg-stone-950"
        />
      </form>
    </search>
  );
}
