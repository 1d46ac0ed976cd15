// `npm start`: one command from a fresh clone to a running, seeded Keystone.
// Without DATABASE_URL it runs PostgreSQL embedded (PGlite) over KEYSTONE_DATA_DIR (default .data/);
// with DATABASE_URL it uses that server. Either way: migrate → seed demo data if empty → build if
// needed → `next start` on PORT. Ctrl-C / SIGTERM stops the app, then the embedded database.
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { migrateDeploy } from "./lib/migrate";
import { buildIsStale, ensureAuthSecret, prismaClientMissing, ROOT } from "./lib/env";
import { npx, spawnServer } from "./lib/run";
import { readLauncherEnv } from "@/lib/env";

const dev = process.argv.includes("--dev");
let settings: ReturnType<typeof readLauncherEnv>;
try {
  settings = readLauncherEnv();
} catch (error) {
  console.error(`[keystone] ${(error as Error).message}`);
  process.exit(1);
}
const port = settings.PORT ?? 3000;
const dataDir = path.resolve(ROOT, settings.KEYSTONE_DATA_DIR ?? ".data");

let embedded: EmbeddedDatabase | null = null;
let app: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app!.once("exit", resolve));
  }
  if (embedded) {
    await embedded.stop();
    console.log("[keystone] embedded database stopped cleanly");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (prismaClientMissing()) await npx(["prisma", "generate"], { cwd: ROOT });

  let url = settings.DATABASE_URL;
  if (!url) {
    console.log(`[keystone] starting the embedded PostgreSQL in ${path.relative(ROOT, dataDir) || dataDir}`);
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: settings.KEYSTONE_DB_PORT,
    });
    url = embedded.url;
    // PGlite serves every socket from one session: statements from parallel connections can
    // interleave (electric-sql/pglite#1046), so the app talks to it over a single connection.
    process.env.DATABASE_POOL_MAX = "1";
    // …and by one server process (scripts/server.ts would otherwise start one per core).
    process.env.WEB_CONCURRENCY = "1";
  }
  await migrateDeploy(url);
  // Settled before seeding: the demo's survey links are derived from it (lib/auth/survey-token.ts).
  process.env.NEXTAUTH_SECRET = ensureAuthSecret(dataDir);

  // Seed demo data into an empty embedded database (or any empty database when asked to).
  const { seedIfEmpty } = await import("../prisma/seed");
  const seeded = embedded || settings.KEYSTONE_SEED_DEMO === "1" ? await seedIfEmpty(url) : null;

  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
    NEXTAUTH_URL: settings.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
  };
  if (!dev && buildIsStale()) {
    console.log("[keystone] building the production bundle (first run or sources changed)…");
    await npx(["next", "build"], { cwd: ROOT, env });
  }
  app = spawnServer({ dev }, { env: { ...env, NODE_ENV: dev ? "development" : "production" } });
  app.on("exit", (code) => void shutdown(code ?? 0));

  console.log(`\n[keystone] ready on http://localhost:${port}  (health: /api/health)`);
  if (seeded) {
    console.log(
      "[keystone] demo data created. Sign in with any of these (password for all: %s):",
      seeded.password,
    );
    for (const login of seeded.logins)
      console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(32)} ${login.name}`);
  }
}

main().catch(async (error) => {
  console.error("[keystone] could not start:", error instanceof Error ? error.message : error);
  await shutdown(1);
});
