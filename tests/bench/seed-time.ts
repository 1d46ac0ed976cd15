// `npm run bench:seed-time`: how long the demo seed takes, as `npm start` runs it (embedded PGlite
// over a data folder, in the launcher's process) and, with DATABASE_URL, on a throw-away database
// on that PostgreSQL server. Prints the seconds of migrate and seed for each.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { throwawayDatabase } from "./lib";

async function timeSeed(url: string, label: string) {
  const t0 = performance.now();
  await migrateDeploy(url, { quiet: true });
  const t1 = performance.now();
  // One connection, as npm start gives the embedded database.
  const db = createDb(url, 1);
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  const t2 = performance.now();
  console.log(
    `[seed-time] ${label}: migrate ${((t1 - t0) / 1000).toFixed(1)} s, seed ${((t2 - t1) / 1000).toFixed(1)} s`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keystone-seed-time-"));
const embedded = await startEmbeddedDatabase({ dataDir: dir });
try {
  await timeSeed(embedded.url, "embedded PGlite (data folder)");
} finally {
  await embedded.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
  const tmp = throwawayDatabase(process.env.DATABASE_URL, `keystone_seed_time_${Date.now()}`);
  await tmp.created;
  try {
    await timeSeed(tmp.url, "PostgreSQL server");
  } finally {
    await tmp.drop();
  }
}
