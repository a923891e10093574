// Sign-ups are limited per client address (each runs an Argon2id hash and says whether a handle
// or email is taken). The shared test servers raise the limit, so this runs a server of its own.
import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db";
import { withOwnServer } from "../security/support";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "runs once, on a server of its own");
  test.setTimeout(120_000);
});

test("a third sign-up from one address within the hour is refused with a message, and creates nothing", async ({
  browser,
}, testInfo) => {
  await withOwnServer(testInfo, { offset: 9, env: { SIGN_UPS_PER_HOUR_PER_IP: "2" } }, async (port, databaseUrl) => {
    const db = createDb(databaseUrl);
    try {
      const handles = [1, 2, 3].map((n) => `limit${n}${Date.now().toString(36)}`);
      for (const [index, handle] of handles.entries()) {
        const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
        const page = await context.newPage();
        await page.goto("/sign-up");
        await page.getByLabel("Handle").fill(handle);
        await page.getByLabel("Email").fill(`${handle}@example.test`);
        await page.getByLabel("Password").fill("a long enough password");
        await page.getByRole("button", { name: "Create account" }).click();
        if (index < 2) await expect.poll(() => db.user.count({ where: { handle } })).toBe(1);
        else {
          await expect(page.getByRole("main").getByRole("alert")).toHaveText(
            /^Too many accounts were created from your network in the last hour\. Try again in \d+ minutes\.$/,
          );
          await expect(page.getByLabel("Handle")).toHaveValue(handle);
        }
        await context.close();
      }
      expect(await db.user.count({ where: { handle: { in: handles } } })).toBe(2);
    } finally {
      await db.$disconnect();
    }
  });
});
