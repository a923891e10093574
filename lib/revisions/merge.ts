// Three-way merge of entry content: what an editor saved ("yours") against what was saved
// meanwhile ("theirs"), both starting from the revision the editor opened ("base").
// Changes to different fields, to different paragraphs of a Markdown field, to different
// items of a list field, or to the tags merge by themselves. Only real overlaps are
// conflicts; in the merged content a conflicting part holds the editor's text, so nothing
// typed is lost, and the conflict carries both versions for the editor to choose from.
import { diff3Merge } from "node-diff3";
import { LIST_ITEM_SEPARATOR } from "@/lib/entries/list-fields";
import type { EntryContent } from "@/lib/entries/schema";
import { formatVerifications, type Verification } from "@/lib/entries/verification";

export const PARAGRAPH_FIELDS = ["problem", "solution", "why", "context"] as const;
export const LIST_FIELDS = ["gotchas", "errorMessages"] as const;
export const WHOLE_VALUE_FIELDS = ["title", "category", "language", "framework", "severity"] as const;

export type MergeField =
  | (typeof PARAGRAPH_FIELDS)[number]
  | (typeof LIST_FIELDS)[number]
  | (typeof WHOLE_VALUE_FIELDS)[number]
  | "verifiedWith";

/** One overlap: the same part of a field changed differently by both sides. */
export interface MergeConflict {
  field: MergeField;
  theirs: string;
  yours: string;
}

export interface MergeResult {
  content: EntryContent;
  conflicts: MergeConflict[];
}

/**
 * Splits Markdown into paragraphs and the blank-line runs between them. Keeping the
 * separators as their own tokens gives the merge stable anchors, so edits to neighbouring
 * paragraphs do not overlap.
 */
export function paragraphTokens(text: string): string[] {
  return text.split(/(\n[ \t]*\n\s*)/).filter((token) => token !== "");
}

function mergeSequences<T>(base: T[], theirs: T[], yours: T[], join: (items: T[]) => string, field: MergeField) {
  const merged: T[] = [];
  const conflicts: MergeConflict[] = [];
  for (const block of diff3Merge(theirs, base, yours)) {
    if (block.ok) {
      merged.push(...block.ok);
    } else if (block.conflict) {
      merged.push(...block.conflict.b);
      conflicts.push({ field, theirs: join(block.conflict.a), yours: join(block.conflict.b) });
    }
  }
  return { merged, conflicts };
}

function mergeWholeValue<T>(base: T, theirs: T, yours: T, field: MergeField, show: (value: T) => string) {
  if (yours === base || yours === theirs) return { value: theirs, conflicts: [] };
  if (theirs === base) return { value: yours, conflicts: [] };
  return { value: yours, conflicts: [{ field, theirs: show(theirs), yours: show(yours) }] };
}

/** Tags merge as sets: their tags, plus the ones you added, minus the ones you removed. */
export function mergeTags(base: string[], theirs: string[], yours: string[]): string[] {
  const added = yours.filter((tag) => !base.includes(tag));
  const removed = new Set(base.filter((tag) => !yours.includes(tag)));
  return [...new Set([...theirs, ...added])].filter((tag) => !removed.has(tag));
}

export function mergeContent({
  base,
  theirs,
  yours,
}: {
  base: EntryContent;
  theirs: EntryContent;
  yours: EntryContent;
}): MergeResult {
  const content: EntryContent = { ...theirs, tags: mergeTags(base.tags, theirs.tags, yours.tags) };
  const conflicts: MergeConflict[] = [];
  for (const field of WHOLE_VALUE_FIELDS) {
    const result = mergeWholeValue<string | null>(
      base[field],
      theirs[field],
      yours[field],
      field,
      (value) => value ?? "",
    );
    Object.assign(content, { [field]: result.value });
    conflicts.push(...result.conflicts);
  }
  for (const field of PARAGRAPH_FIELDS) {
    if (yours[field] === base[field] || yours[field] === theirs[field]) continue;
    if (theirs[field] === base[field]) {
      content[field] = yours[field];
      continue;
    }
    const result = mergeSequences(
      paragraphTokens(base[field]),
      paragraphTokens(theirs[field]),
      paragraphTokens(yours[field]),
      (tokens) => tokens.join("").trim(),
      field,
    );
    content[field] = result.merged.join("");
    conflicts.push(...result.conflicts);
  }
  for (const field of LIST_FIELDS) {
    const result = mergeSequences(
      base[field],
      theirs[field],
      yours[field],
      (items) => items.join(LIST_ITEM_SEPARATOR),
      field,
    );
    content[field] = result.merged;
    conflicts.push(...result.conflicts);
  }
  // Verifications merge by items too (compared whole); a conflict shows them one per line, as the form does.
  const verifications = mergeSequences(
    base.verifiedWith.map(verificationKey),
    theirs.verifiedWith.map(verificationKey),
    yours.verifiedWith.map(verificationKey),
    (keys) => formatVerifications(keys.map(fromVerificationKey)),
    "verifiedWith",
  );
  content.verifiedWith = verifications.merged.map(fromVerificationKey);
  conflicts.push(...verifications.conflicts);
  return { content, conflicts };
}

/** A verification as a value that compares equal (===) for equal verifications. */
function verificationKey({ subject, version, date, by }: Verification): string {
  return JSON.stringify([subject, version, date, by]);
}

function fromVerificationKey(key: string): Verification {
  const [subject, version, date, by] = JSON.parse(key) as [string, string, string, string | null];
  return { subject, version, date, by };
}

/** True when two contents would show the same entry. */
export function sameContent(a: EntryContent, b: EntryContent): boolean {
  const fields = [...WHOLE_VALUE_FIELDS, ...PARAGRAPH_FIELDS, ...LIST_FIELDS, "verifiedWith", "tags"] as const;
  return fields.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}
