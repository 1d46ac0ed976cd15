// Prisma CLI configuration. Migrations run through the WebAssembly schema engine over the same
// pg driver adapter the app uses, so nothing native has to be downloaded (see README "Database").
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createPgAdapter } from "./lib/db/adapter";

// The datasource url in schema.prisma is ignored when an adapter is configured, but must be a
// syntactically valid postgresql:// URL or the CLI tries to download a query engine.
process.env.PRISMA_CLI_URL ??= "postgresql://keystone@localhost:5432/keystone";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL must be set for Prisma CLI commands (npm start sets it).");
    return createPgAdapter(url);
  },
});
