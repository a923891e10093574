// next-auth signs its session cookies with a secret. Use NEXTAUTH_SECRET when set (required
// when several app servers share sessions); otherwise keep a random one in data/, created on
// first use, so `npm start` needs no configuration.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve("data", ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 }); // 0700: it holds the database too
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process created it first
    }
  }
}
