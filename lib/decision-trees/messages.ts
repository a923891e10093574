// Small helpers for readable error messages.

/** `"text"`, shortened so one long answer does not swamp the message. */
export function quote(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** Edits (insert, delete, substitute, swap two neighbours) between a and b. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * ` (did you mean "x"?)` for the closest candidate within a couple of typos, or one that starts
 * the value or is started by it ("cpu" for "cpu-bound"); else "".
 */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const wanted = value.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (candidate === value) continue;
    const distance = editDistance(wanted, other);
    const shorter = Math.min(wanted.length, other.length);
    const prefix = shorter >= 3 && (wanted.startsWith(other) || other.startsWith(wanted));
    if (distance > limit && !prefix) continue;
    // Prefer real typos over prefix matches.
    const score = distance <= limit ? distance : limit + distance;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best === null ? "" : ` (did you mean ${quote(best)}?)`;
}
