import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { databaseAnswers } from "@/lib/data/health";
import { db } from "@/lib/db";

describe("database health and resilience", () => {
  it("answers when the database is up", async () => {
    expect(await databaseAnswers()).toBe(true);
  });

  // Needs a real server: PGlite cannot terminate its own sessions.
  it.runIf(inject("databaseKind") === "postgres")(
    "survives its connections being killed (as in a PostgreSQL restart) and recovers",
    async () => {
      await db.user.count(); // open pooled connections
      const url = new URL(inject("databaseUrl"));
      const dbName = url.pathname.slice(1);
      url.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [dbName],
        );
        // While the database refuses connections, health says so instead of hanging or crashing.
        expect(await databaseAnswers(3_000)).toBe(false);
        await expect(db.user.count()).rejects.toThrow();
      } finally {
        await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      // Later requests succeed on fresh connections.
      let ok = false;
      for (let i = 0; i < 10 && !ok; i++) ok = await databaseAnswers();
      expect(ok).toBe(true);
      expect(await db.user.count()).toBeGreaterThan(0);
    },
  );
});
