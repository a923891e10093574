// The real `npm run user:password`: it sets the password and signs the account out everywhere.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { describeEachDatabase } from "@/lib/test/db-suite";

const exec = promisify(execFile);

describeEachDatabase("npm run user:password", ({ db, database }) => {
  it("sets the password and increments the session version", async () => {
    const handle = `cli${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const user = await db.user.create({ data: { handle }, select: { id: true } });
    const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    const run = await exec(
      "npm",
      ["run", "-s", "user:password", "--", "--handle", handle, "--password", "from the cli"],
      {
        env,
      },
    );
    expect(run.stdout).toContain(`Set the password of @${handle} and signed out its sessions.`);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(1);
    expect(await verifyPassword(after.passwordHash ?? "", "from the cli")).toBe(true);
  }, 120_000);
});
