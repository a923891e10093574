// "Verified with": what an entry's code was last run or compiled with (a runtime or library, its
// version, the date, and optionally who), and whether that is recent enough. An entry whose newest
// verification is older than VERIFICATION_MAX_AGE_MONTHS (default 18), or that states none, is
// "not verified recently".
// Client-safe: pure functions only (the entry page's mark recomputes staleness in the browser).

export const VERIFIED_WITH_MAX = 5;
export const SUBJECT_MAX = 60;
export const VERSION_MAX = 40;
export const BY_MAX = 60;
export const DEFAULT_MAX_AGE_MONTHS = 18;

// Type aliases, not interfaces: Prisma's Json input takes objects with index signatures.
export type Verification = {
  /** The runtime or library: "Python", "Node.js", "rustc". */
  subject: string;
  /** Its version, one word: "3.14.0". */
  version: string;
  /** The day it was verified, "YYYY-MM-DD". */
  date: string;
  /** Who verified it, as they sign ("@hivebrain-editors"); null when not said. */
  by: string | null;
};

/** How a verification arrives (API, form, import): `by` may be left out. */
export type VerificationInput = {
  subject: string;
  version: string;
  date: string;
  by?: string | null;
};

const SEPARATOR = " · ";
/** The characters that separate a verification's parts on a line; no part may contain them. */
const SEPARATORS = /[·|]/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One line: "Python 3.14.0 · 2026-12-01 · @hivebrain-editors". */
export function formatVerification(verification: Verification): string {
  const parts = [`${verification.subject} ${verification.version}`, verification.date];
  if (verification.by) parts.push(verification.by);
  return parts.join(SEPARATOR);
}

/** Verifications as text, one per line (the form, diffs and conflicts show them so). */
export function formatVerifications(verifications: readonly Verification[]): string {
  return verifications.map(formatVerification).join("\n");
}

/**
 * Reads a line as formatVerification writes it; "|" works as "·" (easier to type). Parts that
 * are missing come back empty, for the content schema to name.
 */
export function parseVerificationLine(line: string): Verification {
  const [first = "", date = "", ...rest] = line.split(SEPARATORS).map((part) => part.trim());
  const space = first.search(/\s+\S*$/);
  return {
    subject: space < 0 ? first : first.slice(0, space).trim(),
    version: space < 0 ? "" : first.slice(space).trim(),
    date,
    // More than three parts: kept together, so the schema refuses the separator in it.
    by: rest.length ? rest.join(" · ") : null,
  };
}

/** The verifications written one per line; blank lines are skipped. */
export function parseVerificationLines(text: string): Verification[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map(parseVerificationLine);
}

/** Trimmed, with an empty `by` as null. */
export function normalizeVerification(input: VerificationInput): Verification {
  const by = input.by?.trim() ?? "";
  return { subject: input.subject.trim(), version: input.version.trim(), date: input.date.trim(), by: by || null };
}

/** A stored Json value as verifications; anything malformed is left out. */
export function verificationList(value: unknown): Verification[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== "object" || item === null) return [];
    const { subject, version, date, by } = item as Record<string, unknown>;
    if (typeof subject !== "string" || typeof version !== "string" || typeof date !== "string") return [];
    return [{ subject, version, date, by: typeof by === "string" && by !== "" ? by : null }];
  });
}

// ---- Dates ----

function parseDate(date: string): { year: number; month: number; day: number } | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** True for a real day of the calendar written YYYY-MM-DD. */
export function isCalendarDate(date: string): boolean {
  return parseDate(date) !== null;
}

/** The UTC day of `now`, YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The latest date a verification may carry at `now`: the day it already is somewhere on Earth
 * (UTC+14), so that someone far east of UTC can write their today.
 */
export function latestVerificationDate(now: Date): string {
  return utcDay(new Date(now.getTime() + 14 * 3600 * 1000));
}

/** The same day `months` months earlier; the 31st becomes the last day of a shorter month. */
export function monthsBefore(date: string, months: number): string {
  const parsed = parseDate(date);
  if (!parsed) throw new Error(`Not a date: ${date}`);
  const index = parsed.year * 12 + (parsed.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(parsed.day, daysInMonth(year, month)))}`;
}

/**
 * The oldest verification date still counted as recent at `now`: today (UTC) `maxAgeMonths`
 * months ago. A verification exactly that old is recent; a day older is not.
 */
export function recentSince(now: Date, maxAgeMonths: number): string {
  return monthsBefore(utcDay(now), maxAgeMonths);
}

/** The newest date among the verifications; null when there are none. */
export function newestVerificationDate(verifications: readonly Pick<Verification, "date">[]): string | null {
  let newest: string | null = null;
  for (const { date } of verifications) if (isCalendarDate(date) && (newest === null || date > newest)) newest = date;
  return newest;
}

export interface VerificationStatus {
  /** The newest verification date, YYYY-MM-DD; null when the entry states none. */
  newest: string | null;
  /** Not verified recently: no verification, or the newest is older than the maximum age. */
  stale: boolean;
}

/** Whether an entry counts as verified recently at `now`, given its verifications (or its newest date). */
export function verificationStatus(
  verifications: readonly Pick<Verification, "date">[] | string | null,
  now: Date,
  maxAgeMonths: number = DEFAULT_MAX_AGE_MONTHS,
): VerificationStatus {
  const newest =
    typeof verifications === "string" || verifications === null ? verifications : newestVerificationDate(verifications);
  return { newest, stale: newest === null || newest < recentSince(now, maxAgeMonths) };
}

/**
 * VERIFICATION_MAX_AGE_MONTHS: a whole number of months from 1 to 1200; anything else (or
 * unset) is the default, 18. Read on the server.
 */
export function verificationMaxAgeMonths(value: string | undefined = process.env.VERIFICATION_MAX_AGE_MONTHS): number {
  const months = Number(value?.trim());
  return value?.trim() && Number.isInteger(months) && months >= 1 && months <= 1200 ? months : DEFAULT_MAX_AGE_MONTHS;
}

// ---- Validation ----

/** What is wrong with one verification at `now` (messages name it by its position, from 1). */
export function verificationProblems(verification: Verification, position: number, now: Date): string[] {
  const label = `Verification ${position}`;
  const problems: string[] = [];
  const { subject, version, date, by } = verification;
  if (subject === "") problems.push(`${label}: name the runtime or library, e.g. Python 3.14.0.`);
  else if (subject.length > SUBJECT_MAX)
    problems.push(`${label}: the runtime or library's name must be at most ${SUBJECT_MAX} characters.`);
  if (version === "") problems.push(`${label}: give the version after the name, e.g. Python 3.14.0.`);
  else if (version.length > VERSION_MAX)
    problems.push(`${label}: the version must be at most ${VERSION_MAX} characters.`);
  else if (/\s/.test(version)) problems.push(`${label}: the version is one word, e.g. 3.14.0.`);
  if (date === "") problems.push(`${label}: give the date it was verified, as YYYY-MM-DD.`);
  else if (!isCalendarDate(date))
    problems.push(`${label}: "${date.slice(0, 20)}" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01.`);
  else if (date > latestVerificationDate(now)) problems.push(`${label}: ${date} is in the future.`);
  if (by !== null && by.length > BY_MAX) problems.push(`${label}: "who" must be at most ${BY_MAX} characters.`);
  if ([subject, version, date, by ?? ""].some((part) => SEPARATORS.test(part) || part.includes("\n")))
    problems.push(
      `${label}: a part contains "·", "|" or a line break, which separate the parts: write the name and version · the date · who.`,
    );
  return problems;
}
