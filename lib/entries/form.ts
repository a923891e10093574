// The entry form's values: what the inputs hold (list fields as text, items separated by a
// blank line), and the conversions to and from entry content.

import { LIST_ITEM_SEPARATOR, splitListItems } from "@/lib/entries/list-fields";
import type { EntryContent, EntryContentInput } from "@/lib/entries/schema";
import type { Category, Severity } from "@/lib/entries/taxonomy";

export interface EntryFormValues {
  title: string;
  category: string;
  language: string;
  framework: string;
  severity: string;
  tags: string[];
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: string;
  errorMessages: string;
}

export const EMPTY_ENTRY: EntryFormValues = {
  title: "",
  category: "pattern",
  language: "",
  framework: "",
  severity: "minor",
  tags: [],
  problem: "",
  solution: "",
  why: "",
  context: "",
  gotchas: "",
  errorMessages: "",
};

export function formInput(values: EntryFormValues): EntryContentInput {
  return {
    ...values,
    category: values.category as Category,
    severity: values.severity as Severity,
    gotchas: splitListItems(values.gotchas),
    errorMessages: splitListItems(values.errorMessages),
  };
}

export function formValues(content: EntryContent): EntryFormValues {
  return {
    ...content,
    language: content.language ?? "",
    framework: content.framework ?? "",
    gotchas: content.gotchas.join(LIST_ITEM_SEPARATOR),
    errorMessages: content.errorMessages.join(LIST_ITEM_SEPARATOR),
  };
}
