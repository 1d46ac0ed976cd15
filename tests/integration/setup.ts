import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";
import { INTEGRATION_SECRET } from "../support/test-secret";

// lib/db creates its client lazily from DATABASE_URL, so this runs before any query.
process.env.DATABASE_URL = inject("databaseUrl");
// The server's secret, as the app has it: survey links are derived from it (lib/auth/survey-token.ts).
process.env.NEXTAUTH_SECRET ??= INTEGRATION_SECRET;
// One connection to the embedded database (see scripts/start.ts).
if (inject("databaseKind") === "embedded") process.env.DATABASE_POOL_MAX = "1";

afterAll(async () => {
  await disconnectDb();
});
