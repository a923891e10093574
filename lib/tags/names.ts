// Tags: case-insensitive labels such as "concurrent.futures", "c++", "GIL".
// Stored normalized (Unicode NFKC, trimmed, lower-case, inner spaces as "-"); the stored
// name is also the URL segment, percent-encoded.

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_ENTRY = 8;

// Letters, digits and the punctuation real tag names use (c++, c#, .net, node.js, snake_case).
const TAG_PATTERN = /^[\p{L}\p{N}.+#_-]+$/u;

export function normalizeTag(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "-");
}

/** The reason a (normalized) tag name is not acceptable, or null when it is. */
export function tagProblem(name: string): string | null {
  if (name.length === 0) return "Tags cannot be empty.";
  if (name.length > MAX_TAG_LENGTH) return `Tag "${name}" is longer than ${MAX_TAG_LENGTH} characters.`;
  if (!TAG_PATTERN.test(name)) return `Tag "${name}" may only contain letters, digits and . + # _ -`;
  if (!/[\p{L}\p{N}]/u.test(name)) return `Tag "${name}" needs at least one letter or digit.`;
  return null;
}

/** Normalizes and de-duplicates tag names, keeping their first-seen order. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalizeTag).filter((name) => name.length > 0))];
}

export function tagPath(name: string): string {
  return `/tags/${encodeURIComponent(name)}`;
}

/** The tag name from a /tags/<segment> URL segment (Next.js hands it over still encoded). */
export function tagFromSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape is treated as a literal name; it simply will not match a tag.
  }
  return normalizeTag(decoded);
}
