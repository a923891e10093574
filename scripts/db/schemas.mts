// Writes one schema.prisma per database from prisma/models.prisma, the single source of
// the models. Prisma bakes the provider into a generated client, so each database gets
// its own generator output under generated/.
import fs from "node:fs";
import path from "node:path";
import { PROVIDERS, type Provider, projectRoot, providerDir, schemaFile } from "./config.mts";

const GENERATED_OUTPUT: Record<Provider, string> = {
  sqlite: "../../generated/prisma-sqlite",
  postgresql: "../../generated/prisma-postgres",
};

export function schemaSource(provider: Provider): string {
  const models = fs.readFileSync(path.join(projectRoot, "prisma", "models.prisma"), "utf8");
  return `// GENERATED from prisma/models.prisma by scripts/db/schemas.mts. Edit that file instead.

generator client {
  provider = "prisma-client"
  output   = "${GENERATED_OUTPUT[provider]}"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}

export function writeSchemas(): void {
  for (const provider of PROVIDERS) {
    fs.mkdirSync(providerDir(provider), { recursive: true });
    const file = schemaFile(provider);
    const source = schemaSource(provider);
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== source) fs.writeFileSync(file, source);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeSchemas();
