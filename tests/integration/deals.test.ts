// The pipeline data layer on PostgreSQL: the stage gates enforced on the server whatever the client
// sent, manager overrides, back-moves and history, lost / terminated / won with the 合作协议 and the
// account becoming 成交, renewals, team scope on board, deal and agreement, concurrent moves, the
// audit trail, the hand-over on deactivation and the pipeline figures. Every deal here is created by
// the test (titles carry a unique prefix), so the demo deals of the seed never matter.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { accountTimeline, createContact, deleteContact } from "@/lib/data/contacts";
import {
  createDeal,
  createLostReason,
  BOARD_FIRST_PAGE,
  BOARD_NEXT_PAGE,
  deleteDeal,
  getBoard,
  getBoardColumnPage,
  getDealDetail,
  listBoardDeals,
  getPipelineFigures,
  getPipelineSettings,
  listAccountDeals,
  listAgreements,
  listDeletedDeals,
  listLostReasons,
  listRenewals,
  moveDeal,
  renewAgreement,
  restoreDeal,
  setLostReasonDeleted,
  terminateDeal,
  updateAgreement,
  updateDeal,
  updateLostReason,
  updatePipelineSettings,
  updateStageWork,
  winDeal,
} from "@/lib/data/deals";
import { createUser, deactivateUser } from "@/lib/data/users";
import type { Viewer } from "@/lib/domain/access";
import {
  BOARD_COLUMNS,
  businessDay,
  columnTotals,
  DEFAULT_PIPELINE_SETTINGS,
  weightedValue,
  type DealStage,
} from "@/lib/domain/pipeline";
import { DEAL_LIST_SORTS, type DealListSort } from "@/lib/validation/deals";
import { AppError } from "@/lib/errors";
import { createContactSchema } from "@/lib/validation/contacts";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

const DAY = 86_400_000;
let serial = 0;
/** A prefix no other deal shares, for board and figure queries filtered with `q`. */
const uniquePrefix = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`;

/** The code and field errors a promise rejects with; fails the test if it resolves or throws otherwise. */
async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) {
    throw new Error(`expected an AppError, got ${error === null ? "success" : String(error)}`);
  }
  return { code: error.code, fieldErrors: error.fieldErrors };
}

const gateItems = (...items: string[]) => items.map((i) => `gate.items.${i}`);
const STAGE_2_ITEMS = ["sampleProvided", "insideContact", "informationSufficient", "needsClear"];
const STAGE_3_ITEMS = ["probability", "obstacles", "devCost", "programme"];
const STAGE_5_ITEMS = ["seniorMeeting", "siteAudit", "systemSupport"];

const dealRow = (id: string) => db.deal.findUniqueOrThrow({ where: { id } });
const historyOf = (dealId: string) =>
  db.dealStageChange.findMany({ where: { dealId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const actionsFor = async (id: string) => (await auditRowsFor(id)).map((r) => r.action);

async function newDeal(
  viewer: Viewer,
  accountId: string,
  title: string,
  extra: { expectedValueYuan?: number; expectedCloseDate?: Date | null } = {},
) {
  const { id } = await createDeal(viewer, {
    accountId,
    title,
    expectedValue: BigInt(Math.round((extra.expectedValueYuan ?? 1_000_000) * 100)),
    expectedCloseDate: extra.expectedCloseDate ?? null,
    products: "精密结构件",
  });
  return id;
}

type StageWorkInput = Parameters<typeof updateStageWork>[1];
type Section = StageWorkInput extends infer U
  ? U extends unknown
    ? Omit<U, "id" | "version">
    : never
  : never;

/** Saves one stage's work at the deal's current version. */
async function work(viewer: Viewer, id: string, section: Section) {
  const { version } = await dealRow(id);
  return updateStageWork(viewer, { id, version, ...section });
}

/** Moves at the deal's current version. */
async function move(
  viewer: Viewer,
  id: string,
  to: DealStage | "LOST",
  extra: { overrideReason?: string; lostReasonId?: string; note?: string } = {},
) {
  const { version } = await dealRow(id);
  return moveDeal(viewer, { id, version, to, ...extra });
}

const TARGET_DONE = {
  section: "TARGET",
  potentialNeed: "现有供应商交期不稳定，希望引入第二供应商",
  needUrgency: 4,
  initialCommunication: "采购经理电话沟通，愿意看样",
  businessCondition: "成立十二年，年产值八亿",
  opportunity: "YES",
} satisfies Section;
const INFORMATION_DONE = {
  section: "INFORMATION",
  sampleItem: "铝合金壳体 A-12",
  sampleSentOn: new Date(Date.UTC(2026, 9, 12)),
  sampleSpecAgreed: true,
  sampleAccepted: "YES",
  sampleTechOwner: "技术部 刘工",
  informationSufficient: true,
  needsClear: true,
} satisfies Section;
const valueDone = (stepOwnerId: string): Section => ({
  section: "VALUE",
  closeProbability: 65,
  expectedDevCost: 8_000_000n,
  obstacles: [{ obstacle: "老供应商价格更低", counterMeasure: "以交期和质量稳定性打动技术部" }],
  programme: [{ step: "安排工厂考察", ownerId: stepOwnerId, due: "2026-12-20", done: false }],
});
const CLOSING_DONE = {
  section: "CLOSING",
  seniorMeetingHeld: true,
  siteAuditDone: true,
  systemSupportArranged: true,
} satisfies Section;

/** A contact on the account, through the real schema and data layer (as the contact form sends it). */
async function person(viewer: Viewer, accountId: string, fields: Record<string, string>) {
  serial++;
  return createContact(viewer, createContactSchema.parse({ accountId, name: `联系人 ${serial}`, ...fields }));
}

const COACH = { buyingRole: "COACH" };
const STRONG_DM = { buyingRole: "DECISION_MAKER", relationshipStrength: "5", approach: "每月拜访，技术交流" };

/** Does the work of stages 1–3 and gives the account a 内线 and a strong 决策者 (every gate but 5's met). */
async function preparedUpToClosing(viewer: Viewer, dealId: string, accountId: string) {
  await work(viewer, dealId, TARGET_DONE);
  await work(viewer, dealId, INFORMATION_DONE);
  await work(viewer, dealId, valueDone(viewer.id));
  await person(viewer, accountId, COACH);
  await person(viewer, accountId, STRONG_DM);
}

/** UTC midnight `days` from today. */
/** A calendar date `days` from today in China (where the business's "today" is). */
const dayFromToday = (days: number) => new Date(businessDay(new Date()).getTime() + days * DAY);

/** An agreement written directly, as a fixture (no audit), on an account of `ownerId`. */
async function agreementFixture(accountId: string, ownerId: string, endInDays: number) {
  const owner = await db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { teamId: true } });
  return db.cooperationAgreement.create({
    data: {
      accountId,
      ownerId,
      teamId: owner.teamId!,
      startDate: dayFromToday(endInDays - 365),
      endDate: dayFromToday(endInDays),
      serviceContent: "年度框架供货",
      pricingPolicy: "季度调价",
      cooperationMode: "DIRECT_SUPPLY",
      contractValue: 500_000_000n,
    },
  });
}

const NEXT_TERM = {
  startDate: new Date(Date.UTC(2027, 0, 1)),
  endDate: new Date(Date.UTC(2027, 11, 31)),
  serviceContent: "续签：年度框架供货",
  pricingPolicy: "年度锁价",
  cooperationMode: "DIRECT_SUPPLY" as const,
  contractValue: 600_000_000n,
};

const boardIds = async (viewer: Viewer, q: string, filters: Parameters<typeof listBoardDeals>[1] = {}) =>
  (await listBoardDeals(viewer, { q, ...filters })).cards.map((c) => c.id);

// ── The gates ────────────────────────────────────────────────────────────────────────────────────

describe("stage gates on the server", () => {
  it("settings default to 30 stale days, decision makers at strength 4 and a 60-day renewal window", async () => {
    expect(DEFAULT_PIPELINE_SETTINGS).toEqual({
      staleDays: 30,
      minDecisionMakerStrength: 4,
      renewalWindowDays: 60,
    });
    expect(await getPipelineSettings()).toMatchObject(DEFAULT_PIPELINE_SETTINGS);
  });

  it("refuses a forward move past an unmet gate with exactly the unmet items, changing nothing", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Gate1"));

    // The client skips the UI and posts the move straight away.
    expect(await refused(moveDeal(kam, { id, version: 1, to: "INFORMATION" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"], _gate: gateItems("opportunityYes") },
    });
    // A skip from stage 1 to 3 checks the gates of both stages it leaves.
    expect(await refused(moveDeal(kam, { id, version: 1, to: "VALUE" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: {
        _form: ["gate.errors.gateUnmet"],
        _gate: gateItems("opportunityYes", ...STAGE_2_ITEMS),
      },
    });
    expect(await dealRow(id)).toMatchObject({ stage: "TARGET", status: "OPEN", version: 1 });
    expect(await historyOf(id)).toHaveLength(1);
    expect(await actionsFor(id)).toEqual(["deal.create"]);

    // "No" is not "yes": the stage-1 gate stays shut.
    await work(kam, id, { ...TARGET_DONE, opportunity: "NO" });
    expect((await refused(move(kam, id, "INFORMATION"))).fieldErrors?._gate).toEqual(
      gateItems("opportunityYes"),
    );

    await work(kam, id, TARGET_DONE);
    expect(await refused(move(kam, id, "VALUE"))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"], _gate: gateItems(...STAGE_2_ITEMS) },
    });
    // Samples not accepted yet and no 内线 on the account.
    await work(kam, id, { ...INFORMATION_DONE, sampleAccepted: "UNKNOWN" });
    expect((await refused(move(kam, id, "VALUE"))).fieldErrors?._gate).toEqual(
      gateItems("sampleProvided", "insideContact"),
    );
    await work(kam, id, INFORMATION_DONE);
    // A contact in another role is not an inside contact.
    await person(kam, account.id, { buyingRole: "SUPPORTER" });
    expect((await refused(move(kam, id, "VALUE"))).fieldErrors?._gate).toEqual(gateItems("insideContact"));
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

  it("stage 3 needs a probability, obstacles each with a counter-measure, the cost and a programme step", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Gate3"));
    await work(kam, id, TARGET_DONE);
    await work(kam, id, INFORMATION_DONE);
    await person(kam, account.id, COACH);
    await move(kam, id, "VALUE");

    expect((await refused(move(kam, id, "RELATIONSHIP"))).fieldErrors?._gate).toEqual(
      gateItems(...STAGE_3_ITEMS),
    );
    await work(kam, id, {
      section: "VALUE",
      closeProbability: 40,
      expectedDevCost: 2_000_000n,
      obstacles: [{ obstacle: "技术部不认可", counterMeasure: "" }],
      programme: [],
    });
    expect((await refused(move(kam, id, "RELATIONSHIP"))).fieldErrors?._gate).toEqual(
      gateItems("obstacles", "programme"),
    );
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

    expect((await refused(move(kam, id, "CLOSING"))).fieldErrors?._gate).toEqual(
      gateItems("decisionMakerIdentified", "decisionMakersStrong"),
    );
    await person(kam, account.id, STRONG_DM);
    const fair = await person(kam, account.id, { ...STRONG_DM, relationshipStrength: "3" });
    const noPlan = await person(kam, account.id, { buyingRole: "DECISION_MAKER", relationshipStrength: "5" });
    expect((await refused(move(kam, id, "CLOSING"))).fieldErrors?._gate).toEqual(
      gateItems("decisionMakersStrong"),
    );
    // A deleted decision maker no longer counts; the one at strength 3 still holds the gate at 4.
    await deleteContact(kam, { id: noPlan.id, version: noPlan.version });
    expect((await refused(move(kam, id, "CLOSING"))).fieldErrors?._gate).toEqual(
      gateItems("decisionMakersStrong"),
    );
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
    const serverSays = async (to: DealStage) =>
      ((await refused(move(kam, id, to))).fieldErrors?._gate ?? []).map((k) => k.replace("gate.items.", ""));
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

// ── Overrides ────────────────────────────────────────────────────────────────────────────────────

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
      fieldErrors: {
        _form: ["gate.errors.gateUnmet"],
        _gate: gateItems("opportunityYes", ...STAGE_2_ITEMS),
      },
    });
    for (const overrideReason of [undefined, "   "]) {
      expect(await refused(moveDeal(manager, { id, version: 1, to: "VALUE", overrideReason }))).toEqual({
        code: "VALIDATION",
        fieldErrors: {
          overrideReason: ["gate.errors.overrideReasonRequired"],
          _gate: gateItems("opportunityYes", ...STAGE_2_ITEMS),
        },
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

// ── Back-moves and history ───────────────────────────────────────────────────────────────────────

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

// ── Lost, terminated, won ────────────────────────────────────────────────────────────────────────

describe("closing a deal", () => {
  it("lost needs a reason from the managed list (not a deleted one), and a lost deal cannot move", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const admin = await viewerFor("usr_admin");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Lost"));

    expect(await refused(moveDeal(kam, { id, version: 1, to: "LOST" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { lostReasonId: ["gate.errors.lostReasonRequired"] },
    });
    const code = `GONE_${Date.now().toString(36).toUpperCase()}`;
    const retired = await createLostReason(admin, {
      code,
      name: "已停用原因",
      nameEn: "Retired",
      sortOrder: 99,
    });
    await setLostReasonDeleted(admin, { id: retired.id, version: retired.version }, true);
    for (const lostReasonId of [retired.id, "lr_no_such_reason"]) {
      expect(await refused(moveDeal(kam, { id, version: 1, to: "LOST", lostReasonId }))).toEqual({
        code: "VALIDATION",
        fieldErrors: { lostReasonId: ["validation.invalidOption"] },
      });
    }
    expect(await dealRow(id)).toMatchObject({ status: "OPEN", version: 1, lostReasonId: null });

    // Lost can happen at any stage, without its gate.
    const card = await moveDeal(kam, {
      id,
      version: 1,
      to: "LOST",
      lostReasonId: "lr_price",
      note: "对手降价两成",
    });
    expect(card).toMatchObject({ status: "LOST", stage: "TARGET", version: 2, unmet: [] });
    const deal = await dealRow(id);
    expect(deal).toMatchObject({ status: "LOST", lostReasonId: "lr_price", closeNote: "对手降价两成" });
    expect(deal.closedAt).toBeInstanceOf(Date);
    expect((await historyOf(id)).at(-1)).toMatchObject({
      fromStage: "TARGET",
      toStage: "TARGET",
      fromStatus: "OPEN",
      toStatus: "LOST",
      note: "对手降价两成",
    });
    const last = (await auditRowsFor(id)).at(-1)!;
    expect(last.action).toBe("deal.lost");
    expect(last.after).toMatchObject({ status: "LOST", lostReason: "PRICE", note: "对手降价两成" });
    expect((await getDealDetail(kam, id)).lostReason).toMatchObject({
      id: "lr_price",
      nameEn: "Price not competitive",
    });

    const closed = { code: "VALIDATION", fieldErrors: { _form: ["gate.errors.closed"] } };
    expect(await refused(moveDeal(kam, { id, version: 2, to: "INFORMATION" }))).toEqual(closed);
    expect(await refused(moveDeal(kam, { id, version: 2, to: "LOST", lostReasonId: "lr_other" }))).toEqual(
      closed,
    );
    expect(await refused(terminateDeal(kam, { id, version: 2, reason: "再关一次" }))).toEqual(closed);
    expect(await refused(work(kam, id, TARGET_DONE))).toEqual(closed);
  });

  it("terminating needs a reason, is recorded in the history, and takes the deal off the board", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Terminate");
    const id = await newDeal(kam, account.id, prefix);
    await work(kam, id, { ...TARGET_DONE, opportunity: "NO" });

    expect(await refused(terminateDeal(kam, { id, version: 2, reason: "  " }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { reason: ["gate.errors.reasonRequired"] },
    });
    const after = await terminateDeal(kam, { id, version: 2, reason: "客户自产，无外购需求" });
    expect(after).toMatchObject({ status: "TERMINATED", closeNote: "客户自产，无外购需求", version: 3 });
    expect(after.closedAt).toBeInstanceOf(Date);
    expect((await historyOf(id)).at(-1)).toMatchObject({
      fromStage: "TARGET",
      toStage: "TARGET",
      fromStatus: "OPEN",
      toStatus: "TERMINATED",
      note: "客户自产，无外购需求",
      actorId: kam.id,
    });
    const last = (await auditRowsFor(id)).at(-1)!;
    expect(last.action).toBe("deal.terminate");
    expect(last.before).toMatchObject({ status: "OPEN", version: 2 });
    expect(last.after).toMatchObject({ status: "TERMINATED", version: 3 });
    expect(await refused(moveDeal(kam, { id, version: 3, to: "INFORMATION" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.closed"] },
    });
    expect(await boardIds(kam, prefix)).toEqual([]);
  });

  it("won only from 促成成交", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("EarlyWin"));
    await move(manager, id, "RELATIONSHIP", { overrideReason: "线下已完成前期工作" });
    const { version } = await dealRow(id);
    const early = winDeal(manager, {
      id,
      version,
      overrideReason: "想直接赢单",
      applyToValue: false,
      agreement: NEXT_TERM,
    });
    expect(await refused(early)).toEqual({
      code: "VALIDATION",
      fieldErrors: { to: ["gate.errors.wonOnlyFromClosing"] },
    });
    expect(await db.cooperationAgreement.count({ where: { dealId: id } })).toBe(0);
    expect(await dealRow(id)).toMatchObject({ status: "OPEN", version });
  });

  it("won through the stage-5 gate creates the agreement, makes the account 成交 and can raise its value", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Win");
    const id = await newDeal(kam, account.id, prefix, { expectedValueYuan: 12_000_000 });
    await preparedUpToClosing(kam, id, account.id);
    // Every gate from 1 to 4 is met: one move from stage 1 straight to 促成成交.
    expect(await move(kam, id, "CLOSING")).toMatchObject({ stage: "CLOSING", unmet: STAGE_5_ITEMS });

    const terms = {
      startDate: new Date(Date.UTC(2026, 11, 1)),
      endDate: new Date(Date.UTC(2029, 10, 30)),
      serviceContent: "壳体与结构件年度供货，含来料检验",
      pricingPolicy: "年度框架价，铝价波动超过5%重议",
      cooperationMode: "STRATEGIC" as const,
      contractValue: 3_600_000_000n, // 36 M yuan over three years
    };
    const v1 = (await dealRow(id)).version;
    expect(await refused(winDeal(kam, { id, version: v1, applyToValue: true, agreement: terms }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"], _gate: gateItems(...STAGE_5_ITEMS) },
    });
    await work(kam, id, CLOSING_DONE);
    const accountBefore = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(accountBefore).toMatchObject({ lifecycle: "PROSPECT", purchaseVolume: null });

    const v2 = (await dealRow(id)).version;
    const { dealId, agreementId } = await winDeal(kam, {
      id,
      version: v2,
      applyToValue: true,
      agreement: terms,
    });
    expect(dealId).toBe(id);

    const deal = await dealRow(id);
    expect(deal).toMatchObject({ status: "WON", stage: "CLOSING", version: v2 + 1 });
    expect(deal.closedAt).toBeInstanceOf(Date);
    expect(await db.cooperationAgreement.findUniqueOrThrow({ where: { id: agreementId } })).toMatchObject({
      ...terms,
      accountId: account.id,
      dealId: id,
      ownerId: kam.id,
      teamId: "team_east",
      renewedFromId: null,
      version: 1,
    });
    expect((await historyOf(id)).at(-1)).toMatchObject({
      fromStage: "CLOSING",
      toStage: "CLOSING",
      fromStatus: "OPEN",
      toStatus: "WON",
      overrideReason: null,
      overriddenGate: [],
    });

    const accountAfter = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(accountAfter).toMatchObject({
      lifecycle: "CUSTOMER",
      purchaseVolume: 1_200_000_000n, // the annualised 12 M yuan, in fen
      version: accountBefore.version + 1,
    });
    expect(accountAfter.compositeScore).toBeGreaterThan(accountBefore.compositeScore);
    expect(await db.lifecycleChange.findMany({ where: { accountId: account.id } })).toMatchObject([
      { from: "PROSPECT", to: "CUSTOMER", reason: prefix, actorId: kam.id, overridden: false },
    ]);
    expect(await db.scoreSnapshot.findMany({ where: { accountId: account.id } })).toMatchObject([
      { cause: "agreement", compositeScore: accountAfter.compositeScore },
    ]);

    expect((await auditRowsFor(id)).at(-1)).toMatchObject({
      action: "deal.won",
      before: { stage: "CLOSING", status: "OPEN", version: v2 },
      after: expect.objectContaining({ status: "WON", version: v2 + 1, agreementId }),
    });
    expect(await actionsFor(agreementId)).toEqual(["agreement.create"]);
    const accountAudit = await auditRowsFor(account.id);
    expect(accountAudit.map((r) => r.action)).toContain("account.dealWon");
    expect(accountAudit.find((r) => r.action === "account.dealWon")).toMatchObject({
      before: expect.objectContaining({ lifecycle: "PROSPECT", purchaseVolume: null }),
      after: expect.objectContaining({
        lifecycle: "CUSTOMER",
        purchaseVolume: "1200000000",
        dealId: id,
        agreementId,
      }),
    });

    // On the board's 赢单 column, on the deal page, and in the account's timeline.
    expect((await listBoardDeals(kam, { q: prefix })).cards).toMatchObject([
      { id, status: "WON", unmet: [] },
    ]);
    expect((await getDealDetail(kam, id)).agreement?.id).toBe(agreementId);
    const timeline = (await accountTimeline(kam, account.id, { take: 100 })).rows.map((r) => r.action);
    expect(timeline).toEqual(expect.arrayContaining(["deal.won", "agreement.create", "account.dealWon"]));
    expect(
      await refused(winDeal(kam, { id, version: v2 + 1, applyToValue: false, agreement: terms })),
    ).toEqual({ code: "VALIDATION", fieldErrors: { _form: ["gate.errors.closed"] } });
  });

  it("a manager may win past the stage-5 gate with a reason; without applyToValue the value inputs stay", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("WinOverride"));
    await move(manager, id, "CLOSING", { overrideReason: "集团统一招标，已中标" });
    const { version } = await dealRow(id);
    const win = (viewer: Viewer, overrideReason?: string) =>
      winDeal(viewer, { id, version, overrideReason, applyToValue: false, agreement: NEXT_TERM });

    expect((await refused(win(kam, "我也想跳过"))).fieldErrors).toEqual({
      _form: ["gate.errors.gateUnmet"],
      _gate: gateItems(...STAGE_5_ITEMS),
    });
    expect((await refused(win(manager))).fieldErrors).toEqual({
      overrideReason: ["gate.errors.overrideReasonRequired"],
      _gate: gateItems(...STAGE_5_ITEMS),
    });
    const reason = "中标通知书已下达，考察安排在签约后";
    const { agreementId } = await win(manager, reason);
    expect(await dealRow(id)).toMatchObject({ status: "WON" });
    expect((await historyOf(id)).at(-1)).toMatchObject({
      toStatus: "WON",
      overrideReason: reason,
      overriddenGate: STAGE_5_ITEMS.map((i) => `CLOSING.${i}`),
      actorId: manager.id,
    });
    expect((await auditRowsFor(id)).at(-1)).toMatchObject({
      action: "deal.moveOverride",
      after: expect.objectContaining({ status: "WON", overrideReason: reason, agreementId }),
    });
    const after = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ lifecycle: "CUSTOMER", purchaseVolume: null });
    expect(await db.scoreSnapshot.count({ where: { accountId: account.id } })).toBe(0);
  });
});

// ── Agreements and renewals ──────────────────────────────────────────────────────────────────────

describe("agreements and renewals", () => {
  it("lists agreements ending within the window (today and the last day included), soonest first", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const [ended, today, soon, lastDay, later] = await Promise.all(
      [-1, 0, 30, 60, 61].map((days) => agreementFixture(account.id, kam.id, days)),
    );
    const { rows, windowDays } = await listRenewals(kam);
    expect(windowDays).toBe(60);
    const mine = rows.filter((r) => r.accountId === account.id).map((r) => r.id);
    expect(mine).toEqual([today!.id, soon!.id, lastDay!.id]);
    expect(mine).not.toContain(ended!.id);
    expect(mine).not.toContain(later!.id);
  });

  it("updates an agreement with a version check, audited", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const a = await agreementFixture(account.id, kam.id, 200);
    const terms = {
      startDate: a.startDate,
      endDate: a.endDate,
      serviceContent: a.serviceContent,
      cooperationMode: a.cooperationMode,
      contractValue: a.contractValue,
    };
    const after = await updateAgreement(kam, { id: a.id, version: 1, ...terms, pricingPolicy: "月度调价" });
    expect(after).toMatchObject({ pricingPolicy: "月度调价", version: 2 });
    expect(
      await outcome(updateAgreement(kam, { id: a.id, version: 1, ...terms, pricingPolicy: "过期的改动" })),
    ).toBe("CONFLICT");
    const rows = await auditRowsFor(a.id);
    expect(rows.map((r) => r.action)).toEqual(["agreement.update"]);
    expect(rows[0]!.before).toMatchObject({ pricingPolicy: "季度调价", version: 1 });
    expect(rows[0]!.after).toMatchObject({ pricingPolicy: "月度调价", version: 2 });
  });

  it("a renewal makes a linked agreement; a second renewal of the same version at the same time gets CONFLICT", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const previous = await agreementFixture(account.id, kam.id, 20);
    const results = await Promise.all([
      outcome(renewAgreement(kam, { id: previous.id, version: 1, ...NEXT_TERM })),
      outcome(
        renewAgreement(manager, { id: previous.id, version: 1, ...NEXT_TERM, pricingPolicy: "另一份" }),
      ),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    const renewals = await db.cooperationAgreement.findMany({ where: { renewedFromId: previous.id } });
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({
      accountId: account.id,
      ownerId: kam.id,
      teamId: "team_east",
      dealId: null,
      startDate: NEXT_TERM.startDate,
      endDate: NEXT_TERM.endDate,
      contractValue: NEXT_TERM.contractValue,
    });
    expect((await db.cooperationAgreement.findUniqueOrThrow({ where: { id: previous.id } })).version).toBe(2);
    const audit = await auditRowsFor(renewals[0]!.id);
    expect(audit.map((r) => r.action)).toEqual(["agreement.renew"]);
    expect(audit[0]!.before).toMatchObject({ id: previous.id, version: 1 });
    expect(audit[0]!.after).toMatchObject({ id: renewals[0]!.id, renewedFromId: previous.id });
  });

  it("a renewed agreement leaves the renewal list and cannot be renewed a second time", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const previous = await agreementFixture(account.id, kam.id, 20);
    await renewAgreement(kam, { id: previous.id, version: 1, ...NEXT_TERM });
    const due = (await listRenewals(kam)).rows.map((r) => r.id);
    // Renewed already: nothing left to do for it on the renewal list.
    expect(due).not.toContain(previous.id);
    // And renewing it again later (with its fresh version) must not make a second next term.
    expect(await outcome(renewAgreement(kam, { id: previous.id, version: 2, ...NEXT_TERM }))).not.toBe("OK");
    expect(await db.cooperationAgreement.count({ where: { renewedFromId: previous.id } })).toBe(1);
  });
});

// ── Team scope ───────────────────────────────────────────────────────────────────────────────────

describe("team scope", () => {
  it("another team's KAM or rep never sees the deal or its agreement, and guessing the id answers NOT_FOUND", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Scope");
    const id = await newDeal(kam, account.id, prefix);
    await move(manager, id, "CLOSING", { overrideReason: "范围测试" });
    const { agreementId } = await winDeal(manager, {
      id,
      version: (await dealRow(id)).version,
      overrideReason: "范围测试",
      applyToValue: false,
      agreement: { ...NEXT_TERM, startDate: dayFromToday(-300), endDate: dayFromToday(30) },
    });
    const open = await newDeal(kam, account.id, `${prefix} open`);

    for (const outsiderId of ["usr_north_kam1", "usr_south_rep2"]) {
      const outsider = await viewerFor(outsiderId);
      expect(await boardIds(outsider, prefix), outsiderId).toEqual([]);
      expect(
        (await listBoardDeals(outsider)).cards.map((c) => c.id),
        outsiderId,
      ).not.toContain(open);
      expect(await outcome(getDealDetail(outsider, open)), outsiderId).toBe("NOT_FOUND");
      expect(
        await outcome(moveDeal(outsider, { id: open, version: 1, to: "LOST", lostReasonId: "lr_price" })),
      ).toBe("NOT_FOUND");
      expect(await outcome(updateStageWork(outsider, { id: open, version: 1, ...TARGET_DONE }))).toBe(
        "NOT_FOUND",
      );
      expect(await outcome(terminateDeal(outsider, { id: open, version: 1, reason: "猜的" }))).toBe(
        "NOT_FOUND",
      );
      expect(await outcome(deleteDeal(outsider, { id: open, version: 1 }))).toBe("NOT_FOUND");
      expect(
        await outcome(winDeal(outsider, { id: open, version: 1, applyToValue: false, agreement: NEXT_TERM })),
      ).toBe("NOT_FOUND");
      expect(await outcome(listAccountDeals(outsider, account.id))).toBe("NOT_FOUND");
      expect((await listAgreements(outsider)).map((a) => a.id)).not.toContain(agreementId);
      expect(await outcome(listAgreements(outsider, { accountId: account.id }))).toBe("NOT_FOUND");
      expect((await listRenewals(outsider)).rows.map((a) => a.id)).not.toContain(agreementId);
      expect(await outcome(renewAgreement(outsider, { id: agreementId, version: 1, ...NEXT_TERM }))).toBe(
        "NOT_FOUND",
      );
      expect((await getPipelineFigures(outsider, { q: prefix })).dealCount).toBe(0);
    }
    expect(await dealRow(open)).toMatchObject({ status: "OPEN", version: 1 });

    // The owner's team sees both; the owner lists the agreement on the account and for renewal.
    expect((await boardIds(kam, prefix)).sort()).toEqual([id, open].sort());
    expect((await listAgreements(kam, { accountId: account.id })).map((a) => a.id)).toEqual([agreementId]);
    expect((await listRenewals(kam)).rows.map((a) => a.id)).toContain(agreementId);
    expect((await listAccountDeals(kam, account.id)).map((d) => d.id).sort()).toEqual([id, open].sort());
    // A rep of the same team reads the deal but may not move a KAM's deal.
    const colleague = await viewerFor("usr_east_rep1");
    expect((await getDealDetail(colleague, open)).canEdit).toBe(false);
    expect(
      await outcome(moveDeal(colleague, { id: open, version: 1, to: "LOST", lostReasonId: "lr_price" })),
    ).toBe("FORBIDDEN");
  });

  it("a manager sees the deals of their team and the teams below it, not a sibling team's; an admin sees all", async () => {
    const east = await viewerFor("usr_east_kam1");
    const north = await viewerFor("usr_north_kam1");
    const prefix = uniquePrefix("Tree");
    const eastDeal = await newDeal(east, (await accountFixture(east.id)).id, `${prefix} east`);
    const northDeal = await newDeal(north, (await accountFixture(north.id)).id, `${prefix} north`);

    const eastManager = await viewerFor("usr_east_manager");
    expect(await boardIds(eastManager, prefix)).toEqual([eastDeal]);
    expect(await outcome(getDealDetail(eastManager, northDeal))).toBe("NOT_FOUND");
    const director = await viewerFor("usr_director"); // manages team_sales, above east, north and south
    expect((await boardIds(director, prefix)).sort()).toEqual([eastDeal, northDeal].sort());
    expect((await getDealDetail(director, northDeal)).canEdit).toBe(true);
    const admin = await viewerFor("usr_admin");
    expect((await boardIds(admin, prefix)).sort()).toEqual([eastDeal, northDeal].sort());
    // Filtering by a team narrows an admin's board to that team.
    expect(await boardIds(admin, prefix, { teamId: "team_north" })).toEqual([northDeal]);
  });
});

// ── The board ────────────────────────────────────────────────────────────────────────────────────

describe("the board", () => {
  it("filters by owner, tier, value range, expected close and text, largest first", async () => {
    const kam1 = await viewerFor("usr_east_kam1");
    const kam2 = await viewerFor("usr_east_kam2");
    const manager = await viewerFor("usr_east_manager");
    const prefix = uniquePrefix("Filter");
    const tierA = await accountFixture(kam1.id, `${prefix} 苏州重点客户有限公司`);
    await db.account.update({ where: { id: tierA.id }, data: { tier: "A" } });
    const plain = await accountFixture(kam2.id);
    const big = await newDeal(kam1, tierA.id, `${prefix} big`, {
      expectedValueYuan: 5_000_000,
      expectedCloseDate: new Date(Date.UTC(2027, 2, 31)),
    });
    const mid = await newDeal(kam2, plain.id, `${prefix} mid`, {
      expectedValueYuan: 1_500_000,
      expectedCloseDate: new Date(Date.UTC(2027, 0, 15)),
    });
    const small = await newDeal(kam2, plain.id, `${prefix} small`, { expectedValueYuan: 300_000 });

    const ids = (filters: Parameters<typeof listBoardDeals>[1]) => boardIds(manager, prefix, filters);
    const cards = (await listBoardDeals(manager, { q: prefix })).cards;
    expect(cards.map((c) => c.id)).toEqual([big, mid, small]);
    expect(cards[0]).toMatchObject({
      title: `${prefix} big`,
      accountId: tierA.id,
      accountName: `${prefix} 苏州重点客户有限公司`,
      tier: "A",
      expectedValue: 5_000_000,
      ownerId: kam1.id,
      ownerName: "王伟",
      teamId: "team_east",
      stage: "TARGET",
      status: "OPEN",
      closedAt: null,
      closeProbability: null,
      expectedCloseDate: new Date(Date.UTC(2027, 2, 31)),
      version: 1,
    });
    expect(await ids({ ownerId: kam2.id })).toEqual([mid, small]);
    expect(await ids({ tier: ["A"] })).toEqual([big]);
    expect(await ids({ tier: ["B", "C"] })).toEqual([mid, small]);
    expect(await ids({ valueMin: 1_500_000 })).toEqual([big, mid]);
    expect(await ids({ valueMax: 1_500_000 })).toEqual([mid, small]);
    expect(await ids({ valueMin: 400_000, valueMax: 4_999_999.99 })).toEqual([mid]);
    expect(await ids({ closeFrom: "2027-01-15", closeTo: "2027-03-30" })).toEqual([mid]);
    expect(await ids({ closeFrom: "2027-01-16" })).toEqual([big]);
    expect(await ids({ closeTo: "2027-03-31" })).toEqual([big, mid]);
    // Text matches the title or the account's name; % and _ are taken literally.
    expect(await boardIds(manager, "苏州重点客户")).toContain(big);
    expect(await boardIds(manager, `${prefix} small`)).toEqual([small]);
    expect(await boardIds(manager, `${prefix}%small`)).toEqual([]);
  });

  it("shows deals won or lost in the last 90 days, not older ones", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Closed");
    const lostRecently = await newDeal(kam, account.id, `${prefix} recent`, { expectedValueYuan: 3 });
    const lostLongAgo = await newDeal(kam, account.id, `${prefix} old`, { expectedValueYuan: 2 });
    const openOld = await newDeal(kam, account.id, `${prefix} open`, { expectedValueYuan: 1 });
    for (const id of [lostRecently, lostLongAgo]) {
      await moveDeal(kam, { id, version: 1, to: "LOST", lostReasonId: "lr_budget" });
    }
    const now = new Date();
    await db.deal.update({
      where: { id: lostRecently },
      data: { closedAt: new Date(now.getTime() - 89 * DAY) },
    });
    await db.deal.update({
      where: { id: lostLongAgo },
      data: { closedAt: new Date(now.getTime() - 91 * DAY) },
    });
    // An open deal stays however long it has sat in its stage.
    await db.deal.update({
      where: { id: openOld },
      data: { stageEnteredAt: new Date(now.getTime() - 400 * DAY) },
    });
    const board = await listBoardDeals(kam, { q: prefix }, {}, now);
    expect(board.closedSince.getTime()).toBe(now.getTime() - 90 * DAY);
    expect(board.cards.map((c) => c.id)).toEqual([lostRecently, openOld]);
  });

  it("the list view sorts by every column and pages on the server, closed deals last where a figure is open-only", async () => {
    const kam1 = await viewerFor("usr_east_kam1");
    const kam2 = await viewerFor("usr_east_kam2");
    const manager = await viewerFor("usr_east_manager");
    const prefix = uniquePrefix("List");
    const accountA = await accountFixture(kam1.id, `${prefix} Alpha Ltd`);
    const accountB = await accountFixture(kam2.id, `${prefix} Beta Ltd`);
    await db.account.update({ where: { id: accountA.id }, data: { tier: "A" } });
    const now = new Date();
    const spec = [
      { who: kam1, account: accountA, name: "delta", value: 500_000, close: "2027-05-01", enteredDaysAgo: 3 },
      { who: kam1, account: accountA, name: "alpha", value: 900_000, close: null, enteredDaysAgo: 40 },
      { who: kam2, account: accountB, name: "echo", value: 300_000, close: "2027-02-01", enteredDaysAgo: 10 },
      { who: kam2, account: accountB, name: "bravo", value: 300_000, close: "2027-03-01", enteredDaysAgo: 1 },
      { who: kam2, account: accountB, name: "charlie", value: 700_000, close: null, enteredDaysAgo: 20 },
      {
        who: kam1,
        account: accountA,
        name: "foxtrot",
        value: 100_000,
        close: "2026-12-24",
        enteredDaysAgo: 5,
      },
      { who: kam1, account: accountA, name: "golf", value: 800_000, close: "2027-01-10", enteredDaysAgo: 2 },
    ];
    const ids: string[] = [];
    for (const d of spec) {
      ids.push(
        await newDeal(d.who, d.account.id, `${prefix} ${d.name}`, {
          expectedValueYuan: d.value,
          expectedCloseDate: d.close ? new Date(`${d.close}T00:00:00Z`) : null,
        }),
      );
    }
    for (const [i, d] of spec.entries()) {
      await db.deal.update({
        where: { id: ids[i] },
        data: { stageEnteredAt: new Date(now.getTime() - d.enteredDaysAgo * DAY) },
      });
    }
    await db.deal.update({ where: { id: ids[1] }, data: { stage: "VALUE", closeProbability: 10 } });
    await db.deal.update({ where: { id: ids[4] }, data: { stage: "CLOSING" } });
    await db.deal.update({
      where: { id: ids[6] },
      data: { status: "WON", closedAt: new Date(now.getTime() - DAY) },
    });

    const filters = { q: prefix };
    const every = (await listBoardDeals(manager, filters, {}, now)).cards;
    expect(every).toHaveLength(7);
    type Card = (typeof every)[number];
    const open = (c: Card) => c.status === "OPEN";
    const sortValue: { [K in DealListSort]: (c: Card) => string | number | null } = {
      title: (c) => c.title,
      account: (c) => c.accountName,
      tier: (c) => c.tier,
      stage: (c) => BOARD_COLUMNS.indexOf(open(c) ? c.stage : (c.status as "WON" | "LOST")),
      value: (c) => c.expectedValue,
      weighted: (c) => (open(c) ? weightedValue(c) : null),
      owner: (c) => c.ownerName,
      days: (c) => (open(c) ? now.getTime() - c.stageEnteredAt.getTime() : null),
      close: (c) => c.expectedCloseDate?.getTime() ?? null,
    };
    /** The order the list promises: the key (missing ones last), then largest value, then id. */
    const expected = (sort: DealListSort, dir: "asc" | "desc") =>
      [...every]
        .sort((a, b) => {
          const x = sortValue[sort](a);
          const y = sortValue[sort](b);
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return (x < y ? -1 : 1) * (dir === "asc" ? 1 : -1);
          }
          return b.expectedValue - a.expectedValue || (a.id < b.id ? -1 : 1);
        })
        .map((c) => c.id);
    for (const sort of Object.keys(DEAL_LIST_SORTS) as DealListSort[]) {
      for (const dir of ["asc", "desc"] as const) {
        const page = await listBoardDeals(manager, filters, { sort, dir }, now);
        expect(
          page.cards.map((c) => c.id),
          `${sort} ${dir}`,
        ).toEqual(expected(sort, dir));
      }
    }
    // Won deals have no weighted value or days in stage: last in both directions.
    expect((await listBoardDeals(manager, filters, { sort: "days", dir: "asc" }, now)).cards.at(-1)?.id).toBe(
      ids[6],
    );

    // Pages of 3: the second holds the 4th to 6th, each page knows the total, past the end is empty.
    const byTitle = expected("title", "asc");
    const second = await listBoardDeals(
      manager,
      filters,
      { sort: "title", dir: "asc", page: 2, pageSize: 3 },
      now,
    );
    expect(second.cards.map((c) => c.id)).toEqual(byTitle.slice(3, 6));
    expect(second.total).toBe(7);
    expect(second.cards).toEqual(
      every
        .filter((c) => byTitle.slice(3, 6).includes(c.id))
        .sort((a, b) => byTitle.indexOf(a.id) - byTitle.indexOf(b.id)),
    );
    const beyond = await listBoardDeals(manager, filters, { page: 9, pageSize: 3 }, now);
    expect(beyond).toMatchObject({ cards: [], total: 7 });
    // A KAM of another team sees none of them.
    const outsider = await viewerFor("usr_north_kam1");
    expect(await listBoardDeals(outsider, filters, { pageSize: 3 }, now)).toMatchObject({
      cards: [],
      total: 0,
    });
  });

  it("sends a page per column with the totals of all its deals, and the next pages without gaps or repeats", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const outsider = await viewerFor("usr_north_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Pages");
    // 50 deals with repeated values (the order falls back to the id), then some moved on or lost.
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push(
        await newDeal(kam, account.id, `${prefix} ${i}`, { expectedValueYuan: 10_000 * (1 + (i % 6)) }),
      );
    }
    const now = new Date();
    await db.deal.updateMany({
      where: { id: { in: ids.slice(0, 5) } },
      data: { stage: "INFORMATION", closeProbability: 55 },
    });
    await db.deal.updateMany({ where: { id: { in: ids.slice(5, 7) } }, data: { stage: "VALUE" } });
    await db.deal.updateMany({
      where: { id: { in: ids.slice(7, 9) } },
      data: { status: "LOST", closedAt: new Date(now.getTime() - 3 * DAY) },
    });

    const filters = { q: prefix };
    const every = (await listBoardDeals(kam, filters, {}, now)).cards;
    const board = await getBoard(kam, filters, now);
    for (const column of BOARD_COLUMNS) {
      const all = every.filter((c) => (c.status === "OPEN" ? c.stage : c.status) === column);
      const { cards, totals, more } = board.columns[column];
      // The first page is the column's largest deals, card for card what the full list holds.
      expect(cards).toEqual(all.slice(0, BOARD_FIRST_PAGE));
      const expected = columnTotals(all);
      expect(totals.count).toBe(expected.count);
      expect(totals.value).toBeCloseTo(expected.value, 2);
      expect(totals.weighted).toBeCloseTo(expected.weighted, 2);
      expect(more).toBe(all.length > BOARD_FIRST_PAGE);
    }
    expect(board.columns.TARGET.totals.count).toBe(41);
    expect(board.columns.INFORMATION.totals).toMatchObject({ count: 5 });
    // 信息收集 deals carry their own probability (55%); the others use the stage's default.
    expect(board.columns.INFORMATION.totals.weighted).toBeCloseTo(
      every.filter((c) => c.stage === "INFORMATION").reduce((t, c) => t + c.expectedValue * 0.55, 0),
      2,
    );
    expect(board.columns.LOST.totals.count).toBe(2);
    expect(board.columns.WON.totals).toEqual({ count: 0, value: 0, weighted: 0 });

    // Scrolling 确定开发对象 to its end: 12 + 24 + 5 = 41, in the board's order, each deal once.
    const target = every.filter((c) => c.status === "OPEN" && c.stage === "TARGET");
    const seen = board.columns.TARGET.cards.map((c) => c.id);
    let last = board.columns.TARGET.cards.at(-1)!;
    let pages = 0;
    for (let more = true; more; pages++) {
      const page = await getBoardColumnPage(
        kam,
        { filters, column: "TARGET", after: { value: last.expectedValue, id: last.id } },
        now,
      );
      expect(page.cards.length).toBeLessThanOrEqual(BOARD_NEXT_PAGE);
      seen.push(...page.cards.map((c) => c.id));
      last = page.cards.at(-1) ?? last;
      more = page.more;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(target.map((c) => c.id));

    // A closed column pages too; another team's KAM gets nothing of these deals.
    const lost = board.columns.LOST.cards;
    const lostPage = await getBoardColumnPage(
      kam,
      { filters, column: "LOST", after: { value: lost[0]!.expectedValue, id: lost[0]!.id } },
      now,
    );
    expect(lostPage).toEqual({ cards: [lost[1]], more: false });
    const theirs = await getBoard(outsider, filters, now);
    expect(BOARD_COLUMNS.map((c) => theirs.columns[c].totals.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const theirPage = await getBoardColumnPage(
      outsider,
      { filters, column: "TARGET", after: { value: 1e9, id: "" } },
      now,
    );
    expect(theirPage).toEqual({ cards: [], more: false });
  });
});

// ── Concurrency ──────────────────────────────────────────────────────────────────────────────────

describe("concurrent changes", () => {
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

  it("a stale version on a deal's details or stage work is refused, changing nothing", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Stale"));
    const details = { title: "新标题", expectedValue: 123_400n, expectedCloseDate: null, products: null };
    await updateDeal(kam, { id, version: 1, ...details });
    expect(await outcome(updateDeal(kam, { id, version: 1, ...details, title: "过期标题" }))).toBe(
      "CONFLICT",
    );
    expect(await outcome(updateStageWork(kam, { id, version: 1, ...TARGET_DONE }))).toBe("CONFLICT");
    expect(await outcome(moveDeal(kam, { id, version: 1, to: "LOST", lostReasonId: "lr_price" }))).toBe(
      "CONFLICT",
    );
    expect(await dealRow(id)).toMatchObject({
      title: "新标题",
      version: 2,
      opportunity: "UNKNOWN",
      status: "OPEN",
    });
    expect(await actionsFor(id)).toEqual(["deal.create", "deal.update"]);
  });
});

// ── Audit ────────────────────────────────────────────────────────────────────────────────────────

describe("audit trail", () => {
  it("create, update, stage work, delete and restore each write their row with before and after", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const rep = await viewerFor("usr_east_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Audit");
    const id = await newDeal(kam, account.id, prefix, { expectedValueYuan: 800_000 });
    await updateDeal(kam, {
      id,
      version: 1,
      title: `${prefix} renamed`,
      expectedValue: 90_000_000n,
      expectedCloseDate: new Date(Date.UTC(2027, 5, 30)),
      products: "压铸件",
    });
    await updateStageWork(kam, { id, version: 2, ...TARGET_DONE });
    await updateStageWork(kam, { id, version: 3, ...CLOSING_DONE });
    // A rep of the team may not delete a KAM's deal, nor may the KAM restore it (managers restore).
    expect(await outcome(deleteDeal(rep, { id, version: 4 }))).toBe("FORBIDDEN");
    await deleteDeal(kam, { id, version: 4 });
    expect(await boardIds(kam, prefix)).toEqual([]);
    expect(await outcome(getDealDetail(kam, id))).toBe("NOT_FOUND");
    expect(await outcome(moveDeal(kam, { id, version: 5, to: "INFORMATION" }))).toBe("NOT_FOUND");
    expect((await listDeletedDeals(manager)).map((d) => d.id)).toContain(id);
    expect(await outcome(restoreDeal(kam, { id, version: 5 }))).toBe("FORBIDDEN");
    await restoreDeal(manager, { id, version: 5 });
    expect(await boardIds(kam, prefix)).toEqual([id]);

    const rows = await auditRowsFor(id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["deal.create", kam.id],
      ["deal.update", kam.id],
      ["deal.work.target", kam.id],
      ["deal.work.closing", kam.id],
      ["deal.delete", kam.id],
      ["deal.restore", manager.id],
    ]);
    expect(rows.every((r) => r.entity === "Deal")).toBe(true);
    const [create, update, target, closing, del, restore] = rows;
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({
      title: prefix,
      expectedValue: "80000000",
      stage: "TARGET",
      version: 1,
    });
    expect(update!.before).toMatchObject({ title: prefix, expectedValue: "80000000", version: 1 });
    expect(update!.after).toMatchObject({
      title: `${prefix} renamed`,
      expectedValue: "90000000",
      products: "压铸件",
      version: 2,
    });
    expect(target!.before).toMatchObject({ opportunity: "UNKNOWN", version: 2 });
    expect(target!.after).toMatchObject({ opportunity: "YES", needUrgency: 4, version: 3 });
    expect(closing!.before).toMatchObject({ seniorMeetingHeld: false, version: 3 });
    expect(closing!.after).toMatchObject({ seniorMeetingHeld: true, siteAuditDone: true, version: 4 });
    expect(del!.before).toMatchObject({ deletedAt: null, version: 4 });
    expect(del!.after).toMatchObject({ deletedAt: expect.any(String), version: 5 });
    expect(restore!.before).toMatchObject({ deletedAt: expect.any(String), version: 5 });
    expect(restore!.after).toMatchObject({ deletedAt: null, version: 6 });
  });

  it("pipeline settings are the admin's, versioned and audited", async () => {
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const before = await getPipelineSettings();
    expect(
      await outcome(
        updatePipelineSettings(manager, { ...DEFAULT_PIPELINE_SETTINGS, version: before.version }),
      ),
    ).toBe("FORBIDDEN");
    const saved = await updatePipelineSettings(admin, {
      staleDays: 21,
      minDecisionMakerStrength: 4,
      renewalWindowDays: 45,
      version: before.version,
    });
    try {
      expect(saved).toMatchObject({ staleDays: 21, renewalWindowDays: 45, version: before.version + 1 });
      expect(await getPipelineSettings()).toMatchObject({ staleDays: 21, renewalWindowDays: 45 });
      expect((await listRenewals(admin)).windowDays).toBe(45);
      expect(
        await outcome(
          updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, version: before.version }),
        ),
      ).toBe("CONFLICT");
      const last = await db.auditLog.findFirstOrThrow({
        where: { entity: "PipelineSettings" },
        orderBy: { createdAt: "desc" },
      });
      expect(last).toMatchObject({ action: "pipeline.settings", entityId: "default", actorId: admin.id });
      expect(last.before).toMatchObject({ staleDays: 30, renewalWindowDays: 60 });
      expect(last.after).toMatchObject({ staleDays: 21, renewalWindowDays: 45, version: before.version + 1 });
    } finally {
      await updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, version: saved.version });
    }
    expect(await getPipelineSettings()).toMatchObject(DEFAULT_PIPELINE_SETTINGS);
  });

  it("two admins saving the settings for the first time at once: the second gets CONFLICT, not a database error", async () => {
    const admin = await viewerFor("usr_admin");
    const kept = await getPipelineSettings();
    // No settings row yet, as on a database that was never seeded: both forms show the defaults at version 0.
    await db.pipelineSettings.deleteMany();
    try {
      const results = await Promise.all(
        [25, 35].map((staleDays) =>
          updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, staleDays, version: 0 }).then(
            () => "OK",
            (e: unknown) => (e instanceof AppError ? e.code : String((e as { code?: string }).code ?? e)),
          ),
        ),
      );
      expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    } finally {
      const { staleDays, minDecisionMakerStrength, renewalWindowDays } = kept;
      const values = { staleDays, minDecisionMakerStrength, renewalWindowDays };
      await db.pipelineSettings.upsert({
        where: { id: "default" },
        create: { id: "default", ...values },
        update: values,
      });
    }
  });

  it("lost reasons are the admin's: create, update, delete and restore, each audited", async () => {
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const code = `TEST_${Date.now().toString(36).toUpperCase()}`;
    const input = { code, name: "客户被收购", nameEn: "Customer acquired", sortOrder: 80 };
    expect(await outcome(createLostReason(manager, input))).toBe("FORBIDDEN");
    const created = await createLostReason(admin, input);
    expect(created).toMatchObject({ ...input, version: 1, deletedAt: null });
    expect(await refused(createLostReason(admin, { ...input, name: "重复" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { code: ["validation.codeTaken"] },
    });
    expect(await outcome(updateLostReason(manager, { ...input, id: created.id, version: 1 }))).toBe(
      "FORBIDDEN",
    );
    const updated = await updateLostReason(admin, {
      ...input,
      name: "客户被并购",
      id: created.id,
      version: 1,
    });
    expect(updated).toMatchObject({ name: "客户被并购", version: 2 });
    expect(await outcome(updateLostReason(admin, { ...input, id: created.id, version: 1 }))).toBe("CONFLICT");
    expect(await outcome(setLostReasonDeleted(manager, { id: created.id, version: 2 }, true))).toBe(
      "FORBIDDEN",
    );
    await setLostReasonDeleted(admin, { id: created.id, version: 2 }, true);
    expect((await listLostReasons()).map((r) => r.id)).not.toContain(created.id);
    expect((await listLostReasons({ deleted: true })).map((r) => r.id)).toContain(created.id);
    await setLostReasonDeleted(admin, { id: created.id, version: 3 }, false);
    expect((await listLostReasons()).map((r) => r.id)).toContain(created.id);

    const rows = await auditRowsFor(created.id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["lostReason.create", admin.id],
      ["lostReason.update", admin.id],
      ["lostReason.delete", admin.id],
      ["lostReason.restore", admin.id],
    ]);
    expect(rows[0]!.after).toMatchObject({ code, name: "客户被收购" });
    expect(rows[1]!.before).toMatchObject({ name: "客户被收购", version: 1 });
    expect(rows[1]!.after).toMatchObject({ name: "客户被并购", version: 2 });
    expect(rows[2]!.before).toMatchObject({ deletedAt: null });
    expect(rows[2]!.after).toMatchObject({ deletedAt: expect.any(String), version: 3 });
    expect(rows[3]!.after).toMatchObject({ deletedAt: null, version: 4 });
  });

  it("the account's timeline shows its deals' stage changes", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Timeline"));
    await work(kam, id, TARGET_DONE);
    await move(kam, id, "INFORMATION");
    const { rows } = await accountTimeline(kam, account.id);
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.actor?.id])).toEqual([
      ["deal.move", "Deal", id, kam.id],
      ["deal.work.target", "Deal", id, kam.id],
      ["deal.create", "Deal", id, kam.id],
    ]);
    expect(rows[0]!.after).toMatchObject({ stage: "INFORMATION", accountId: account.id });
  });
});

// ── Hand-over ────────────────────────────────────────────────────────────────────────────────────

describe("hand-over on deactivation", () => {
  it("moves the leaver's deals and agreements to the colleague and their team, one audit row each", async () => {
    const admin = await viewerFor("usr_admin");
    const leaver = await createUser(admin, {
      name: "离职 KAM",
      email: `leaver.${Date.now().toString(36)}@keystone.demo`,
      role: "KAM",
      teamId: "team_east",
      locale: "zh-CN",
      password: "Leaving-Soon-2026",
    });
    const asLeaver = await viewerFor(leaver.id);
    const account = await accountFixture(leaver.id);
    const prefix = uniquePrefix("Handover");
    const dealId = await newDeal(asLeaver, account.id, prefix);
    const agreement = await agreementFixture(account.id, leaver.id, 100);

    const { moved } = await deactivateUser(admin, {
      id: leaver.id,
      version: leaver.version,
      reassignToId: "usr_north_kam1",
    });
    expect(moved).toBe(3); // the account, the deal and the agreement
    expect(await dealRow(dealId)).toMatchObject({
      ownerId: "usr_north_kam1",
      teamId: "team_north",
      version: 2,
    });
    expect(await db.cooperationAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).toMatchObject({
      ownerId: "usr_north_kam1",
      teamId: "team_north",
      version: 2,
    });
    const dealAudit = await auditRowsFor(dealId);
    expect(dealAudit.map((r) => r.action)).toEqual(["deal.create", "deal.reassign"]);
    expect(dealAudit[1]).toMatchObject({
      actorId: admin.id,
      before: { ownerId: leaver.id, teamId: "team_east", version: 1 },
      after: { ownerId: "usr_north_kam1", teamId: "team_north", version: 2 },
    });
    expect(await actionsFor(agreement.id)).toEqual(["agreement.reassign"]);
    // The heir works the deal now; the leaver's old team no longer sees it.
    const heir = await viewerFor("usr_north_kam1");
    expect(await boardIds(heir, prefix)).toEqual([dealId]);
    expect(await move(heir, dealId, "LOST", { lostReasonId: "lr_other" })).toMatchObject({ status: "LOST" });
    expect(await boardIds(await viewerFor("usr_east_kam1"), prefix)).toEqual([]);
  });
});

// ── Figures ──────────────────────────────────────────────────────────────────────────────────────

describe("pipeline figures", () => {
  it("conversion, win rate, days per stage, weighted value and stuck deals over a known set", async () => {
    const kam = await viewerFor("usr_south_kam1");
    const manager = await viewerFor("usr_south_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Figures");
    const deal = (name: string, yuan: number) =>
      newDeal(kam, account.id, `${prefix} ${name}`, { expectedValueYuan: yuan });

    // A: open in stage 1.  B: open in stage 2, stuck there for 40 days after 10 days in stage 1.
    await deal("A", 1_000_000);
    const b = await deal("B", 2_000_000);
    await work(kam, b, TARGET_DONE);
    await move(kam, b, "INFORMATION");
    // C: skipped to stage 3 by a manager, then lost.  D: overridden to stage 5 and won.  E: terminated.
    const c = await deal("C", 4_000_000);
    await move(manager, c, "VALUE", { overrideReason: "样品已在集团层面认可" });
    await move(kam, c, "LOST", { lostReasonId: "lr_quality" });
    const d = await deal("D", 8_000_000);
    await move(manager, d, "CLOSING", { overrideReason: "集团指定供应商" });
    await winDeal(manager, {
      id: d,
      version: (await dealRow(d)).version,
      overrideReason: "集团指定供应商",
      applyToValue: false,
      agreement: NEXT_TERM,
    });
    const e = await deal("E", 16_000_000);
    await terminateDeal(kam, { id: e, version: 1, reason: "无采购需求" });

    const now = new Date();
    const [created, moved] = await historyOf(b);
    await db.dealStageChange.update({
      where: { id: created!.id },
      data: { createdAt: new Date(now.getTime() - 50 * DAY) },
    });
    const enteredB = new Date(now.getTime() - 40 * DAY);
    await db.dealStageChange.update({ where: { id: moved!.id }, data: { createdAt: enteredB } });
    await db.deal.update({ where: { id: b }, data: { stageEnteredAt: enteredB } });

    const { figures, dealCount } = await getPipelineFigures(kam, { q: prefix }, now);
    expect(dealCount).toBe(5);
    expect(figures.conversion).toEqual([
      // The terminated deal reached stage 1 and went no further: it counts here, not in the win rate.
      { from: "TARGET", to: "INFORMATION", reached: 5, advanced: 3, rate: 3 / 5 },
      { from: "INFORMATION", to: "VALUE", reached: 3, advanced: 2, rate: 2 / 3 },
      { from: "VALUE", to: "RELATIONSHIP", reached: 2, advanced: 1, rate: 1 / 2 },
      { from: "RELATIONSHIP", to: "CLOSING", reached: 1, advanced: 1, rate: 1 },
    ]);
    expect(figures).toMatchObject({
      won: 1,
      lost: 1,
      winRate: 0.5, // the terminated deal is not a loss
      openCount: 2,
      openValue: 3_000_000,
      weightedValue: 500_000, // 10% of A and 20% of B: no explicit probability, the stage defaults
      stuck: 1,
    });
    // Completed stays in stage 1: B's 10 days and three same-day exits (A is still there); none in 2 or 4.
    expect(figures.averageDays).toEqual({
      TARGET: 2.5,
      INFORMATION: null,
      VALUE: 0,
      RELATIONSHIP: null,
      CLOSING: 0,
    });
    // The same deals seen by the manager; narrowing to one owner with nothing there gives nothing.
    expect((await getPipelineFigures(manager, { q: prefix }, now)).figures).toEqual(figures);
    expect((await getPipelineFigures(kam, { q: prefix, ownerId: "usr_south_kam2" }, now)).dealCount).toBe(0);
  });
});
