import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { isModerator } from "@/lib/auth/roles";
import { createEntry } from "@/lib/entries/create-entry";
import { getProfile, REPUTATION_PER_ACCEPTED_REVISION } from "@/lib/profiles";
import { describeEachDatabase, sampleContent } from "@/lib/test/db-suite";
import { createUser, findUserForSignIn } from "@/lib/users";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("a long enough password");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a long enough password")).toBe(true);
    expect(await verifyPassword(hash, "a long enough passwore")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("sign-in helpers", () => {
  it("follows only same-site callback paths", () => {
    expect(safeCallbackUrl("/entries/x?y=1")).toBe("/entries/x?y=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", undefined])
      expect(safeCallbackUrl(bad)).toBe("/");
  });

  it("treats moderators and admins as moderators", () => {
    expect([
      isModerator({ role: "user" }),
      isModerator({ role: "moderator" }),
      isModerator({ role: "admin" }),
      isModerator(null),
    ]).toEqual([false, true, true, false]);
  });
});

const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describeEachDatabase("accounts", ({ db }) => {
  it("creates accounts with normalized handles and refuses taken ones with field errors", async () => {
    const handle = unique();
    const created = await createUser({
      db,
      input: { handle: handle.toUpperCase(), email: `${handle}@Example.test`, password: "a long enough password" },
    });
    expect(created).toMatchObject({ ok: true, user: { handle, role: "user" } });
    expect(
      await createUser({
        db,
        input: { handle, email: `other-${handle}@example.test`, password: "a long enough password" },
      }),
    ).toEqual({
      ok: false,
      code: "invalid",
      message: "Some fields need attention.",
      fieldErrors: { handle: ["That handle is taken."] },
    });
    expect(
      await createUser({
        db,
        input: { handle: `${handle}x`, email: `${handle}@example.test`, password: "a long enough password" },
      }),
    ).toEqual({
      ok: false,
      code: "invalid",
      message: "Some fields need attention.",
      fieldErrors: { email: ["An account already uses that email."] },
    });
    const invalid = await createUser({ db, input: { handle: "-", email: "nope", password: "short" } });
    expect(invalid.ok).toBe(false);
    expect(Object.keys(invalid.ok ? {} : (invalid.fieldErrors ?? {})).sort()).toEqual(["email", "handle", "password"]);
    expect((await findUserForSignIn({ db, login: ` ${handle.toUpperCase()}@EXAMPLE.TEST ` }))?.handle).toBe(handle);
  });

  it("computes reputation from votes on entries and accepted revisions", async () => {
    const author = await createUser({
      db,
      input: { handle: unique(), email: `${unique()}@example.test`, password: "a long enough password" },
    });
    if (!author.ok) throw new Error("setup");
    const voters = await Promise.all([1, 2, 3].map(() => db.user.create({ data: { handle: unique() } })));
    const { id } = await createEntry({ db, content: sampleContent(), authorId: author.user.id, status: "approved" });
    await db.vote.createMany({
      data: voters.map((voter, i) => ({ userId: voter.id, entryId: id, value: i === 2 ? -1 : 1 })),
    });
    const other = await createEntry({ db, content: sampleContent(), authorId: null, status: "approved" });
    const base = await db.revision.findFirstOrThrow({ where: { entryId: other.id } });
    const { id: _id, createdAt: _c, ...snapshot } = base;
    await db.revision.create({
      data: {
        ...snapshot,
        gotchas: [],
        errorMessages: [],
        verifiedWith: [],
        tags: [],
        number: 1,
        status: "accepted",
        authorId: author.user.id,
      },
    });
    await db.revision.create({
      data: {
        ...snapshot,
        gotchas: [],
        errorMessages: [],
        verifiedWith: [],
        tags: [],
        number: 2,
        status: "rejected",
        authorId: author.user.id,
      },
    });
    const profile = await getProfile({ db, handle: author.user.handle, viewer: null });
    expect(profile).toMatchObject({ voteTotal: 1, reputation: 1 + REPUTATION_PER_ACCEPTED_REVISION });
    expect(profile?.entries.map((entry) => entry.id)).toEqual([id]);
    expect(profile?.acceptedRevisions.map((revision) => revision.number)).toEqual([1]);
    expect(await getProfile({ db, handle: "nobody-here", viewer: null })).toBeNull();
  });
});
