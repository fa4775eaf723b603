import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests call the real route handlers against a real database: an in-memory
// PGlite by default, or the PostgreSQL database in TEST_DATABASE_URL. Files run one at a
// time because on PostgreSQL they share one database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts", "emails/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    setupFiles: ["tests/support/setup-env.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
