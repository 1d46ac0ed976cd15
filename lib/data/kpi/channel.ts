import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { distributorScopeSql } from "../distributors/scope";

// Channel figures on the KPI dashboard (渠道): sell-in (进货) and sell-out (出货) of the period,
// achievement against the agreements' targets, receivables by ageing bucket (账龄) and the conflict
// cases open now. Sales come from ChannelMonthRollup (never the lines: 5M sell-out lines would
// blow the dashboard's budget), so the period counts whole months: those its days touch.

/**
 * Ageing buckets by whole days past the due date as of today — the receivables module's
 * (lib/domain/receivables.ts on its branch) keys and edges, mirrored so the drill-down's
 * `?bucket=` matches its list.
 */
export const CHANNEL_AGEING_BUCKETS = ["notDue", "d0_30", "d31_60", "d61_90", "d90plus"] as const;
export type ChannelAgeingBucket = (typeof CHANNEL_AGEING_BUCKETS)[number];

export type ChannelFigures = {
  sellIn: bigint;
  sellOut: bigint;
  /** The agreements' targets for the months of the period (a quarter's target spread evenly over its months). */
  target: bigint;
  /** Sell-in ÷ target in basis points; null without a target. */
  achievementBp: number | null;
  receivables: Record<ChannelAgeingBucket, bigint>;
  receivablesTotal: bigint;
  openConflicts: number;
};

const monthStart = (d: IsoDate) => `${d.slice(0, 7)}-01`;

/** The months (first days) from `from`'s month to `to`'s. */
function monthsOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = monthStart(to);
  for (;;) {
    const d = `${y}-${String(m).padStart(2, "0")}-01`;
    if (d > last) break;
    out.push(d);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The target of one agreement version for one month: its quarter's target ÷ 3 (fen, floored). */
function monthTarget(
  v: { startsOn: Date; endsOn: Date; quarterlyTargets: bigint[] },
  month: IsoDate,
): bigint {
  const s = fromDbDate(v.startsOn);
  if (month < monthStart(s) || month > fromDbDate(v.endsOn)) return 0n;
  const offset =
    (Number(month.slice(0, 4)) - Number(s.slice(0, 4))) * 12 +
    Number(month.slice(5, 7)) -
    Number(s.slice(5, 7));
  return (v.quarterlyTargets[Math.floor(offset / 3)] ?? 0n) / 3n;
}

/** The channel figures the viewer may see (channel.read), for the months of [from, to]. Null without channel.read. */
export async function channelFigures(
  viewer: Viewer,
  period: { from: IsoDate; to: IsoDate },
  opts: { today?: IsoDate } = {},
): Promise<ChannelFigures | null> {
  if (!hasCapability(viewer, "channel.read")) return null;
  const months = monthsOf(period.from, period.to);
  const first = toDbDate(months[0] ?? monthStart(period.from));
  const last = toDbDate(months.at(-1) ?? monthStart(period.to));
  const today = toDbDate(opts.today ?? chinaDate(new Date()));
  const scope = await distributorScopeSql(viewer, "d");

  const [sales, versions, ageing, conflicts] = await Promise.all([
    db.$queryRaw<{ sellIn: bigint | null; sellOut: bigint | null }[]>`
      SELECT SUM(r."sellInAmount")::bigint AS "sellIn", SUM(r."sellOutAmount")::bigint AS "sellOut"
      FROM "ChannelMonthRollup" r JOIN "Distributor" d ON d.id = r."distributorId"
      WHERE r.month >= ${first} AND r.month <= ${last} AND ${scope}`,
    // The highest version of each agreement in force in the period carries its targets.
    db.$queryRaw<{ startsOn: Date; endsOn: Date; quarterlyTargets: bigint[] }[]>`
      SELECT DISTINCT ON (v."agreementId") v."startsOn", v."endsOn", v."quarterlyTargets"
      FROM "ChannelAgreementVersion" v
      JOIN "ChannelAgreement" a ON a.id = v."agreementId"
      JOIN "Distributor" d ON d.id = a."distributorId"
      WHERE a."deletedAt" IS NULL AND a.status <> 'DRAFT' AND d."deletedAt" IS NULL
        AND v."startsOn" <= ${toDbDate(period.to)} AND v."endsOn" >= ${first} AND ${scope}
      ORDER BY v."agreementId", v.number DESC`,
    db.$queryRaw<{ bucket: ChannelAgeingBucket; amount: bigint }[]>`
      SELECT CASE
               WHEN ${today}::date - i."dueOn" < 0 THEN 'notDue'
               WHEN ${today}::date - i."dueOn" <= 30 THEN 'd0_30'
               WHEN ${today}::date - i."dueOn" <= 60 THEN 'd31_60'
               WHEN ${today}::date - i."dueOn" <= 90 THEN 'd61_90'
               ELSE 'd90plus'
             END AS bucket,
             SUM(i.amount - i."paidAmount")::bigint AS amount
      FROM "ChannelInvoice" i JOIN "Distributor" d ON d.id = i."distributorId"
      WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND i.amount > i."paidAmount" AND ${scope}
      GROUP BY 1`,
    db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n
      FROM "ChannelConflict" c JOIN "Distributor" d ON d.id = c."distributorId"
      WHERE c.status <> 'RESOLVED' AND c."deletedAt" IS NULL AND ${scope}`,
  ]);

  const sellIn = sales[0]?.sellIn ?? 0n;
  const sellOut = sales[0]?.sellOut ?? 0n;
  let target = 0n;
  for (const v of versions) for (const m of months) target += monthTarget(v, m);
  const receivables = Object.fromEntries(CHANNEL_AGEING_BUCKETS.map((b) => [b, 0n])) as Record<
    ChannelAgeingBucket,
    bigint
  >;
  for (const a of ageing) receivables[a.bucket] = a.amount;
  return {
    sellIn,
    sellOut,
    target,
    achievementBp: target > 0n ? Number((sellIn * 10_000n) / target) : null,
    receivables,
    receivablesTotal: CHANNEL_AGEING_BUCKETS.reduce((s, b) => s + receivables[b], 0n),
    openConflicts: conflicts[0]?.n ?? 0,
  };
}
