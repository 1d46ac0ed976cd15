import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";

// lib/db creates its client lazily from DATABASE_URL, so this runs before any query.
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await disconnectDb();
});
