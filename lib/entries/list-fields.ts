// Gotchas and error messages are lists. Forms and conflict views show a list as text with its
// items separated by a blank line, so one item may span several lines.
export const LIST_ITEM_SEPARATOR = "\n\n";

export function splitListItems(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((item) => item.trim())
    .filter(Boolean);
}
