import type { Db } from "@/lib/db";
import { createEntry } from "@/lib/entries/create-entry";
import type { EntryContentInput } from "@/lib/entries/schema";
import type { EntryStatus } from "@/lib/entries/taxonomy";

export const GUIDE_SLUG = "python-multiprocessing-vs-threading-vs-asyncio";
export const GUIDE_TITLE = "Python multiprocessing vs threading vs asyncio decision guide";

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A word no other test uses, consonants only, so both databases' stemmers keep it one search term. */
export function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `zv${Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join("")}`;
}

/** Creates an entry through the app's own domain code, so it is stored exactly as submissions are. */
export async function addEntry(
  db: Db,
  overrides: Partial<EntryContentInput> & { status?: EntryStatus; createdAt?: Date } = {},
) {
  const { status = "approved", createdAt, ...content } = overrides;
  return createEntry({
    db,
    authorId: null,
    status,
    createdAt,
    content: {
      title: uniqueName("E2E entry"),
      category: "snippet",
      language: "typescript",
      framework: null,
      severity: "minor",
      tags: ["e2e"],
      problem: "Problem text.",
      solution: "Solution text.",
      why: "",
      context: "",
      gotchas: [],
      errorMessages: [],
      ...content,
    },
  });
}
