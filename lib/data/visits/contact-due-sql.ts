import { Prisma, type Tx } from "@/lib/db";
import type { VisitSettings } from "@/lib/domain/visits";

// The set-based half of contact-due.ts, without "server-only": the demo seed and the bench
// generator run under plain Node (npm start, npm run bench:*), where that marker throws.

type Cadence = Pick<VisitSettings, "cadenceDaysA" | "cadenceDaysB" | "cadenceDaysC">;

/** The due-date expression for the account row `a`, in SQL (China calendar date + the tier's days). */
export function contactDueSql(
  settings: Cadence,
  alias = `"Account"`,
  // The last contact, when the same statement is setting it (else the row's stored one).
  lastContact?: Prisma.Sql,
): Prisma.Sql {
  const a = Prisma.raw(alias);
  const last = lastContact ?? Prisma.sql`${a}."lastContactAt"`;
  return Prisma.sql`((COALESCE(${last}, ${a}."createdAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date
    + CASE ${a}."tier" WHEN 'A' THEN ${settings.cadenceDaysA}::int WHEN 'B' THEN ${settings.cadenceDaysB}::int ELSE ${settings.cadenceDaysC}::int END)`;
}

/** After the cadence setting changes: every account's due date, in one statement. */
export async function recomputeAllContactDue(tx: Tx, settings: Cadence): Promise<number> {
  return tx.$executeRaw`UPDATE "Account" SET "contactDueOn" = ${contactDueSql(settings)}`;
}

/**
 * Every account's last contact from its visit history, in one statement. This one does read the
 * whole history: only for loading data in bulk (the demo seed, the bench generator), never per save.
 */
export async function recomputeAllLastContacts(tx: Tx): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Account" a SET "lastContactAt" = r.last
    FROM (SELECT "accountId", max("visitedAt") AS last FROM "VisitRecord"
          WHERE "deletedAt" IS NULL GROUP BY "accountId") r
    WHERE a.id = r."accountId"`;
}
