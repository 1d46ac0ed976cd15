// A small organisation of its own for the dashboard tests (the demo data is there too; every
// figure here is read for these teams and people only): a region R with two teams A and B, a
// manager for R and for A, two reps in A and one in B, and their accounts, ledger lines, visits,
// deals, follow-ups and lifecycle changes around March 2025 (China calendar).
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-org";
import { uniqueSuffix } from "../../factories/org";

export const DAY = 86_400_000;
/** An instant given as China wall-clock time. */
export const china = (local: string) => new Date(`${local}+08:00`);

export type KpiOrg = Awaited<ReturnType<typeof makeKpiOrg>>;

export async function makeKpiOrg() {
  const s = uniqueSuffix();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const root = await db.team.create({ data: { id: `kr_${s}`, name: `KPI Region ${s}` } });
  const teamA = await db.team.create({ data: { id: `ka_${s}`, name: `KPI A ${s}`, parentId: root.id } });
  const teamB = await db.team.create({ data: { id: `kb_${s}`, name: `KPI B ${s}`, parentId: root.id } });
  const user = (id: string, role: "MANAGER" | "REP", teamId: string) =>
    db.user.create({
      data: {
        id: `${id}_${s}`,
        email: `${id.toLowerCase()}.${s}@kpi.test`,
        name: `${id} ${s}`,
        role,
        teamId,
        passwordHash,
      },
    });
  const mgrR = await user("mgrR", "MANAGER", root.id);
  const mgrA = await user("mgrA", "MANAGER", teamA.id);
  const repA1 = await user("repA1", "REP", teamA.id);
  const repA2 = await user("repA2", "REP", teamA.id);
  const repB1 = await user("repB1", "REP", teamB.id);
  await db.team.update({ where: { id: teamA.id }, data: { managerId: mgrA.id } });
  await db.team.update({ where: { id: root.id }, data: { managerId: mgrR.id } });

  const reps = [repA1, repA2, repB1];
  const accounts: { id: string; ownerId: string; teamId: string; tier: "A" | "B" | "C" }[] = [];
  for (const rep of reps) {
    for (const [i, tier] of (["A", "B", "C"] as const).entries()) {
      const a = await db.account.create({
        data: {
          name: `KPI客户 ${rep.id} ${i}`,
          ownerId: rep.id,
          teamId: rep.teamId!,
          tier,
          lifecycle: "CUSTOMER",
          // Two of three are overdue for contact now.
          contactDueOn: new Date(Date.UTC(2025, 0, 10 + i * 400)),
        },
      });
      accounts.push({ id: a.id, ownerId: rep.id, teamId: rep.teamId!, tier });
    }
  }

  // Ledger: February, March and March a year earlier; one credit note.
  let doc = 0;
  const lines = [];
  for (const [i, a] of accounts.entries()) {
    for (const month of ["2025-02-01", "2025-03-01", "2024-03-01"]) {
      const amount = BigInt((i + 1) * 1_000_000 + (month === "2025-03-01" ? 500_000 : 0));
      for (const kind of ["REVENUE", "COLLECTION"] as const) {
        lines.push({
          kind,
          documentNo: `KPI-${s}-${++doc}`,
          accountId: a.id,
          ownerId: a.ownerId,
          teamId: a.teamId,
          month: new Date(`${month}T00:00:00Z`),
          productLine: i % 2 ? "工业胶" : "包装材料",
          amount: kind === "REVENUE" ? amount : (amount * 9n) / 10n,
        });
      }
    }
  }
  lines.push({
    kind: "REVENUE" as const,
    documentNo: `KPI-${s}-credit`,
    accountId: accounts[0]!.id,
    ownerId: accounts[0]!.ownerId,
    teamId: accounts[0]!.teamId,
    month: new Date("2025-03-01T00:00:00Z"),
    productLine: "包装材料",
    amount: -300_000n,
  });
  await db.ledgerLine.createMany({ data: lines });

  // Visits: around China midnight at both ends of March.
  const visitTimes = [
    "2025-02-28T23:59:00", // February in China
    "2025-03-01T00:01:00", // March (still 28 Feb in UTC)
    "2025-03-15T10:00:00",
    "2025-03-31T23:30:00", // March (1 April in no zone that matters: UTC is 15:30 on the 31st)
    "2025-04-01T00:30:00", // April
  ];
  const outcomes = ["ADVANCED", "NO_PROGRESS", null, "ADVANCED", "SETBACK"] as const;
  const visits: Awaited<ReturnType<typeof db.visitRecord.create>>[] = [];
  for (const [i, a] of accounts.entries()) {
    const at = visitTimes[i % visitTimes.length]!;
    const v = await db.visitRecord.create({
      data: {
        clientId: `kpi-${s}-${i}`,
        accountId: a.id,
        ownerId: a.ownerId,
        teamId: a.teamId,
        visitedAt: china(at),
        method: "IN_PERSON",
        talkingPoints: "季度回顾",
        outcome: outcomes[i % outcomes.length],
        cost: BigInt(10_000 * (i + 1)),
      },
    });
    visits.push(v);
  }

  // Follow-ups due in March: one on time, one late, one open.
  const fu = (i: number, dueOn: string, completedAt: Date | null) =>
    db.followUp.create({
      data: {
        accountId: accounts[i]!.id,
        ownerId: accounts[i]!.ownerId,
        teamId: accounts[i]!.teamId,
        sourceRecordId: visits[i]!.id,
        dueOn: new Date(`${dueOn}T00:00:00Z`),
        completedAt,
      },
    });
  await fu(0, "2025-03-10", china("2025-03-10T23:00:00"));
  await fu(1, "2025-03-10", china("2025-03-11T00:10:00"));
  await fu(3, "2025-03-20", null);

  // Lifecycle: accounts 0 and 4 became customers in March, account 1 in February.
  for (const [i, at] of [
    [0, "2025-03-05T09:00:00"],
    [4, "2025-03-31T23:00:00"],
    [1, "2025-02-20T09:00:00"],
  ] as const) {
    await db.lifecycleChange.create({
      data: { accountId: accounts[i]!.id, from: "INTENT", to: "CUSTOMER", createdAt: china(at) },
    });
  }

  // Deals created in March at various stages; some closed in March.
  const deal = (i: number, data: Record<string, unknown>) =>
    db.deal.create({
      data: {
        title: `KPI商机 ${s} ${i}`,
        accountId: accounts[i % accounts.length]!.id,
        ownerId: accounts[i % accounts.length]!.ownerId,
        teamId: accounts[i % accounts.length]!.teamId,
        expectedValue: BigInt(1_000_000 * (i + 1)),
        createdAt: china("2025-03-03T10:00:00"),
        ...data,
      },
    });
  const deals = [
    await deal(0, { stage: "TARGET" }),
    await deal(1, { stage: "VALUE", closeProbability: 55 }),
    await deal(2, { stage: "CLOSING", status: "WON", closedAt: china("2025-03-20T10:00:00") }),
    await deal(3, { stage: "INFORMATION", status: "LOST", closedAt: china("2025-03-25T10:00:00") }),
    await deal(4, {
      stage: "RELATIONSHIP",
      createdAt: china("2025-01-10T10:00:00"),
      stageEnteredAt: china("2025-01-10T10:00:00"),
    }),
    await deal(5, {
      stage: "CLOSING",
      status: "WON",
      createdAt: china("2025-02-01T10:00:00"),
      closedAt: china("2025-03-31T23:00:00"),
    }),
    await deal(7, { stage: "VALUE", furthestStage: "CLOSING" }),
  ];
  return { s, root, teamA, teamB, mgrR, mgrA, repA1, repA2, repB1, accounts, visits, deals };
}
