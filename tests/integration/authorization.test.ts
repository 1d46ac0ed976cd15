// The authorisation rules as a table, exercised through the real data layer on a real database:
// role × action × record (own / same team / sub-team / other team) → allowed, FORBIDDEN or NOT_FOUND.
import { beforeAll, describe, expect, it } from "vitest";
import {
  deleteAccount,
  getAccount,
  reassignAccount,
  updateAccountProfile,
  restoreAccount,
} from "@/lib/data/accounts";
import { listAccounts } from "@/lib/data/account-list";
import { db } from "@/lib/db";
import { accountFixture, outcome, viewerFor } from "./helpers";

type Relation = "own" | "team" | "subTeam" | "otherTeam";
type Action = "read" | "edit" | "delete" | "restore" | "reassign";
type Expect = "OK" | "FORBIDDEN" | "NOT_FOUND";

// Actors (demo organisation): the director manages team_sales, the parent of the three regions.
const ACTORS = {
  ADMIN: "usr_admin",
  DIRECTOR: "usr_director",
  MANAGER: "usr_east_manager",
  KAM: "usr_east_kam1",
  REP: "usr_east_rep1",
} as const;
type Actor = keyof typeof ACTORS;

// Who owns the record, per actor and relation.
const OWNER: Record<Actor, Record<Relation, string>> = {
  ADMIN: {
    own: "usr_east_kam1",
    team: "usr_east_kam1",
    subTeam: "usr_north_kam1",
    otherTeam: "usr_south_rep1",
  },
  DIRECTOR: {
    own: "usr_east_kam2",
    team: "usr_east_kam2",
    subTeam: "usr_north_kam1",
    otherTeam: "usr_south_rep1",
  },
  MANAGER: {
    own: "usr_east_kam2",
    team: "usr_east_kam2",
    subTeam: "usr_east_rep2",
    otherTeam: "usr_north_kam1",
  },
  KAM: { own: "usr_east_kam1", team: "usr_east_kam2", subTeam: "usr_east_rep2", otherTeam: "usr_north_kam1" },
  REP: { own: "usr_east_rep1", team: "usr_east_kam1", subTeam: "usr_east_kam2", otherTeam: "usr_north_kam1" },
};

const O = "OK",
  F = "FORBIDDEN",
  N = "NOT_FOUND";

// [actor, relation, read, edit, delete, restore, reassign]
const MATRIX: [Actor, Relation, Expect, Expect, Expect, Expect, Expect][] = [
  ["ADMIN", "team", O, O, O, O, O],
  ["ADMIN", "otherTeam", O, O, O, O, O],
  ["DIRECTOR", "team", O, O, O, O, O], // east is a sub-team of the director's team
  ["DIRECTOR", "subTeam", O, O, O, O, O],
  ["DIRECTOR", "otherTeam", O, O, O, O, O],
  ["MANAGER", "team", O, O, O, O, O],
  ["MANAGER", "otherTeam", N, N, N, N, N],
  ["KAM", "own", O, O, O, F, F],
  ["KAM", "team", O, F, F, F, F],
  ["KAM", "otherTeam", N, N, N, N, N],
  ["REP", "own", O, O, F, F, F],
  ["REP", "team", O, F, F, F, F],
  ["REP", "otherTeam", N, N, N, N, N],
];

const ACTIONS: Action[] = ["read", "edit", "delete", "restore", "reassign"];

const rows = MATRIX.flatMap(([actor, relation, ...expected]) =>
  ACTIONS.map((action, i) => ({ actor, relation, action, expected: expected[i]! })),
);

describe("authorisation matrix (through lib/data on PostgreSQL)", () => {
  it.each(rows)(
    "$actor · $action · $relation record → $expected",
    async ({ actor, relation, action, expected }) => {
      const viewer = await viewerFor(ACTORS[actor]);
      const record = await accountFixture(OWNER[actor][relation]);
      let result: string;
      switch (action) {
        case "read":
          result = await outcome(getAccount(viewer, record.id));
          break;
        case "edit":
          result = await outcome(
            updateAccountProfile(viewer, { id: record.id, version: record.version, name: "Renamed" }),
          );
          break;
        case "delete":
          result = await outcome(deleteAccount(viewer, { id: record.id, version: record.version }));
          break;
        case "restore": {
          // Restoring needs a deleted record.
          const deleted = await db.account.update({
            where: { id: record.id },
            data: { deletedAt: new Date() },
          });
          result = await outcome(restoreAccount(viewer, { id: record.id, version: deleted.version }));
          break;
        }
        case "reassign":
          // Hand it to a colleague in the record's own team, whom a manager of that team may choose.
          result = await outcome(
            reassignAccount(viewer, {
              id: record.id,
              version: record.version,
              ownerId:
                record.ownerId === "usr_east_rep3"
                  ? "usr_east_rep2"
                  : record.teamId === "team_east"
                    ? "usr_east_rep3"
                    : record.ownerId,
            }),
          );
          break;
      }
      expect(result).toBe(expected);
      // A refused change leaves the record as it was.
      if (expected !== "OK" && action !== "read") {
        const after = await db.account.findUniqueOrThrow({ where: { id: record.id } });
        expect(after.name).toBe(record.name);
        expect(after.ownerId).toBe(record.ownerId);
      }
    },
  );
});

describe("list scope", () => {
  beforeAll(async () => {
    await accountFixture("usr_north_rep1", "North-only account");
  });

  it("a rep lists only their team's accounts, never another team's", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const rows = await listAccounts(rep, { take: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.teamId === "team_east" || r.ownerId === rep.id)).toBe(true);
    expect(rows.some((r) => r.name === "North-only account")).toBe(false);
  });

  it("the director sees every regional team; a regional manager only theirs", async () => {
    const director = await viewerFor("usr_director");
    const teams = new Set((await listAccounts(director, { take: 1000 })).map((r) => r.teamId));
    expect([...teams].sort()).toEqual(["team_east", "team_north", "team_south"]);
    const manager = await viewerFor("usr_north_manager");
    const own = new Set((await listAccounts(manager, { take: 1000 })).map((r) => r.teamId));
    expect([...own]).toEqual(["team_north"]);
  });

  it("guessing the id of another team's record answers not found", async () => {
    const north = await accountFixture("usr_north_kam2");
    const rep = await viewerFor("usr_south_rep2");
    expect(await outcome(getAccount(rep, north.id))).toBe("NOT_FOUND");
    expect(await outcome(getAccount(rep, "does-not-exist"))).toBe("NOT_FOUND");
  });

  it("a manager cannot hand a record to someone outside their scope", async () => {
    const record = await accountFixture("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    expect(
      await outcome(
        reassignAccount(manager, { id: record.id, version: record.version, ownerId: "usr_north_kam1" }),
      ),
    ).toBe("VALIDATION");
  });
});
