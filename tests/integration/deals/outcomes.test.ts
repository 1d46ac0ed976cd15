// How a deal ends on PostgreSQL: lost with a reason from the managed list, terminated, won with
// its 合作协议 and the account becoming 成交.
import { describe, expect, it } from "vitest";
import { accountTimeline } from "@/lib/data/contacts";
import { listBoardDeals } from "@/lib/data/deals/board";
import { getDealDetail } from "@/lib/data/deals/detail";
import { createLostReason, setLostReasonDeleted } from "@/lib/data/deals/lost-reasons";
import { moveDeal } from "@/lib/data/deals/moves";
import { terminateDeal, winDeal } from "@/lib/data/deals/outcomes";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import {
  uniquePrefix,
  refused,
  gateUnmet,
  STAGE_5_ITEMS,
  dealRow,
  historyOf,
  actionsFor,
  newDeal,
  work,
  move,
  TARGET_DONE,
  CLOSING_DONE,
  preparedUpToClosing,
  NEXT_TERM,
  boardIds,
} from "./fixtures";
import { accountFixture, auditRowsFor, viewerFor } from "../helpers";

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
      fieldErrors: { _form: ["gate.errors.gateUnmet"] },
      gate: gateUnmet(...STAGE_5_ITEMS),
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

    expect(await refused(win(kam, "我也想跳过"))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["gate.errors.gateUnmet"] },
      gate: gateUnmet(...STAGE_5_ITEMS),
    });
    expect(await refused(win(manager))).toEqual({
      code: "VALIDATION",
      fieldErrors: { overrideReason: ["gate.errors.overrideReasonRequired"] },
      gate: gateUnmet(...STAGE_5_ITEMS),
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
