import "server-only";
import slugify from "slugify";
import type { Db, Tx } from "@/lib/db";

const SLUG_MAX = 80;
// Paths under /entries/ that are pages, not entries.
const RESERVED_SLUGS = ["new"];

export function slugFromTitle(title: string): string {
  const slug = slugify(title, { lower: true, strict: true, trim: true }).slice(0, SLUG_MAX).replace(/-+$/, "");
  return slug || "entry";
}

/** A slug for the title that no entry uses yet: "title", then "title-2", "title-3", ... */
export async function uniqueSlug({ db, title }: { db: Db | Tx; title: string }): Promise<string> {
  const base = slugFromTitle(title);
  const taken = new Set([
    ...RESERVED_SLUGS,
    ...(await db.entry.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (row) => row.slug,
    ),
  ]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
