import type { ReactNode } from "react";

// The tones' colors are classes of app/components.css: badges repeat on every card.
const TONES = {
  neutral: "badge",
  blue: "badge badge-blue",
  violet: "badge badge-violet",
  green: "badge badge-green",
  amber: "badge badge-amber",
  orange: "badge badge-orange",
  red: "badge badge-red",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span title={title} className={TONES[tone]}>
      {children}
    </span>
  );
}
