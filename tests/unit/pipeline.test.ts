import { describe, expect, it } from "vitest";
import {
  annualisedValue,
  BOARD_COLUMNS,
  checkMove,
  checkTerminate,
  adjustTotals,
  columnTotals,
  DEAL_STAGES,
  daysBetween,
  daysPerStage,
  daysUntil,
  DEFAULT_PIPELINE_SETTINGS,
  DEFAULT_STAGE_PROBABILITY,
  dueForRenewal,
  GATE_ITEMS,
  gateChecklist,
  gateRefusal,
  gatesPassed,
  isStageColumn,
  isOverdue,
  isStale,
  isWeakDecisionMaker,
  pipelineFigures,
  probabilityOf,
  stageNumber,
  stageStays,
  stagesToPass,
  unmetGate,
  weightedValue,
  type DealForFigures,
  type DealStage,
  type DealStatus,
  type GateInput,
  type MoveRequest,
  type StageTransition,
} from "@/lib/domain/pipeline";
import { chinaToday } from "@/lib/domain/calendar";

// Fixed clock: every date in this file is absolute, so no test depends on when it runs.
const at = (iso: string) => new Date(iso);
const NOW = at("2025-06-15T09:00:00Z");
const DAY = 86_400_000;
const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * DAY);

/** Stage work that meets every gate of every stage. */
const ALL_MET: GateInput = {
  opportunity: "YES",
  sampleItem: "3号试制件",
  sampleSentOn: at("2025-03-02T00:00:00Z"),
  sampleSpecAgreed: true,
  sampleAccepted: "YES",
  sampleTechOwner: "王工",
  informationSufficient: true,
  needsClear: true,
  closeProbability: 55,
  obstacles: [{ obstacle: "现有供应商价格更低", counterMeasure: "以交期和质量稳定性换取价差" }],
  expectedDevCost: 120_000n,
  programme: [{ step: "技术交流会", ownerId: "user-kam", due: "2025-07-01", done: false }],
  seniorMeetingHeld: true,
  siteAuditDone: true,
  systemSupportArranged: true,
  coachCount: 1,
  decisionMakers: 2,
  weakDecisionMakers: 0,
};

/** A fresh deal with no stage work at all: every gate item unmet. */
const NOTHING: GateInput = {
  opportunity: "UNKNOWN",
  sampleItem: null,
  sampleSentOn: null,
  sampleSpecAgreed: false,
  sampleAccepted: "UNKNOWN",
  sampleTechOwner: null,
  informationSufficient: false,
  needsClear: false,
  closeProbability: null,
  obstacles: [],
  expectedDevCost: null,
  programme: [],
  seniorMeetingHeld: false,
  siteAuditDone: false,
  systemSupportArranged: false,
  coachCount: 0,
  decisionMakers: 0,
  weakDecisionMakers: 0,
};

const gate = (over: Partial<GateInput>): GateInput => ({ ...ALL_MET, ...over });

describe("stages and columns", () => {
  it("numbers the five stages in order and adds the two outcomes as board columns", () => {
    expect(DEAL_STAGES.map(stageNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(BOARD_COLUMNS).toEqual([
      "TARGET",
      "INFORMATION",
      "VALUE",
      "RELATIONSHIP",
      "CLOSING",
      "WON",
      "LOST",
    ]);
  });

  it("ships the documented defaults", () => {
    expect(DEFAULT_STAGE_PROBABILITY).toEqual({
      TARGET: 10,
      INFORMATION: 20,
      VALUE: 40,
      RELATIONSHIP: 60,
      CLOSING: 80,
    });
    expect(DEFAULT_PIPELINE_SETTINGS).toEqual({
      staleDays: 30,
      minDecisionMakerStrength: 4,
      renewalWindowDays: 60,
    });
  });
});

describe("every gate", () => {
  it.each(DEAL_STAGES)("%s: met when all its stage work is done", (stage) => {
    expect(gateChecklist(stage, ALL_MET)).toEqual(GATE_ITEMS[stage].map((item) => ({ item, met: true })));
    expect(unmetGate(stage, ALL_MET)).toEqual([]);
  });

  it.each(DEAL_STAGES)("%s: lists every item, in order, as unmet with no stage work", (stage) => {
    expect(gateChecklist(stage, NOTHING)).toEqual(GATE_ITEMS[stage].map((item) => ({ item, met: false })));
    expect(unmetGate(stage, NOTHING)).toEqual([...GATE_ITEMS[stage]]);
  });

  it("reads only its own stage's items", () => {
    // Only the closing work is done: the closing gate is met although every earlier gate is not.
    const onlyClosing = {
      ...NOTHING,
      seniorMeetingHeld: true,
      siteAuditDone: true,
      systemSupportArranged: true,
    };
    expect(unmetGate("CLOSING", onlyClosing)).toEqual([]);
    expect(unmetGate("TARGET", onlyClosing)).toEqual(["opportunityYes"]);
  });
});

describe("gate 1 确定开发对象 (TARGET)", () => {
  it("passes when the opportunity judgement is yes", () => {
    expect(gateChecklist("TARGET", gate({ opportunity: "YES" }))).toEqual([
      { item: "opportunityYes", met: true },
    ]);
  });

  it.each(["NO", "UNKNOWN"] as const)("stops when the opportunity judgement is %s", (opportunity) => {
    expect(gateChecklist("TARGET", gate({ opportunity }))).toEqual([{ item: "opportunityYes", met: false }]);
  });
});

describe("gate 2 信息收集/提供样品 (INFORMATION)", () => {
  it("checks samples, inside contact, information and needs", () => {
    expect(gateChecklist("INFORMATION", ALL_MET)).toEqual([
      { item: "sampleProvided", met: true },
      { item: "insideContact", met: true },
      { item: "informationSufficient", met: true },
      { item: "needsClear", met: true },
    ]);
  });

  it.each<[string, Partial<GateInput>]>([
    ["no sample item", { sampleItem: null }],
    ["an empty sample item", { sampleItem: "" }],
    ["a blank sample item", { sampleItem: "   " }],
    ["no date sent", { sampleSentOn: null }],
    ["the spec not agreed", { sampleSpecAgreed: false }],
    ["the sample refused by the customer", { sampleAccepted: "NO" }],
    ["acceptance not yet known", { sampleAccepted: "UNKNOWN" }],
    ["no technical owner", { sampleTechOwner: null }],
    ["a blank technical owner", { sampleTechOwner: " \t " }],
  ])("counts the sample as not provided with %s", (_case, over) => {
    expect(unmetGate("INFORMATION", gate(over))).toEqual(["sampleProvided"]);
  });

  it("accepts the sent date as an ISO string as well as a Date", () => {
    expect(unmetGate("INFORMATION", gate({ sampleSentOn: "2025-03-02" }))).toEqual([]);
  });

  // A blank string is "unfilled" everywhere in the gates, a blank sent date (an empty date input) too.
  it("counts a blank sent date as not sent", () => {
    expect(unmetGate("INFORMATION", gate({ sampleSentOn: "" }))).toEqual(["sampleProvided"]);
    expect(unmetGate("INFORMATION", gate({ sampleSentOn: "  " }))).toEqual(["sampleProvided"]);
  });

  it("needs an inside contact (内线) on the account", () => {
    expect(unmetGate("INFORMATION", gate({ coachCount: 0 }))).toEqual(["insideContact"]);
    expect(unmetGate("INFORMATION", gate({ coachCount: 3 }))).toEqual([]);
  });

  it("needs the information judged sufficient", () => {
    expect(unmetGate("INFORMATION", gate({ informationSufficient: false }))).toEqual([
      "informationSufficient",
    ]);
  });

  it("needs the customer's needs clear", () => {
    expect(unmetGate("INFORMATION", gate({ needsClear: false }))).toEqual(["needsClear"]);
  });

  it("lists several unmet items together", () => {
    expect(unmetGate("INFORMATION", gate({ sampleAccepted: "NO", needsClear: false }))).toEqual([
      "sampleProvided",
      "needsClear",
    ]);
  });
});

describe("gate 3 价值评估/开发程序 (VALUE)", () => {
  it("checks probability, obstacles, development cost and programme", () => {
    expect(gateChecklist("VALUE", ALL_MET)).toEqual([
      { item: "probability", met: true },
      { item: "obstacles", met: true },
      { item: "devCost", met: true },
      { item: "programme", met: true },
    ]);
  });

  it("needs a likelihood of closing, where 0% is still an answer", () => {
    expect(unmetGate("VALUE", gate({ closeProbability: null }))).toEqual(["probability"]);
    expect(unmetGate("VALUE", gate({ closeProbability: 0 }))).toEqual([]);
    expect(unmetGate("VALUE", gate({ closeProbability: 100 }))).toEqual([]);
  });

  it("needs at least one obstacle", () => {
    expect(unmetGate("VALUE", gate({ obstacles: [] }))).toEqual(["obstacles"]);
  });

  it.each<[string, GateInput["obstacles"]]>([
    ["a missing counter-measure", [{ obstacle: "采购总监倾向老供应商", counterMeasure: "" }]],
    ["a blank counter-measure", [{ obstacle: "采购总监倾向老供应商", counterMeasure: "   " }]],
    ["a blank obstacle", [{ obstacle: " ", counterMeasure: "安排高层拜访" }]],
    [
      "one of two obstacles without a counter-measure",
      [
        { obstacle: "账期要求90天", counterMeasure: "申请特殊账期审批" },
        { obstacle: "认证周期长", counterMeasure: "" },
      ],
    ],
  ])("stops on %s", (_case, obstacles) => {
    expect(unmetGate("VALUE", gate({ obstacles }))).toEqual(["obstacles"]);
  });

  it("passes several obstacles that each have a counter-measure", () => {
    const obstacles = [
      { obstacle: "账期要求90天", counterMeasure: "申请特殊账期审批" },
      { obstacle: "认证周期长", counterMeasure: "提前送样并驻场支持" },
    ];
    expect(unmetGate("VALUE", gate({ obstacles }))).toEqual([]);
  });

  it("needs an expected development cost, where zero is still an answer", () => {
    expect(unmetGate("VALUE", gate({ expectedDevCost: null }))).toEqual(["devCost"]);
    expect(unmetGate("VALUE", gate({ expectedDevCost: 0n }))).toEqual([]);
    expect(unmetGate("VALUE", gate({ expectedDevCost: 0 }))).toEqual([]);
    expect(unmetGate("VALUE", gate({ expectedDevCost: 8_000 }))).toEqual([]);
  });

  it("needs a programme with at least one step", () => {
    expect(unmetGate("VALUE", gate({ programme: [] }))).toEqual(["programme"]);
  });

  const step = { step: "样品试产", ownerId: "user-eng", due: "2025-08-01", done: false };
  it.each<[string, GateInput["programme"]]>([
    ["a step with no description", [{ ...step, step: "" }]],
    ["a step with a blank description", [{ ...step, step: "  " }]],
    ["a step with no owner", [{ ...step, ownerId: "" }]],
    ["a step with a blank owner", [{ ...step, ownerId: " " }]],
    ["a step with no date", [{ ...step, due: "" }]],
    ["a step with a blank date", [{ ...step, due: "   " }]],
    ["one complete and one ownerless step", [step, { ...step, step: "小批量验证", ownerId: "" }]],
  ])("stops on %s", (_case, programme) => {
    expect(unmetGate("VALUE", gate({ programme }))).toEqual(["programme"]);
  });

  it("does not need the steps to be done", () => {
    expect(unmetGate("VALUE", gate({ programme: [step, { ...step, done: true }] }))).toEqual([]);
  });
});

describe("gate 4 关系建立 (RELATIONSHIP)", () => {
  it("checks that decision makers are identified and strong", () => {
    expect(gateChecklist("RELATIONSHIP", ALL_MET)).toEqual([
      { item: "decisionMakerIdentified", met: true },
      { item: "decisionMakersStrong", met: true },
    ]);
  });

  it("fails both items with zero decision makers (no one to be strong)", () => {
    expect(unmetGate("RELATIONSHIP", gate({ decisionMakers: 0, weakDecisionMakers: 0 }))).toEqual([
      "decisionMakerIdentified",
      "decisionMakersStrong",
    ]);
  });

  it("stops when any decision maker is weak", () => {
    expect(unmetGate("RELATIONSHIP", gate({ decisionMakers: 3, weakDecisionMakers: 1 }))).toEqual([
      "decisionMakersStrong",
    ]);
    expect(unmetGate("RELATIONSHIP", gate({ decisionMakers: 2, weakDecisionMakers: 2 }))).toEqual([
      "decisionMakersStrong",
    ]);
  });

  it("passes a single strong decision maker", () => {
    expect(unmetGate("RELATIONSHIP", gate({ decisionMakers: 1, weakDecisionMakers: 0 }))).toEqual([]);
  });
});

describe("a weak decision maker", () => {
  it("is one below the minimum strength", () => {
    expect(isWeakDecisionMaker({ relationshipStrength: 3, approach: "每月拜访并邀请参观工厂" }, 4)).toBe(
      true,
    );
  });

  it("is not one exactly at or above the minimum with an influence plan", () => {
    expect(isWeakDecisionMaker({ relationshipStrength: 4, approach: "每月拜访并邀请参观工厂" }, 4)).toBe(
      false,
    );
    expect(isWeakDecisionMaker({ relationshipStrength: 5, approach: "每月拜访并邀请参观工厂" }, 4)).toBe(
      false,
    );
  });

  it.each([null, "", "   "])("is one without an influence plan (%j), however strong", (approach) => {
    expect(isWeakDecisionMaker({ relationshipStrength: 5, approach }, 4)).toBe(true);
  });

  it("follows the admin-set minimum", () => {
    expect(isWeakDecisionMaker({ relationshipStrength: 2, approach: "高层互访" }, 2)).toBe(false);
    expect(isWeakDecisionMaker({ relationshipStrength: 4, approach: "高层互访" }, 5)).toBe(true);
  });
});

describe("gate 5 促成成交 (CLOSING)", () => {
  it("checks the senior meeting, site audit and system support", () => {
    expect(gateChecklist("CLOSING", ALL_MET)).toEqual([
      { item: "seniorMeeting", met: true },
      { item: "siteAudit", met: true },
      { item: "systemSupport", met: true },
    ]);
  });

  it.each<[keyof GateInput, string]>([
    ["seniorMeetingHeld", "seniorMeeting"],
    ["siteAuditDone", "siteAudit"],
    ["systemSupportArranged", "systemSupport"],
  ])("stops when %s is false", (field, item) => {
    expect(unmetGate("CLOSING", gate({ [field]: false }))).toEqual([item]);
  });
});

describe("moving a deal on the board", () => {
  const move = (over: Partial<MoveRequest>) =>
    checkMove({
      from: "TARGET",
      status: "OPEN",
      to: "INFORMATION",
      gate: ALL_MET,
      canOverride: false,
      ...over,
    });

  const nextStage = DEAL_STAGES.slice(0, -1).map((from, i) => [from, DEAL_STAGES[i + 1]!] as const);

  it.each(nextStage)("moves forward one stage %s → %s when the gate is met", (from, to) => {
    expect(move({ from, to })).toEqual({ ok: true, kind: "forward", overridden: [] });
  });

  it.each(nextStage)("stops %s → %s when the gate of the stage left is unmet", (from, to) => {
    expect(move({ from, to, gate: NOTHING })).toEqual({
      ok: false,
      reason: "gateUnmet",
      unmet: GATE_ITEMS[from].map((item) => ({ stage: from, item })),
    });
  });

  it("does not check the gate of the stage entered", () => {
    // Entering 信息收集 needs nothing of it yet: the inside contact is work done in that stage.
    expect(move({ gate: gate({ coachCount: 0, needsClear: false }) })).toEqual({
      ok: true,
      kind: "forward",
      overridden: [],
    });
  });

  it("checks every gate crossed when skipping stages and names each unmet item with its stage", () => {
    expect(
      move({
        to: "VALUE",
        // Gate 3 (the destination's) is unmet too, but is not crossed.
        gate: gate({ opportunity: "NO", coachCount: 0, closeProbability: null }),
      }),
    ).toEqual({
      ok: false,
      reason: "gateUnmet",
      unmet: [
        { stage: "TARGET", item: "opportunityYes" },
        { stage: "INFORMATION", item: "insideContact" },
      ],
    });
  });

  it("lists the unmet items of gates 1 to 4 for a drop from stage 1 onto stage 5", () => {
    expect(move({ to: "CLOSING", gate: NOTHING })).toEqual({
      ok: false,
      reason: "gateUnmet",
      unmet: [
        { stage: "TARGET", item: "opportunityYes" },
        { stage: "INFORMATION", item: "sampleProvided" },
        { stage: "INFORMATION", item: "insideContact" },
        { stage: "INFORMATION", item: "informationSufficient" },
        { stage: "INFORMATION", item: "needsClear" },
        { stage: "VALUE", item: "probability" },
        { stage: "VALUE", item: "obstacles" },
        { stage: "VALUE", item: "devCost" },
        { stage: "VALUE", item: "programme" },
        { stage: "RELATIONSHIP", item: "decisionMakerIdentified" },
        { stage: "RELATIONSHIP", item: "decisionMakersStrong" },
      ],
    });
  });

  it("stops a skip when only a middle gate is unmet", () => {
    expect(move({ from: "INFORMATION", to: "CLOSING", gate: gate({ weakDecisionMakers: 1 }) })).toEqual({
      ok: false,
      reason: "gateUnmet",
      unmet: [{ stage: "RELATIONSHIP", item: "decisionMakersStrong" }],
    });
  });

  it("lets a skip through when every gate crossed is met", () => {
    expect(move({ from: "TARGET", to: "RELATIONSHIP" })).toEqual({
      ok: true,
      kind: "forward",
      overridden: [],
    });
  });

  it.each<[DealStage, DealStage]>([
    ["INFORMATION", "TARGET"],
    ["RELATIONSHIP", "VALUE"],
    ["CLOSING", "RELATIONSHIP"],
    ["CLOSING", "TARGET"],
  ])("moves back %s → %s without any gate", (from, to) => {
    expect(move({ from, to, gate: NOTHING })).toEqual({ ok: true, kind: "back", overridden: [] });
  });

  it.each<[DealStatus, MoveRequest["to"]]>([
    ["WON", "CLOSING"],
    ["WON", "LOST"],
    ["LOST", "INFORMATION"],
    ["LOST", "WON"],
    ["TERMINATED", "INFORMATION"],
    ["TERMINATED", "LOST"],
  ])("refuses to move a %s deal (to %s)", (status, to) => {
    expect(
      move({ from: "CLOSING", status, to, lostReasonId: "lr-price", canOverride: true, overrideReason: "x" }),
    ).toEqual({ ok: false, reason: "closed" });
  });

  it.each(DEAL_STAGES)("refuses a drop on the same stage (%s)", (stage) => {
    expect(move({ from: stage, to: stage })).toEqual({ ok: false, reason: "sameStage" });
  });

  describe("won", () => {
    it("is reached from 促成成交 through its gate", () => {
      expect(move({ from: "CLOSING", to: "WON" })).toEqual({ ok: true, kind: "won", overridden: [] });
    });

    it("checks only the closing gate", () => {
      const onlyClosing = {
        ...NOTHING,
        seniorMeetingHeld: true,
        siteAuditDone: true,
        systemSupportArranged: true,
      };
      expect(move({ from: "CLOSING", to: "WON", gate: onlyClosing })).toEqual({
        ok: true,
        kind: "won",
        overridden: [],
      });
    });

    it("is stopped by an unmet closing gate", () => {
      expect(move({ from: "CLOSING", to: "WON", gate: gate({ siteAuditDone: false }) })).toEqual({
        ok: false,
        reason: "gateUnmet",
        unmet: [{ stage: "CLOSING", item: "siteAudit" }],
      });
    });

    it.each(DEAL_STAGES.slice(0, -1))("is refused from %s, even with every gate met", (from) => {
      expect(move({ from, to: "WON" })).toEqual({ ok: false, reason: "wonOnlyFromClosing" });
    });

    it("is refused from an earlier stage even for a manager with a reason", () => {
      expect(move({ from: "VALUE", to: "WON", canOverride: true, overrideReason: "客户已口头确认" })).toEqual(
        {
          ok: false,
          reason: "wonOnlyFromClosing",
        },
      );
    });
  });

  describe("lost", () => {
    it.each(DEAL_STAGES)("can happen at %s with a reason from the list, whatever the gates", (from) => {
      expect(move({ from, to: "LOST", gate: NOTHING, lostReasonId: "lr-price" })).toEqual({
        ok: true,
        kind: "lost",
        overridden: [],
      });
    });

    it.each([undefined, null, ""])("needs a lost reason (%j)", (lostReasonId) => {
      expect(move({ from: "VALUE", to: "LOST", lostReasonId })).toEqual({
        ok: false,
        reason: "lostReasonRequired",
      });
    });
  });

  describe("a manager's override", () => {
    const unmetTarget = gate({ opportunity: "UNKNOWN" });

    it("is refused to someone without the capability, even with a reason", () => {
      expect(move({ gate: unmetTarget, canOverride: false, overrideReason: "总经理批准先行送样" })).toEqual({
        ok: false,
        reason: "gateUnmet",
        unmet: [{ stage: "TARGET", item: "opportunityYes" }],
      });
    });

    it.each([undefined, null, "", "   ", "\n\t"])(
      "is refused without a written reason (%j)",
      (overrideReason) => {
        expect(move({ gate: unmetTarget, canOverride: true, overrideReason })).toEqual({
          ok: false,
          reason: "overrideReasonRequired",
          unmet: [{ stage: "TARGET", item: "opportunityYes" }],
        });
      },
    );

    it("passes the gate with the capability and a reason, and returns what was overridden", () => {
      expect(move({ gate: unmetTarget, canOverride: true, overrideReason: "总经理批准先行送样" })).toEqual({
        ok: true,
        kind: "forward",
        overridden: [{ stage: "TARGET", item: "opportunityYes" }],
      });
    });

    it("returns the overridden items of every gate crossed by a skip", () => {
      expect(
        move({
          to: "RELATIONSHIP",
          gate: gate({ needsClear: false, programme: [] }),
          canOverride: true,
          overrideReason: "战略客户，董事长要求加速",
        }),
      ).toEqual({
        ok: true,
        kind: "forward",
        overridden: [
          { stage: "INFORMATION", item: "needsClear" },
          { stage: "VALUE", item: "programme" },
        ],
      });
    });

    it("can win a deal past an unmet closing gate", () => {
      expect(
        move({
          from: "CLOSING",
          to: "WON",
          gate: gate({ systemSupportArranged: false }),
          canOverride: true,
          overrideReason: "系统对接已排期，合同先签",
        }),
      ).toEqual({ ok: true, kind: "won", overridden: [{ stage: "CLOSING", item: "systemSupport" }] });
    });

    it("overrides nothing when every gate is met", () => {
      expect(move({ canOverride: true, overrideReason: "不需要" })).toEqual({
        ok: true,
        kind: "forward",
        overridden: [],
      });
      expect(move({ canOverride: true, overrideReason: null })).toEqual({
        ok: true,
        kind: "forward",
        overridden: [],
      });
    });
  });
});

describe("a refusal at a gate, as data", () => {
  it("names the unmet items by id, in the order the gates list them", () => {
    const decision = checkMove({
      from: "TARGET",
      status: "OPEN",
      to: "VALUE",
      gate: gate({ opportunity: "NO", needsClear: false }),
      canOverride: false,
    });
    expect(decision.ok).toBe(false);
    expect(gateRefusal(decision.ok ? [] : decision.unmet!)).toEqual({
      code: "GATE_UNMET",
      unmet: ["opportunityYes", "needsClear"],
    });
  });

  it("gives the checklist of every gate a move passes, met unless the refusal names the item", () => {
    expect(gatesPassed("TARGET", "VALUE", ["needsClear"])).toEqual([
      { stage: "TARGET", items: [{ item: "opportunityYes", met: true }] },
      {
        stage: "INFORMATION",
        items: [
          { item: "sampleProvided", met: true },
          { item: "insideContact", met: true },
          { item: "informationSufficient", met: true },
          { item: "needsClear", met: false },
        ],
      },
    ]);
    expect(gatesPassed("CLOSING", "WON", ["siteAudit"])).toEqual([
      {
        stage: "CLOSING",
        items: [
          { item: "seniorMeeting", met: true },
          { item: "siteAudit", met: false },
          { item: "systemSupport", met: true },
        ],
      },
    ]);
    // A move back passes no gate.
    expect(gatesPassed("VALUE", "TARGET", [])).toEqual([]);
  });
});

describe("terminating a deal", () => {
  it("needs an open deal and a written reason", () => {
    expect(checkTerminate("OPEN", "客户无更换供应商意向")).toEqual({ ok: true });
  });

  it.each([undefined, null, "", "  "])("refuses without a reason (%j)", (reason) => {
    expect(checkTerminate("OPEN", reason)).toEqual({ ok: false, reason: "reasonRequired" });
  });

  it.each(["WON", "LOST", "TERMINATED"] as const)("refuses a %s deal", (status) => {
    expect(checkTerminate(status, "客户无更换供应商意向")).toEqual({ ok: false, reason: "closed" });
    expect(checkTerminate(status, null)).toEqual({ ok: false, reason: "closed" });
  });
});

describe("days and staleness", () => {
  it("counts whole days and never goes negative", () => {
    expect(daysBetween(at("2025-06-01T00:00:00Z"), at("2025-06-11T00:00:00Z"))).toBe(10);
    expect(daysBetween(at("2025-06-01T00:00:00Z"), at("2025-06-11T23:59:59Z"))).toBe(10);
    expect(daysBetween(at("2025-06-11T00:00:00Z"), at("2025-06-01T00:00:00Z"))).toBe(0);
  });

  it("calls a card stale only past the threshold", () => {
    expect(isStale(daysBefore(NOW, 30), NOW, 30)).toBe(false);
    expect(isStale(new Date(NOW.getTime() - 31 * DAY + 1), NOW, 30)).toBe(false);
    expect(isStale(daysBefore(NOW, 31), NOW, 30)).toBe(true);
    expect(isStale(daysBefore(NOW, 8), NOW, 7)).toBe(true);
    expect(isStale(new Date(NOW.getTime() + DAY), NOW, 0)).toBe(false);
  });
});

const t = (
  fromStage: DealStage | null,
  toStage: DealStage,
  createdAt: string,
  toStatus: DealStatus = "OPEN",
) => ({
  fromStage,
  toStage,
  toStatus,
  createdAt: at(createdAt),
});

describe("time in stage", () => {
  // Created 1 Jan, moved on, sent back when the decision maker changed, and now open in VALUE again.
  const revisited: StageTransition[] = [
    t(null, "TARGET", "2025-01-01T00:00:00Z"),
    t("TARGET", "INFORMATION", "2025-01-11T00:00:00Z"),
    t("INFORMATION", "VALUE", "2025-02-10T00:00:00Z"),
    t("VALUE", "INFORMATION", "2025-02-20T00:00:00Z"),
    t("INFORMATION", "VALUE", "2025-03-02T00:00:00Z"),
  ];

  it("lists each stay, a revisited stage twice, the open one counted to now", () => {
    expect(stageStays(revisited, NOW)).toEqual([
      {
        stage: "TARGET",
        enteredAt: at("2025-01-01T00:00:00Z"),
        leftAt: at("2025-01-11T00:00:00Z"),
        days: 10,
      },
      {
        stage: "INFORMATION",
        enteredAt: at("2025-01-11T00:00:00Z"),
        leftAt: at("2025-02-10T00:00:00Z"),
        days: 30,
      },
      { stage: "VALUE", enteredAt: at("2025-02-10T00:00:00Z"), leftAt: at("2025-02-20T00:00:00Z"), days: 10 },
      {
        stage: "INFORMATION",
        enteredAt: at("2025-02-20T00:00:00Z"),
        leftAt: at("2025-03-02T00:00:00Z"),
        days: 10,
      },
      { stage: "VALUE", enteredAt: at("2025-03-02T00:00:00Z"), leftAt: null, days: 105 },
    ]);
  });

  it("adds up every visit per stage", () => {
    expect(daysPerStage(revisited, NOW)).toEqual({
      TARGET: 10,
      INFORMATION: 40,
      VALUE: 115,
      RELATIONSHIP: 0,
      CLOSING: 0,
    });
  });

  it("orders the history by time whatever order it arrives in", () => {
    const shuffled = [revisited[3]!, revisited[0]!, revisited[4]!, revisited[2]!, revisited[1]!];
    expect(stageStays(shuffled, NOW)).toEqual(stageStays(revisited, NOW));
  });

  it("keeps counting the open stay as time passes", () => {
    expect(daysPerStage(revisited, at("2025-03-12T00:00:00Z")).VALUE).toBe(20);
  });

  it("ends the last stay at a closing transition and starts no new one", () => {
    const lost = [
      t(null, "TARGET", "2025-01-01T00:00:00Z"),
      t("TARGET", "INFORMATION", "2025-01-11T00:00:00Z"),
      t("INFORMATION", "INFORMATION", "2025-01-31T12:00:00Z", "LOST"),
    ];
    expect(stageStays(lost, NOW)).toEqual([
      {
        stage: "TARGET",
        enteredAt: at("2025-01-01T00:00:00Z"),
        leftAt: at("2025-01-11T00:00:00Z"),
        days: 10,
      },
      {
        stage: "INFORMATION",
        enteredAt: at("2025-01-11T00:00:00Z"),
        leftAt: at("2025-01-31T12:00:00Z"),
        days: 20,
      },
    ]);
    // The clock has stopped: a later `now` adds nothing.
    expect(daysPerStage(lost, at("2026-01-01T00:00:00Z"))).toEqual(daysPerStage(lost, NOW));
  });

  it("ends the closing stay when the deal is won", () => {
    const won = [
      t(null, "RELATIONSHIP", "2025-04-01T00:00:00Z"),
      t("RELATIONSHIP", "CLOSING", "2025-04-15T00:00:00Z"),
      t("CLOSING", "CLOSING", "2025-05-20T00:00:00Z", "WON"),
    ];
    expect(daysPerStage(won, NOW)).toEqual({
      TARGET: 0,
      INFORMATION: 0,
      VALUE: 0,
      RELATIONSHIP: 14,
      CLOSING: 35,
    });
  });

  it("ends the stay when the deal is terminated in stage 1", () => {
    const terminated = [
      t(null, "TARGET", "2025-05-01T00:00:00Z"),
      t("TARGET", "TARGET", "2025-05-08T00:00:00Z", "TERMINATED"),
    ];
    expect(stageStays(terminated, NOW)).toEqual([
      { stage: "TARGET", enteredAt: at("2025-05-01T00:00:00Z"), leftAt: at("2025-05-08T00:00:00Z"), days: 7 },
    ]);
  });

  it("has no stays without history", () => {
    expect(stageStays([], NOW)).toEqual([]);
    expect(daysPerStage([], NOW)).toEqual({
      TARGET: 0,
      INFORMATION: 0,
      VALUE: 0,
      RELATIONSHIP: 0,
      CLOSING: 0,
    });
  });
});

describe("pipeline figures", () => {
  const deal = (over: Partial<DealForFigures>): DealForFigures => ({
    stage: "TARGET",
    status: "OPEN",
    expectedValue: 0,
    closeProbability: null,
    stageEnteredAt: NOW,
    expectedCloseDate: null,
    furthestStage: "TARGET",
    history: [],
    ...over,
  });

  const terminated = deal({
    stage: "TARGET",
    status: "TERMINATED",
    furthestStage: "TARGET",
    expectedValue: 70_000,
  });
  const openInformation = deal({
    stage: "INFORMATION",
    furthestStage: "INFORMATION",
    expectedValue: 50_000,
    closeProbability: 35,
    stageEnteredAt: daysBefore(NOW, 31),
  });
  const lostInValue = deal({
    stage: "VALUE",
    status: "LOST",
    furthestStage: "VALUE",
    expectedValue: 300_000,
    stageEnteredAt: daysBefore(NOW, 400),
  });
  const won = deal({ stage: "CLOSING", status: "WON", furthestStage: "CLOSING", expectedValue: 900_000 });
  const openClosing = deal({
    stage: "CLOSING",
    furthestStage: "CLOSING",
    expectedValue: 100_000,
    closeProbability: null,
    stageEnteredAt: daysBefore(NOW, 30),
  });
  const sample = [terminated, openInformation, lostInValue, won, openClosing];
  const figures = pipelineFigures(sample, NOW, { staleDays: 30 });

  it("converts between consecutive stages by the furthest stage reached", () => {
    expect(figures.conversion).toEqual([
      { from: "TARGET", to: "INFORMATION", reached: 5, advanced: 4, rate: 0.8 },
      { from: "INFORMATION", to: "VALUE", reached: 4, advanced: 3, rate: 0.75 },
      { from: "VALUE", to: "RELATIONSHIP", reached: 3, advanced: 2, rate: 2 / 3 },
      { from: "RELATIONSHIP", to: "CLOSING", reached: 2, advanced: 2, rate: 1 },
    ]);
  });

  it("counts a deal sent back by the furthest stage it reached, not where it is now", () => {
    const sentBack = deal({ stage: "TARGET", furthestStage: "VALUE" });
    expect(pipelineFigures([sentBack], NOW, { staleDays: 30 }).conversion.map((c) => c.rate)).toEqual([
      1,
      1,
      0,
      null,
    ]);
  });

  it("computes the win rate from won and lost deals, leaving terminated ones out", () => {
    expect(figures).toMatchObject({ won: 1, lost: 1, winRate: 0.5 });
    expect(pipelineFigures([won, won, lostInValue, terminated], NOW, { staleDays: 30 }).winRate).toBe(2 / 3);
  });

  it("has no win rate without won or lost deals", () => {
    expect(pipelineFigures([terminated, openClosing], NOW, { staleDays: 30 })).toMatchObject({
      won: 0,
      lost: 0,
      winRate: null,
    });
  });

  it("values the open pipeline, weighting by the deal's probability or the stage default", () => {
    // 50 000 × 35% + 100 000 × 80% (促成成交 default); closed deals are not pipeline.
    expect(figures).toMatchObject({ openCount: 2, openValue: 150_000, weightedValue: 97_500 });
  });

  it("counts open deals stuck past the threshold", () => {
    // openInformation: 31 days (stuck); openClosing: exactly 30 (not yet); the lost deal is closed.
    expect(figures.stuck).toBe(1);
    expect(pipelineFigures(sample, NOW, { staleDays: 29 }).stuck).toBe(2);
    expect(pipelineFigures(sample, NOW, { staleDays: 31 }).stuck).toBe(0);
  });

  it("counts open deals past their expected close date, as calendar days in China", () => {
    // NOW is 2025-06-15 17:00 in Beijing: a deal due on the 14th is overdue, one due today is not.
    const due = (expectedCloseDate: string | null, status: DealStatus = "OPEN") =>
      deal({ expectedCloseDate, status });
    const deals = [
      due("2025-06-14"),
      due("2025-06-15"),
      due("2025-06-16"),
      due(null),
      due("2025-01-01", "WON"),
    ];
    expect(pipelineFigures(deals, NOW, { staleDays: 30 }).overdue).toBe(1);
    expect(figures.overdue).toBe(0);
  });

  it("averages days per stage over completed stays only", () => {
    const stillOpen = deal({
      stage: "INFORMATION",
      furthestStage: "INFORMATION",
      history: [
        t(null, "TARGET", "2025-01-01T00:00:00Z"),
        t("TARGET", "INFORMATION", "2025-01-11T00:00:00Z"),
      ],
    });
    const lost = deal({
      stage: "INFORMATION",
      status: "LOST",
      furthestStage: "INFORMATION",
      history: [
        t(null, "TARGET", "2025-02-01T00:00:00Z"),
        t("TARGET", "INFORMATION", "2025-02-21T00:00:00Z"),
        t("INFORMATION", "INFORMATION", "2025-03-23T00:00:00Z", "LOST"),
      ],
    });
    // TARGET: (10 + 20) / 2; INFORMATION: only the lost deal's 30 days (the open stay of 155 days is left out).
    expect(pipelineFigures([stillOpen, lost], NOW, { staleDays: 30 }).averageDays).toEqual({
      TARGET: 15,
      INFORMATION: 30,
      VALUE: null,
      RELATIONSHIP: null,
      CLOSING: null,
    });
  });

  it("averages over stays, so a revisited stage counts each visit", () => {
    const backAndForth = deal({
      stage: "INFORMATION",
      furthestStage: "INFORMATION",
      history: [
        t(null, "TARGET", "2025-01-01T00:00:00Z"),
        t("TARGET", "INFORMATION", "2025-01-11T00:00:00Z"),
        t("INFORMATION", "TARGET", "2025-02-10T00:00:00Z"),
        t("TARGET", "INFORMATION", "2025-02-14T00:00:00Z"),
      ],
    });
    expect(pipelineFigures([backAndForth], NOW, { staleDays: 30 }).averageDays).toMatchObject({
      TARGET: 7,
      INFORMATION: 30,
    });
  });

  it("gives nulls and zeros with no deals", () => {
    expect(pipelineFigures([], NOW, { staleDays: 30 })).toEqual({
      conversion: [
        { from: "TARGET", to: "INFORMATION", reached: 0, advanced: 0, rate: null },
        { from: "INFORMATION", to: "VALUE", reached: 0, advanced: 0, rate: null },
        { from: "VALUE", to: "RELATIONSHIP", reached: 0, advanced: 0, rate: null },
        { from: "RELATIONSHIP", to: "CLOSING", reached: 0, advanced: 0, rate: null },
      ],
      winRate: null,
      won: 0,
      lost: 0,
      averageDays: { TARGET: null, INFORMATION: null, VALUE: null, RELATIONSHIP: null, CLOSING: null },
      openCount: 0,
      openValue: 0,
      weightedValue: 0,
      stuck: 0,
      overdue: 0,
    });
  });

  it("has a zero rate where deals reached a stage but none advanced, and null beyond", () => {
    const justStarted = [deal({}), deal({})];
    expect(pipelineFigures(justStarted, NOW, { staleDays: 30 }).conversion).toEqual([
      { from: "TARGET", to: "INFORMATION", reached: 2, advanced: 0, rate: 0 },
      { from: "INFORMATION", to: "VALUE", reached: 0, advanced: 0, rate: null },
      { from: "VALUE", to: "RELATIONSHIP", reached: 0, advanced: 0, rate: null },
      { from: "RELATIONSHIP", to: "CLOSING", reached: 0, advanced: 0, rate: null },
    ]);
  });
});

describe("probability-weighted value", () => {
  it.each(DEAL_STAGES)("uses the %s default when the deal has no probability", (stage) => {
    expect(probabilityOf({ stage, closeProbability: null })).toBe(DEFAULT_STAGE_PROBABILITY[stage]);
  });

  it("uses the deal's own probability, even 0%", () => {
    expect(probabilityOf({ stage: "CLOSING", closeProbability: 0 })).toBe(0);
    expect(weightedValue({ stage: "CLOSING", closeProbability: 0, expectedValue: 500_000 })).toBe(0);
    expect(weightedValue({ stage: "TARGET", closeProbability: 90, expectedValue: 500_000 })).toBe(450_000);
    expect(weightedValue({ stage: "VALUE", closeProbability: null, expectedValue: 500_000 })).toBe(200_000);
  });
});

describe("board column totals", () => {
  it("adds count, value and weighted value", () => {
    expect(
      columnTotals([
        { stage: "VALUE", closeProbability: null, expectedValue: 200_000 },
        { stage: "VALUE", closeProbability: 25, expectedValue: 30_000 },
      ]),
    ).toEqual({ count: 2, value: 230_000, weighted: 87_500 });
  });

  it("is all zeros for an empty column", () => {
    expect(columnTotals([])).toEqual({ count: 0, value: 0, weighted: 0 });
  });
});

describe("column totals kept while cards move (adjustTotals)", () => {
  const a = { stage: "VALUE" as const, closeProbability: null, expectedValue: 200_000 };
  const b = { stage: "VALUE" as const, closeProbability: 25, expectedValue: 30_000 };

  it("adding a deal gives the totals of the column with it", () => {
    expect(adjustTotals(columnTotals([a]), b, 1)).toEqual(columnTotals([a, b]));
  });

  it("taking a deal out gives the totals of the column without it", () => {
    expect(adjustTotals(columnTotals([a, b]), a, -1)).toEqual(columnTotals([b]));
    expect(adjustTotals(columnTotals([b]), b, -1)).toEqual(columnTotals([]));
  });

  it("weights a moved deal by its new stage where it has no probability of its own", () => {
    const moved = { ...a, stage: "RELATIONSHIP" as const };
    const after = adjustTotals(columnTotals([]), moved, 1);
    expect(after.weighted).toBe((200_000 * DEFAULT_STAGE_PROBABILITY.RELATIONSHIP) / 100);
  });
});

describe("stage columns", () => {
  it("are the five stages, not 赢单 and 丢单", () => {
    expect(BOARD_COLUMNS.filter(isStageColumn)).toEqual([...DEAL_STAGES]);
    expect(isStageColumn("WON")).toBe(false);
    expect(isStageColumn("LOST")).toBe(false);
  });
});

describe("agreements due for renewal", () => {
  const midnight = at("2025-06-15T00:00:00Z");

  it("counts the calendar days until the last day", () => {
    expect(daysUntil(at("2025-08-14T00:00:00Z"), midnight)).toBe(60);
    expect(daysUntil(at("2025-06-16T00:00:00Z"), NOW)).toBe(1);
    expect(daysUntil(midnight, midnight)).toBe(0);
    expect(daysUntil(at("2025-06-14T00:00:00Z"), NOW)).toBe(-1);
    expect(daysUntil(at("2025-05-16T00:00:00Z"), midnight)).toBe(-30);
  });

  // -0 would print as "-0" through Intl.NumberFormat (and so in a "{days} days" message).
  it("says 0, not -0, on the agreement's last day", () => {
    expect(Object.is(daysUntil(midnight, NOW), 0)).toBe(true);
  });

  it("counts calendar days in China: after midnight in Beijing it is already the next day", () => {
    // 01:00 on 16 June in Beijing is still 15 June in UTC.
    const earlyMorning = at("2025-06-15T17:00:00Z");
    expect(chinaToday(earlyMorning)).toEqual(at("2025-06-16T00:00:00Z"));
    expect(daysUntil(at("2025-06-16T00:00:00Z"), earlyMorning)).toBe(0);
    expect(daysUntil(at("2025-06-17T00:00:00Z"), earlyMorning)).toBe(1);
    expect(daysUntil(midnight, earlyMorning)).toBe(-1);
    expect(dueForRenewal(midnight, earlyMorning, 60)).toBe(false);
    // 07:59 in Beijing on 15 June: still 15 June.
    expect(chinaToday(at("2025-06-14T23:59:00Z"))).toEqual(midnight);
  });

  it("lists an agreement ending within the window", () => {
    expect(dueForRenewal(at("2025-08-14T00:00:00Z"), midnight, 60)).toBe(true);
    expect(dueForRenewal(at("2025-06-16T00:00:00Z"), midnight, 60)).toBe(true);
    expect(dueForRenewal(midnight, midnight, 60)).toBe(true);
  });

  it("still lists one whose last day is today", () => {
    expect(dueForRenewal(midnight, NOW, 60)).toBe(true);
  });

  it("does not list one ending after the window", () => {
    expect(dueForRenewal(at("2025-08-15T00:00:00Z"), midnight, 60)).toBe(false);
    expect(dueForRenewal(at("2025-08-15T00:00:00Z"), midnight, 61)).toBe(true);
  });

  it("does not list one that ended before today", () => {
    expect(dueForRenewal(at("2025-06-14T00:00:00Z"), NOW, 60)).toBe(false);
    expect(dueForRenewal(at("2024-12-31T00:00:00Z"), NOW, 60)).toBe(false);
  });
});

describe("an agreement's annual value", () => {
  it("is the contract value for a one-year term", () => {
    expect(annualisedValue(1_000_000, at("2025-01-01T00:00:00Z"), at("2025-12-31T00:00:00Z"))).toBe(
      1_000_000,
    );
  });

  it("spreads a longer term over its years", () => {
    expect(annualisedValue(1_200_000, at("2025-01-01T00:00:00Z"), at("2026-12-31T00:00:00Z"))).toBe(600_000);
    // 546 days: 900 000 × 365 / 546 = 601 648.35…, rounded to whole yuan.
    expect(annualisedValue(900_000, at("2025-01-01T00:00:00Z"), at("2026-06-30T00:00:00Z"))).toBe(601_648);
  });

  it("is the contract value for a term shorter than a year (not extrapolated)", () => {
    expect(annualisedValue(400_000, at("2025-01-01T00:00:00Z"), at("2025-06-30T00:00:00Z"))).toBe(400_000);
  });

  it("treats an end before the start as a one-day term", () => {
    expect(annualisedValue(50_000, at("2025-06-30T00:00:00Z"), at("2025-01-01T00:00:00Z"))).toBe(50_000);
  });

  // A one-year agreement in a leap year has 366 inclusive days; it is still one year.
  it("is the contract value for a one-year term in a leap year", () => {
    expect(annualisedValue(1_000_000, at("2024-01-01T00:00:00Z"), at("2024-12-31T00:00:00Z"))).toBe(
      1_000_000,
    );
  });
});

describe("isOverdue", () => {
  const open = (expectedCloseDate: string | null) => ({ status: "OPEN" as const, expectedCloseDate });

  it("is overdue from the day after the expected close date, in China's calendar", () => {
    // 2025-06-14 23:30 in Beijing is still the 14th; 16:00 UTC on the 14th is already the 15th there.
    expect(isOverdue(open("2025-06-14"), at("2025-06-14T15:30:00Z"))).toBe(false);
    expect(isOverdue(open("2025-06-14"), at("2025-06-14T16:00:00Z"))).toBe(true);
    expect(isOverdue(open("2025-06-15"), NOW)).toBe(false);
    expect(isOverdue(open("2025-06-16"), NOW)).toBe(false);
  });

  it("never flags a deal without a date, or one that is closed", () => {
    expect(isOverdue(open(null), NOW)).toBe(false);
    for (const status of ["WON", "LOST", "TERMINATED"] as const)
      expect(isOverdue({ status, expectedCloseDate: "2020-01-01" }, NOW)).toBe(false);
  });
});

describe("stagesToPass", () => {
  it("lists the stages whose gates a forward move leaves, and none for a move back", () => {
    expect(stagesToPass("TARGET", "INFORMATION")).toEqual(["TARGET"]);
    expect(stagesToPass("TARGET", "VALUE")).toEqual(["TARGET", "INFORMATION"]);
    expect(stagesToPass("RELATIONSHIP", "WON")).toEqual(["RELATIONSHIP", "CLOSING"]);
    expect(stagesToPass("VALUE", "TARGET")).toEqual([]);
    expect(stagesToPass("VALUE", "VALUE")).toEqual([]);
  });
});
