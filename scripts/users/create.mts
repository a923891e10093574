// npm run user:create -- --handle alice --email alice@example.com [--role admin] [--password ...]
// Creates an account (the first admin, typically). Without --password a strong one is
// generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { isRole } from "../../lib/auth/roles.ts";
import { createDb } from "../../lib/db.ts";
import { createUser } from "../../lib/users.ts";

const { values } = parseArgs({
  options: {
    handle: { type: "string" },
    email: { type: "string" },
    role: { type: "string", default: "user" },
    password: { type: "string" },
  },
});
if (!values.handle || !values.email || !isRole(values.role)) {
  console.error(
    "usage: npm run user:create -- --handle <handle> --email <email> [--role user|moderator|admin] [--password <password>]",
  );
  process.exit(2);
}
const password = values.password ?? randomBytes(12).toString("base64url");
const db = createDb();
try {
  const result = await createUser({
    db,
    input: { handle: values.handle, email: values.email, password },
    role: values.role,
  });
  if (!result.ok) {
    for (const [field, messages] of Object.entries(result.fieldErrors ?? { form: [result.message] }))
      console.error(`${field}: ${messages?.join(" ")}`);
    process.exitCode = 1;
  } else {
    console.log(
      `Created @${result.user.handle} (${result.user.role}).${values.password ? "" : ` Password: ${password}`}`,
    );
  }
} finally {
  await db.$disconnect();
}
