// A rough measure of how much the Markdown parser must build from a text, found without parsing:
// its lines, the quote and list markers that start them (twice: closing and opening containers
// is the parser's slowest work), setext heading underlines (three times: their cost grows with
// the square of their number) and the characters that may start inline markup. Rendering costs
// about 0.05-0.2 ms per unit, so a field has at most MAX_MARKUP_WEIGHT. Ordinary entries weigh
// about 1,000-1,500 per 20,000 characters; 20,000 characters of one-word list items weigh
// 15,000 and took 1.7 s to render, as many setext headings 10 s.

/** The most markup one Markdown field may have (lib/entries/schema.ts); more renders unformatted. */
export const MAX_MARKUP_WEIGHT = 3_000;

const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)))+/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const MARKER = />|[-*+]|[0-9]{1,9}[.)]/g;
const INLINE = /[*_~`[\]!<&|]|www\.|:\/\//g;

/** See above: lines, container markers, setext underlines and inline markup, weighed by their cost. */
export function markupWeight(markdown: string): number {
  let weight = 0;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (line.trim() === "") continue;
    weight++;
    const markers = CONTAINER_MARKERS.exec(line);
    if (markers) weight += 2 * (markers[0].match(MARKER)?.length ?? 0);
    if (SETEXT_UNDERLINE.test(line)) weight += 2;
  }
  return weight + (markdown.match(INLINE)?.length ?? 0) / 2;
}
