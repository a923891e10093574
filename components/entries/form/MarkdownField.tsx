"use client";

import { type ReactNode, useEffect, useState } from "react";
import { previewMarkdownAction } from "@/app/entries/form-actions";

const PREVIEW_DELAY_MS = 500;

/** A Markdown textarea with a live preview rendered by the server, exactly as the entry page renders it. */
export function MarkdownField({
  field,
  value,
  onChange,
  rows,
  invalid,
  describedBy,
}: {
  field: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  invalid: boolean;
  describedBy?: string;
}) {
  const [preview, setPreview] = useState<ReactNode>(null);
  const [showPreview, setShowPreview] = useState(false);
  useEffect(() => {
    if (!showPreview) return;
    let current = true;
    const timer = setTimeout(() => {
      previewMarkdownAction({ field, markdown: value }).then((result) => {
        if (current) setPreview(result.ok ? result.preview : <p role="alert">{result.message}</p>);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [field, value, showPreview]);
  return (
    <div className="mt-1 space-y-2">
      <textarea
        id={`field-${field}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={rows}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      <button
        type="button"
        onClick={() => setShowPreview(!showPreview)}
        aria-expanded={showPreview}
        className="text-xs font-medium text-amber-700 hover:underline dark:text-amber-400"
      >
        {showPreview ? "Hide preview" : "Show preview"}
      </button>
      {showPreview && (
        <div
          data-testid={`preview-${field}`}
          aria-live="polite"
          className="markdown rounded-md border border-dashed border-stone-300 bg-stone-50 p-3 dark:border-stone-700 dark:bg-stone-900"
        >
          {value.trim() ? preview : <p className="text-stone-500">Nothing to preview yet.</p>}
        </div>
      )}
    </div>
  );
}
