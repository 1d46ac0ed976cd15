import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { VisitSettings } from "@/lib/domain/visits";
import { cachedVisitSettings } from "./settings";
import { contactDueSql } from "./contact-due-sql";

// Keeps Account.lastContactAt and Account.contactDueOn current (see contactDueOn in
// lib/domain/visits.ts, which this SQL mirrors): the overdue lists read them with a range scan, so
// nothing has to scan the visit history to know who should have been contacted.
// The SQL shared with the seed and the bench generator lives in contact-due-sql.ts (no "server-only").
export { contactDueSql, recomputeAllContactDue } from "./contact-due-sql";

type Cadence = Pick<VisitSettings, "cadenceDaysA" | "cadenceDaysB" | "cadenceDaysC">;

/**
 * Re-reads one account's latest visit (one probe of the (accountId, deletedAt, visitedAt) index)
 * and stores it with the due date that follows. Call it in the transaction that adds, edits,
 * deletes or restores a visit record, or changes the account's tier.
 */
export async function refreshAccountContact(tx: Tx, accountId: string, settings: Cadence): Promise<void> {
  // One statement: saving a visit is on a phone's critical path.
  await tx.$executeRaw`
    UPDATE "Account" a SET "lastContactAt" = l.last, "contactDueOn" = ${contactDueSql(settings, "a", Prisma.sql`l.last`)}
    FROM (SELECT (
      SELECT r."visitedAt" FROM "VisitRecord" r
      WHERE r."accountId" = ${accountId} AND r."deletedAt" IS NULL
      ORDER BY r."visitedAt" DESC LIMIT 1
    ) AS last) l
    WHERE a.id = ${accountId}`;
}

/**
 * The due date of these accounts after they were created or their tier changed (their last contact
 * is unchanged, so only the date is recomputed). One statement for any number of accounts.
 */
export async function refreshContactDueFor(tx: Tx, accountIds: readonly string[]): Promise<void> {
  if (!accountIds.length) return;
  const settings = await cachedVisitSettings();
  await tx.$executeRaw`UPDATE "Account" SET "contactDueOn" = ${contactDueSql(settings)}
    WHERE id = ANY(${[...accountIds]}::text[])`;
}
