import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";

// lib/db creates its client lazily from DATABASE_URL, so this runs before any query.
process.env.DATABASE_URL = inject("databaseUrl");
// One connection to the embedded database (see scripts/start.ts).
if (inject("databaseKind") === "embedded") process.env.DATABASE_POOL_MAX = "1";

afterAll(async () => {
  await disconnectDb();
});
