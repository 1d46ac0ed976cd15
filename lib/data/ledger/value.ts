import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
import { valueWindow } from "@/lib/domain/ledger";
import { assertCapability } from "@/lib/auth/permissions";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";

// The admin switch "the ledger drives value": while it is on, the purchase volume value scoring
// reads (lib/domain/account-value.ts) is the account's ledger revenue over the last 12 complete
// months instead of the figure someone typed. The typed figure is kept untouched, so turning the
// switch off gives it back.

type Client = Prisma.TransactionClient | typeof db;

export async function getKpiSettings(client: Client = db) {
  const row = await client.kpiSettings.findUnique({ where: { id: "default" } });
  return row ?? { id: "default", ledgerDrivesValue: false, version: 1, updatedAt: new Date(0) };
}

export async function ledgerDrivesValue(client: Client = db): Promise<boolean> {
  return (await getKpiSettings(client)).ledgerDrivesValue;
}

/**
 * Each account's revenue in the value window, from the monthly rollup (12 rows an account at most),
 * never below zero (a year of credit notes is no negative purchase). Accounts without lines get 0.
 */
export async function ledgerVolumes(
  client: Client,
  accountIds: readonly string[],
  today = chinaDate(new Date()),
): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>(accountIds.map((id) => [id, 0n]));
  if (!accountIds.length) return out;
  const { from, to } = valueWindow(today);
  const rows = await client.$queryRaw<{ accountId: string; revenue: bigint }[]>`
    SELECT "accountId", SUM(revenue)::bigint AS revenue FROM "LedgerMonthRollup"
    WHERE "accountId" = ANY(${[...accountIds]}::text[])
      AND month >= ${toDbDate(from)}::date AND month < ${toDbDate(to)}::date
    GROUP BY "accountId"`;
  for (const r of rows) out.set(r.accountId, r.revenue > 0n ? BigInt(r.revenue) : 0n);
  return out;
}

/**
 * The accounts as value scoring should see them: with the ledger's purchase volume when the switch
 * is on, unchanged otherwise. Every rescoring path passes its accounts through here.
 */
export async function withScoringVolume<T extends { id: string; purchaseVolume: bigint | null }>(
  client: Client,
  accounts: T[],
  on?: boolean,
): Promise<T[]> {
  if (!accounts.length || !(on ?? (await ledgerDrivesValue(client)))) return accounts;
  const volumes = await ledgerVolumes(
    client,
    accounts.map((a) => a.id),
  );
  return accounts.map((a) => ({ ...a, purchaseVolume: volumes.get(a.id) ?? 0n }));
}

export type PurchaseVolumeSource =
  { source: "ledger"; volume: bigint; from: string; to: string } | { source: "typed" };

/** Where the account page's purchase volume comes from, and the ledger's figure when it drives it. */
export async function purchaseVolumeSource(accountId: string): Promise<PurchaseVolumeSource> {
  if (!(await ledgerDrivesValue())) return { source: "typed" };
  const today = chinaDate(new Date());
  const volume = (await ledgerVolumes(db, [accountId], today)).get(accountId) ?? 0n;
  return { source: "ledger", volume, ...valueWindow(today) };
}

/**
 * Turns the switch on or off; the caller then rescores every account (see setLedgerDrivesValue in
 * ./settings.ts), exactly as a change of the scoring weights does.
 */
export async function saveLedgerDrivesValue(
  viewer: Viewer,
  input: { version: number; ledgerDrivesValue: boolean },
) {
  assertCapability(viewer, "admin.kpi");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.kpiSettings.upsert({ where: { id: "default" }, create: {}, update: {} });
    await updateVersioned(tx.kpiSettings, {
      where: { id: "default" },
      version: input.version,
      data: { ledgerDrivesValue: input.ledgerDrivesValue },
    });
    const after = await tx.kpiSettings.findUniqueOrThrow({ where: { id: "default" } });
    await audit({ action: "kpiSettings.update", entity: "KpiSettings", entityId: "default", before, after });
    return { changed: before.ledgerDrivesValue !== after.ledgerDrivesValue, settings: after };
  });
}
