"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { submitEntryAction } from "@/app/entries/new/actions";
import { MarkdownField } from "@/components/entries/form/MarkdownField";
import { SimilarEntries } from "@/components/entries/form/SimilarEntries";
import { TagInput } from "@/components/entries/form/TagInput";
import { useDraft } from "@/components/entries/form/useDraft";
import { CATEGORIES, SEVERITIES, capitalize } from "@/lib/entries/taxonomy";
import type { FieldErrors } from "@/lib/entries/submit-entry";

interface Draft {
  title: string;
  category: string;
  language: string;
  framework: string;
  severity: string;
  tags: string[];
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: string;
  errorMessages: string;
}

const EMPTY: Draft = { title: "", category: "pattern", language: "", framework: "", severity: "minor", tags: [], problem: "", solution: "", why: "", context: "", gotchas: "", errorMessages: "" };
const DRAFT_KEY = "hivebrain:draft:new-entry";

/** Items of a list field: separated by blank lines, so one item may span several lines. */
const items = (text: string) => text.split(/\n\s*\n/).map((item) => item.trim()).filter(Boolean);

const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950";

export function EntryForm({ tagSuggestions }: { tagSuggestions: string[] }) {
  const router = useRouter();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(DRAFT_KEY, EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    const result = await submitEntryAction({
      ...draft,
      category: draft.category as (typeof CATEGORIES)[number],
      severity: draft.severity as (typeof SEVERITIES)[number],
      gotchas: items(draft.gotchas),
      errorMessages: items(draft.errorMessages),
    }).catch(() => null);
    setPending(false);
    if (!result) return setFormError("The entry could not be saved. Check your connection and try again; your text is kept.");
    if (!result.ok) {
      setErrors(result.code === "invalid" ? result.fieldErrors : {});
      setFormError(result.message);
      return;
    }
    clearDraft();
    router.push(`/entries/${result.slug}`);
  }

  const field = (name: keyof Draft, label: string, control: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`field-${name}`} className="block text-sm font-semibold">{label}</label>
      {hint && <p className="text-xs text-stone-500 dark:text-stone-400">{hint}</p>}
      {control}
      {errors[name as keyof FieldErrors]?.map((message) => (
        <p key={message} id={`error-${name}`} className="mt-1 text-sm text-red-700 dark:text-red-400">{message}</p>
      ))}
    </div>
  );
  const aria = (name: keyof Draft) => ({ invalid: Boolean(errors[name as keyof FieldErrors]?.length), describedBy: errors[name as keyof FieldErrors]?.length ? `error-${name}` : undefined });

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      {formError && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">{formError}</p>}
      {field("title", "Title", <>
        <input id="field-title" value={draft.title} onChange={(e) => set("title")(e.target.value)} aria-invalid={aria("title").invalid} aria-describedby={aria("title").describedBy} className={inputClass} />
        <SimilarEntries title={draft.title} />
      </>)}
      <div className="grid gap-4 sm:grid-cols-4">
        {field("category", "Category", <select id="field-category" value={draft.category} onChange={(e) => set("category")(e.target.value)} className={inputClass}>{CATEGORIES.map((c) => <option key={c} value={c}>{capitalize(c)}</option>)}</select>)}
        {field("severity", "Severity", <select id="field-severity" value={draft.severity} onChange={(e) => set("severity")(e.target.value)} className={inputClass}>{SEVERITIES.map((s) => <option key={s} value={s}>{capitalize(s)}</option>)}</select>)}
        {field("language", "Language", <input id="field-language" value={draft.language} onChange={(e) => set("language")(e.target.value)} placeholder="python" className={inputClass} />)}
        {field("framework", "Framework", <input id="field-framework" value={draft.framework} onChange={(e) => set("framework")(e.target.value)} placeholder="optional" className={inputClass} />)}
      </div>
      {field("tags", "Tags", <TagInput tags={draft.tags} onChange={set("tags")} suggestions={tagSuggestions} {...aria("tags")} />, "Press Enter or comma after each tag.")}
      {field("problem", "Problem", <MarkdownField field="problem" value={draft.problem} onChange={set("problem")} rows={4} {...aria("problem")} />, "What goes wrong, or what needs deciding. Markdown.")}
      {field("solution", "Solution", <MarkdownField field="solution" value={draft.solution} onChange={set("solution")} rows={12} {...aria("solution")} />, "Markdown with fenced code blocks; a ```decision-tree block becomes an interactive guide.")}
      {field("why", "Why", <MarkdownField field="why" value={draft.why} onChange={set("why")} rows={3} {...aria("why")} />)}
      {field("context", "Context", <MarkdownField field="context" value={draft.context} onChange={set("context")} rows={2} {...aria("context")} />)}
      {field("gotchas", "Gotchas", <textarea id="field-gotchas" value={draft.gotchas} onChange={(e) => set("gotchas")(e.target.value)} rows={3} className={inputClass} />, "Separate gotchas with a blank line. Markdown.")}
      {field("errorMessages", "Error messages", <textarea id="field-errorMessages" value={draft.errorMessages} onChange={(e) => set("errorMessages")(e.target.value)} rows={3} className={`${inputClass} font-mono`} />, "Paste them verbatim; separate several with a blank line.")}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-amber-500 px-5 py-2 text-sm font-semibold text-stone-950 hover:bg-amber-400 disabled:opacity-60">
          {pending ? "Submitting…" : "Submit entry"}
        </button>
        <p className="text-xs text-stone-500 dark:text-stone-400">Your draft is saved in this browser until you submit.</p>
      </div>
    </form>
  );
}
