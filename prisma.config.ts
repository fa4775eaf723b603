import { defineConfig } from "prisma/config";

// Prisma 7 reads the schema location from here. The client runs on driver adapters
// (PGlite or node-postgres), so no datasource URL is needed to generate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
