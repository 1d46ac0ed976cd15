import { describe, expect, it } from "vitest";
import {
  canDo,
  canReadReview,
  canReview,
  scorecardRoleOf,
  canSetBudget,
  canSetTarget,
  canSee,
  hasCapability,
  ROLES,
  visibleTeamsFor,
  wouldCreateCycle,
  type Capability,
  type OwnedRecord,
  type RecordAction,
  type Role,
  type Viewer,
} from "@/lib/domain/access";

// The team tree every viewer below lives in:
//
//   north ─┬─ north-east ── north-east-city
//          └─ north-west
//   south
const TREE = [
  { id: "north", parentId: null },
  { id: "north-east", parentId: "north" },
  { id: "north-east-city", parentId: "north-east" },
  { id: "north-west", parentId: "north" },
  { id: "south", parentId: null },
] as const;

const sorted = (teams: readonly string[] | "all") => (teams === "all" ? teams : [...teams].sort());

/** A viewer in team "north" whose visible teams come from the real rule, not a hand-written list. */
function viewer(role: Role, teamId: string | null = "north"): Viewer {
  return {
    id: `me-${role}`,
    name: `Me (${role})`,
    email: `${role.toLowerCase()}@keystone.test`,
    role,
    teamId,
    visibleTeamIds: visibleTeamsFor({ role, teamId }, TREE),
    locale: "en",
  };
}

type Relation = "own" | "team" | "sub-team" | "sub-sub-team" | "other team";

function recordFor(v: Viewer, relation: Relation): OwnedRecord {
  switch (relation) {
    case "own":
      return { ownerId: v.id, teamId: "north" };
    case "team":
      return { ownerId: "colleague", teamId: "north" };
    case "sub-team":
      return { ownerId: "colleague", teamId: "north-east" };
    case "sub-sub-team":
      return { ownerId: "colleague", teamId: "north-east-city" };
    case "other team":
      return { ownerId: "stranger", teamId: "south" };
  }
}

const ACTIONS: readonly RecordAction[] = ["read", "edit", "delete", "restore", "reassign"];
const Y = true;
const N = false;

// prettier-ignore
const MATRIX: readonly [Role, Relation, ...boolean[]][] = [
  // role     record             read edit delete restore reassign
  ["ADMIN",   "own",             Y,   Y,   Y,     Y,      Y],
  ["ADMIN",   "team",            Y,   Y,   Y,     Y,      Y],
  ["ADMIN",   "sub-team",        Y,   Y,   Y,     Y,      Y],
  ["ADMIN",   "sub-sub-team",    Y,   Y,   Y,     Y,      Y],
  ["ADMIN",   "other team",      Y,   Y,   Y,     Y,      Y],

  ["MANAGER", "own",             Y,   Y,   Y,     Y,      Y],
  ["MANAGER", "team",            Y,   Y,   Y,     Y,      Y],
  ["MANAGER", "sub-team",        Y,   Y,   Y,     Y,      Y],
  ["MANAGER", "sub-sub-team",    Y,   Y,   Y,     Y,      Y],
  ["MANAGER", "other team",      N,   N,   N,     N,      N],

  ["KAM",     "own",             Y,   Y,   Y,     N,      N],
  ["KAM",     "team",            Y,   N,   N,     N,      N],
  ["KAM",     "sub-team",        N,   N,   N,     N,      N],
  ["KAM",     "sub-sub-team",    N,   N,   N,     N,      N],
  ["KAM",     "other team",      N,   N,   N,     N,      N],

  ["REP",     "own",             Y,   Y,   N,     N,      N],
  ["REP",     "team",            Y,   N,   N,     N,      N],
  ["REP",     "sub-team",        N,   N,   N,     N,      N],
  ["REP",     "sub-sub-team",    N,   N,   N,     N,      N],
  ["REP",     "other team",      N,   N,   N,     N,      N],
  // A channel manager owns distributors, not accounts: for accounts and deals they are a rep.
  ["CHANNEL_MANAGER", "own",          Y, Y, N, N, N],
  ["CHANNEL_MANAGER", "team",         Y, N, N, N, N],
  ["CHANNEL_MANAGER", "sub-team",     N, N, N, N, N],
  ["CHANNEL_MANAGER", "sub-sub-team", N, N, N, N, N],
  ["CHANNEL_MANAGER", "other team",   N, N, N, N, N],
];

const CASES = MATRIX.flatMap(([role, relation, ...allowed]) =>
  ACTIONS.map((action, i) => ({ role, relation, action, expected: allowed[i]! })),
);

describe("canDo — role × action × record", () => {
  it("covers every role and every action", () => {
    expect(new Set(MATRIX.map(([role]) => role))).toEqual(new Set(ROLES));
    expect(MATRIX.every((row) => row.length === 2 + ACTIONS.length)).toBe(true);
  });

  it.each(CASES)("$role · $action · $relation record → $expected", ({ role, relation, action, expected }) => {
    const v = viewer(role);
    expect(canDo(v, action, recordFor(v, relation))).toBe(expected);
  });
});

describe("canSee", () => {
  // Seeing a record is exactly the "read" column of the matrix.
  it.each(MATRIX.map(([role, relation, read]) => ({ role, relation, read: read! })))(
    "$role sees a $relation record → $read",
    ({ role, relation, read }) => {
      const v = viewer(role);
      expect(canSee(v, recordFor(v, relation))).toBe(read);
    },
  );

  it("lets owners see their own records even when filed outside their visible teams", () => {
    for (const role of ROLES) {
      const v = viewer(role);
      expect(canSee(v, { ownerId: v.id, teamId: "south" })).toBe(true);
    }
  });

  it("shows a person without a team only their own records", () => {
    const v = viewer("KAM", null);
    expect(v.visibleTeamIds).toEqual([]);
    expect(canSee(v, { ownerId: v.id, teamId: "north" })).toBe(true);
    expect(canSee(v, { ownerId: "colleague", teamId: "north" })).toBe(false);
  });
});

describe("canDo — records owned by the viewer but filed in a team outside their scope", () => {
  // Documents current behaviour: ownership alone grants read and edit; delete is for KAM owners;
  // restore and reassign need a manager's scope, so even a manager cannot do them here.
  // prettier-ignore
  const rows: readonly [Role, ...boolean[]][] = [
    // role      read edit delete restore reassign
    ["ADMIN",    Y,   Y,   Y,     Y,      Y],
    ["MANAGER",  Y,   Y,   N,     N,      N],
    ["KAM",      Y,   Y,   Y,     N,      N],
    ["REP",      Y,   Y,   N,     N,      N],
    ["CHANNEL_MANAGER", Y, Y, N,   N,      N],
  ];
  it.each(
    rows.flatMap(([role, ...allowed]) =>
      ACTIONS.map((action, i) => ({ role, action, expected: allowed[i]! })),
    ),
  )("$role · $action own record in another team → $expected", ({ role, action, expected }) => {
    const v = viewer(role);
    expect(canDo(v, action, { ownerId: v.id, teamId: "south" })).toBe(expected);
  });
});

describe("hasCapability", () => {
  // prettier-ignore
  const rows: readonly [Capability, ...boolean[]][] = [
    // capability            ADMIN MANAGER KAM REP CHANNEL_MANAGER
    ["admin.users",          Y,    N,      N,  N, N],
    ["admin.teams",          Y,    N,      N,  N, N],
    ["admin.territories",    Y,    N,      N,  N, N],
    ["audit.read",           Y,    N,      N,  N, N],
    ["organisation.overview",Y,    N,      N,  N, N],
    ["pipeline.override",    Y,    Y,      N,  N, N],
    ["qualification.override",Y,   Y,      N,  N, N],
    ["accounts.overrideTier",Y,    Y,      Y,  N, N],
    ["teams.subtree",        N,    Y,      N,  N, N],
    ["teams.member",         N,    Y,      Y,  Y, Y],
    ["records.create",       Y,    Y,      Y,  Y, Y],
    ["records.reassign",     Y,    Y,      N,  N, N],
    ["records.restore",      Y,    Y,      N,  N, N],
    ["channel.read",         Y,    Y,      Y,  Y, Y],
    ["channel.write",        Y,    Y,      N,  N, Y],
    ["channel.approve",      Y,    Y,      N,  N, N],
    ["admin.channels",       Y,    N,      N,  N, N],
  ];

  it.each(
    rows.flatMap(([capability, ...allowed]) =>
      ROLES.map((role, i) => ({ capability, role, expected: allowed[i]! })),
    ),
  )("$role · $capability → $expected", ({ capability, role, expected }) => {
    expect(hasCapability({ role }, capability)).toBe(expected);
  });

  it("agrees with canDo: a role may restore/reassign some in-scope record iff it has the capability", () => {
    for (const role of ROLES) {
      const v = viewer(role);
      const teamRecord = recordFor(v, "team");
      expect(canDo(v, "restore", teamRecord)).toBe(hasCapability(v, "records.restore"));
      expect(canDo(v, "reassign", teamRecord)).toBe(hasCapability(v, "records.reassign"));
    }
  });
});

describe("visibleTeamsFor", () => {
  it.each([
    { who: "admin with a team", person: { role: "ADMIN", teamId: "north" }, expected: "all" },
    { who: "admin without a team", person: { role: "ADMIN", teamId: null }, expected: "all" },
    {
      who: "manager of the root: own team and every level below",
      person: { role: "MANAGER", teamId: "north" },
      expected: ["north", "north-east", "north-east-city", "north-west"],
    },
    {
      who: "manager of a middle team: not the parent, not the sibling",
      person: { role: "MANAGER", teamId: "north-east" },
      expected: ["north-east", "north-east-city"],
    },
    {
      who: "manager of a leaf team",
      person: { role: "MANAGER", teamId: "north-east-city" },
      expected: ["north-east-city"],
    },
    { who: "manager of another tree", person: { role: "MANAGER", teamId: "south" }, expected: ["south"] },
    {
      who: "KAM: own team only, even with sub-teams",
      person: { role: "KAM", teamId: "north" },
      expected: ["north"],
    },
    {
      who: "REP: own team only, even with sub-teams",
      person: { role: "REP", teamId: "north" },
      expected: ["north"],
    },
    { who: "manager without a team", person: { role: "MANAGER", teamId: null }, expected: [] },
    { who: "KAM without a team", person: { role: "KAM", teamId: null }, expected: [] },
    { who: "REP without a team", person: { role: "REP", teamId: null }, expected: [] },
  ] as const)("$who", ({ person, expected }) => {
    expect(sorted(visibleTeamsFor(person, TREE))).toEqual(expected);
  });

  it("returns a team the tree does not know (yet) for a manager", () => {
    expect(visibleTeamsFor({ role: "MANAGER", teamId: "new" }, TREE)).toEqual(["new"]);
  });

  it("tolerates a cycle in the team data instead of looping forever", () => {
    const cyclic = [
      { id: "a", parentId: "c" },
      { id: "b", parentId: "a" },
      { id: "c", parentId: "b" },
      { id: "d", parentId: "c" },
      { id: "x", parentId: null },
    ];
    expect(sorted(visibleTeamsFor({ role: "MANAGER", teamId: "a" }, cyclic))).toEqual(["a", "b", "c", "d"]);
    expect(sorted(visibleTeamsFor({ role: "MANAGER", teamId: "d" }, cyclic))).toEqual(["d"]);
  });

  it("tolerates a team that is its own parent", () => {
    const selfParent = [
      { id: "a", parentId: "a" },
      { id: "b", parentId: "a" },
    ];
    expect(sorted(visibleTeamsFor({ role: "MANAGER", teamId: "a" }, selfParent))).toEqual(["a", "b"]);
  });

  it("lists every team once even when the tree is wide and deep", () => {
    const chain = Array.from({ length: 50 }, (_, i) => ({
      id: `t${i}`,
      parentId: i === 0 ? null : `t${i - 1}`,
    }));
    const fan = Array.from({ length: 20 }, (_, i) => ({ id: `leaf${i}`, parentId: "t49" }));
    const teams = visibleTeamsFor({ role: "MANAGER", teamId: "t0" }, [...chain, ...fan]);
    expect(teams).toHaveLength(70);
    expect(new Set(teams).size).toBe(70);
  });
});

describe("wouldCreateCycle", () => {
  it.each([
    { move: "north-east under nothing (to the top)", teamId: "north-east", parentId: null, expected: false },
    { move: "north under itself", teamId: "north", parentId: "north", expected: true },
    { move: "north under its child north-east", teamId: "north", parentId: "north-east", expected: true },
    {
      move: "north under its grandchild north-east-city",
      teamId: "north",
      parentId: "north-east-city",
      expected: true,
    },
    {
      move: "north-east under its sibling north-west",
      teamId: "north-east",
      parentId: "north-west",
      expected: false,
    },
    {
      move: "north-east-city under its current grandparent north",
      teamId: "north-east-city",
      parentId: "north",
      expected: false,
    },
    { move: "north under south (another tree)", teamId: "north", parentId: "south", expected: false },
    {
      move: "south under north-east-city (deep in another tree)",
      teamId: "south",
      parentId: "north-east-city",
      expected: false,
    },
    { move: "a brand-new team under north-east", teamId: "new", parentId: "north-east", expected: false },
    { move: "north under an unknown parent", teamId: "north", parentId: "ghost", expected: false },
  ])("$move → $expected", ({ teamId, parentId, expected }) => {
    expect(wouldCreateCycle(teamId, parentId, TREE)).toBe(expected);
  });

  it("refuses (rather than loops) when the proposed parent already sits in a cycle", () => {
    const broken = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
      { id: "z", parentId: null },
    ];
    expect(wouldCreateCycle("z", "a", broken)).toBe(true);
  });
});

describe("performance reviews", () => {
  it("managers review their subtree but not themselves or other teams; admins anyone else", () => {
    const m = viewer("MANAGER");
    expect(canReview(m, { id: "p1", teamId: "north" })).toBe(true);
    expect(canReview(m, { id: "p2", teamId: "north-east-city" })).toBe(true);
    expect(canReview(m, { id: "p3", teamId: "south" })).toBe(false);
    expect(canReview(m, { id: m.id, teamId: "north" })).toBe(false);
    expect(canReview(m, { id: "p4", teamId: null })).toBe(false);
    const a = viewer("ADMIN", null);
    expect(canReview(a, { id: "p3", teamId: "south" })).toBe(true);
    expect(canReview(a, { id: a.id, teamId: null })).toBe(false);
  });

  it("KAMs and reps review no one", () => {
    for (const role of ["KAM", "REP"] as const) {
      expect(canReview(viewer(role), { id: "p1", teamId: "north" })).toBe(false);
    }
  });

  it("the subject reads a review once shared; a colleague never; a manager always", () => {
    const rep = viewer("REP");
    const mine = { subjectId: rep.id, subjectTeamId: "north" };
    expect(canReadReview(rep, { ...mine, status: "DRAFT" })).toBe(false);
    expect(canReadReview(rep, { ...mine, status: "SHARED" })).toBe(true);
    expect(canReadReview(rep, { ...mine, status: "ACKNOWLEDGED" })).toBe(true);
    const colleague = { subjectId: "colleague", subjectTeamId: "north", status: "SHARED" as const };
    expect(canReadReview(rep, colleague)).toBe(false);
    expect(canReadReview(viewer("KAM"), colleague)).toBe(false);
    expect(canReadReview(viewer("MANAGER"), { ...colleague, status: "DRAFT" })).toBe(true);
    expect(canReadReview(viewer("MANAGER"), { ...colleague, subjectTeamId: "south" })).toBe(false);
  });

  it("each role is scored on its own weights", () => {
    expect(scorecardRoleOf("MANAGER")).toBe("manager");
    expect(scorecardRoleOf("ADMIN")).toBe("manager");
    expect(scorecardRoleOf("KAM")).toBe("kam");
    expect(scorecardRoleOf("REP")).toBe("rep");
  });
});

describe("canSetTarget / canSetBudget (销售目标 and 费用预算 are set from above)", () => {
  const team = (teamId: string) => ({ kind: "team" as const, teamId });
  const person = (userId: string, teamId: string | null) => ({ kind: "user" as const, userId, teamId });

  it("lets an administrator set any team's or person's target", () => {
    const admin = viewer("ADMIN", null);
    expect(canSetTarget(admin, team("north"))).toBe(true);
    expect(canSetTarget(admin, team("south"))).toBe(true);
    expect(canSetTarget(admin, person("someone", "south"))).toBe(true);
    expect(canSetBudget(admin, "north")).toBe(true);
  });

  it("lets a manager set the teams strictly below their own, not their own or another branch", () => {
    const manager = viewer("MANAGER");
    expect(canSetTarget(manager, team("north-east"))).toBe(true);
    expect(canSetTarget(manager, team("north-east-city"))).toBe(true);
    expect(canSetTarget(manager, team("north"))).toBe(false);
    expect(canSetTarget(manager, team("south"))).toBe(false);
    expect(canSetBudget(manager, "north-west")).toBe(true);
    expect(canSetBudget(manager, "north")).toBe(false);
    expect(canSetBudget(manager, "south")).toBe(false);
  });

  it("lets a manager set each person in their subtree except themselves", () => {
    const manager = viewer("MANAGER");
    expect(canSetTarget(manager, person("kam", "north"))).toBe(true);
    expect(canSetTarget(manager, person("rep", "north-east-city"))).toBe(true);
    expect(canSetTarget(manager, person(manager.id, "north"))).toBe(false);
    expect(canSetTarget(manager, person("other", "south"))).toBe(false);
    expect(canSetTarget(manager, person("teamless", null))).toBe(false);
  });

  it("lets KAMs and reps set nothing, not even their own targets", () => {
    for (const role of ["KAM", "REP"] as const) {
      const me = viewer(role);
      expect(canSetTarget(me, person(me.id, "north"))).toBe(false);
      expect(canSetTarget(me, team("north"))).toBe(false);
      expect(canSetBudget(me, "north")).toBe(false);
    }
  });
});
