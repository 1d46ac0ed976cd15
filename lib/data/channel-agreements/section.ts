import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { achievementBp, parsePeriodKey, periodTarget, quarterKeyOf } from "@/lib/domain/rebates";
import { readBesideCheck } from "../distributors/scope";
import { termsOf, versionSelect } from "./shared";

/**
 * The distributor page's agreements section: the agreement in force (else the newest), its current
 * terms, this quarter's target against the net sell-in so far, and the latest statements.
 */
export async function loadAgreementsSection(viewer: Viewer, distributorId: string, now = new Date()) {
  const quarter = parsePeriodKey(quarterKeyOf(chinaDate(now)))!;
  const [, [agreements, sellIn, statements]] = await readBesideCheck(viewer, distributorId, () =>
    Promise.all([
      db.channelAgreement.findMany({
        where: { distributorId, deletedAt: null },
        orderBy: [{ createdAt: "desc" }],
        select: { id: true, number: true, status: true, currentVersionNo: true, signedAt: true },
      }),
      db.sellInLine.aggregate({
        where: {
          distributorId,
          deletedAt: null,
          shippedOn: { gte: toDbDate(quarter.start), lte: toDbDate(quarter.end) },
        },
        _sum: { amount: true },
      }),
      db.rebateStatement.findMany({
        where: { distributorId, deletedAt: null },
        orderBy: [{ periodStart: "desc" }, { number: "desc" }],
        take: 4,
        select: { id: true, number: true, periodKey: true, status: true, payable: true },
      }),
    ]),
  );
  const current = agreements.find((a) => a.status === "ACTIVE") ?? agreements[0] ?? null;
  const version = current
    ? await db.channelAgreementVersion.findUnique({
        where: { agreementId_number: { agreementId: current.id, number: current.currentVersionNo } },
        select: versionSelect,
      })
    : null;
  const terms = version ? termsOf(version) : null;
  const achieved = sellIn._sum.amount ?? 0n;
  const inTerm = terms && terms.startsOn <= quarter.end && terms.endsOn >= quarter.start;
  const target = terms && inTerm ? periodTarget(quarter, terms) : null;
  return {
    agreement: current,
    terms,
    others: agreements.filter((a) => a.id !== current?.id),
    quarter: { key: quarter.key, target, achieved, achievementBp: achievementBp(achieved, target) },
    statements,
    today: fromDbDate(toDbDate(chinaDate(now))),
  };
}
