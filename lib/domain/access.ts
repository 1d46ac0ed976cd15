// Who may do what to which record. Pure rules, shared by the data layer (which turns them into
// where clauses), server actions (which assert them) and the UI (which only hides buttons).

export const ROLES = ["ADMIN", "MANAGER", "KAM", "REP", "CHANNEL_MANAGER"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person as every rule sees them. `visibleTeamIds` is "all" for admins. */
export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** 职务, shown beside the name; the role decides access, the title is what colleagues call them. */
  jobTitle?: string | null;
  teamId: string | null;
  visibleTeamIds: readonly string[] | "all";
  locale: "en" | "zh-CN";
};

/** Anything that belongs to an owner within a team (accounts, deals, visits, …). */
export type OwnedRecord = { ownerId: string; teamId: string };

/**
 * Capabilities that do not depend on a particular record: the one place roles are compared (a lint
 * rule forbids `role === "…"` elsewhere). Each line is a decision; record-level rights (own or
 * manage the record) still apply on top through canDo.
 */
const CAPABILITIES = {
  "admin.users": ["ADMIN"],
  "admin.teams": ["ADMIN"],
  "admin.territories": ["ADMIN"],
  "admin.scoring": ["ADMIN"],
  "admin.pipeline": ["ADMIN"],
  "admin.visits": ["ADMIN"],
  // The whole organisation's audit trail, and the organisation's figures on the home page.
  "audit.read": ["ADMIN"],
  "organisation.overview": ["ADMIN"],
  // Passing an unmet stage gate, or the four-mark qualification gate, with a written reason.
  "pipeline.override": ["ADMIN", "MANAGER"],
  "qualification.override": ["ADMIN", "MANAGER"],
  // Overriding an account's computed tier is a judgement about its value: the account's KAM or a
  // manager makes it, a rep does not (even on an account they own).
  "accounts.overrideTier": ["ADMIN", "MANAGER", "KAM"],
  "records.create": ["ADMIN", "MANAGER", "KAM", "REP", "CHANNEL_MANAGER"],
  // Deciding visit plans, gift and reception requests: only the approver a plan names (its team's
  // manager, or the director above) — this capability lets the approvals inbox exist at all.
  "visits.approve": ["ADMIN", "MANAGER"],
  // The team's day, the team's overdue accounts by person, comments on weekly contact logs.
  "visits.team": ["ADMIN", "MANAGER"],
  // KPI dashboards and reviews: a manager sees the figures of their team subtree and each person in
  // it, sets targets and expense budgets below them, and reviews their people; a KAM or rep sees
  // only their own figures and reviews. The ledger (ERP revenue and collections) is kept by
  // managers and administrators; the indicator system and the ledger-driven value switch by admins.
  "kpi.team": ["ADMIN", "MANAGER"],
  "kpi.targets": ["ADMIN", "MANAGER"],
  "ledger.write": ["ADMIN", "MANAGER"],
  "reviews.write": ["ADMIN", "MANAGER"],
  "admin.kpi": ["ADMIN"],
  // Satisfaction and service: the questionnaires, SLAs, survey waves and health weights, and the
  // scheduled jobs' runs, are the administrator's; managers work their team's complaint queue
  // (escalations land with them) and see the at-risk accounts of their subtree.
  "admin.satisfaction": ["ADMIN"],
  "admin.jobs": ["ADMIN"],
  "complaints.team": ["ADMIN", "MANAGER"],
  // Distributor channels (渠道管理): channel managers and managers keep distributors, agreements,
  // sales reports, receivables and conflict cases within their scope (canSeeDistributor); KAMs and
  // reps read their team's distributors. Approving credit limits and rebate statements is a
  // manager's decision; the evaluation model, products and channel settings the administrator's.
  "channel.read": ["ADMIN", "MANAGER", "KAM", "REP", "CHANNEL_MANAGER"],
  "channel.write": ["ADMIN", "MANAGER", "CHANNEL_MANAGER"],
  "channel.approve": ["ADMIN", "MANAGER"],
  "admin.channels": ["ADMIN"],
  "records.reassign": ["ADMIN", "MANAGER"],
  "records.restore": ["ADMIN", "MANAGER"],
  // Sees the teams below their own (the team tree is loaded for them).
  "teams.subtree": ["MANAGER"],
  // Works inside a team: every role but the administrator must belong to one.
  "teams.member": ["MANAGER", "KAM", "REP", "CHANNEL_MANAGER"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function hasCapability(viewer: Pick<Viewer, "role">, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(viewer.role);
}

export type RecordAction = "read" | "edit" | "delete" | "restore" | "reassign";

function inVisibleTeams(viewer: Viewer, teamId: string): boolean {
  return viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(teamId);
}

/** May `viewer` see `record` at all? Outside this scope a record must answer "not found". */
export function canSee(viewer: Viewer, record: OwnedRecord): boolean {
  return record.ownerId === viewer.id || inVisibleTeams(viewer, record.teamId);
}

/**
 * The baseline rule every capability applies: admins act on everything; managers act on their
 * team's records (and sub-teams'); key-account managers and reps edit the records they own and
 * only read their colleagues'. Deleting is for owners who are KAMs, and for managers; restoring
 * and reassigning are managers' work.
 */
export function canDo(viewer: Viewer, action: RecordAction, record: OwnedRecord): boolean {
  if (!canSee(viewer, record)) return false;
  if (viewer.role === "ADMIN") return true;
  const managesIt = viewer.role === "MANAGER" && inVisibleTeams(viewer, record.teamId);
  const ownsIt = record.ownerId === viewer.id;
  switch (action) {
    case "read":
      return true;
    case "edit":
      return managesIt || ownsIt;
    case "delete":
      return managesIt || (ownsIt && viewer.role === "KAM");
    case "restore":
    case "reassign":
      return managesIt;
  }
}

/** Whose target a rule is asked about: a team, or a person in a team. */
export type TargetSubjectRef =
  { kind: "team"; teamId: string } | { kind: "user"; userId: string; teamId: string | null };

/**
 * 销售目标 are set from above: administrators set any; a manager sets them for the teams strictly
 * below their own (their own team's figure is their manager's call) and for each person in their
 * subtree except themselves; KAMs and reps only read their own.
 */
export function canSetTarget(viewer: Viewer, subject: TargetSubjectRef): boolean {
  if (!hasCapability(viewer, "kpi.targets")) return false;
  if (viewer.role === "ADMIN") return true;
  if (subject.kind === "team")
    return subject.teamId !== viewer.teamId && inVisibleTeams(viewer, subject.teamId);
  return subject.userId !== viewer.id && subject.teamId !== null && inVisibleTeams(viewer, subject.teamId);
}

/** 费用预算 follow the team-target rule: administrators any team, managers the teams below their own. */
export function canSetBudget(viewer: Viewer, teamId: string): boolean {
  return canSetTarget(viewer, { kind: "team", teamId });
}

/**
 * The set of teams a person sees: their own team, plus, for managers, every team below it.
 * `teams` is the whole team tree as (id, parentId) pairs.
 */
export function visibleTeamsFor(
  person: { role: Role; teamId: string | null },
  teams: readonly { id: string; parentId: string | null }[],
): readonly string[] | "all" {
  if (person.role === "ADMIN") return "all";
  if (!person.teamId) return [];
  if (person.role !== "MANAGER") return [person.teamId];
  const children = new Map<string, string[]>();
  for (const t of teams) {
    if (!t.parentId) continue;
    children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  }
  const seen = new Set<string>();
  const stack = [person.teamId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue; // tolerate a cycle rather than loop forever
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

/** Would making `parentId` the parent of `teamId` create a cycle in the team tree? */
export function wouldCreateCycle(
  teamId: string,
  parentId: string | null,
  teams: readonly { id: string; parentId: string | null }[],
): boolean {
  const parentOf = new Map(teams.map((t) => [t.id, t.parentId]));
  let cursor = parentId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === teamId) return true;
    if (seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}

// ── Performance reviews (绩效反馈与改进) ──────────────────────────────────────────────────────────

/** Which weights of the indicator system apply to a person (administrators are scored as managers). */
export function scorecardRoleOf(role: Role): "manager" | "kam" | "rep" {
  // A channel manager is scored on the KAM's indicators (their own sales and relationships).
  return role === "KAM" || role === "CHANNEL_MANAGER" ? "kam" : role === "REP" ? "rep" : "manager";
}

/**
 * May `viewer` open, edit, share, delete or restore a review of `subject`? Managers review the
 * people of their team subtree, administrators anyone — never themselves (a review is someone
 * else's judgement).
 */
export function canReview(viewer: Viewer, subject: { id: string; teamId: string | null }): boolean {
  if (!hasCapability(viewer, "reviews.write") || subject.id === viewer.id) return false;
  if (viewer.role === "ADMIN") return true;
  return subject.teamId !== null && inVisibleTeams(viewer, subject.teamId);
}

/**
 * May `viewer` read a review? Its subject once it is shared (a draft is the manager's until then),
 * and anyone who may review the subject. Everyone else: not found.
 */
export function canReadReview(
  viewer: Viewer,
  review: { subjectId: string; subjectTeamId: string | null; status: "DRAFT" | "SHARED" | "ACKNOWLEDGED" },
): boolean {
  if (review.subjectId === viewer.id) return review.status !== "DRAFT";
  return canReview(viewer, { id: review.subjectId, teamId: review.subjectTeamId });
}

// ── Complaints (投诉, 首问负责制) ──────────────────────────────────────────────────────────────────

/** What the complaint rules look at: the account's team, the first-responsibility owner, the handler. */
export type ComplaintParties = {
  teamId: string;
  ownerId: string;
  handlerId: string | null;
  handlerTeamId: string | null;
};

/**
 * May `viewer` see a complaint? Whoever sees the account's team; its first-responsibility owner
 * (首问负责人) always — handing it over never takes it from them; the person handling it, and the
 * handling team's people. Everyone else: not found.
 */
export function canSeeComplaint(viewer: Viewer, c: ComplaintParties): boolean {
  if (c.ownerId === viewer.id || c.handlerId === viewer.id) return true;
  if (inVisibleTeams(viewer, c.teamId)) return true;
  return c.handlerTeamId !== null && inVisibleTeams(viewer, c.handlerTeamId);
}

/**
 * May `viewer` move a complaint on (acknowledge, investigate, resolve, close, reopen, hand over)?
 * The owner, the handler, and managers over the account's or the handling team; administrators.
 */
export function canHandleComplaint(viewer: Viewer, c: ComplaintParties): boolean {
  if (!canSeeComplaint(viewer, c)) return false;
  if (viewer.role === "ADMIN" || c.ownerId === viewer.id || c.handlerId === viewer.id) return true;
  if (viewer.role !== "MANAGER") return false;
  return (
    inVisibleTeams(viewer, c.teamId) || (c.handlerTeamId !== null && inVisibleTeams(viewer, c.handlerTeamId))
  );
}

// ── Distributor channels (渠道管理) ────────────────────────────────────────────────────────────────

/** What the distributor rules look at. Agreements, statements, invoices and conflict cases follow their distributor's. */
export type DistributorParties = { ownerId: string; teamId: string; territoryId: string };

/**
 * May `viewer` see a distributor? Administrators all; its channel manager; a channel manager whose
 * assigned territories (with everything below them: `channelTerritoryIds`) hold its home
 * territory; anyone else who sees its team (managers their subtree, KAMs and reps their team).
 * Everyone else: not found.
 */
export function canSeeDistributor(
  viewer: Viewer,
  d: DistributorParties,
  channelTerritoryIds: readonly string[],
): boolean {
  if (d.ownerId === viewer.id) return true;
  switch (distributorScopeOf(viewer)) {
    case "all":
      return true;
    case "territories":
      return channelTerritoryIds.includes(d.territoryId);
    case "teams":
      return inVisibleTeams(viewer, d.teamId);
  }
}

/** Beyond the distributors they own, what decides the ones a person sees: everything, their assigned territories, or their teams. */
export function distributorScopeOf(viewer: Viewer): "all" | "territories" | "teams" {
  if (viewer.visibleTeamIds === "all") return "all";
  return viewer.role === "CHANNEL_MANAGER" ? "territories" : "teams";
}

/** May `viewer` change a distributor and what hangs off it? Those who see it and keep channels (not KAMs or reps). */
export function canEditDistributor(
  viewer: Viewer,
  d: DistributorParties,
  channelTerritoryIds: readonly string[],
): boolean {
  return hasCapability(viewer, "channel.write") && canSeeDistributor(viewer, d, channelTerritoryIds);
}
