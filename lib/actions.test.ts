import { describe, expect, it } from "vitest";
import { z } from "zod";
import { action, moderatorAction } from "@/lib/actions";
import { fieldErrorsOf } from "@/lib/errors";

// Valid input would go on to read the session, which needs a request; these cases are refused first.
const neverRuns = async () => {
  throw new Error("the handler must not run for invalid input");
};

describe("server action wrapper", () => {
  it("refuses input of the wrong type with field errors named after the field", async () => {
    const save = action(
      z.object({ content: z.object({ title: z.string(), tags: z.array(z.string()) }), summary: z.string() }),
      neverRuns,
    );
    expect(await save({ content: { title: 5, tags: "x" }, summary: ["a"] })).toEqual({
      ok: false,
      code: "invalid",
      message: "Some fields need attention.",
      fieldErrors: {
        title: ["Invalid input: expected string, received number"],
        tags: ["Invalid input: expected array, received string"],
        summary: ["Invalid input: expected string, received array"],
      },
    });
    expect(await save(undefined)).toMatchObject({ ok: false, code: "invalid" });
    expect(await save("not an object")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("reads a submitted form's text fields, ignoring the previous state before it", async () => {
    const decide = moderatorAction(z.object({ entryId: z.string().min(1), decision: z.enum(["approve"]) }), neverRuns);
    const form = new FormData();
    form.set("entryId", "");
    form.set("decision", "delete everything");
    form.set("upload", new Blob(["x"]), "x.txt");
    const answer = await decide({ ok: true, message: "earlier" }, form);
    expect(answer).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(answer.ok ? {} : (answer.fieldErrors ?? {})).sort()).toEqual(["decision", "entryId"]);
  });

  it("keys an error on the whole input as `form`", () => {
    const parsed = z.object({ a: z.string() }).safeParse(null);
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toEqual({
      form: ["Invalid input: expected object, received null"],
    });
  });
});
