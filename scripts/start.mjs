// npm start: install what is missing, migrate and seed the database, build, serve.
// DATABASE_URL picks the database (default: SQLite file data/hivebrain.db); PORT the port;
// TRUST_PROXY the proxies in front whose X-Forwarded-For is believed (see scripts/server.mjs).
import { baseEnv, ensureBuild, ensureDependencies, run, step, tsx } from "./lib/setup.mjs";

const port = process.env.PORT || "3000";
const env = {
  ...baseEnv,
  DATABASE_URL: process.env.DATABASE_URL || "file:./data/hivebrain.db",
  // next-auth builds its callback URLs from this; set it to the public URL behind a proxy.
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
};

ensureDependencies();
step("Migrating the database");
tsx("scripts/db/migrate.mts", env);
step("Seeding the database (adds only what is missing)");
tsx("scripts/db/seed.mts", env);
ensureBuild(".next", env);
step(`Serving HiveBrain on http://localhost:${port}`);
run(process.execPath, ["scripts/server.mjs", "--port", port], { env: { ...env, NEXT_DIST_DIR: ".next" } });
