-- CreateTable
CREATE TABLE "LedgerOwnerMonthRollup" (
    "month" DATE NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "collections" BIGINT NOT NULL DEFAULT 0,
    "lines" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LedgerOwnerMonthRollup_pkey" PRIMARY KEY ("month","ownerId","teamId")
);

-- CreateTable
CREATE TABLE "LedgerAccountYearRollup" (
    "year" INTEGER NOT NULL,
    "accountId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "collections" BIGINT NOT NULL DEFAULT 0,
    "lines" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LedgerAccountYearRollup_pkey" PRIMARY KEY ("year","accountId","ownerId","teamId")
);

-- CreateIndex
CREATE INDEX "LedgerOwnerMonthRollup_teamId_month_idx" ON "LedgerOwnerMonthRollup"("teamId", "month");

-- CreateIndex
CREATE INDEX "LedgerOwnerMonthRollup_ownerId_month_idx" ON "LedgerOwnerMonthRollup"("ownerId", "month");

-- CreateIndex
CREATE INDEX "LedgerAccountYearRollup_teamId_year_idx" ON "LedgerAccountYearRollup"("teamId", "year");

-- CreateIndex
CREATE INDEX "LedgerAccountYearRollup_ownerId_year_idx" ON "LedgerAccountYearRollup"("ownerId", "year");


-- Semicolons inside function bodies are written \073 (in E'' strings): Prisma's driver adapter runs
-- a migration by splitting its text at every semicolon.

-- ── Coarser ledger rollups, kept by a trigger beside LedgerLine_rollup ──────────────────────────
-- At scale (2,000,000 lines, 20,000 accounts: tests/bench/kpi.ts) LedgerMonthRollup holds about
-- 17,000 rows a month, so a year's totals per person, the monthly trend or a year's 80/20 curve add
-- up 200,000 rows (200–600 ms). LedgerOwnerMonthRollup (one row per person and month) answers the
-- first two from a few thousand rows, LedgerAccountYearRollup (one row per account and year) the
-- Pareto curve and revenue by tier of a year from 20,000. Same rule as the month rollup: an update
-- takes the old contribution out and puts the new one in, and rows whose contributions all left stay
-- as zeros.

CREATE OR REPLACE FUNCTION kpi_ledger_coarse_rollup() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE''
     AND (OLD."deletedAt" IS NULL) = (NEW."deletedAt" IS NULL)
     AND OLD."month" = NEW."month" AND OLD."accountId" = NEW."accountId"
     AND OLD."ownerId" = NEW."ownerId" AND OLD."teamId" = NEW."teamId"
     AND OLD."kind" = NEW."kind" AND OLD."amount" = NEW."amount" THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP IN (''UPDATE'', ''DELETE'') AND OLD."deletedAt" IS NULL THEN
    INSERT INTO "LedgerOwnerMonthRollup" AS r ("month", "ownerId", "teamId", "revenue", "collections", "lines")
    VALUES (OLD."month", OLD."ownerId", OLD."teamId",
            CASE WHEN OLD."kind" = ''REVENUE'' THEN -OLD."amount" ELSE 0 END,
            CASE WHEN OLD."kind" = ''COLLECTION'' THEN -OLD."amount" ELSE 0 END, -1)
    ON CONFLICT ("month", "ownerId", "teamId") DO UPDATE SET
      "revenue" = r."revenue" + EXCLUDED."revenue",
      "collections" = r."collections" + EXCLUDED."collections",
      "lines" = r."lines" + EXCLUDED."lines"\073
    INSERT INTO "LedgerAccountYearRollup" AS r ("year", "accountId", "ownerId", "teamId", "revenue", "collections", "lines")
    VALUES (extract(year FROM OLD."month")::int, OLD."accountId", OLD."ownerId", OLD."teamId",
            CASE WHEN OLD."kind" = ''REVENUE'' THEN -OLD."amount" ELSE 0 END,
            CASE WHEN OLD."kind" = ''COLLECTION'' THEN -OLD."amount" ELSE 0 END, -1)
    ON CONFLICT ("year", "accountId", "ownerId", "teamId") DO UPDATE SET
      "revenue" = r."revenue" + EXCLUDED."revenue",
      "collections" = r."collections" + EXCLUDED."collections",
      "lines" = r."lines" + EXCLUDED."lines"\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') AND NEW."deletedAt" IS NULL THEN
    INSERT INTO "LedgerOwnerMonthRollup" AS r ("month", "ownerId", "teamId", "revenue", "collections", "lines")
    VALUES (NEW."month", NEW."ownerId", NEW."teamId",
            CASE WHEN NEW."kind" = ''REVENUE'' THEN NEW."amount" ELSE 0 END,
            CASE WHEN NEW."kind" = ''COLLECTION'' THEN NEW."amount" ELSE 0 END, 1)
    ON CONFLICT ("month", "ownerId", "teamId") DO UPDATE SET
      "revenue" = r."revenue" + EXCLUDED."revenue",
      "collections" = r."collections" + EXCLUDED."collections",
      "lines" = r."lines" + EXCLUDED."lines"\073
    INSERT INTO "LedgerAccountYearRollup" AS r ("year", "accountId", "ownerId", "teamId", "revenue", "collections", "lines")
    VALUES (extract(year FROM NEW."month")::int, NEW."accountId", NEW."ownerId", NEW."teamId",
            CASE WHEN NEW."kind" = ''REVENUE'' THEN NEW."amount" ELSE 0 END,
            CASE WHEN NEW."kind" = ''COLLECTION'' THEN NEW."amount" ELSE 0 END, 1)
    ON CONFLICT ("year", "accountId", "ownerId", "teamId") DO UPDATE SET
      "revenue" = r."revenue" + EXCLUDED."revenue",
      "collections" = r."collections" + EXCLUDED."collections",
      "lines" = r."lines" + EXCLUDED."lines"\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "LedgerLine_coarse_rollup" AFTER INSERT OR UPDATE OR DELETE ON "LedgerLine"
  FOR EACH ROW EXECUTE FUNCTION kpi_ledger_coarse_rollup();

-- rebuild_kpi_rollups() now fills the coarse rollups too, from the month rollup it has just rebuilt
-- (exact: both are sums of the same live lines, and 17,000 rows a month are cheaper than the lines).
CREATE OR REPLACE FUNCTION rebuild_kpi_rollups() RETURNS void LANGUAGE sql AS E'
  DELETE FROM "LedgerMonthRollup"\073
  INSERT INTO "LedgerMonthRollup" ("month", "accountId", "ownerId", "teamId", "revenue", "collections", "lines")
  SELECT "month", "accountId", "ownerId", "teamId",
         COALESCE(SUM("amount") FILTER (WHERE "kind" = ''REVENUE''), 0),
         COALESCE(SUM("amount") FILTER (WHERE "kind" = ''COLLECTION''), 0),
         COUNT(*)
  FROM "LedgerLine" WHERE "deletedAt" IS NULL
  GROUP BY 1, 2, 3, 4\073
  DELETE FROM "LedgerOwnerMonthRollup"\073
  INSERT INTO "LedgerOwnerMonthRollup" ("month", "ownerId", "teamId", "revenue", "collections", "lines")
  SELECT "month", "ownerId", "teamId", SUM("revenue"), SUM("collections"), SUM("lines")
  FROM "LedgerMonthRollup" GROUP BY 1, 2, 3\073
  DELETE FROM "LedgerAccountYearRollup"\073
  INSERT INTO "LedgerAccountYearRollup" ("year", "accountId", "ownerId", "teamId", "revenue", "collections", "lines")
  SELECT extract(year FROM "month")::int, "accountId", "ownerId", "teamId", SUM("revenue"), SUM("collections"), SUM("lines")
  FROM "LedgerMonthRollup" GROUP BY 1, 2, 3, 4\073
  DELETE FROM "VisitDayRollup"\073
  INSERT INTO "VisitDayRollup" ("day", "ownerId", "teamId", "visits", "withOutcome", "advanced", "cost")
  SELECT ("visitedAt" + interval ''8 hours'')::date, "ownerId", "teamId", COUNT(*),
         COUNT(*) FILTER (WHERE "outcome" IS NOT NULL),
         COUNT(*) FILTER (WHERE "outcome" = ''ADVANCED''),
         COALESCE(SUM("cost"), 0)
  FROM "VisitRecord" WHERE "deletedAt" IS NULL
  GROUP BY 1, 2, 3\073
';

-- Lines booked before this migration: the coarse rollups from the month rollup (live rows only).
INSERT INTO "LedgerOwnerMonthRollup" ("month", "ownerId", "teamId", "revenue", "collections", "lines")
SELECT "month", "ownerId", "teamId", SUM("revenue"), SUM("collections"), SUM("lines")
FROM "LedgerMonthRollup" GROUP BY 1, 2, 3;

INSERT INTO "LedgerAccountYearRollup" ("year", "accountId", "ownerId", "teamId", "revenue", "collections", "lines")
SELECT extract(year FROM "month")::int, "accountId", "ownerId", "teamId", SUM("revenue"), SUM("collections"), SUM("lines")
FROM "LedgerMonthRollup" GROUP BY 1, 2, 3, 4;
