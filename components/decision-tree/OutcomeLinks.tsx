import type { Outcome } from "@/lib/decision-trees/types";

/** What an outcome's "See:" links need to name and reach their targets. */
export interface OutcomeLinkTargets {
  /** Heading text by heading id (else the id is spelled out). */
  sectionTitles: Readonly<Record<string, string>>;
  /** Entry titles by slug (else the slug is spelled out). */
  entryTitles: Readonly<Record<string, string>>;
  /** The page the section anchors are on, when the tree is shown elsewhere (e.g. "/entries/some-guide"). */
  sectionPage?: string;
}

/** Links inside a tree look like links with or without the `.markdown` styles around them. */
export const treeLinkClass = "text-sky-800 underline underline-offset-2 hover:decoration-2 dark:text-sky-300";

/** "See: <section> · <entry>", or nothing when the outcome links nowhere. */
export function OutcomeLinks({ outcome, targets }: { outcome: Outcome; targets: OutcomeLinkTargets }) {
  const { section, entry } = outcome;
  if (!section && !entry) return null;
  return (
    <p className="m-0 mt-1 text-sm text-stone-700 dark:text-stone-300">
      See:{" "}
      {section && (
        <a href={`${targets.sectionPage ?? ""}#${section}`} className={treeLinkClass}>
          {targets.sectionTitles[section] ?? spellOut(section.replace(/^(?:problem|solution|why|context)-/, ""))}
        </a>
      )}
      {section && entry && " · "}
      {entry && (
        <a href={`/entries/${encodeURIComponent(entry)}`} className={treeLinkClass}>
          {targets.entryTitles[entry] ?? spellOut(entry)}
        </a>
      )}
    </p>
  );
}

/** "cpu-bound-work_use" → "Cpu bound work use": a readable stand-in when no title is known. */
function spellOut(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
