// 销售目标 and 费用预算 as a year of twelve monthly figures: the metrics and categories, the
// subjects a target belongs to, quarter and year totals, and the tree of teams and people a
// targets grid shows (a team's own figure beside the sum of its children). Pure: no I/O.

export const TARGET_METRICS = ["REVENUE", "COLLECTIONS", "NEW_ACCOUNTS", "VISITS"] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const BUDGET_CATEGORIES = ["VISIT", "GIFT", "RECEPTION"] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** Revenue and collections are money (fen); new key accounts and visits are counts. */
export const isMoneyMetric = (metric: TargetMetric) => metric === "REVENUE" || metric === "COLLECTIONS";

/** Twelve monthly figures, January first (fen or a count). */
export type Months = bigint[];

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export const emptyMonths = (): Months => MONTHS.map(() => 0n);

export const yearTotal = (months: readonly bigint[]) => months.reduce((s, v) => s + v, 0n);

/** Q1–Q4 totals of twelve months. */
export function quarterTotals(months: readonly bigint[]): bigint[] {
  return [0, 1, 2, 3].map((q) => months.slice(q * 3, q * 3 + 3).reduce((s, v) => s + v, 0n));
}

export function addMonthly(a: readonly bigint[], b: readonly bigint[]): Months {
  return MONTHS.map((_, i) => (a[i] ?? 0n) + (b[i] ?? 0n));
}

/** Monthly figures from rows that each carry a month (1–12); months without a row are 0. */
export function monthsFromRows(rows: readonly { month: number; value: bigint | number }[]): Months {
  const out = emptyMonths();
  for (const r of rows) if (r.month >= 1 && r.month <= 12) out[r.month - 1]! += BigInt(r.value);
  return out;
}

// ── Subjects ────────────────────────────────────────────────────────────────────────────────────

/** Whose target: a team's (set by the level above it) or a person's. Stored as "team:<id>" | "user:<id>". */
export type SubjectKey = `team:${string}` | `user:${string}`;

const SUBJECT = /^(team|user):([A-Za-z0-9_-]{1,64})$/;

export function parseSubject(text: string): { kind: "team" | "user"; id: string } | null {
  const m = SUBJECT.exec(text);
  return m ? { kind: m[1] as "team" | "user", id: m[2]! } : null;
}

export const subjectKey = (kind: "team" | "user", id: string): SubjectKey => `${kind}:${id}`;

// ── The grid's tree ─────────────────────────────────────────────────────────────────────────────

export type TreeTeam = { id: string; parentId: string | null; name: string };
export type TreePerson = { id: string; teamId: string | null; name: string };

export type TargetTreeRow = {
  kind: "team" | "user";
  id: string;
  name: string;
  /** 0 for the top teams shown; a team's members and sub-teams one deeper. */
  depth: number;
  /** The subject's own figures, or null when none is set. */
  own: Months | null;
  /** Teams only: the sum of its sub-teams' own figures and its members' figures (null if none set). */
  children: Months | null;
  /** Teams only: own year total minus the children's, when both exist and they differ. */
  difference: bigint | null;
};

/**
 * The rows of a targets grid, depth first: each team, then its members, then its sub-teams. The
 * top rows are the visible teams whose parent is not visible. `figures` is keyed by subject key.
 * A team's figure is compared with the sum of its children's own figures (one level down: each
 * sub-team's own figure already stands for everything below it).
 */
export function targetTree(
  teams: readonly TreeTeam[],
  people: readonly TreePerson[],
  figures: ReadonlyMap<string, Months>,
): TargetTreeRow[] {
  const visible = new Set(teams.map((t) => t.id));
  const subTeams = new Map<string, TreeTeam[]>();
  const members = new Map<string, TreePerson[]>();
  for (const t of teams) {
    if (t.parentId && visible.has(t.parentId))
      subTeams.set(t.parentId, [...(subTeams.get(t.parentId) ?? []), t]);
  }
  for (const p of people) {
    if (p.teamId && visible.has(p.teamId)) members.set(p.teamId, [...(members.get(p.teamId) ?? []), p]);
  }
  const rows: TargetTreeRow[] = [];
  const seen = new Set<string>();
  const walk = (team: TreeTeam, depth: number) => {
    if (seen.has(team.id)) return; // tolerate a cycle rather than loop forever
    seen.add(team.id);
    const own = figures.get(subjectKey("team", team.id)) ?? null;
    const childFigures = [
      ...(subTeams.get(team.id) ?? []).map((t) => figures.get(subjectKey("team", t.id))),
      ...(members.get(team.id) ?? []).map((p) => figures.get(subjectKey("user", p.id))),
    ].filter((m): m is Months => !!m);
    const children = childFigures.length ? childFigures.reduce(addMonthly, emptyMonths()) : null;
    const gap = own && children ? yearTotal(own) - yearTotal(children) : null;
    rows.push({
      kind: "team",
      id: team.id,
      name: team.name,
      depth,
      own,
      children,
      difference: gap ? gap : null,
    });
    for (const p of members.get(team.id) ?? []) {
      const figure = figures.get(subjectKey("user", p.id)) ?? null;
      rows.push({
        kind: "user",
        id: p.id,
        name: p.name,
        depth: depth + 1,
        own: figure,
        children: null,
        difference: null,
      });
    }
    for (const t of subTeams.get(team.id) ?? []) walk(t, depth + 1);
  };
  for (const t of teams) if (!t.parentId || !visible.has(t.parentId)) walk(t, 0);
  return rows;
}
