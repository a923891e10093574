// The closed vocabularies of an entry. Stored as strings (one model for SQLite and
// PostgreSQL); these lists are the only values the app writes.
export const CATEGORIES = ["pattern", "gotcha", "debug", "snippet", "guide"] as const;
export const SEVERITIES = ["minor", "major", "critical"] as const;
export const STATUSES = ["pending", "approved", "rejected", "archived"] as const;

export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type EntryStatus = (typeof STATUSES)[number];

/** Statuses listed when a visitor does not filter by status. */
export const LISTED_STATUSES: readonly EntryStatus[] = ["approved", "pending"];

export function isCategory(value: unknown): value is Category {
  return CATEGORIES.includes(value as Category);
}
export function isSeverity(value: unknown): value is Severity {
  return SEVERITIES.includes(value as Severity);
}
export function isStatus(value: unknown): value is EntryStatus {
  return STATUSES.includes(value as EntryStatus);
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
