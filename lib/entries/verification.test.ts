// "Verified with": parsing and formatting, the content schema's checks, and staleness, all with
// fixed clocks (a date's staleness and whether it is in the future depend on the day).
import { afterEach, describe, expect, it, vi } from "vitest";
import { EMPTY_ENTRY, formInput, formValues } from "@/lib/entries/form";
import { entryContentSchema } from "@/lib/entries/schema";
import {
  DEFAULT_MAX_AGE_MONTHS,
  formatVerification,
  latestVerificationDate,
  monthsBefore,
  newestVerificationDate,
  parseVerificationLine,
  parseVerificationLines,
  recentSince,
  VERIFIED_WITH_MAX,
  type Verification,
  verificationList,
  verificationMaxAgeMonths,
  verificationStatus,
} from "@/lib/entries/verification";
import { sampleContent } from "@/lib/test/db-suite";

const python: Verification = { subject: "Python", version: "3.14.0", date: "2026-12-01", by: "@hivebrain-editors" };
const at = (iso: string) => new Date(iso);

afterEach(() => {
  vi.useRealTimers();
});

describe("one verification per line", () => {
  it("formats as the entry page shows it and parses back", () => {
    expect(formatVerification(python)).toBe("Python 3.14.0 · 2026-12-01 · @hivebrain-editors");
    expect(parseVerificationLine("Python 3.14.0 · 2026-12-01 · @hivebrain-editors")).toEqual(python);
    const gnuMake = { subject: "GNU Make", version: "4.3", date: "2025-01-31", by: null };
    expect(formatVerification(gnuMake)).toBe("GNU Make 4.3 · 2025-01-31");
    expect(parseVerificationLine(formatVerification(gnuMake))).toEqual(gnuMake);
  });

  it('takes "|" for "·", any spacing, and skips blank lines', () => {
    expect(parseVerificationLines("  Node.js   20.20.2|2026-11-30 |  CI \n\n\nrustc 1.95.0 · 2026-12-02\n")).toEqual([
      { subject: "Node.js", version: "20.20.2", date: "2026-11-30", by: "CI" },
      { subject: "rustc", version: "1.95.0", date: "2026-12-02", by: null },
    ]);
  });

  it("leaves missing parts empty for the schema to name", () => {
    expect(parseVerificationLine("Python")).toEqual({ subject: "Python", version: "", date: "", by: null });
    expect(parseVerificationLine("Python 3.14 · 2026-01-01 · @a · extra")).toMatchObject({ by: "@a · extra" });
  });

  it("reads stored values defensively", () => {
    expect(verificationList(null)).toEqual([]);
    expect(verificationList([python, { subject: "x" }, "text", { ...python, by: "" }])).toEqual([
      python,
      { ...python, by: null },
    ]);
  });

  it("round-trips through the entry form", () => {
    const content = entryContentSchema.parse(
      sampleContent({ verifiedWith: [python, { subject: "Node.js", version: "20.20.2", date: "2026-11-30" }] }),
    );
    const values = formValues(content);
    expect(values.verifiedWith).toBe("Python 3.14.0 · 2026-12-01 · @hivebrain-editors\nNode.js 20.20.2 · 2026-11-30");
    expect(entryContentSchema.parse(formInput(values)).verifiedWith).toEqual(content.verifiedWith);
    expect(formInput(EMPTY_ENTRY).verifiedWith).toEqual([]);
  });
});

describe("the content schema", () => {
  const fieldErrors = (verifiedWith: unknown) => {
    const result = entryContentSchema.safeParse(sampleContent({ verifiedWith: verifiedWith as Verification[] }));
    return result.success
      ? []
      : result.error.issues.filter((issue) => issue.path[0] === "verifiedWith").map((issue) => issue.message);
  };

  it("states none when the field is left out, as entries and files written before it do", () => {
    const { verifiedWith: _, ...older } = sampleContent();
    expect(entryContentSchema.parse(older).verifiedWith).toEqual([]);
  });

  it("trims the parts and keeps an unsaid `by` as null", () => {
    vi.useFakeTimers({ now: at("2026-12-02T12:00:00Z") });
    expect(
      entryContentSchema.parse(
        sampleContent({ verifiedWith: [{ subject: " Python ", version: " 3.14.0", date: "2026-12-01 ", by: " " }] }),
      ).verifiedWith,
    ).toEqual([{ subject: "Python", version: "3.14.0", date: "2026-12-01", by: null }]);
  });

  it("refuses a date in the future, but not the day it already is east of UTC", () => {
    vi.useFakeTimers({ now: at("2026-12-01T12:00:00Z") });
    expect(latestVerificationDate(new Date())).toBe("2026-12-02");
    expect(fieldErrors([{ ...python, date: "2026-12-02" }])).toEqual([]);
    expect(fieldErrors([{ ...python, date: "2026-12-03" }])).toEqual(["Verification 1: 2026-12-03 is in the future."]);
    vi.setSystemTime(at("2026-12-01T09:59:59Z"));
    expect(fieldErrors([{ ...python, date: "2026-12-02" }])).toEqual(["Verification 1: 2026-12-02 is in the future."]);
  });

  it("names each problem with the verification's position", () => {
    vi.useFakeTimers({ now: at("2026-12-02T12:00:00Z") });
    expect(
      fieldErrors([
        python,
        { subject: "", version: "", date: "" },
        { subject: "Python", version: "3.14 beta", date: "2026-02-30" },
        { subject: "Py|thon", version: "3", date: "01/02/2026", by: "x".repeat(61) },
      ]),
    ).toEqual([
      "Verification 2: name the runtime or library, e.g. Python 3.14.0.",
      "Verification 2: give the version after the name, e.g. Python 3.14.0.",
      "Verification 2: give the date it was verified, as YYYY-MM-DD.",
      "Verification 3: the version is one word, e.g. 3.14.0.",
      'Verification 3: "2026-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01.',
      'Verification 4: "01/02/2026" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01.',
      'Verification 4: "who" must be at most 60 characters.',
      'Verification 4: a part contains "·", "|" or a line break, which separate the parts: write the name and version · the date · who.',
    ]);
  });

  it(`takes at most ${VERIFIED_WITH_MAX}`, () => {
    vi.useFakeTimers({ now: at("2026-12-02T12:00:00Z") });
    expect(fieldErrors(Array(VERIFIED_WITH_MAX).fill(python))).toEqual([]);
    expect(fieldErrors(Array(VERIFIED_WITH_MAX + 1).fill(python))).toEqual([
      `Give at most ${VERIFIED_WITH_MAX} verifications.`,
    ]);
  });

  it("accepts 29 February only in leap years", () => {
    vi.useFakeTimers({ now: at("2026-12-02T12:00:00Z") });
    expect(fieldErrors([{ ...python, date: "2024-02-29" }])).toEqual([]);
    expect(fieldErrors([{ ...python, date: "2025-02-29" }])).toHaveLength(1);
  });
});

describe("staleness", () => {
  it(`is ${DEFAULT_MAX_AGE_MONTHS} months by default, and VERIFICATION_MAX_AGE_MONTHS changes it`, () => {
    expect(verificationMaxAgeMonths(undefined)).toBe(18);
    expect(verificationMaxAgeMonths("")).toBe(18);
    expect(verificationMaxAgeMonths("6")).toBe(6);
    expect(verificationMaxAgeMonths(" 24 ")).toBe(24);
    for (const bad of ["0", "-3", "1.5", "twelve", "1201"]) expect(verificationMaxAgeMonths(bad)).toBe(18);
  });

  it("counts a verification exactly 18 months old as recent, and one a day older as not", () => {
    const now = at("2026-12-02T08:00:00Z");
    expect(recentSince(now, 18)).toBe("2025-06-02");
    expect(verificationStatus([{ date: "2025-06-02" }], now)).toEqual({ newest: "2025-06-02", stale: false });
    expect(verificationStatus([{ date: "2025-06-01" }], now)).toEqual({ newest: "2025-06-01", stale: true });
    // The next day, the same verification has turned stale.
    expect(verificationStatus([{ date: "2025-06-02" }], at("2026-12-03T00:00:00Z")).stale).toBe(true);
    // The day changes at midnight UTC.
    expect(verificationStatus([{ date: "2025-06-02" }], at("2026-12-02T23:59:59.999Z")).stale).toBe(false);
  });

  it("is stale when none is stated", () => {
    expect(verificationStatus([], at("2026-12-02T08:00:00Z"))).toEqual({ newest: null, stale: true });
    expect(verificationStatus(null, at("2026-12-02T08:00:00Z"))).toEqual({ newest: null, stale: true });
  });

  it("goes by the newest of several verifications", () => {
    const now = at("2026-12-02T08:00:00Z");
    const list = [{ date: "2020-01-01" }, { date: "2026-01-15" }, { date: "2024-05-05" }];
    expect(newestVerificationDate(list)).toBe("2026-01-15");
    expect(verificationStatus(list, now)).toEqual({ newest: "2026-01-15", stale: false });
    expect(verificationStatus(list, now, 6)).toEqual({ newest: "2026-01-15", stale: true });
    expect(verificationStatus("2026-01-15", now, 6).stale).toBe(true);
  });

  it("moves month ends to the last day of a shorter month", () => {
    expect(monthsBefore("2026-08-31", 18)).toBe("2025-02-28");
    expect(monthsBefore("2025-08-31", 18)).toBe("2024-02-29");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 13)).toBe("2024-12-15");
    const now = at("2026-08-31T12:00:00Z");
    expect(verificationStatus([{ date: "2025-02-28" }], now).stale).toBe(false);
    expect(verificationStatus([{ date: "2025-02-27" }], now).stale).toBe(true);
  });
});
