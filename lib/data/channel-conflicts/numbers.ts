// No "server-only": it only works inside a caller's transaction, and the demo seed (plain Node)
// numbers its planted cases through recordDetections with it.
import type { Prisma } from "@/lib/db";
import { nextConflictNumber } from "@/lib/domain/channel-conflict-keys";

type Tx = Prisma.TransactionClient;

/**
 * The next CC-<year>-<seq> for a case opened on `on` (a China calendar year). A transaction-scoped
 * advisory lock serialises numbering, so an import and a manual case never take the same number.
 */
export async function allocateConflictNumber(tx: Tx, on: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keystone.conflict-number'))`;
  const year = Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(on),
  );
  const [top] = await tx.$queryRaw<{ number: string }[]>`
    SELECT number FROM "ChannelConflict"
    WHERE number >= ${`CC-${year}-`} AND number < ${`CC-${year}.`}
    ORDER BY length(number) DESC, number DESC LIMIT 1`;
  return nextConflictNumber(year, top?.number ?? null);
}
