// npm run user:password -- --handle alice [--password ...]
// Sets an account's password: for accounts created by `npm run import`, which have none and
// cannot sign in until an admin runs this. Without --password a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "../../lib/auth/passwords.ts";
import { createDb } from "../../lib/db.ts";

const { values } = parseArgs({ options: { handle: { type: "string" }, password: { type: "string" } } });
const password = values.password ?? randomBytes(12).toString("base64url");
if (!values.handle || password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
  console.error(
    `usage: npm run user:password -- --handle <handle> [--password <${PASSWORD_MIN}-${PASSWORD_MAX} characters>]`,
  );
  process.exit(2);
}
const db = createDb();
try {
  const updated = await db.user.updateMany({
    where: { handle: values.handle.trim().toLowerCase() },
    data: { passwordHash: await hashPassword(password) },
  });
  if (updated.count === 0) {
    console.error(`No account has the handle ${values.handle}.`);
    process.exitCode = 1;
  } else console.log(`Set the password of @${values.handle}.${values.password ? "" : ` Password: ${password}`}`);
} finally {
  await db.$disconnect();
}
