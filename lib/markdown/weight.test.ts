import { describe, expect, it } from "vitest";
import { BODY_MAX } from "@/lib/entries/schema";
import { fastestCpuMs } from "@/lib/test/cpu";
import { seedEntries } from "@/prisma/seed/seed";
import { MAX_MARKUP_WEIGHT, markupWeight } from "./weight";

describe("markupWeight", () => {
  it("counts lines, twice the markers starting them, setext underlines thrice, half the inline markup", () => {
    expect(markupWeight("Plain words, no markup at all.")).toBe(1);
    expect(markupWeight("One\n\nTwo\n\n\nThree")).toBe(3);
    expect(markupWeight("- a\n- b\n  > - c")).toBe(3 + 2 * 4);
    expect(markupWeight("Heading\n=======")).toBe(2 + 2);
    expect(markupWeight("Some *emphasis* and `code`.")).toBe(1 + 2);
    expect(markupWeight("See https://example.org and www.example.org.")).toBe(1 + 1);
  });

  it("leaves room for a whole field as dense as the densest seeded one", () => {
    for (const entry of seedEntries)
      for (const markdown of [entry.problem, entry.solution, entry.why, entry.context, ...entry.gotchas]) {
        if (markdown.length < 200) continue;
        const per20k = (markupWeight(markdown) / markdown.length) * BODY_MAX;
        expect(per20k, entry.slug).toBeLessThan(MAX_MARKUP_WEIGHT * 0.6);
      }
  });

  it("weighs the slowest texts to render above the limit", () => {
    for (const markdown of [
      "a\n=\n".repeat(800),
      "- x\n".repeat(1_600),
      `${"*a* ".repeat(3_100)}`,
      "- - x\n".repeat(1_100),
    ])
      expect(markupWeight(markdown)).toBeGreaterThan(MAX_MARKUP_WEIGHT);
  });

  it("takes a few milliseconds for 20 KB", async () => {
    for (const markdown of ["- x\n".repeat(5_000), "*".repeat(20_000), `${"> ".repeat(9_999)}x`, "\n".repeat(20_000)]) {
      expect(await fastestCpuMs(() => markupWeight(markdown))).toBeLessThan(30);
    }
  });
});
