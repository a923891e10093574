// "Possible duplicates" while someone types a title: existing entries whose titles share the
// most significant words with it.
import "server-only";
import type { Db } from "@/lib/db";
import { visibleTo } from "@/lib/entries/visibility";

const STOP_WORDS = new Set(
  "the and for with from that this into when what how why your you are not use using vs via over under".split(" "),
);

export function significantWords(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#.]*/gu) ?? [];
  return [
    ...new Set(
      words.map((word) => word.replace(/\.+$/, "")).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)),
    ),
  ].slice(0, 8);
}

export async function similarEntries({ db, title, limit = 5 }: { db: Db; title: string; limit?: number }) {
  const words = significantWords(title);
  if (words.length === 0) return [];
  // `contains` is case-sensitive on PostgreSQL and SQLite lacks `mode: "insensitive"`, so match
  // the spellings titles use: lower-case, Capitalized and UPPER.
  const spellings = words.flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]);
  const candidates = await db.entry.findMany({
    // Suggested to anyone who types a title: only what anyone may see.
    where: { OR: spellings.map((spelling) => ({ title: { contains: spelling } })), AND: [visibleTo(null)] },
    select: { slug: true, title: true, status: true },
    take: 200,
  });
  return candidates
    .map((entry) => ({ ...entry, shared: significantWords(entry.title).filter((word) => words.includes(word)).length }))
    .filter((entry) => entry.shared >= Math.min(2, words.length))
    .sort((a, b) => b.shared - a.shared || a.title.localeCompare(b.title))
    .slice(0, limit)
    .map(({ slug, title, status }) => ({ slug, title, status }));
}
