// A small region of its own for the review tests (the demo data's figures would blur every sum):
// a top-level team with a manager, a KAM and two reps, and a second team whose manager must see
// nothing of the first. Ledger lines, targets and visits are inserted as each test needs them.
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/domain/calendar";
import { RECOMMENDED_INDICATORS } from "@/lib/domain/scorecard";
import { teamRow, uniqueSuffix, userRow } from "../../factories/org";
import { insertAccount } from "../../factories/accounts";

export async function region(label: string) {
  const s = uniqueSuffix();
  const team = await db.team.create({ data: teamRow({ name: `${label} ${s}`, nameZh: `${label}区 ${s}` }) });
  const person = (role: "MANAGER" | "KAM" | "REP", name: string) =>
    db.user.create({
      data: userRow({ passwordHash: "x", role, teamId: team.id, name: `${name}${s}` }),
      select: { id: true, name: true, teamId: true },
    });
  const manager = await person("MANAGER", "经理");
  const kam = await person("KAM", "大客户经理");
  const rep1 = await person("REP", "代表甲");
  const rep2 = await person("REP", "代表乙");
  await db.team.update({ where: { id: team.id }, data: { managerId: manager.id } });
  return { team, manager, kam, rep1, rep2 };
}

/** The recommended indicators, if the system is empty (the demo seed normally added them). */
export async function ensureIndicators() {
  if ((await db.scorecardIndicator.count({ where: { deletedAt: null } })) > 0) return;
  await db.scorecardIndicator.createMany({
    data: RECOMMENDED_INDICATORS.map((i, n) => ({ ...i, code: `${i.code}-${uniqueSuffix()}`, sortOrder: n })),
  });
}

export async function ledger(
  ownerId: string,
  teamId: string,
  accountId: string,
  month: string,
  yuan: number,
  kind: "REVENUE" | "COLLECTION" = "REVENUE",
) {
  return db.ledgerLine.create({
    data: {
      kind,
      documentNo: `T-${uniqueSuffix()}`,
      accountId,
      ownerId,
      teamId,
      month: toDbDate(month),
      productLine: "工业软件",
      amount: BigInt(yuan * 100),
    },
  });
}

export async function monthlyTarget(
  userId: string,
  year: number,
  month: number,
  metric: "REVENUE" | "VISITS",
  value: number,
) {
  return db.salesTarget.upsert({
    where: { subject_metric_year_month: { subject: `user:${userId}`, metric, year, month } },
    create: { subject: `user:${userId}`, userId, metric, year, month, value: BigInt(value) },
    update: { value: BigInt(value) },
  });
}

export const account = (ownerId: string) => insertAccount(db, { ownerId });
