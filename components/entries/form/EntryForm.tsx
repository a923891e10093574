"use client";

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { ConflictPanel } from "@/components/entries/form/ConflictPanel";
import { MarkdownField } from "@/components/entries/form/MarkdownField";
import { SimilarEntries } from "@/components/entries/form/SimilarEntries";
import { TagInput } from "@/components/entries/form/TagInput";
import { useDraft } from "@/components/entries/form/useDraft";
import {
  type EntryFormField,
  type EntryFormValues,
  type EntrySaveInput,
  type EntrySaveResult,
  type FormConflict,
  formInput,
} from "@/lib/entries/form";
import { CATEGORIES, capitalize, SEVERITIES } from "@/lib/entries/taxonomy";

/** Revising an existing entry: the form also asks for an edit summary and tracks the base revision. */
export interface RevisionMode {
  /** The entry being revised. */
  slug: string;
  baseRevisionId: string;
  baseNumber: number;
  note: string;
}

interface Draft extends EntryFormValues {
  summary: string;
  baseRevisionId: string;
  baseNumber: number;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950";

export function EntryForm({
  initial,
  draftKey,
  tagSuggestions,
  save,
  revision,
  submitLabel,
}: {
  initial: EntryFormValues;
  draftKey: string;
  tagSuggestions: string[];
  save: (input: EntrySaveInput) => Promise<EntrySaveResult>;
  revision?: RevisionMode;
  submitLabel: string;
}) {
  const start: Draft = {
    ...initial,
    summary: "",
    baseRevisionId: revision?.baseRevisionId ?? "",
    baseNumber: revision?.baseNumber ?? 0,
  };
  const [draft, setDraft, clearDraft] = useDraft<Draft>(draftKey, start);
  const [errors, setErrors] = useState<Partial<Record<EntryFormField, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<FormConflict[]>([]);
  const [pending, setPending] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const [refusals, setRefusals] = useState(0);
  // A refusal is shown at the top of a long form: bring it (and any conflicts) into view.
  useEffect(() => {
    if (refusals === 0) return;
    messageRef.current?.scrollIntoView({ block: "start" });
    messageRef.current?.focus({ preventScroll: true });
  }, [refusals]);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    const result = await save({
      slug: revision?.slug,
      content: formInput(draft),
      summary: draft.summary,
      baseRevisionId: draft.baseRevisionId,
    }).catch(() => null);
    setPending(false);
    if (!result?.ok) setRefusals((count) => count + 1);
    if (!result)
      return setFormError("The entry could not be saved. Check your connection and try again; your text is kept.");
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setFormError(result.message);
      setConflicts(result.conflicts ?? []);
      // After a conflict the form holds the merged text (with your side of each overlap) and
      // continues from the latest revision, so saving again applies exactly what is shown.
      const { mergedValues, head } = result;
      if (mergedValues && head)
        setDraft((current) => ({ ...current, ...mergedValues, baseRevisionId: head.id, baseNumber: head.number }));
      return;
    }
    clearDraft();
    // A full page load, not a client navigation: the browser's router cache may still hold
    // the entry page as it was before this change.
    window.location.assign(result.href);
  }

  function discardDraft() {
    clearDraft();
    setDraft(start);
    setErrors({});
    setConflicts([]);
    setFormError(null);
  }

  const errorsOf = (name: EntryFormField) => errors[name] ?? [];
  const aria = (name: EntryFormField) => ({
    invalid: errorsOf(name).length > 0,
    describedBy: errorsOf(name).length ? `error-${name}` : undefined,
  });
  const field = (name: EntryFormField, label: string, control: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`field-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`hint-${name}`} className="text-xs text-stone-500 dark:text-stone-400">
          {hint}
        </p>
      )}
      {control}
      {errorsOf(name).length > 0 && (
        <div id={`error-${name}`}>
          {errorsOf(name).map((message) => (
            <p key={message} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {message}
            </p>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <div ref={messageRef} tabIndex={-1} className="scroll-mt-20 space-y-4 outline-none">
        {formError && (
          <p
            role="alert"
            className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
          >
            {formError}
          </p>
        )}
        {conflicts.length > 0 && (
          <ConflictPanel
            conflicts={conflicts}
            headNumber={draft.baseNumber}
            values={draft}
            onResolve={(values) => setDraft((current) => ({ ...current, ...values }))}
            onDismiss={(index) => setConflicts((current) => current.filter((_, i) => i !== index))}
          />
        )}
      </div>
      {field(
        "title",
        "Title",
        <>
          <input
            id="field-title"
            value={draft.title}
            onChange={(e) => set("title")(e.target.value)}
            aria-invalid={aria("title").invalid}
            aria-describedby={aria("title").describedBy}
            className={inputClass}
          />
          {!revision && <SimilarEntries title={draft.title} />}
        </>,
      )}
      <div className="grid gap-4 sm:grid-cols-4">
        {field(
          "category",
          "Category",
          <select
            id="field-category"
            value={draft.category}
            onChange={(e) => set("category")(e.target.value)}
            className={inputClass}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {capitalize(c)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "severity",
          "Severity",
          <select
            id="field-severity"
            value={draft.severity}
            onChange={(e) => set("severity")(e.target.value)}
            className={inputClass}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {capitalize(s)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "language",
          "Language",
          <input
            id="field-language"
            value={draft.language}
            onChange={(e) => set("language")(e.target.value)}
            placeholder="python"
            aria-invalid={aria("language").invalid}
            aria-describedby={aria("language").describedBy}
            className={inputClass}
          />,
        )}
        {field(
          "framework",
          "Framework",
          <input
            id="field-framework"
            value={draft.framework}
            onChange={(e) => set("framework")(e.target.value)}
            placeholder="optional"
            aria-invalid={aria("framework").invalid}
            aria-describedby={aria("framework").describedBy}
            className={inputClass}
          />,
        )}
      </div>
      {field(
        "tags",
        "Tags",
        <TagInput tags={draft.tags} onChange={set("tags")} suggestions={tagSuggestions} {...aria("tags")} />,
        "Press Enter or comma after each tag.",
      )}
      {field(
        "problem",
        "Problem",
        <MarkdownField field="problem" value={draft.problem} onChange={set("problem")} rows={4} {...aria("problem")} />,
        "What goes wrong, or what needs deciding. Markdown.",
      )}
      {field(
        "solution",
        "Solution",
        <MarkdownField
          field="solution"
          value={draft.solution}
          onChange={set("solution")}
          rows={12}
          {...aria("solution")}
        />,
        "Markdown with fenced code blocks; a ```decision-tree block becomes an interactive guide.",
      )}
      {field(
        "why",
        "Why",
        <MarkdownField field="why" value={draft.why} onChange={set("why")} rows={3} {...aria("why")} />,
      )}
      {field(
        "context",
        "Context",
        <MarkdownField field="context" value={draft.context} onChange={set("context")} rows={2} {...aria("context")} />,
      )}
      {field(
        "gotchas",
        "Gotchas",
        <textarea
          id="field-gotchas"
          value={draft.gotchas}
          onChange={(e) => set("gotchas")(e.target.value)}
          rows={3}
          aria-invalid={aria("gotchas").invalid}
          aria-describedby={aria("gotchas").describedBy}
          className={inputClass}
        />,
        "Separate gotchas with a blank line. Markdown.",
      )}
      {field(
        "errorMessages",
        "Error messages",
        <textarea
          id="field-errorMessages"
          value={draft.errorMessages}
          onChange={(e) => set("errorMessages")(e.target.value)}
          rows={3}
          aria-invalid={aria("errorMessages").invalid}
          aria-describedby={aria("errorMessages").describedBy}
          className={`${inputClass} font-mono`}
        />,
        "Paste them verbatim; separate several with a blank line.",
      )}
      {field(
        "verifiedWith",
        "Verified with",
        <textarea
          id="field-verifiedWith"
          value={draft.verifiedWith}
          onChange={(e) => set("verifiedWith")(e.target.value)}
          rows={2}
          placeholder="Python 3.14.0 · 2026-12-01 · @you"
          spellCheck={false}
          aria-invalid={aria("verifiedWith").invalid}
          aria-describedby={[
            "hint-verifiedWith",
            ...(aria("verifiedWith").describedBy ? [aria("verifiedWith").describedBy] : []),
          ].join(" ")}
          className={`${inputClass} font-mono`}
        />,
        "What you ran or compiled the code with, one per line: the runtime or library and its version · the date (YYYY-MM-DD) · who (optional). Type | for ·. Only what you actually ran; an entry without a recent verification is marked “not verified recently”.",
      )}
      {revision &&
        field(
          "summary",
          "Edit summary",
          <input
            id="field-summary"
            value={draft.summary}
            onChange={(e) => set("summary")(e.target.value)}
            maxLength={300}
            placeholder="e.g. Fix the asyncio example; add a gotcha about to_thread"
            aria-invalid={aria("summary").invalid}
            aria-describedby={aria("summary").describedBy}
            className={inputClass}
          />,
          "What you changed and why; shown in the history.",
        )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-amber-500 px-5 py-2 text-sm font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-60"
        >
          {pending ? "Saving…" : submitLabel}
        </button>
        {revision && (
          <button
            type="button"
            onClick={discardDraft}
            className="rounded-md px-3 py-2 text-sm text-stone-600 hover:text-stone-950 dark:text-stone-300 dark:hover:text-white"
          >
            Discard my changes
          </button>
        )}
        <p className="text-xs text-stone-500 dark:text-stone-400">
          {revision ? `Editing from revision #${draft.baseNumber}. ${revision.note} ` : ""}Your draft is saved in this
          browser until you save it.
        </p>
      </div>
    </form>
  );
}
