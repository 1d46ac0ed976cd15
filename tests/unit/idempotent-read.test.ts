import { describe, expect, it } from "vitest";
import { isIdempotentRead, isServerNotReady } from "@/lib/db/resilient-pool";

// Which statements the pool may run a second time after their connection died (lib/db).
describe("isIdempotentRead", () => {
  it.each([
    'SELECT "public"."User"."id", "public"."User"."name" FROM "public"."User" WHERE "public"."User"."id" = $1 LIMIT $2',
    'select count(*) from "Account" where "deletedAt" is null',
    "  /* prisma */ SELECT 1",
    'WITH ranked AS (SELECT id, row_number() OVER (PARTITION BY stage ORDER BY value DESC) AS n FROM "Deal") SELECT * FROM ranked WHERE n <= 12',
    'SELECT a."updatedAt", a."deletedAt" FROM "Account" a -- updated rows only\nWHERE a.id = $1',
  ])("reads: %s", (sql) => {
    expect(isIdempotentRead(sql)).toBe(true);
  });

  it.each([
    'INSERT INTO "AuditLog" (id) VALUES ($1)',
    'UPDATE "Deal" SET stage = $1 WHERE id = $2 AND version = $3',
    'DELETE FROM "SavedView" WHERE id = $1',
    'WITH moved AS (UPDATE "Deal" SET stage = $1 WHERE id = $2 RETURNING *) SELECT * FROM moved',
    'WITH h AS (INSERT INTO "DealStageChange" (id) VALUES ($1) RETURNING id) SELECT id FROM h',
    'SELECT failures FROM "SignInThrottle" WHERE key = $1 FOR UPDATE',
    'SELECT id FROM "Account" WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE',
    'SELECT * FROM "Deal" FOR SHARE',
    "SELECT nextval('seq')",
    "SELECT pg_advisory_xact_lock($1)",
    "SELECT set_config('app.user', $1, false)",
    'SELECT * INTO backup FROM "Account"',
    "BEGIN",
    "COMMIT",
    'TRUNCATE "Account"',
    'CREATE INDEX ON "Account" (name)',
  ])("writes or unsure: %s", (sql) => {
    expect(isIdempotentRead(sql)).toBe(false);
  });
});

describe("isServerNotReady", () => {
  it("recognises a server that is restarting or refusing connections", () => {
    expect(
      isServerNotReady(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      ),
    ).toBe(true);
    expect(
      isServerNotReady(Object.assign(new Error("the database system is starting up"), { code: "57P03" })),
    ).toBe(true);
    expect(isServerNotReady(new Error("the database system is shutting down"))).toBe(true);
  });

  it("does not wait on a full pool, bad credentials or a refused database", () => {
    expect(isServerNotReady(new Error("timeout exceeded when trying to connect"))).toBe(false);
    expect(
      isServerNotReady(
        Object.assign(new Error('password authentication failed for user "x"'), { code: "28P01" }),
      ),
    ).toBe(false);
    expect(
      isServerNotReady(
        Object.assign(new Error('database "x" is not currently accepting connections'), { code: "55000" }),
      ),
    ).toBe(false);
  });
});
