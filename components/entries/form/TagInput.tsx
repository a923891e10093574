"use client";

import { type KeyboardEvent, useId, useState } from "react";
import { normalizeTag } from "@/lib/tags/names";

/** Tags as removable chips; Enter or comma adds the typed tag; existing tags are suggested. */
export function TagInput({
  tags,
  onChange,
  suggestions,
  invalid,
  describedBy,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  invalid: boolean;
  describedBy?: string;
}) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  const add = (raw: string) => {
    const tag = normalizeTag(raw.replace(/,/g, ""));
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-950">
      {tags.map((tag) => (
        <span
          key={tag}
          className="inline-flex items-center gap-1 rounded bg-amber-100 px-2 py-0.5 font-mono text-xs text-amber-950 dark:bg-amber-900/50 dark:text-amber-100"
        >
          {tag}
          <button
            type="button"
            onClick={() => onChange(tags.filter((t) => t !== tag))}
            aria-label={`Remove tag ${tag}`}
            className="leading-none"
          >
            ×
          </button>
        </span>
      ))}
      <input
        id="field-tags"
        value={draft}
        onChange={(event) =>
          event.target.value.endsWith(",") ? add(event.target.value) : setDraft(event.target.value)
        }
        onKeyDown={onKeyDown}
        onBlur={() => draft && add(draft)}
        list={listId}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        placeholder={tags.length ? "" : "e.g. asyncio, c++, concurrent.futures"}
        className="min-w-[8rem] flex-1 bg-transparent py-0.5 text-sm outline-none"
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
