// Exact error-message matching. An error message pasted from a terminal rarely equals the one
// recorded in an entry character for character: file paths, line numbers, memory addresses
// and quoting differ between machines. Both sides are normalized the same way and compared by
// a hash, which the EntryErrorKey table indexes.
import { createHash } from "node:crypto";

// Absolute, home- or dot-relative and Windows paths, or relative ones with two or more
// separators (src/app/page.tsx), with an optional :line:column suffix.
const PATH =
  /(?:(?<![\w.@+-])(?:[A-Za-z]:|~|\.{1,2})?[\\/][\w.@+-]+(?:[\\/][\w.@+-]*)*|[\w.@+-]+(?:[\\/][\w.@+-]+){2,})(?::\d+)*/g;
const LINE_NUMBER = /\b(line|ln|row|col|column)\s*:?\s*\d+/gi;
const HEX_ADDRESS = /\b0x[0-9a-f]+\b/gi;
const QUOTES = /['"`‘’“”«»]/g;

/** The text without the parts that differ between machines: paths, line numbers, addresses. */
export function withoutVolatileParts(text: string): string {
  return text.replace(PATH, " ").replace(LINE_NUMBER, "$1").replace(HEX_ADDRESS, "0x");
}

/** Lower-case, quotes removed, volatile parts removed, whitespace collapsed. */
export function normalizeErrorMessage(message: string): string {
  return withoutVolatileParts(message).replace(QUOTES, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The stored key of an error message; null when nothing is left to compare. */
export function errorKey(message: string): string | null {
  const normalized = normalizeErrorMessage(message);
  if (normalized.length < 8) return null;
  return createHash("sha256").update(normalized).digest("base64url");
}
