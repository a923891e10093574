/** How forms, diffs and conflicts name an entry's fields. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  category: "Category",
  language: "Language",
  framework: "Framework",
  severity: "Severity",
  tags: "Tags",
  problem: "Problem",
  solution: "Solution",
  why: "Why",
  context: "Context",
  gotchas: "Gotchas",
  errorMessages: "Error messages",
  verifiedWith: "Verified with",
  summary: "Edit summary",
};
