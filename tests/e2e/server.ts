// The server the end-to-end tests run against: a fresh database (E2E_DATABASE_URL, or one made by
// createTestDatabase), migrated and seeded, and Keystone's server (scripts/server.ts) on the production build in .next-e2e.
import fs from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db";
import { seedE2e } from "./seed-e2e";
import { ROOT } from "../../scripts/lib/env";
import { npx, spawnServer } from "../../scripts/lib/run";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const port = process.env.E2E_PORT ?? "3210";
// E2E_DIST_DIR lets a second checkout or session build beside the default without clashing.
const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";

async function main() {
  let database: TestDatabase | null = null;
  let url = process.env.E2E_DATABASE_URL;
  if (!url) {
    database = await createTestDatabase("e2e");
    url = database.url;
    // One connection to the embedded database (see scripts/start.ts).
    if (database.kind === "embedded") process.env.DATABASE_POOL_MAX = "1";
    const db = createDb(url, 2);
    await seedE2e(db);
    await db.$disconnect();
  }
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET ?? "keystone-e2e-secret-not-for-production",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_DIST_DIR: distDir,
    // One process: tests that change settings expect the next page to show them at once, and a
    // second process would answer from its own 30-second cache.
    WEB_CONCURRENCY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // Scheduled jobs would change records under the specs' feet; /admin/jobs runs them on demand.
    KEYSTONE_JOBS: process.env.KEYSTONE_JOBS ?? "off",
  };
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) await npx(["next", "build"], { cwd: ROOT, env });
  const app = spawnServer({}, { env: { ...env, PORT: port } });
  const stop = async () => {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    await database?.drop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  app.on("exit", async (code) => {
    await database?.drop();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
