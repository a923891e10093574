import { expect, it } from "vitest";
import {
  delayAfter,
  FIRST_DELAY_S,
  FREE_FAILURES,
  MAX_DELAY_S,
  MAX_FAILURES_PER_IP,
  signInLimits,
} from "@/lib/auth/rate-limit";
import { SIGN_IN_FAILED, signInWithPassword, tooManyMessage } from "@/lib/auth/sign-in";
import { describeEachDatabase } from "@/lib/test/db-suite";
import { createUser } from "@/lib/users";

const PASSWORD = "a long enough password";
const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

it("waits 5 s after the 5th failure, doubling up to 15 minutes", () => {
  expect([0, 4, 5, 6, 7, 8, 12, 13, 40].map(delayAfter)).toEqual([0, 0, 5, 10, 20, 40, 640, 900, 900]);
  expect(delayAfter(FREE_FAILURES)).toBe(FIRST_DELAY_S);
  expect(delayAfter(1000)).toBe(MAX_DELAY_S);
  expect([1, 5, 59, 60, 61, 900].map(tooManyMessage)).toEqual([
    "Too many failed sign-ins. Try again in 1 second.",
    "Too many failed sign-ins. Try again in 5 seconds.",
    "Too many failed sign-ins. Try again in 59 seconds.",
    "Too many failed sign-ins. Try again in 1 minute.",
    "Too many failed sign-ins. Try again in 2 minutes.",
    "Too many failed sign-ins. Try again in 15 minutes.",
  ]);
});

describeEachDatabase("signing in with a password", ({ db }) => {
  // A clock the tests move instead of waiting.
  let clock = Date.parse("2026-06-01T12:00:00Z");
  const limits = signInLimits(db, () => clock);
  const ip = () => `ip-${unique()}`;

  async function addUser() {
    const handle = unique();
    const created = await createUser({ db, input: { handle, email: `${handle}@example.test`, password: PASSWORD } });
    if (!created.ok) throw new Error("setup");
    return created.user;
  }

  it("counts failures by handle and by email against one account, and lets the right password in after the delay", async () => {
    const user = await addUser();
    const address = ip();
    const attempt = (login: string, password: string) =>
      signInWithPassword({ db, login, password, ip: address, limits });
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(await attempt(user.handle, `wrong password ${i}`)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    // The email names the same account: no fresh count, and no sign-in before the delay.
    expect(await attempt(`${user.handle.toUpperCase()}@example.test`, PASSWORD)).toEqual({
      ok: false,
      message: tooManyMessage(FIRST_DELAY_S),
      retryAfterSeconds: FIRST_DELAY_S,
    });
    clock += (FIRST_DELAY_S - 1) * 1000;
    expect(await attempt(`${user.handle}@example.test`, PASSWORD)).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock += 1000;
    expect(await attempt(`${user.handle}@example.test`, PASSWORD)).toMatchObject({
      ok: true,
      user: { id: user.id, handle: user.handle },
    });
    // A success starts the count again.
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(await attempt(user.handle, `wrong again ${i}`)).toEqual({ ok: false, message: SIGN_IN_FAILED });
  });

  it("doubles the delay with each failure, refuses early attempts without counting them, and treats unknown logins alike", async () => {
    const login = `nobody-${unique()}`;
    const address = ip();
    const attempt = (typed: string) => signInWithPassword({ db, login: typed, password: "guess", ip: address, limits });
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(await attempt(login)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    // The normalized login is the key: other spellings share the count.
    expect(await attempt(` ${login.toUpperCase()} `)).toMatchObject({ retryAfterSeconds: 5 });
    const waits: number[] = [];
    for (let failures = FREE_FAILURES; failures < FREE_FAILURES + 10; failures++) {
      clock += delayAfter(failures) * 1000 - 1000;
      expect(await attempt(login)).toMatchObject({ ok: false, retryAfterSeconds: 1 }); // too early: not counted
      clock += 1000;
      expect(await attempt(login)).toEqual({ ok: false, message: SIGN_IN_FAILED });
      const next = await attempt(login);
      waits.push(next.ok ? 0 : (next.retryAfterSeconds ?? 0));
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 640, 900, 900, 900]);
    // Another login, or the same account a day later, starts from nothing.
    expect(await attempt(`${login}x`)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    clock += 24 * 3600 * 1000;
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(await attempt(login)).toEqual({ ok: false, message: SIGN_IN_FAILED });
  });

  it("gives one of several simultaneous attempts the slot after a delay", async () => {
    const user = await addUser();
    const address = ip();
    for (let i = 0; i < FREE_FAILURES; i++)
      await signInWithPassword({ db, login: user.handle, password: `wrong ${i}`, ip: address, limits });
    clock += FIRST_DELAY_S * 1000;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        signInWithPassword({ db, login: user.handle, password: `parallel ${i}`, ip: address, limits }),
      ),
    );
    expect(results.filter((result) => !result.ok && result.message === SIGN_IN_FAILED)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.retryAfterSeconds === 2 * FIRST_DELAY_S)).toHaveLength(5);
  });

  it("locks an address out after many failures, whatever the account", async () => {
    const user = await addUser();
    const address = ip();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await limits.recordAddressFailure(address);
    const locked = await signInWithPassword({ db, login: user.handle, password: PASSWORD, ip: address, limits });
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many failed sign-ins/) });
    expect(await signInWithPassword({ db, login: user.handle, password: PASSWORD, ip: ip(), limits })).toMatchObject({
      ok: true,
    });
  });
});
