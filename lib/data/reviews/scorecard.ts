import "server-only";
import { db } from "@/lib/db";
import { hasCapability, scorecardRoleOf, type Role, type Viewer } from "@/lib/domain/access";
import type { IsoDate } from "@/lib/domain/calendar";
import { rankByScore } from "@/lib/domain/kpi";
import { monthShares, periodKey, type Period } from "@/lib/domain/kpi-period";
import {
  scoreCard,
  type Indicator,
  type ScorecardFigures,
  type ScorecardSnapshot,
} from "@/lib/domain/scorecard";
import { notFound } from "@/lib/errors";
import { figuresByOwner, type OwnerFigures } from "../kpi/figures-by-owner";
import { subtreeOf, type KpiScope } from "../kpi/scope";
import { satisfactionByOwner, satisfactionScores } from "../kpi/satisfaction";
import { scopeBudgets, scopeTargets } from "../kpi/targets-read";
import { activeIndicators } from "./indicators";

// 绩效考核 scorecards. A KAM or rep is scored on their own records against their own targets and
// ranked among the KAMs and reps of their team; a manager is scored on their team subtree's figures
// against the team's target (团队业绩) and ranked among the managers of the sibling teams. Budget
// execution is always the team's (a person has no budget of their own).

type TeamRow = { id: string; name: string; nameZh: string | null; parentId: string | null };
type Person = { id: string; name: string; jobTitle: string | null; role: Role; teamId: string | null };

const personSelect = { id: true, name: true, jobTitle: true, role: true, teamId: true } as const;

async function teamTree(): Promise<TeamRow[]> {
  return db.team.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, nameZh: true, parentId: true },
  });
}

const isManager = (p: Pick<Person, "role">) => scorecardRoleOf(p.role) === "manager";

const teamScope = (teamId: string, tree: TeamRow[]): Extract<KpiScope, { kind: "team" }> => ({
  kind: "team",
  teamId,
  teamIds: subtreeOf(teamId, tree),
});

function sumFigures(rows: Iterable<OwnerFigures>): Omit<OwnerFigures, "ownerId" | "targets"> {
  const total = {
    revenue: 0,
    collections: 0,
    visits: 0,
    visitsWithOutcome: 0,
    visitsAdvanced: 0,
    visitCost: 0,
    newAccounts: 0,
    dealsWon: 0,
    dealsClosed: 0,
    followUpsDue: 0,
    followUpsOnTime: 0,
    accounts: 0,
    accountsOverdue: 0,
  };
  for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return total;
}

async function teamBudget(scope: KpiScope, period: Period) {
  const b = await scopeBudgets(scope, period);
  const lines = [b.VISIT, b.GIFT, b.RECEPTION];
  const budgeted = lines.filter((l) => l.budget !== null);
  // Spending in a category with no budget is not held against a budget that does not cover it.
  return budgeted.length
    ? {
        budget: budgeted.reduce((s, l) => s + l.budget!, 0),
        spent: budgeted.reduce((s, l) => s + l.spent, 0),
      }
    : { budget: null, spent: lines.reduce((s, l) => s + l.spent, 0) };
}

type Scored = { person: Person; card: ReturnType<typeof scoreCard>; basis: "person" | "team" };

/** Every KAM and rep of a team, scored on their own figures (one figuresByOwner call for all). */
async function scoreTeamMembers(
  teamId: string,
  tree: TeamRow[],
  indicators: Indicator[],
  period: Period,
  today: IsoDate,
) {
  const months = monthShares(period).reduce((s, m) => s + m.share, 0);
  const scope: KpiScope = { kind: "team", teamId, teamIds: [teamId] };
  const [people, figures, budget, satisfaction] = await Promise.all([
    db.user.findMany({ where: { teamId, active: true }, select: personSelect, orderBy: { name: "asc" } }),
    figuresByOwner(scope, period, today),
    teamBudget(teamScope(teamId, tree), period),
    satisfactionByOwner(teamId, period),
  ]);
  return people
    .filter((p) => !isManager(p))
    .map((person): Scored => {
      const f = figures.get(person.id);
      const own: ScorecardFigures = {
        ...sumFigures(f ? [f] : []),
        targets: f?.targets ?? { REVENUE: null, COLLECTIONS: null, NEW_ACCOUNTS: null, VISITS: null },
        budget,
        months,
        satisfaction: satisfaction.get(person.id) ?? { csat: null, nps: null },
      };
      return { person, card: scoreCard(indicators, scorecardRoleOf(person.role), own), basis: "person" };
    });
}

/** A manager scored on the team subtree they lead against the team's own target. */
async function scoreManager(
  person: Person,
  tree: TeamRow[],
  indicators: Indicator[],
  period: Period,
  today: IsoDate,
): Promise<Scored> {
  const months = monthShares(period).reduce((s, m) => s + m.share, 0);
  const scope = teamScope(person.teamId!, tree);
  const [figures, targets, budget, heads, satisfaction] = await Promise.all([
    figuresByOwner(scope, period, today),
    scopeTargets(scope, period),
    teamBudget(scope, period),
    db.user.count({ where: { teamId: { in: scope.teamIds }, active: true, id: { not: person.id } } }),
    satisfactionScores(scope, period),
  ]);
  const team: ScorecardFigures = {
    ...sumFigures(figures.values()),
    targets,
    budget,
    months,
    heads: Math.max(1, heads),
    satisfaction,
  };
  return { person, card: scoreCard(indicators, "manager", team), basis: "team" };
}

/** The managers who lead the teams beside `teamId` (same parent), `teamId`'s own included. */
async function peerManagers(person: Person, tree: TeamRow[]): Promise<Person[]> {
  const parentId = tree.find((t) => t.id === person.teamId)?.parentId ?? null;
  const siblings = tree.filter((t) => t.parentId === parentId).map((t) => t.id);
  const rows = await db.user.findMany({
    where: { teamId: { in: siblings }, active: true },
    select: personSelect,
  });
  return rows.filter(isManager);
}

function toSnapshot(
  s: Scored,
  ranked: { id: string; rank: number | null }[],
  tree: TeamRow[],
  period: Period,
  today: IsoDate,
): ScorecardSnapshot {
  const team = tree.find((t) => t.id === s.person.teamId) ?? null;
  return {
    schema: 1,
    person: {
      id: s.person.id,
      name: s.person.name,
      jobTitle: s.person.jobTitle,
      role: scorecardRoleOf(s.person.role),
    },
    team: team ? { id: team.id, name: team.name, nameZh: team.nameZh } : null,
    period: { kind: period.kind, start: period.start, end: period.end, key: periodKey(period) },
    computedOn: today,
    basis: s.basis,
    indicators: s.card.indicators,
    weightedScore: s.card.weightedScore,
    measuredWeight: s.card.measuredWeight,
    totalWeight: s.card.totalWeight,
    rank: ranked.find((r) => r.id === s.person.id)?.rank ?? null,
    peers: ranked.length,
  };
}

const rank = (rows: Scored[]) =>
  rankByScore(
    rows.map((r) => ({ id: r.person.id, score: r.card.weightedScore })),
    (r) => r.score,
  );

/**
 * Computes one person's scorecard. No authorisation here: callers decide who may see it
 * (loadScorecard for pages, the review code when it freezes one).
 */
export async function computeScorecard(
  personId: string,
  period: Period,
  today: IsoDate,
): Promise<ScorecardSnapshot> {
  const [person, tree, indicators] = await Promise.all([
    db.user.findUnique({ where: { id: personId }, select: personSelect }),
    teamTree(),
    activeIndicators(),
  ]);
  if (!person) throw notFound("person");
  if (!person.teamId) {
    // Administrators belong to no team: nothing to rank them against, nothing of a team to score.
    const s: Scored = {
      person,
      card: scoreCard(indicators, scorecardRoleOf(person.role), {
        ...sumFigures([]),
        targets: { REVENUE: null, COLLECTIONS: null, NEW_ACCOUNTS: null, VISITS: null },
        budget: { budget: null, spent: 0 },
        months: 1,
      }),
      basis: "person",
    };
    return toSnapshot(s, [], tree, period, today);
  }
  if (isManager(person)) {
    const peers = await peerManagers(person, tree);
    const scored = await Promise.all(peers.map((p) => scoreManager(p, tree, indicators, period, today)));
    const self =
      scored.find((s) => s.person.id === person.id) ??
      (await scoreManager(person, tree, indicators, period, today));
    return toSnapshot(self, rank(scored), tree, period, today);
  }
  const scored = await scoreTeamMembers(person.teamId, tree, indicators, period, today);
  const self = scored.find((s) => s.person.id === person.id);
  if (!self) throw notFound("person"); // inactive people have no scorecard
  return toSnapshot(self, rank(scored), tree, period, today);
}

/** May the viewer see this person's scorecard? Themselves; managers the people of their subtree. */
async function assertMaySee(viewer: Viewer, personId: string) {
  if (personId === viewer.id) return;
  if (!hasCapability(viewer, "kpi.team")) throw notFound("person");
  if (viewer.visibleTeamIds === "all") return;
  const person = await db.user.findUnique({ where: { id: personId }, select: { teamId: true } });
  if (!person?.teamId || !viewer.visibleTeamIds.includes(person.teamId)) throw notFound("person");
}

/** A person's scorecard for a period as `viewer` may see it; anyone else → NOT_FOUND. */
export async function loadScorecard(viewer: Viewer, personId: string, period: Period, today: IsoDate) {
  await assertMaySee(viewer, personId);
  return computeScorecard(personId, period, today);
}

export type TeamScoreRow = {
  person: { id: string; name: string; jobTitle: string | null; role: string };
  teamId: string;
  team: { name: string; nameZh: string | null };
  weightedScore: number | null;
  rank: number | null;
  peers: number;
};

/**
 * A manager's team view: every person of each team in the viewer's subtree (or the one team asked
 * for), with their weighted score and rank among their peers, plus the team's manager.
 */
export async function loadTeamScores(
  viewer: Viewer,
  teamId: string | null,
  period: Period,
  today: IsoDate,
): Promise<TeamScoreRow[]> {
  if (!hasCapability(viewer, "kpi.team")) throw notFound("team");
  const [tree, indicators] = await Promise.all([teamTree(), activeIndicators()]);
  const visible = (id: string) => viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(id);
  const root = teamId && visible(teamId) ? teamId : viewer.teamId;
  const teamIds = root ? subtreeOf(root, tree).filter(visible) : tree.map((t) => t.id);
  const out: TeamScoreRow[] = [];
  const teamName = (id: string) => {
    const t = tree.find((x) => x.id === id);
    return { name: t?.name ?? "", nameZh: t?.nameZh ?? null };
  };
  const members = await Promise.all(
    teamIds.map((id) => scoreTeamMembers(id, tree, indicators, period, today)),
  );
  members.forEach((scored, n) => {
    const ranked = rank(scored);
    for (const s of scored) {
      const r = ranked.find((x) => x.id === s.person.id)!;
      out.push({
        person: s.person,
        teamId: teamIds[n]!,
        team: teamName(teamIds[n]!),
        weightedScore: s.card.weightedScore,
        rank: r.rank,
        peers: scored.length,
      });
    }
  });
  // Managers of the teams shown, ranked among their sibling managers (each peer group scored once).
  const managers = (
    await db.user.findMany({ where: { teamId: { in: teamIds }, active: true }, select: personSelect })
  ).filter((m) => isManager(m) && m.id !== viewer.id); // a manager's own standing is on their own scorecard
  const groups = new Map<string | null, Promise<Scored[]>>();
  for (const m of managers) {
    const parentId = tree.find((t) => t.id === m.teamId)?.parentId ?? null;
    if (!groups.has(parentId)) {
      groups.set(
        parentId,
        peerManagers(m, tree).then((peers) =>
          Promise.all(peers.map((p) => scoreManager(p, tree, indicators, period, today))),
        ),
      );
    }
    const scored = await groups.get(parentId)!;
    const ranked = rank(scored);
    const self = scored.find((s) => s.person.id === m.id);
    out.push({
      person: m,
      teamId: m.teamId!,
      team: teamName(m.teamId!),
      weightedScore: self?.card.weightedScore ?? null,
      rank: ranked.find((r) => r.id === m.id)?.rank ?? null,
      peers: scored.length,
    });
  }
  return out;
}
