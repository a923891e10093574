import type { Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { createUser } from "@/lib/users";

export const TEST_PASSWORD = "correct horse battery staple";

/** Creates an account straight in the database (sign-up itself has its own test). */
export async function addUser(db: Db, { role = "user" as Role } = {}) {
  const handle = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const result = await createUser({
    db,
    role,
    input: { handle, email: `${handle}@example.test`, password: TEST_PASSWORD },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.user;
}

export async function signInAs(page: Page, handle: string, password = TEST_PASSWORD, callbackUrl = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Handle or email").fill(handle);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
}
