// How deeply Markdown nests its containers (block quotes, list items, footnote definitions),
// worked out line by line without parsing. The Markdown parser slows down steeply with depth
// (9,000 nested list items: 28 s) and the steps after it recurse once per level (10,000 nested
// quotes overflow the stack), so depth is checked before anything parses: entries are refused
// past MAX_NESTING (lib/entries/schema.ts), and renderMarkdown shows such a field unformatted.
//
// This follows the first phase of block parsing as micromark (remark's parser) does it: which
// containers each line continues, closes and opens, leaving out what cannot add depth. Where it
// is unsure, it keeps a container open rather than closing it, so it may count a level too
// many, never too few (the tests compare it with the parser on many generated documents).

/** Deepest nesting of quotes, list items and footnotes an entry's Markdown may have. */
export const MAX_NESTING = 20;

/** A block quote (null), or a list item or footnote whose lines are indented by `width`. */
type Container = { width: number; footnote: boolean } | null;

const TAB_STOP = 4;
const SPACE = 32;

/** The line with its tabs turned into spaces up to the next tab stop, as CommonMark counts columns. */
function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  const parts = line.split("\t");
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i++) out += " ".repeat(TAB_STOP - (out.length % TAB_STOP)) + parts[i];
  return out;
}

function spacesAt(line: string, at: number): number {
  let end = at;
  while (line.charCodeAt(end) === SPACE) end++;
  return end - at;
}

const ATX_HEADING = /#{1,6}(?: |$)/y;
const FENCE_OPEN = /(?:`{3,}(?!.*`)|~{3,})/y;
const FOOTNOTE_LABEL = /\[\^[^\]]{1,999}\]:/y;
const ORDERED = /[0-9]{1,9}[.)]/y;

function matchesAt(pattern: RegExp, line: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(line);
}

/** Facts about one line that several checks need, worked out once. */
class Line {
  readonly text: string;
  /** Index of the last character that is not a space (-1 for a blank line). */
  readonly lastSolid: number;

  constructor(raw: string) {
    this.text = expandTabs(raw);
    let last = this.text.length - 1;
    while (last >= 0 && this.text.charCodeAt(last) === SPACE) last--;
    this.lastSolid = last;
  }

  blankFrom(at: number): boolean {
    return at > this.lastSolid;
  }

  /** A thematic break (`***`, `- - -`, `___`) from `at` to the end of the line. */
  thematicBreakAt(at: number): boolean {
    const char = this.text[at];
    if ((char !== "*" && char !== "-" && char !== "_") || this.text[this.lastSolid] !== char) return false;
    let count = 0;
    for (let i = at; i <= this.lastSolid; i++) {
      const c = this.text[i];
      if (c === char) count++;
      else if (c !== " ") return false;
    }
    return count >= 3;
  }

  /** A setext heading underline (`===`, `---`) from `at` to the end of the line. */
  underlineAt(at: number): boolean {
    const char = this.text[at];
    if (char !== "=" && char !== "-") return false;
    for (let i = at; i <= this.lastSolid; i++) if (this.text[i] !== char) return false;
    return true;
  }
}

interface Marker {
  /** Columns from the container's start to its content (what later lines must indent by). */
  width: number;
  /** Where the content starts on this line. */
  next: number;
  /** May start while a paragraph is open (micromark: otherwise the line continues the paragraph). */
  interrupts: boolean;
  footnote: boolean;
}

/** A list item or footnote definition starting at `at` (after `indent` spaces), or null. */
function markerAt(line: Line, at: number, indent: number): Marker | null {
  const text = line.text;
  const char = text[at];
  let end: number;
  let first = true;
  if (char === "-" || char === "+" || char === "*") {
    end = at + 1;
  } else if (char === "[") {
    // A footnote definition: its content starts after any spaces and continues on lines
    // indented by four columns (wherever the label started).
    const label = matchesAt(FOOTNOTE_LABEL, text, at);
    if (!label) return null;
    const end = at + label[0].length;
    return { width: TAB_STOP, next: end + spacesAt(text, end), interrupts: true, footnote: true };
  } else {
    const number = matchesAt(ORDERED, text, at);
    if (!number) return null;
    end = at + number[0].length;
    first = number[0].length === 2 && char === "1";
  }
  if (end < text.length && text.charCodeAt(end) !== SPACE) return null;
  const empty = line.blankFrom(end);
  const spaces = spacesAt(text, end);
  // One to four spaces belong to the marker; with five or more, the content is indented code.
  const padding = empty || spaces > 4 ? 1 : spaces;
  return {
    width: indent + (end - at) + padding,
    next: Math.min(text.length, end + padding),
    interrupts: first && !empty,
    footnote: false,
  };
}

/**
 * The deepest nesting of block quotes, list items and footnote definitions in `markdown`.
 * Stops counting once it passes `limit` (the answer is then `limit + 1`), so that the work
 * stays in proportion to the text's length.
 */
export function nestingDepth(markdown: string, limit = Number.POSITIVE_INFINITY): number {
  const stack: Container[] = [];
  let deepest = 0;
  // Whether a paragraph may be open in the innermost container (a line that opens nothing then
  // continues it, even below containers it does not continue), and whether one surely is (then
  // an empty list item, or a numbered one not starting at 1, opens nothing either).
  let maybeParagraph = false;
  let surelyParagraph = false;
  let fence: { char: string; length: number } | null = null;

  for (const raw of markdown.split(/\r\n|\r|\n/)) {
    const line = new Line(raw);
    const text = line.text;
    let at = 0;
    let matched = 0;
    // micromark checks a footnote's indent on the last whitespace read, so a footnote right
    // inside another continues on the same four columns.
    let afterFootnoteIndent = false;
    for (; matched < stack.length; matched++) {
      const container = stack[matched];
      const indent = spacesAt(text, at);
      if (!container) {
        if (indent > 3 || text[at + indent] !== ">") break;
        at += indent + 1;
        if (text.charCodeAt(at) === SPACE) at++;
        afterFootnoteIndent = false;
      } else if (line.blankFrom(at)) {
        at = text.length;
      } else if (container.footnote && indent === 0 && afterFootnoteIndent) {
        // continues without more indent
      } else if (indent >= container.width) {
        at += container.width;
        afterFootnoteIndent = container.footnote;
      } else break;
    }

    // Inside fenced code the parser opens no containers. Here its lines are read as Markdown all
    // the same, with a paragraph maybe open but never surely: so a fence that is not one (inside
    // an HTML block, say) cannot hide nesting that follows it.
    let code = false;
    if (fence) {
      if (matched === stack.length) {
        const indent = spacesAt(text, at);
        let run = 0;
        while (text[at + indent + run] === fence.char) run++;
        if (indent <= 3 && run >= fence.length && line.blankFrom(at + indent + run)) {
          fence = null;
          maybeParagraph = surelyParagraph = false;
          continue;
        }
        code = true;
        maybeParagraph = true;
        surelyParagraph = false;
      } else {
        fence = null;
        maybeParagraph = surelyParagraph = false;
      }
    }

    if (matched < stack.length) {
      // Containers this line does not continue close, unless it lazily continues their paragraph.
      if (maybeParagraph && !line.blankFrom(at) && lazy(line, at)) continue;
      stack.length = matched;
      maybeParagraph = surelyParagraph = false;
    }

    // New containers. Where they would interrupt a paragraph, empty list items and ones numbered
    // from 2 are text instead (for every marker on the line); when unsure, they count.
    const interrupting = surelyParagraph;
    const mayInterrupt = maybeParagraph;
    let markerMaybeText = false;
    for (;;) {
      const indent = spacesAt(text, at);
      if (indent >= 4) break;
      const start = at + indent;
      if (text[start] === ">") {
        stack.push(null);
        at = start + 1;
        if (text.charCodeAt(at) === SPACE) at++;
      } else {
        if (line.thematicBreakAt(start)) break;
        const marker = markerAt(line, start, indent);
        if (!marker || (interrupting && !marker.interrupts)) break;
        if (mayInterrupt && !marker.interrupts) markerMaybeText = true;
        stack.push({ width: marker.width, footnote: marker.footnote });
        at = marker.next;
      }
      maybeParagraph = surelyParagraph = false;
      if (stack.length > limit) return limit + 1;
    }
    deepest = Math.max(deepest, stack.length);

    // What the rest of the line holds.
    const indent = spacesAt(text, at);
    const start = at + indent;
    if (code) {
      if (stack.length > matched) fence = null;
    } else if (line.blankFrom(start)) {
      maybeParagraph = surelyParagraph = false;
    } else if (indent >= 4) {
      // More of the paragraph, or indented code: which also makes micromark treat markers on
      // the next line as interrupting, and then they may be text of a paragraph.
      maybeParagraph = true;
    } else if (matchesAt(FENCE_OPEN, text, start)) {
      let run = 0;
      while (text[start + run] === text[start]) run++;
      fence = { char: text[start] ?? "`", length: run };
      maybeParagraph = surelyParagraph = false;
    } else if (
      matchesAt(ATX_HEADING, text, start) ||
      line.thematicBreakAt(start) ||
      (maybeParagraph && line.underlineAt(start))
    ) {
      maybeParagraph = surelyParagraph = false;
    } else {
      // Tables and HTML blocks look like paragraphs here; only plain text surely is one.
      const plain = text[start] !== "<" && text.indexOf("|", start) < 0;
      surelyParagraph = (surelyParagraph || !maybeParagraph) && plain;
      maybeParagraph = true;
    }
    // A marker that may have been text continues the paragraph it may have been part of.
    if (markerMaybeText) maybeParagraph = true;
  }
  return deepest;
}

/**
 * Whether a line that leaves containers unmatched, while a paragraph may be open in them, is a
 * lazy continuation of that paragraph. micromark lets any container start close them: unlike
 * CommonMark, also an empty list item or one numbered from 2.
 */
function lazy(line: Line, at: number): boolean {
  const indent = spacesAt(line.text, at);
  if (indent >= 4) return true;
  const start = at + indent;
  const text = line.text;
  if (text[start] === ">" || line.thematicBreakAt(start)) return false;
  if (matchesAt(ATX_HEADING, text, start) || matchesAt(FENCE_OPEN, text, start)) return false;
  return markerAt(line, start, indent) === null;
}
