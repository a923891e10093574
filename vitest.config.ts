import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code: the marker's throwing entry is for client bundles (Next maps it itself).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.{ts,tsx}", "scripts/**/*.test.{ts,mts}", "prisma/**/*.test.ts"],
    globalSetup: ["./lib/test/global-setup.ts"],
    // Database tests share one SQLite file (and one PostgreSQL database) per run.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
