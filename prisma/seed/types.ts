// Shape of a hand-written seed entry. Text fields are Markdown; errorMessages are verbatim.
import type { VerificationInput } from "@/lib/entries/verification";

export interface SeedEntry {
  slug: string;
  title: string;
  category: "pattern" | "gotcha" | "debug" | "snippet" | "guide";
  language: string | null;
  framework: string | null;
  severity: "minor" | "major" | "critical";
  status: "pending" | "approved" | "rejected" | "archived";
  /** Handle of a seed user, or null for @anonymous. */
  authorHandle: string | null;
  /** How long ago it was submitted, in days (seed data spreads entries over time). */
  ageDays: number;
  tags: string[];
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: string[];
  errorMessages: string[];
  /** What its code was run or compiled with; left out (none stated) when nobody ran it. */
  verifiedWith?: VerificationInput[];
}

export interface SeedUser {
  handle: string;
  name: string;
  role: "user" | "moderator" | "admin";
}
