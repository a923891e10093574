// Highlighted snippets. The databases mark matches with two private-use characters (never
// HTML); the text is split into plain and matched segments, which React renders escaped,
// so entry content can never inject markup.
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

export interface SnippetSegment {
  text: string;
  match: boolean;
}

export function hasMatch(marked: string | null | undefined): marked is string {
  return Boolean(marked?.includes(MATCH_START));
}

/** Splits marked text into segments, collapsing whitespace; stray markers are dropped. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  for (const part of marked
    .replace(/\s+/g, " ")
    .trim()
    .split(/([\uE000\uE001])/u)) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_END) match = false;
    else if (part) {
      const last = segments.at(-1);
      if (last && last.match === match) last.text += part;
      else segments.push({ text: part, match });
    }
  }
  return segments;
}

/** The first marked text that holds a match, as segments; null when none does. */
export function bestSnippet(candidates: (string | null | undefined)[]): SnippetSegment[] | null {
  const marked = candidates.find(hasMatch);
  return marked ? snippetSegments(marked) : null;
}

const EXACT_SNIPPET_MAX = 300;

/** A recorded error message that matched exactly: highlighted as a whole. */
export function exactMatchSnippet(message: string): SnippetSegment[] {
  const text = message.replace(/\s+/g, " ").trim();
  return [{ text: text.length > EXACT_SNIPPET_MAX ? `${text.slice(0, EXACT_SNIPPET_MAX)}…` : text, match: true }];
}
