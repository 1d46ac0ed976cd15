import { describe, expect, it } from "vitest";
import {
  boardTargets,
  channelLayout,
  densityBand,
  DISTRIBUTOR_STAGES,
  exclusivityClashes,
  stageMoveRefusal,
  type DistributorStage,
  type LayoutTerritory,
} from "@/lib/domain/distributors";

// The distributor lifecycle, exclusivity and channel layout rules (lib/domain/distributors.ts).

describe("stageMoveRefusal: every pair of stages on the board", () => {
  // The moves a channel manager may make on the board; everything else is refused.
  const allowed: Record<DistributorStage, DistributorStage[]> = {
    PROSPECT: ["EVALUATION", "TERMINATED"],
    EVALUATION: ["PROSPECT", "NEGOTIATION", "TERMINATED"],
    NEGOTIATION: ["EVALUATION", "TERMINATED"],
    SIGNED: ["SUSPENDED", "TERMINATED"],
    SUSPENDED: ["TERMINATED"],
    TERMINATED: [],
  };
  for (const from of DISTRIBUTOR_STAGES)
    for (const to of DISTRIBUTOR_STAGES) {
      it(`${from} → ${to} by a channel manager`, () => {
        const refusal = stageMoveRefusal(from, to, { manager: false });
        if (from === to) expect(refusal).toBe("same");
        else if (to === "SIGNED") expect(refusal).toBe("signByAgreement");
        else if (from === "TERMINATED") expect(refusal).toBe("terminatedFinal");
        else if (allowed[from].includes(to)) expect(refusal).toBeNull();
        else expect(refusal).toBe("notAllowed");
      });
    }

  it("lists the board's targets", () => {
    expect(boardTargets("EVALUATION", false)).toEqual(["PROSPECT", "NEGOTIATION", "TERMINATED"]);
    expect(boardTargets("TERMINATED", false)).toEqual([]);
    expect(boardTargets("TERMINATED", true)).toEqual(["PROSPECT", "EVALUATION", "NEGOTIATION"]);
  });

  it("lets a manager reopen a terminated distributor into recruitment only", () => {
    expect(stageMoveRefusal("TERMINATED", "PROSPECT", { manager: true })).toBeNull();
    expect(stageMoveRefusal("TERMINATED", "NEGOTIATION", { manager: true })).toBeNull();
    expect(stageMoveRefusal("TERMINATED", "SUSPENDED", { manager: true })).toBe("notAllowed");
    expect(stageMoveRefusal("TERMINATED", "SIGNED", { manager: true })).toBe("signByAgreement");
  });

  it("signs only through an agreement, from negotiation or suspension", () => {
    expect(stageMoveRefusal("NEGOTIATION", "SIGNED", { manager: false, viaAgreement: true })).toBeNull();
    expect(stageMoveRefusal("SUSPENDED", "SIGNED", { manager: false, viaAgreement: true })).toBeNull();
    expect(stageMoveRefusal("PROSPECT", "SIGNED", { manager: false, viaAgreement: true })).toBe("notAllowed");
    expect(stageMoveRefusal("TERMINATED", "SIGNED", { manager: false, viaAgreement: true })).toBe(
      "notAllowed",
    );
    expect(stageMoveRefusal("TERMINATED", "SIGNED", { manager: true, viaAgreement: true })).toBeNull();
    // An agreement never moves a distributor anywhere but into SIGNED.
    expect(stageMoveRefusal("SIGNED", "SUSPENDED", { manager: true, viaAgreement: true })).toBe("notAllowed");
  });
});

describe("exclusivityClashes", () => {
  const others = [
    { distributorId: "b", territoryId: "t1", exclusive: true, active: true },
    { distributorId: "c", territoryId: "t2", exclusive: true, active: false }, // not signed
    { distributorId: "d", territoryId: "t3", exclusive: false, active: true }, // not exclusive
    { distributorId: "a", territoryId: "t4", exclusive: true, active: true }, // itself
  ];
  it("names the exclusive territories another active exclusive distributor holds", () => {
    expect(
      exclusivityClashes(
        "a",
        [
          { territoryId: "t1", exclusive: true },
          { territoryId: "t2", exclusive: true },
          { territoryId: "t3", exclusive: true },
          { territoryId: "t4", exclusive: true },
        ],
        others,
      ),
    ).toEqual(["t1"]);
  });
  it("lets a non-exclusive distributor share a held territory", () => {
    expect(exclusivityClashes("a", [{ territoryId: "t1", exclusive: false }], others)).toEqual([]);
  });
});

describe("densityBand edges", () => {
  it.each([
    [0, "none"],
    [-1, "none"],
    [0.01, "thin"],
    [0.49, "thin"],
    [0.5, "balanced"],
    [1, "balanced"],
    [1.5, "balanced"],
    [1.51, "dense"],
    [4, "dense"],
  ] as const)("%s → %s", (density, band) => expect(densityBand(density)).toBe(band));
});

describe("channelLayout", () => {
  // 华东 → 江苏 → {苏州, 南京}; 华东 → 上海 (a leaf).
  const tree: LayoutTerritory[] = [
    { id: "east", parentId: null, name: "华东" },
    { id: "js", parentId: "east", name: "江苏" },
    { id: "sz", parentId: "js", name: "苏州" },
    { id: "nj", parentId: "js", name: "南京" },
    { id: "sh", parentId: "east", name: "上海" },
  ];
  const rows = (coverage: Parameters<typeof channelLayout>[1]) =>
    Object.fromEntries(channelLayout(tree, coverage).map((r) => [r.id, r]));

  it("counts distinct active distributors over the subtree and divides by its sales territories", () => {
    const r = rows([
      { distributorId: "d1", territoryId: "sz", exclusive: true, active: true },
      { distributorId: "d1", territoryId: "nj", exclusive: false, active: true },
      { distributorId: "d2", territoryId: "sz", exclusive: false, active: true },
      { distributorId: "d3", territoryId: "sh", exclusive: false, active: false },
    ]);
    expect(r.east).toMatchObject({ active: 2, leaves: 3, direct: 0 });
    expect(r.east!.density).toBeCloseTo(2 / 3);
    expect(r.east!.band).toBe("balanced");
    expect(r.js).toMatchObject({ active: 2, leaves: 2, density: 1, band: "balanced", uncovered: false });
    expect(r.sz).toMatchObject({
      direct: 2,
      active: 2,
      leaves: 1,
      density: 2,
      band: "dense",
      exclusive: true,
    });
    expect(r.nj).toMatchObject({ exclusive: false, uncovered: false });
    // 上海: a prospect (not active) does not cover it.
    expect(r.sh).toMatchObject({ direct: 1, active: 0, band: "none", uncovered: true });
  });

  it("treats a sales territory as covered by an active distributor of a territory above it", () => {
    const r = rows([{ distributorId: "d1", territoryId: "js", exclusive: false, active: true }]);
    expect(r.sz!.uncovered).toBe(false);
    expect(r.nj!.uncovered).toBe(false);
    expect(r.sh!.uncovered).toBe(true);
    // Only sales territories (leaves) are ever "uncovered".
    expect(r.east!.uncovered).toBe(false);
  });

  it("with no coverage: every sales territory is uncovered and density none", () => {
    const r = rows([]);
    expect(["sz", "nj", "sh"].every((id) => r[id]!.uncovered)).toBe(true);
    expect(r.east).toMatchObject({ active: 0, density: 0, band: "none" });
  });
});
