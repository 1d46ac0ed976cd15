// The dashboard's figures recomputed from the raw rows (LedgerLine, VisitRecord, Deal, FollowUp,
// LifecycleChange, Account) in plain TypeScript, with no rollup and no SQL aggregate: what the
// rollup-fed figures must equal.
import { db } from "@/lib/db";
import { chinaDate, fromDbDate, type IsoDate } from "@/lib/domain/calendar";
import { paretoShare } from "@/lib/domain/kpi";
import { monthStart, type Period } from "@/lib/domain/kpi-period";
import { dealProbability } from "@/lib/domain/kpi-drill";
import { DEAL_STAGES, type DealStage } from "@/lib/domain/pipeline";
import type { KpiScope } from "@/lib/data/kpi/scope";

const inScope = (scope: KpiScope) => (r: { ownerId: string; teamId: string }) =>
  scope.kind === "organisation" ||
  (scope.kind === "team" ? scope.teamIds.includes(r.teamId) : r.ownerId === scope.userId);
const inDays = (p: Period, d: IsoDate) => d >= p.start && d <= p.end;

export async function recompute(scope: KpiScope, period: Period, today: IsoDate) {
  const ok = inScope(scope);
  const [lines, visits, deals, followUps, accounts, changes] = await Promise.all([
    db.ledgerLine.findMany({ where: { deletedAt: null } }),
    db.visitRecord.findMany({
      where: { deletedAt: null },
      select: { ownerId: true, teamId: true, visitedAt: true, outcome: true, cost: true },
    }),
    db.deal.findMany({ where: { deletedAt: null } }),
    db.followUp.findMany({ where: { deletedAt: null } }),
    db.account.findMany({
      where: { deletedAt: null },
      select: { id: true, ownerId: true, teamId: true, tier: true, contactDueOn: true },
    }),
    db.lifecycleChange.findMany({ where: { to: "CUSTOMER" } }),
  ]);
  const first = monthStart(period.start);
  const last = monthStart(period.end);
  const myLines = lines.filter((l) => ok(l) && fromDbDate(l.month) >= first && fromDbDate(l.month) <= last);
  const sum = (kind: string) =>
    myLines.filter((l) => l.kind === kind).reduce((s, l) => s + Number(l.amount), 0);
  const myVisits = visits.filter((v) => ok(v) && inDays(period, chinaDate(v.visitedAt)));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const newAccounts = new Set(
    changes
      .filter((c) => inDays(period, chinaDate(c.createdAt)))
      .map((c) => accountById.get(c.accountId))
      .filter((a) => a && ok(a))
      .map((a) => a!.id),
  ).size;
  const myDeals = deals.filter(ok);
  const closed = myDeals.filter(
    (d) => d.status !== "OPEN" && d.closedAt && inDays(period, chinaDate(d.closedAt)),
  );
  const won = closed.filter((d) => d.status === "WON");
  const cohort = myDeals.filter((d) => inDays(period, chinaDate(d.createdAt)));
  const idx = (s: DealStage) => DEAL_STAGES.indexOf(s);
  const open = myDeals.filter((d) => d.status === "OPEN");
  const dueUntil = period.end < today ? period.end : today;
  const myFollowUps = followUps.filter(
    (f) => ok(f) && fromDbDate(f.dueOn) >= period.start && fromDbDate(f.dueOn) <= dueUntil,
  );
  const myAccounts = accounts.filter(ok);
  const byAccount = new Map<string, number>();
  for (const l of myLines.filter((l) => l.kind === "REVENUE"))
    byAccount.set(l.accountId, (byAccount.get(l.accountId) ?? 0) + Number(l.amount));
  const tiers = Object.fromEntries(
    (["A", "B", "C"] as const).map((t) => [
      t,
      [...byAccount].filter(([id]) => accountById.get(id)?.tier === t).reduce((s, [, v]) => s + v, 0),
    ]),
  );
  const byTeam = new Map<string, number>();
  for (const l of myLines.filter((l) => l.kind === "REVENUE"))
    byTeam.set(l.teamId, (byTeam.get(l.teamId) ?? 0) + Number(l.amount));
  return {
    revenue: sum("REVENUE"),
    collections: sum("COLLECTION"),
    visits: myVisits.length,
    visitsWithOutcome: myVisits.filter((v) => v.outcome !== null).length,
    visitsAdvanced: myVisits.filter((v) => v.outcome === "ADVANCED").length,
    visitCost: myVisits.reduce((s, v) => s + Number(v.cost ?? 0), 0),
    newAccounts,
    dealsWon: won.length,
    dealsClosed: closed.length,
    followUpsDue: myFollowUps.length,
    followUpsOnTime: myFollowUps.filter(
      (f) => f.completedAt && chinaDate(f.completedAt) <= fromDbDate(f.dueOn),
    ).length,
    accounts: myAccounts.length,
    accountsOverdue: myAccounts.filter((a) => a.contactDueOn && fromDbDate(a.contactDueOn) < today).length,
    overdueA: myAccounts.filter((a) => a.tier === "A" && a.contactDueOn && fromDbDate(a.contactDueOn) < today)
      .length,
    deals: {
      open: {
        count: open.length,
        value: open.reduce((s, d) => s + Number(d.expectedValue), 0),
        weighted: open.reduce(
          (s, d) => s + (Number(d.expectedValue) * dealProbability(d.stage, d.closeProbability)) / 100,
          0,
        ),
      },
      cohort: {
        created: cohort.length,
        reached: DEAL_STAGES.map(
          (_, i) => cohort.filter((d) => d.status === "WON" || idx(d.furthestStage) >= i).length,
        ),
        won: cohort.filter((d) => d.status === "WON").length,
      },
      closed: {
        won: won.length,
        closed: closed.length,
        avgCycleDays: won.length
          ? won.reduce(
              (s, d) =>
                s + (Date.parse(chinaDate(d.closedAt!)) - Date.parse(chinaDate(d.createdAt))) / 86_400_000,
              0,
            ) / won.length
          : null,
      },
    },
    tiers,
    pareto: paretoShare([...byAccount.values()].filter((v) => v > 0)),
    byTeam,
    ownerIds: new Set([...myLines, ...myVisits, ...myDeals].map((r) => r.ownerId)),
  };
}
