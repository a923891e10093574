import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/test/db-suite";
import { createUser, SIGN_UPS_PER_HOUR_PER_IP } from "@/lib/users";

const PASSWORD = "a long enough password";
const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describeEachDatabase("sign-up limit", ({ db }) => {
  it("counts well-formed sign-ups per address before looking up taken handles and emails", async () => {
    const ip = `ip-${unique()}`;
    const signUp = (handle: string, email = `${handle}@example.test`) =>
      createUser({ db, input: { handle, email, password: PASSWORD }, ip });
    const first = unique();
    expect(await signUp(first)).toMatchObject({ ok: true });
    // A taken email is a field error while the address has room…
    expect(await signUp(unique(), `${first}@example.test`)).toMatchObject({
      fieldErrors: { email: ["An account already uses that email."] },
    });
    for (let i = 2; i < SIGN_UPS_PER_HOUR_PER_IP; i++) expect(await signUp(unique())).toMatchObject({ ok: true });
    const users = await db.user.count();
    // …and then it is not answered at all, nor is any account created.
    for (const email of [`${first}@example.test`, `${unique()}@example.test`])
      expect(await signUp(unique(), email)).toMatchObject({
        ok: false,
        code: "rate_limited",
        message: expect.stringMatching(
          /^Too many accounts were created from your network in the last hour\. Try again in \d+ minutes\.$/,
        ),
        retryAfterSeconds: expect.any(Number),
      });
    expect(await db.user.count()).toBe(users);
    // Malformed input is refused before the limit, and other addresses and the CLI (no address) are not limited.
    expect(await signUp("-", "nope")).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await createUser({
        db,
        input: { handle: unique(), email: `${unique()}@example.test`, password: PASSWORD },
        ip: `ip-${unique()}`,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await createUser({ db, input: { handle: unique(), email: `${unique()}@example.test`, password: PASSWORD } }),
    ).toMatchObject({ ok: true });
  });
});
