import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { AccountListQuery } from "@/lib/validation/accounts";
import { accountListAfter, accountListFilter, accountListOrder } from "./account-list";
import { mutate } from "./audit";

/** An export never carries more rows than this. */
export const EXPORT_ROW_CAP = 50_000;
const BATCH = 1_000;

export type AccountExportRow = {
  id: string;
  name: string;
  creditCode: string | null;
  tier: "A" | "B" | "C";
  compositeScore: number;
  priorityScore: number;
  lifecycle: "PROSPECT" | "INTENT" | "CUSTOMER" | "LOST";
  industry: string | null;
  sizeBand: "MICRO" | "SMALL" | "MEDIUM" | "LARGE" | "GIANT" | null;
  legalRepresentative: string | null;
  address: string | null;
  territory: { name: string; nameEn: string } | null;
  owner: { name: string };
};

/**
 * The accounts of the viewer's current filtered list, for a CSV download. The export is recorded in
 * the audit trail (how many rows, with which filters) before any row is handed out; the rows then
 * come in batches, in the list's order, scoped exactly like the list, at most EXPORT_ROW_CAP.
 */
export async function exportAccounts(
  viewer: Viewer,
  query: AccountListQuery,
  queryString: string,
): Promise<{ count: number; batches: AsyncGenerator<AccountExportRow[]> }> {
  const filter = await accountListFilter(viewer, query);
  const counted = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Account" a WHERE ${filter}`;
  const count = Math.min(counted[0]?.total ?? 0, EXPORT_ROW_CAP);
  await mutate(viewer, async ({ audit }) => {
    await audit({
      action: "account.export",
      entity: "Account",
      entityId: "export",
      after: { count, query: queryString },
    });
  });
  async function* batches(): AsyncGenerator<AccountExportRow[]> {
    let sent = 0;
    let after: string | undefined;
    while (sent < count) {
      // Keyset paging: each batch starts after the last row sent, in the list's order.
      const rows = await db.$queryRaw<AccountExportRow[]>`
        SELECT a.id, a.name, a."creditCode", a.tier, a."compositeScore", a."priorityScore", a.lifecycle,
          a.industry, a."sizeBand", a."legalRepresentative", a.address,
          CASE WHEN t.id IS NULL THEN NULL
            ELSE json_build_object('name', t.name, 'nameEn', t."nameEn") END AS territory,
          json_build_object('name', u.name) AS owner
        FROM "Account" a
        JOIN "User" u ON u.id = a."ownerId"
        LEFT JOIN "Territory" t ON t.id = a."territoryId"
        WHERE ${filter} ${after ? Prisma.sql`AND ${accountListAfter(query, after)}` : Prisma.empty}
        ORDER BY ${accountListOrder(query)}
        LIMIT ${Math.min(BATCH, count - sent)}`;
      if (!rows.length) return;
      sent += rows.length;
      after = rows.at(-1)!.id;
      yield rows;
    }
  }
  return { count, batches: batches() };
}
