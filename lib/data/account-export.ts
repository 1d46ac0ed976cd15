import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { AccountListQuery } from "@/lib/validation/accounts";
import { accountListWhere } from "./accounts";
import { mutate } from "./audit";

/** An export never carries more rows than this. */
export const EXPORT_ROW_CAP = 50_000;
const BATCH = 1_000;

const exportSelect = {
  id: true,
  name: true,
  creditCode: true,
  tier: true,
  compositeScore: true,
  priorityScore: true,
  lifecycle: true,
  industry: true,
  sizeBand: true,
  legalRepresentative: true,
  address: true,
  territory: { select: { name: true, nameEn: true } },
  owner: { select: { name: true } },
} satisfies Prisma.AccountSelect;

export type AccountExportRow = Prisma.AccountGetPayload<{ select: typeof exportSelect }>;

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
  const where = await accountListWhere(viewer, query);
  const count = Math.min(await db.account.count({ where }), EXPORT_ROW_CAP);
  await mutate(viewer, async ({ audit }) => {
    await audit({
      action: "account.export",
      entity: "Account",
      entityId: "export",
      after: { count, query: queryString },
    });
  });
  const orderBy: Prisma.AccountOrderByWithRelationInput[] = [{ [query.sort]: query.dir }, { id: "asc" }];
  async function* batches(): AsyncGenerator<AccountExportRow[]> {
    let sent = 0;
    let cursor: string | undefined;
    while (sent < count) {
      const rows = await db.account.findMany({
        where,
        select: exportSelect,
        orderBy,
        take: Math.min(BATCH, count - sent),
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      if (!rows.length) return;
      sent += rows.length;
      cursor = rows.at(-1)!.id;
      yield rows;
    }
  }
  return { count, batches: batches() };
}
