import { describe, expect, it } from "vitest";
import { ERROR_EXAMPLE_GROUPS } from "./error-examples";
import { parseDecisionTree } from "./parse";

const examples = ERROR_EXAMPLE_GROUPS.flatMap((group) => group.examples);

describe("the help page's error examples", () => {
  it.each(examples)("$id produces exactly the error it documents", ({ source, message }) => {
    const result = parseDecisionTree(source);
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([expect.stringContaining(message)]);
  });

  it("have unique anchors", () => {
    expect(new Set(examples.map((example) => example.id)).size).toBe(examples.length);
  });
});
