import { createApiToken } from "@/lib/api-tokens";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { addUser } from "../support/users";

/** A new user and a personal API token of theirs. */
export async function userWithToken(db: Db, role: Role = "user") {
  const user = await addUser(db, { role });
  const created = await createApiToken({ db, userId: user.id, name: "e2e" });
  if (!created.ok) throw new Error(created.message);
  return { user, token: created.token, headers: { Authorization: `Bearer ${created.token}` } };
}

export const validEntry = (title: string) => ({
  title,
  category: "gotcha",
  language: "Python",
  severity: "major",
  tags: ["api-test", "asyncio"],
  problem: "A blocking call inside a coroutine stalls the loop.",
  solution: "Use `await asyncio.to_thread(fn)`.",
  errorMessages: ["Executing <Task pending> took 2.5 seconds"],
});
