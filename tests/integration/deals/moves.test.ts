// Moves on PostgreSQL: the stage gates enforced on the server whatever the client sent, a
// manager's override, back-moves and the history, and two moves at once.
import { describe, expect, it } from "vitest";
import { deleteContact } from "@/lib/data/contacts";
import { listBoardDeals } from "@/lib/data/deals/board";
import { getDealDetail } from "@/lib/data/deals/detail";
import { GateRefusedError } from "@/lib/data/deals/gate-refusal";
import { moveDeal } from "@/lib/data/deals/moves";
import { getPipelineSettings, updatePipelineSettings } from "@/lib/data/deals/settings";
import { db } from "@/lib/db";
import { DEFAULT_PIPELINE_SETTINGS, type DealStage } from "@/lib/domain/pipeline";
import {
  DAY,
  uniquePrefix,
  refused,
  gateUnmet,
  STAGE_2_ITEMS,
  STAGE_3_ITEMS,
  STAGE_5_ITEMS,
  dealRow,
  historyOf,
  actionsFor,
  newDeal,
  work,
  move,
  TARGET_DONE,
  INFORMATION_DONE,
  valueDone,
  person,
  COACH,
  STRONG_DM,
} from "./fixtures";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";

describe("stage gates on the server", () => {
  it("refuses a forward move past an unmet gate with exactly the unmet items, changing nothing", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Gate1"));

    // The client skips the UI and posts the move straight away.
    expect(await refused(moveDeal(kam, { id, version: 1, to: "INFORMATION" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"] },
      gate: gateUnmet("opportunityYes"),
    });
    // A skip from stage 1 to 3 checks the gates of both stages it leaves.
    expect(await refused(moveDeal(kam, { id, version: 1, to: "VALUE" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"] },
      gate: gateUnmet("opportunityYes", ...STAGE_2_ITEMS),
    });
    expect(await dealRow(id)).toMatchObject({ stage: "TARGET", status: "OPEN", version: 1 });
    expect(await historyOf(id)).toHaveLength(1);
    expect(await actionsFor(id)).toEqual(["deal.create"]);

    // "No" is not "yes": the stage-1 gate stays shut.
    await work(kam, id, { ...TARGET_DONE, opportunity: "NO" });
    expect((await refused(move(kam, id, "INFORMATION"))).gate).toEqual(gateUnmet("opportunityYes"));

    await work(kam, id, TARGET_DONE);
    expect(await refused(move(kam, id, "VALUE"))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"] },
      gate: gateUnmet(...STAGE_2_ITEMS),
    });
    // Samples not accepted yet and no 内线 on the account.
    await work(kam, id, { ...INFORMATION_DONE, sampleAccepted: "UNKNOWN" });
    expect((await refused(move(kam, id, "VALUE"))).gate).toEqual(
      gateUnmet("sampleProvided", "insideContact"),
    );
    await work(kam, id, INFORMATION_DONE);
    // A contact in another role is not an inside contact.
    await person(kam, account.id, { buyingRole: "SUPPORTER" });
    expect((await refused(move(kam, id, "VALUE"))).gate).toEqual(gateUnmet("insideContact"));
    await person(kam, account.id, COACH);

    const { version } = await dealRow(id);
    const card = await moveDeal(kam, { id, version, to: "VALUE" });
    expect(card).toMatchObject({ id, stage: "VALUE", status: "OPEN", version: version + 1 });
    expect(card.unmet).toEqual(STAGE_3_ITEMS);
    expect((await historyOf(id)).map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, "TARGET"],
      ["TARGET", "VALUE"],
    ]);
  });

  it("a refusal at a gate names the unmet items by their ids (GATE_UNMET), never as worded labels", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("GateIds"));
    const error = await moveDeal(kam, { id, version: 1, to: "VALUE" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateRefusedError);
    const { refusal, fieldErrors } = error as GateRefusedError;
    expect(refusal).toEqual({ code: "GATE_UNMET", unmet: ["opportunityYes", ...STAGE_2_ITEMS] });
    // The field errors say why (a message key the action translates), nothing per item.
    expect(fieldErrors).toEqual({ _form: ["gate.errors.gateUnmet"] });
    // Refusals that are not about a gate carry no refusal.
    const back = await moveDeal(kam, { id, version: 1, to: "TARGET" }).catch((e: unknown) => e);
    expect(back).not.toBeInstanceOf(GateRefusedError);
  });

  it("stage 3 needs a probability, obstacles each with a counter-measure, the cost and a programme step", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Gate3"));
    await work(kam, id, TARGET_DONE);
    await work(kam, id, INFORMATION_DONE);
    await person(kam, account.id, COACH);
    await move(kam, id, "VALUE");

    expect((await refused(move(kam, id, "RELATIONSHIP"))).gate).toEqual(gateUnmet(...STAGE_3_ITEMS));
    await work(kam, id, {
      section: "VALUE",
      closeProbability: 40,
      expectedDevCost: 2_000_000n,
      obstacles: [{ obstacle: "技术部不认可", counterMeasure: "" }],
      programme: [],
    });
    expect((await refused(move(kam, id, "RELATIONSHIP"))).gate).toEqual(gateUnmet("obstacles", "programme"));
    // A programme step owner must be an active person the KAM can see.
    expect(await refused(work(kam, id, valueDone("usr_north_kam1")))).toEqual({
      code: "VALIDATION",
      fieldErrors: { programme: ["validation.invalidOption"] },
    });
    await work(kam, id, valueDone("usr_east_rep1"));
    expect(await move(kam, id, "RELATIONSHIP")).toMatchObject({
      stage: "RELATIONSHIP",
      unmet: ["decisionMakerIdentified", "decisionMakersStrong"],
    });
  });

  it("stage 4 needs every live decision maker at the admin's minimum strength with an influence plan", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Gate4");
    const id = await newDeal(kam, account.id, prefix);
    await move(manager, id, "RELATIONSHIP", { overrideReason: "老客户推荐，前三阶段已在线下完成" });

    expect((await refused(move(kam, id, "CLOSING"))).gate).toEqual(
      gateUnmet("decisionMakerIdentified", "decisionMakersStrong"),
    );
    await person(kam, account.id, STRONG_DM);
    const fair = await person(kam, account.id, { ...STRONG_DM, relationshipStrength: "3" });
    const noPlan = await person(kam, account.id, { buyingRole: "DECISION_MAKER", relationshipStrength: "5" });
    expect((await refused(move(kam, id, "CLOSING"))).gate).toEqual(gateUnmet("decisionMakersStrong"));
    // A deleted decision maker no longer counts; the one at strength 3 still holds the gate at 4.
    await deleteContact(kam, { id: noPlan.id, version: noPlan.version });
    expect((await refused(move(kam, id, "CLOSING"))).gate).toEqual(gateUnmet("decisionMakersStrong"));
    expect((await listBoardDeals(kam, { q: prefix })).cards[0]?.unmet).toEqual(["decisionMakersStrong"]);

    // The admin lowers the minimum to 3: the same people now pass, on the board and on the server.
    const settings = await getPipelineSettings();
    const lowered = await updatePipelineSettings(admin, {
      ...DEFAULT_PIPELINE_SETTINGS,
      minDecisionMakerStrength: 3,
      version: settings.version,
    });
    try {
      expect((await listBoardDeals(kam, { q: prefix })).cards[0]?.unmet).toEqual([]);
      expect((await getDealDetail(kam, id)).decisionMakers.map((d) => [d.id, d.weak])).toEqual(
        expect.arrayContaining([[fair.id, false]]),
      );
      expect(await move(kam, id, "CLOSING")).toMatchObject({ stage: "CLOSING", unmet: STAGE_5_ITEMS });
    } finally {
      await updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, version: lowered.version });
    }
  });

  it("the board's unmet items and the deal page's checklist say what the server's gate says", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Agree");
    const id = await newDeal(kam, account.id, prefix);
    const serverSays = async (to: DealStage) => (await refused(move(kam, id, to))).gate?.unmet ?? [];
    const boardSays = async () => (await listBoardDeals(kam, { q: prefix })).cards.map((c) => c.unmet);
    const pageSays = async () =>
      (await getDealDetail(kam, id)).checklist.filter((i) => !i.met).map((i) => i.item);

    expect(await boardSays()).toEqual([["opportunityYes"]]);
    expect(await pageSays()).toEqual(["opportunityYes"]);
    expect(await serverSays("INFORMATION")).toEqual(["opportunityYes"]);

    await work(kam, id, TARGET_DONE);
    await move(kam, id, "INFORMATION");
    await work(kam, id, { ...INFORMATION_DONE, needsClear: false });
    expect(await boardSays()).toEqual([["insideContact", "needsClear"]]);
    expect(await pageSays()).toEqual(["insideContact", "needsClear"]);
    expect(await serverSays("VALUE")).toEqual(["insideContact", "needsClear"]);
    expect((await getDealDetail(kam, id)).checklist).toEqual([
      { item: "sampleProvided", met: true },
      { item: "insideContact", met: false },
      { item: "informationSufficient", met: true },
      { item: "needsClear", met: false },
    ]);
  });
});

describe("a manager's override", () => {
  it("a KAM cannot override; a manager needs a written reason; the override is recorded and audited", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Override"));

    expect(
      await refused(moveDeal(kam, { id, version: 1, to: "VALUE", overrideReason: "客户很急，先推进" })),
    ).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"] },
      gate: gateUnmet("opportunityYes", ...STAGE_2_ITEMS),
    });
    for (const overrideReason of [undefined, "   "]) {
      expect(await refused(moveDeal(manager, { id, version: 1, to: "VALUE", overrideReason }))).toEqual({
        code: "VALIDATION",
        fieldErrors: { overrideReason: ["gate.errors.overrideReasonRequired"] },
        gate: gateUnmet("opportunityYes", ...STAGE_2_ITEMS),
      });
    }
    expect(await dealRow(id)).toMatchObject({ stage: "TARGET", version: 1 });

    const reason = "集团采购总监已口头确认，样品走绿色通道";
    const card = await moveDeal(manager, { id, version: 1, to: "VALUE", overrideReason: reason });
    expect(card).toMatchObject({ stage: "VALUE", version: 2 });
    const overridden = ["TARGET.opportunityYes", ...STAGE_2_ITEMS.map((i) => `INFORMATION.${i}`)];
    expect((await historyOf(id)).at(-1)).toMatchObject({
      fromStage: "TARGET",
      toStage: "VALUE",
      fromStatus: "OPEN",
      toStatus: "OPEN",
      overrideReason: reason,
      overriddenGate: overridden,
      actorId: manager.id,
    });
    const last = (await auditRowsFor(id)).at(-1)!;
    expect(last).toMatchObject({ action: "deal.moveOverride", actorId: manager.id, entity: "Deal" });
    expect(last.before).toEqual({ stage: "TARGET", status: "OPEN", version: 1 });
    expect(last.after).toMatchObject({
      stage: "VALUE",
      status: "OPEN",
      version: 2,
      overrideReason: reason,
      overriddenGate: overridden,
    });
    expect((await getDealDetail(kam, id)).history.at(-1)).toMatchObject({
      overrideReason: reason,
      actor: { id: manager.id },
    });
  });

  it("a manager's reason is not recorded as an override when every gate is met", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("NoOverride"));
    await work(kam, id, TARGET_DONE);
    await move(manager, id, "INFORMATION", { overrideReason: "顺手推进" });
    expect((await historyOf(id)).at(-1)).toMatchObject({ overrideReason: null, overriddenGate: [] });
    expect((await auditRowsFor(id)).at(-1)?.action).toBe("deal.move");
  });
});

describe("back-moves and history", () => {
  it("moving back needs no gate, and the history keeps every transition with who, when and days in stage", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Back"));
    await work(kam, id, TARGET_DONE);
    await work(kam, id, INFORMATION_DONE);
    const coach = await person(kam, account.id, COACH);
    await move(kam, id, "INFORMATION");
    await move(kam, id, "VALUE");
    // The inside contact left: the stage-2 gate is unmet again, which does not stop a move back.
    await deleteContact(kam, { id: coach.id, version: coach.version });
    await move(kam, id, "INFORMATION", { note: "内线离职" });
    await move(manager, id, "TARGET");
    expect(await refused(move(kam, id, "TARGET"))).toEqual({
      code: "VALIDATION",
      fieldErrors: { to: ["gate.errors.sameStage"] },
    });

    const rows = await historyOf(id);
    expect(rows.map((r) => [r.fromStage, r.toStage, r.toStatus, r.actorId])).toEqual([
      [null, "TARGET", "OPEN", kam.id],
      ["TARGET", "INFORMATION", "OPEN", kam.id],
      ["INFORMATION", "VALUE", "OPEN", kam.id],
      ["VALUE", "INFORMATION", "OPEN", kam.id],
      ["INFORMATION", "TARGET", "OPEN", manager.id],
    ]);
    expect(rows[3]!.note).toBe("内线离职");
    const times = rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(
      (await auditRowsFor(id)).filter((r) => r.action.startsWith("deal.move")).map((r) => r.action),
    ).toEqual(["deal.move", "deal.move", "deal.moveBack", "deal.moveBack"]);
    const deal = await dealRow(id);
    expect(deal.stage).toBe("TARGET");
    expect(deal.stageEnteredAt.getTime()).toBe(rows[4]!.createdAt.getTime());

    // Spread the transitions over past days to read the time spent in each stage.
    const ago = [20, 15, 12, 2, 1];
    for (const [i, r] of rows.entries()) {
      await db.dealStageChange.update({
        where: { id: r.id },
        data: { createdAt: new Date(Date.now() - ago[i]! * DAY) },
      });
    }
    const detail = await getDealDetail(kam, id);
    expect(detail.history.map((h) => [h.toStage, h.daysInFrom])).toEqual([
      ["TARGET", null],
      ["INFORMATION", 5],
      ["VALUE", 3],
      ["INFORMATION", 10],
      ["TARGET", 1],
    ]);
    expect(detail.history.map((h) => h.actor?.name)).toEqual(["王伟", "王伟", "王伟", "王伟", "陈建华"]);
  });
});

describe("concurrent changes", () => {
  it("refuses a move from a stage the deal has left, even at the current version, and changes nothing", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("FromStage"));
    await work(kam, id, TARGET_DONE);
    await moveDeal(kam, { id, version: 2, from: "TARGET", to: "INFORMATION" });
    // A page refreshed to the new version but still meaning "from 确定开发对象": not re-aimed at stage 3.
    const error = await moveDeal(kam, { id, version: 3, from: "TARGET", to: "INFORMATION" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["gate.errors.movedElsewhere"] } });
    expect(
      await outcome(
        moveDeal(kam, { id, version: 3, from: "TARGET", to: "LOST", lostReasonId: "lr_competitor" }),
      ),
    ).toBe("CONFLICT");
    const deal = await dealRow(id);
    expect(deal).toMatchObject({ stage: "INFORMATION", status: "OPEN", version: 3 });
    expect(await historyOf(id)).toHaveLength(2);
    // From the stage it is in, the same move goes through.
    expect(await outcome(moveDeal(kam, { id, version: 3, from: "INFORMATION", to: "TARGET" }))).toBe("OK");
  });

  it("of two moves of the same deal at the same version exactly one wins; the history has one row for it", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Race"));
    await work(kam, id, TARGET_DONE);
    // The KAM drags the card to stage 2 while the manager drags it to stage 3 with an override.
    const results = await Promise.all([
      outcome(moveDeal(kam, { id, version: 2, to: "INFORMATION" })),
      outcome(moveDeal(manager, { id, version: 2, to: "VALUE", overrideReason: "客户催得紧" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    const deal = await dealRow(id);
    expect(deal.version).toBe(3);
    const history = await historyOf(id);
    expect(history).toHaveLength(2);
    // The row that was written is the winner's, and the deal shows the winner's stage.
    expect(history[1]).toMatchObject({ fromStage: "TARGET", toStage: deal.stage });
    expect(["INFORMATION", "VALUE"]).toContain(deal.stage);
    const moves = (await actionsFor(id)).filter((a) => a.startsWith("deal.move"));
    expect(moves).toEqual([deal.stage === "VALUE" ? "deal.moveOverride" : "deal.move"]);
  });

  it("a move racing a loss: one of them, never both", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("RaceLost"));
    await work(kam, id, TARGET_DONE);
    const results = await Promise.all([
      outcome(moveDeal(kam, { id, version: 2, to: "INFORMATION" })),
      outcome(moveDeal(manager, { id, version: 2, to: "LOST", lostReasonId: "lr_competitor" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    const deal = await dealRow(id);
    expect(deal.version).toBe(3);
    const history = await historyOf(id);
    expect(history).toHaveLength(2);
    expect(
      deal.status === "LOST"
        ? history[1]!.toStatus === "LOST" && deal.stage === "TARGET"
        : history[1]!.toStage === "INFORMATION" && deal.stage === "INFORMATION",
    ).toBe(true);
    expect((await actionsFor(id)).filter((a) => a === "deal.move" || a === "deal.lost")).toHaveLength(1);
  });
});
