// npm run user:password -- --handle alice [--password ...]
// Sets an account's password: for accounts created by `npm run import`, which have none and
// cannot sign in until an admin runs this, and for an account someone else may know the
// password of. Every session of the account ends (its session version goes up). Without
// --password a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { setPassword } from "../../lib/auth/password-change.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../lib/auth/passwords.ts";
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
  if (!(await setPassword({ db, handle: values.handle, password }))) {
    console.error(`No account has the handle ${values.handle}.`);
    process.exitCode = 1;
  } else
    console.log(
      `Set the password of @${values.handle} and signed out its sessions.${values.password ? "" : ` Password: ${password}`}`,
    );
} finally {
  await db.$disconnect();
}
