// Writes both schema files and generates both Prisma clients (generated/prisma-sqlite,
// generated/prisma-postgres). Runs offline: `prisma generate` never executes the native
// schema engine, it only checks that PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROVIDERS, projectRoot, schemaFile } from "./config.mts";
import { writeSchemas } from "./schemas.mts";

writeSchemas();
const prismaCli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
for (const provider of PROVIDERS) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schemaFile(provider)], {
    cwd: projectRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
