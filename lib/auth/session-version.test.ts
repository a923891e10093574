import { expect, it } from "vitest";
import { changePassword, PASSWORD_CHANGES_PER_HOUR, setPassword } from "@/lib/auth/password-change";
import { verifyPassword } from "@/lib/auth/passwords";
import { endAllSessions, sessionVersionOf, tokenVersion, userForSession } from "@/lib/auth/session-version";
import { describeEachDatabase } from "@/lib/test/db-suite";
import { createUser } from "@/lib/users";

const PASSWORD = "a long enough password";
const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

it("reads the version a token was issued under; tokens from before versions count as 0", () => {
  expect([{}, { sv: 0 }, { sv: 3 }, { sv: "3" }, { sv: 1.5 }, { sv: null }].map(tokenVersion)).toEqual([
    0,
    0,
    3,
    null,
    null,
    null,
  ]);
});

describeEachDatabase("session versions", ({ db }) => {
  async function addUser() {
    const handle = unique();
    const created = await createUser({ db, input: { handle, email: `${handle}@example.test`, password: PASSWORD } });
    if (!created.ok) throw new Error("setup");
    return created.user;
  }
  const passwordHash = async (id: string) =>
    (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash ?? "";

  it("honours a session only while its version is the user's, and signing out everywhere ends them all", async () => {
    const user = await addUser();
    const expected = { id: user.id, handle: user.handle, role: "user" };
    expect(await userForSession({ db, token: { uid: user.id, sv: 0 } })).toEqual(expected);
    expect(await userForSession({ db, token: { uid: user.id } })).toEqual(expected);
    expect(await endAllSessions({ db, userId: user.id })).toBe(1);
    expect(await userForSession({ db, token: { uid: user.id, sv: 0 } })).toBeNull();
    expect(await userForSession({ db, token: { uid: user.id } })).toBeNull();
    expect(await userForSession({ db, token: { uid: user.id, sv: 1 } })).toEqual(expected);
    expect(await userForSession({ db, token: { uid: user.id, sv: 2 } })).toBeNull();
    expect(await userForSession({ db, token: { uid: user.id, sv: "1" } })).toBeNull();
    expect(await userForSession({ db, token: { uid: "no-such-user", sv: 0 } })).toBeNull();
    expect(await userForSession({ db, token: { sv: 0 } })).toBeNull();
    // The role is read at each check, so a promotion shows at once.
    await db.user.update({ where: { id: user.id }, data: { role: "moderator" } });
    expect(await userForSession({ db, token: { uid: user.id, sv: 1 } })).toMatchObject({ role: "moderator" });
  });

  it("changes a password only with the current one, and ends the sessions issued before", async () => {
    const user = await addUser();
    const change = (currentPassword: string, newPassword: string) =>
      changePassword({ db, userId: user.id, currentPassword, newPassword });
    expect(await change("not my password", "a brand new password")).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await change(PASSWORD, "short")).toMatchObject({
      fieldErrors: { newPassword: ["Use at least 10 characters."] },
    });
    expect(await change(PASSWORD, PASSWORD)).toMatchObject({
      fieldErrors: { newPassword: ["Choose a password you do not use now."] },
    });
    expect(await sessionVersionOf({ db, userId: user.id })).toBe(0);
    expect(await verifyPassword(await passwordHash(user.id), PASSWORD)).toBe(true);

    expect(await change(PASSWORD, "a brand new password")).toEqual({ ok: true, sessionVersion: 1 });
    expect(await userForSession({ db, token: { uid: user.id, sv: 0 } })).toBeNull();
    expect(await verifyPassword(await passwordHash(user.id), PASSWORD)).toBe(false);
    expect(await verifyPassword(await passwordHash(user.id), "a brand new password")).toBe(true);
  });

  it("limits password changes per user, counting wrong current passwords before checking them", async () => {
    const user = await addUser();
    for (let i = 0; i < PASSWORD_CHANGES_PER_HOUR; i++)
      expect(
        await changePassword({
          db,
          userId: user.id,
          currentPassword: `guess ${i}`,
          newPassword: "a brand new password",
        }),
      ).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await changePassword({ db, userId: user.id, currentPassword: PASSWORD, newPassword: "a brand new password" }),
    ).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(await sessionVersionOf({ db, userId: user.id })).toBe(0);
  });

  it("sets a password by handle (the admin's CLI) and ends the account's sessions", async () => {
    const user = await addUser();
    expect(await setPassword({ db, handle: ` ${user.handle.toUpperCase()} `, password: "set by an admin" })).toBe(true);
    expect(await sessionVersionOf({ db, userId: user.id })).toBe(1);
    expect(await verifyPassword(await passwordHash(user.id), "set by an admin")).toBe(true);
    expect(await setPassword({ db, handle: `no-${user.handle}`, password: "set by an admin" })).toBe(false);
  });
});
