// The search box's query language: `[tag]` restricts to a tag (several combine), `category:`,
// `language:` and `status:` set those filters, "quoted phrases" must appear as written, and
// everything else is words. Any input parses: a pasted error message full of quotes,
// brackets, colons or SQL is just words. Nothing here reaches SQL as syntax: the search
// backends quote every term themselves and pass it as a parameter.
import { MAX_QUERY_LENGTH } from "@/lib/entries/browse-params";
import { type Category, type EntryStatus, isCategory, isStatus } from "@/lib/entries/taxonomy";
import { withoutVolatileParts } from "@/lib/search/error-key";
import { normalizeTag, tagProblem } from "@/lib/tags/names";

/** Terms beyond this many add nothing to ranking but cost time. */
export const MAX_TERMS = 16;

export interface ParsedQuery {
  /** Search terms: lower-case runs of letters and digits, without paths and line numbers. */
  words: string[];
  /** Quoted phrases, each as its list of terms. */
  phrases: string[][];
  tags: string[];
  category?: Category;
  language?: string;
  status?: EntryStatus | "all";
  /** The query without its filters, as typed. It and the whole query are what a pasted error message is compared with. */
  text: string;
  raw: string;
}

// Words too common to help ranking; dropped unless the query has nothing else.
const STOP_WORDS = new Set(
  "a an and are as at be but by for from has have if in into is it its of on or that the their then there these this to was were when which will with".split(
    " ",
  ),
);

/** Lower-case runs of letters and digits: the only characters that ever become search terms. */
export function termsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// [tag] | field:value | field:"value" | "phrase" | anything else up to the next space.
const TOKEN = /\[([^\]\s]{1,60})\]|\b(category|language|lang|status):("[^"]*"|[^\s"]+)|"([^"]*)"|(\S+)/giu;

export function parseQuery(input: string): ParsedQuery {
  const query = input.slice(0, MAX_QUERY_LENGTH);
  const parsed: ParsedQuery = { words: [], phrases: [], tags: [], text: "", raw: query.trim() };
  const free: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [whole, tag, field, fieldValue, phrase] = match;
    if (tag !== undefined && applyTag(parsed, tag)) continue;
    if (
      field !== undefined &&
      fieldValue !== undefined &&
      applyField(parsed, field.toLowerCase(), fieldValue.replace(/^"|"$/g, ""))
    )
      continue;
    if (phrase !== undefined) {
      const terms = termsOf(withoutVolatileParts(phrase));
      if (terms.length > 1) parsed.phrases.push(terms);
      else free.push(...terms);
      continue;
    }
    free.push(whole);
  }
  // Unbalanced quotes: the TOKEN pattern has already read the rest as plain words.
  const words = [...new Set(termsOf(withoutVolatileParts(free.join(" "))))];
  const significant = words.filter((word) => !STOP_WORDS.has(word));
  parsed.words = (significant.length ? significant : words).slice(0, MAX_TERMS);
  parsed.phrases = parsed.phrases.slice(0, 4).map((terms) => terms.slice(0, MAX_TERMS));
  parsed.text = textWithoutFilters(query);
  return parsed;
}

function applyTag(parsed: ParsedQuery, raw: string): boolean {
  const tag = normalizeTag(raw);
  if (tagProblem(tag) !== null) return false;
  if (!parsed.tags.includes(tag)) parsed.tags.push(tag);
  return true;
}

function applyField(parsed: ParsedQuery, field: string, value: string): boolean {
  const lower = value.trim().toLowerCase();
  if (field === "category" && isCategory(lower)) parsed.category = lower;
  else if ((field === "language" || field === "lang") && /^[\p{L}\p{N}.+#_-]{1,40}$/u.test(lower))
    parsed.language = lower;
  else if (field === "status" && (lower === "all" || isStatus(lower))) parsed.status = lower;
  else return false;
  return true;
}

function textWithoutFilters(query: string): string {
  return query
    .replace(TOKEN, (whole, tag?: string, field?: string, value?: string) => {
      if (tag !== undefined && tagProblem(normalizeTag(tag)) === null) return " ";
      if (
        field !== undefined &&
        value !== undefined &&
        applyField(
          { words: [], phrases: [], tags: [], text: "", raw: "" },
          field.toLowerCase(),
          value.replace(/^"|"$/g, ""),
        )
      )
        return " ";
      return whole;
    })
    .trim();
}

/** True when the query asks for text, not only for filters. */
/** A query with more words than this (usually a pasted message) is searched by this many of them. */
export const MAX_TELLING_WORDS = 8;

/**
 * The words a long query is searched by: numbers (ports, line numbers, counts) go while other
 * words remain, then the longest words stay, since long words (identifiers, error names) are
 * the rare, telling ones. Each extra word costs time on every candidate and rarely changes
 * which entries come first.
 */
export function tellingWords(words: string[]): string[] {
  const withoutNumbers = words.filter((word) => !/^\p{N}+$/u.test(word));
  const kept = withoutNumbers.length ? withoutNumbers : words;
  if (kept.length <= MAX_TELLING_WORDS) return kept;
  const longest = new Set([...kept].sort((a, b) => b.length - a.length).slice(0, MAX_TELLING_WORDS));
  return kept.filter((word) => longest.has(word));
}

export function hasSearchTerms(parsed: ParsedQuery): boolean {
  return parsed.words.length > 0 || parsed.phrases.length > 0;
}
