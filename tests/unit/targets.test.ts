import { describe, expect, it } from "vitest";
import {
  isMoneyMetric,
  monthsFromRows,
  parseSubject,
  quarterTotals,
  subjectKey,
  targetTree,
  yearTotal,
  type Months,
} from "@/lib/domain/targets";
import { splitYear } from "@/lib/domain/kpi";

const flat = (v: number): Months => Array.from({ length: 12 }, () => BigInt(v));

describe("twelve months", () => {
  it("adds up quarters and the year", () => {
    const months = Array.from({ length: 12 }, (_, i) => BigInt(i + 1));
    expect(quarterTotals(months)).toEqual([6n, 15n, 24n, 33n]);
    expect(yearTotal(months)).toBe(78n);
  });

  it("reads rows into months, ignoring impossible months", () => {
    expect(
      monthsFromRows([
        { month: 1, value: 5n },
        { month: 1, value: 2 },
        { month: 12, value: 3n },
        { month: 13, value: 99n },
        { month: 0, value: 99n },
      ]),
    ).toEqual([7n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 3n]);
  });

  it("knows which metrics are money", () => {
    expect(isMoneyMetric("REVENUE")).toBe(true);
    expect(isMoneyMetric("COLLECTIONS")).toBe(true);
    expect(isMoneyMetric("VISITS")).toBe(false);
    expect(isMoneyMetric("NEW_ACCOUNTS")).toBe(false);
  });
});

describe("subjects", () => {
  it("reads team: and user: keys and nothing else", () => {
    expect(parseSubject("team:team_east")).toEqual({ kind: "team", id: "team_east" });
    expect(parseSubject(subjectKey("user", "usr_1"))).toEqual({ kind: "user", id: "usr_1" });
    for (const bad of [
      "",
      "team:",
      "group:x",
      "user:a b",
      "user:x;drop",
      `user:${"x".repeat(65)}`,
      " team:x",
    ]) {
      expect(parseSubject(bad)).toBeNull();
    }
  });
});

describe("the split a form offers", () => {
  it("splits evenly or by last year's months with exact sums", () => {
    expect(yearTotal(splitYear(1_000_001n))).toBe(1_000_001n);
    const shape = [0n, 0n, 3n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n, 0n];
    expect(splitYear(400n, shape)).toEqual([0n, 0n, 300n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 100n, 0n]);
    // No figures last year: an even split rather than nothing.
    expect(splitYear(12n, flat(0))).toEqual(flat(1));
  });
});

describe("targetTree", () => {
  const teams = [
    { id: "top", parentId: null, name: "营销中心" },
    { id: "east", parentId: "top", name: "华东" },
    { id: "north", parentId: "top", name: "华北" },
  ];
  const people = [
    { id: "dir", teamId: "top", name: "林" },
    { id: "e1", teamId: "east", name: "王" },
    { id: "e2", teamId: "east", name: "李" },
    { id: "n1", teamId: "north", name: "赵" },
  ];

  it("puts each team before its members and sub-teams, one level deeper", () => {
    const rows = targetTree(teams, people, new Map());
    expect(rows.map((r) => `${r.depth}:${r.id}`)).toEqual([
      "0:top",
      "1:dir",
      "1:east",
      "2:e1",
      "2:e2",
      "1:north",
      "2:n1",
    ]);
  });

  it("sums a team's children one level down and flags a difference", () => {
    const figures = new Map<string, Months>([
      ["team:top", flat(100)],
      ["team:east", flat(60)],
      ["team:north", flat(40)],
      ["user:e1", flat(30)],
      ["user:e2", flat(25)],
      ["user:dir", flat(5)],
    ]);
    const rows = targetTree(teams, people, figures);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // top: east 60 + north 40 + the director's own 5 = 105 a month, against its own 100.
    expect(byId.get("top")!.children).toEqual(flat(105));
    expect(byId.get("top")!.difference).toBe(-60n);
    expect(byId.get("east")!.children).toEqual(flat(55));
    expect(byId.get("east")!.difference).toBe(60n);
    // north has a figure but none of its people do: nothing to compare with.
    expect(byId.get("north")!.children).toBeNull();
    expect(byId.get("north")!.difference).toBeNull();
    expect(byId.get("n1")!.own).toBeNull();
  });

  it("reports no difference when the figures agree, and starts at the highest visible team", () => {
    const figures = new Map<string, Months>([
      ["team:east", flat(55)],
      ["user:e1", flat(30)],
      ["user:e2", flat(25)],
    ]);
    const rows = targetTree([teams[1]!], people, figures);
    expect(rows.map((r) => r.id)).toEqual(["east", "e1", "e2"]);
    expect(rows[0]!.depth).toBe(0);
    expect(rows[0]!.difference).toBeNull();
    expect(rows[0]!.children).toEqual(flat(55));
  });

  it("survives a cycle in the team tree", () => {
    const cyclic = [
      { id: "a", parentId: "b", name: "A" },
      { id: "b", parentId: "a", name: "B" },
    ];
    expect(targetTree(cyclic, [], new Map())).toEqual([]);
  });
});
