// Demo channel data: rebate statements for the past quarters (approved, submitted, draft,
// rejected), including conflict deductions. Runs after prisma/demo-channel-base.ts and the sales and
// conflict seeds (see prisma/seed.ts for the order), and computes every figure with the same domain
// rules as the app from whatever sell-in and conflict outcomes are there — so the statements stay
// true whether the sales seed made many lines or none. Deterministic (fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import {
  computeStatement,
  parsePeriodKey,
  parseRebateRules,
  previousQuarterKey,
  quarterKeyOf,
  statementNumber,
  type RebatePeriod,
} from "@/lib/domain/rebates";

type Tx = Prisma.TransactionClient;
type Status = "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED";

/** Oldest quarters are settled; the last one is still in the works. */
function statusFor(quarterIndex: number, quarters: number, i: number): Status {
  if (quarterIndex < quarters - 2) return "APPROVED";
  if (quarterIndex === quarters - 2) return i % 5 === 2 ? "REJECTED" : "APPROVED";
  return i % 2 === 0 ? "SUBMITTED" : "DRAFT";
}

export async function seedDemoRebates(tx: Tx, args: { now?: Date } = {}): Promise<Record<string, number>> {
  const now = args.now ?? new Date();
  // The three quarters before the current one (they may reach into last year).
  const keys = [previousQuarterKey(quarterKeyOf(chinaDate(now)))];
  while (keys.length < 3) keys.unshift(previousQuarterKey(keys[0]!));
  const periods = keys.map((k) => parsePeriodKey(k)!);
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;

  const agreements = await tx.channelAgreement.findMany({
    where: { status: { not: "DRAFT" }, deletedAt: null, distributor: { stage: "SIGNED", deletedAt: null } },
    select: {
      id: true,
      distributorId: true,
      ownerId: true,
      teamId: true,
      versions: {
        select: {
          id: true,
          number: true,
          startsOn: true,
          endsOn: true,
          createdAt: true,
          annualTarget: true,
          quarterlyTargets: true,
          rebateRules: true,
        },
        orderBy: { number: "asc" },
      },
    },
    orderBy: { distributorId: "asc" },
  });
  const distributorIds = [...new Set(agreements.map((a) => a.distributorId))];
  const [sellIn, conflicts] = await Promise.all([
    tx.sellInLine.findMany({
      where: {
        distributorId: { in: distributorIds },
        deletedAt: null,
        shippedOn: { gte: toDbDate(first.start), lte: toDbDate(last.end) },
      },
      select: { distributorId: true, shippedOn: true, amount: true },
    }),
    tx.channelConflict.findMany({
      where: {
        distributorId: { in: distributorIds },
        outcome: "REBATE_DEDUCTION",
        outcomeAmount: { not: null },
        deletedAt: null,
        resolvedAt: { gte: chinaDayStart(first.start), lt: chinaDayStart(addDays(last.end, 1)) },
      },
      select: { id: true, number: true, distributorId: true, outcomeAmount: true, resolvedAt: true },
      orderBy: [{ resolvedAt: "asc" }, { number: "asc" }],
    }),
  ]);
  const achieved = new Map<string, bigint>();
  for (const l of sellIn) {
    const key = `${l.distributorId}|${quarterKeyOf(fromDbDate(l.shippedOn))}`;
    achieved.set(key, (achieved.get(key) ?? 0n) + l.amount);
  }

  const seq = new Map<string, number>();
  const rows: Prisma.RebateStatementCreateManyInput[] = [];
  for (const [qi, period] of periods.entries()) {
    for (const [i, a] of agreements.entries()) {
      const version = versionInForce(a.versions, period);
      if (!version) continue;
      // One statement per distributor and period: the agreement found first (ordered) wins.
      if (rows.some((r) => r.distributorId === a.distributorId && r.periodKey === period.key)) continue;
      const deductions = conflicts
        .filter(
          (c) => c.distributorId === a.distributorId && quarterKeyOf(chinaDate(c.resolvedAt!)) === period.key,
        )
        .map((c) => ({ conflictId: c.id, number: c.number, amount: c.outcomeAmount! }));
      const f = computeStatement({
        period,
        versionNo: version.number,
        rules: parseRebateRules(version.rebateRules),
        annualTarget: version.annualTarget,
        quarterlyTargets: version.quarterlyTargets,
        achieved: achieved.get(`${a.distributorId}|${period.key}`) ?? 0n,
        deductions,
      });
      const n = (seq.get(period.key) ?? 0) + 1;
      const status = statusFor(qi, periods.length, n);
      seq.set(period.key, n);
      const closedAt = new Date(chinaDayStart(addDays(period.end, 1)).getTime() + 86_400_000 * (5 + (i % 7)));
      const manager = a.ownerId.replace(/_channel$/, "_manager");
      rows.push({
        id: `rbs_${a.distributorId}_${period.key}`,
        number: statementNumber(period, n),
        distributorId: a.distributorId,
        agreementId: a.id,
        agreementVersionId: version.id,
        periodKind: period.kind,
        periodKey: period.key,
        periodStart: toDbDate(period.start),
        periodEnd: toDbDate(period.end),
        target: f.target,
        achieved: f.achieved,
        achievementBp: f.achievementBp,
        rateBp: f.rateBp,
        rebateAmount: f.rebateAmount,
        deductions: f.deductions,
        payable: f.payable,
        workings: f.workings,
        status,
        computedById: a.ownerId,
        submittedAt: status === "DRAFT" ? null : closedAt,
        reviewedById: status === "APPROVED" || status === "REJECTED" ? manager : null,
        reviewedAt:
          status === "APPROVED" || status === "REJECTED"
            ? new Date(closedAt.getTime() + 2 * 86_400_000)
            : null,
        reviewNote: status === "REJECTED" ? "进货数据待与财务核对后重新提交" : null,
        ownerId: a.ownerId,
        teamId: a.teamId,
        createdAt: closedAt.getTime() < now.getTime() ? closedAt : now,
      });
    }
  }
  await tx.rebateStatement.createMany({ data: rows });
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  return {
    rebateStatements: rows.length,
    approved: count("APPROVED"),
    submitted: count("SUBMITTED"),
    drafts: count("DRAFT"),
    rejected: count("REJECTED"),
  };
}

type SeedVersion = {
  id: string;
  number: number;
  startsOn: Date;
  endsOn: Date;
  createdAt: Date;
  annualTarget: bigint;
  quarterlyTargets: bigint[];
  rebateRules: Prisma.JsonValue;
};

/** The version covering the period that was already made by its end (else the latest covering it). */
function versionInForce(versions: SeedVersion[], period: RebatePeriod): SeedVersion | null {
  const covering = versions.filter(
    (v) => fromDbDate(v.startsOn) <= period.end && fromDbDate(v.endsOn) >= period.start,
  );
  const until = chinaDayStart(addDays(period.end, 1)).getTime();
  const made = covering.filter((v) => v.createdAt.getTime() < until);
  return (made.length ? made : covering).at(-1) ?? null;
}
