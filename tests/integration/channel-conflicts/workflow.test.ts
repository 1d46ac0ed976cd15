// The case workflow on PostgreSQL: one step at a time, who may take each step, the outcome rules,
// the open key cleared on resolving (so the same conflict opens a new case), reopening, termination
// of the distributor as an outcome, stale versions and the audit trail.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getConflict } from "@/lib/data/channel-conflicts/detail";
import {
  addConflictNote,
  escalateConflict,
  recordCauseAnalysis,
  reopenConflict,
  resolveConflict,
} from "@/lib/data/channel-conflicts/write";
import { conflictOpenKey } from "@/lib/domain/channel-conflict-keys";
import { AppError } from "@/lib/errors";
import { auditRowsFor, outcome } from "../helpers";
import { distributorIn, open, people, resolveInput, territoryId, versionOf } from "./fixtures";

let p: Awaited<ReturnType<typeof people>>;
let nanjing: string;

beforeAll(async () => {
  p = await people();
  nanjing = await territoryId("320100");
});

const escalate = async (viewer: typeof p.eastChannel, id: string, note = "协商未果") =>
  escalateConflict(viewer, { id, version: await versionOf(id), note });

describe("the case's ladder", () => {
  it("goes negotiation → mediation → arbitration → resolved, each step by the right person", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing });
    const row = await db.channelConflict.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.number).toMatch(/^CC-\d{4}-\d{5}$/);
    expect(row.status).toBe("NEGOTIATION");
    expect(row.openKey).toBe(conflictOpenKey("CROSS_TERRITORY", d.id, nanjing));
    // 南京金陵 holds Nanjing exclusively: it is the affected party.
    expect(row.affectedDistributorId).toBe("dst_003");
    expect(row.ownerId).toBe("usr_east_channel");

    // The channel manager negotiates and hands a failed negotiation to mediation.
    expect(await outcome(escalate(p.eastChannel, c.id))).toBe("OK");
    expect((await db.channelConflict.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("MEDIATION");
    // Mediation decisions are a manager's.
    expect(await outcome(escalate(p.eastChannel, c.id))).toBe("FORBIDDEN");
    expect(
      await outcome(resolveConflict(p.eastChannel, await resolveInput(c.id, { causeAnalysis: "x" }))),
    ).toBe("FORBIDDEN");
    expect(await outcome(escalate(p.eastManager, c.id, "调解失败"))).toBe("OK");
    // Arbitration is the top.
    expect(await outcome(escalate(p.eastManager, c.id))).toBe("CONFLICT");

    // Resolving needs a cause analysis and the outcome's amount.
    const noCause = await resolveConflict(p.eastManager, await resolveInput(c.id)).catch((e) => e);
    expect(noCause).toBeInstanceOf(AppError);
    expect(noCause.code).toBe("VALIDATION");
    expect(Object.keys(noCause.fieldErrors)).toEqual(["causeAnalysis"]);
    await recordCauseAnalysis(p.eastManager, {
      id: c.id,
      version: await versionOf(c.id),
      causeAnalysis: "为冲季度返点跨区出货",
    });
    const noAmount = await resolveConflict(
      p.eastManager,
      await resolveInput(c.id, { outcomeAmount: null }),
    ).catch((e) => e);
    expect(noAmount.fieldErrors).toEqual({
      outcomeAmount: ["channelConflicts.errors.outcomeAmount.required"],
    });
    await resolveConflict(p.eastManager, await resolveInput(c.id, { preventionNote: "跨区出货须提前报备" }));

    const done = await getConflict(p.eastManager, c.id);
    expect(done.status).toBe("RESOLVED");
    expect(done.openKey).toBeNull();
    expect(done.outcome).toBe("REBATE_DEDUCTION");
    expect(done.outcomeAmount).toBe(5_000_00n);
    expect(done.causeAnalysis).toBe("为冲季度返点跨区出货");
    expect(done.resolvedById).toBe(p.eastManager.id);
    expect(done.events.map((e) => e.kind)).toEqual(["OPENED", "STEP", "STEP", "CAUSE", "RESOLVED"]);
    expect(done.actions).toEqual(["reopen"]);

    const actions = (await auditRowsFor(c.id)).map((a) => a.action);
    expect(actions).toEqual([
      "channelConflict.open",
      "channelConflict.escalate",
      "channelConflict.escalate",
      "channelConflict.cause",
      "channelConflict.resolve",
    ]);
    const resolved = (await auditRowsFor(c.id)).at(-1)!;
    expect(resolved.actorId).toBe(p.eastManager.id);
    expect(resolved.before).toMatchObject({ status: "ARBITRATION", openKey: row.openKey });
  });

  it("lets the same conflict open a new case once resolved, and reopens at the step it ended", async () => {
    const d = await distributorIn("east", "320200");
    const first = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing });
    // While it is open, the same conflict cannot open a second case.
    const twice = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing }).catch((e) => e);
    expect(twice.fieldErrors).toEqual({ kind: ["channelConflicts.errors.openCaseExists"] });

    await escalate(p.eastChannel, first.id);
    await resolveConflict(
      p.eastManager,
      await resolveInput(first.id, { causeAnalysis: "误判", outcome: "NO_ACTION", outcomeAmount: null }),
    );
    const second = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing });
    expect(second.number).not.toBe(first.number);
    const key = conflictOpenKey("CROSS_TERRITORY", d.id, nanjing);
    expect((await db.channelConflict.findUniqueOrThrow({ where: { openKey: key } })).id).toBe(second.id);

    // Only a manager reopens; the new case keeps the key.
    const reopen = async (viewer: typeof p.eastChannel) =>
      reopenConflict(viewer, { id: first.id, version: await versionOf(first.id), note: "复核" });
    expect(await outcome(reopen(p.eastChannel))).toBe("FORBIDDEN");
    expect(await reopen(p.eastManager)).toEqual({ id: first.id, status: "MEDIATION" });
    const again = await db.channelConflict.findUniqueOrThrow({ where: { id: first.id } });
    expect(again).toMatchObject({ status: "MEDIATION", openKey: null, outcome: null, resolvedAt: null });

    // Resolving the new case and reopening the old one gives the key back.
    await resolveConflict(
      p.eastChannel,
      await resolveInput(second.id, { causeAnalysis: "确认窜货", outcome: "WARNING" }),
    );
    await resolveConflict(
      p.eastManager,
      await resolveInput(first.id, { outcome: "NO_ACTION", outcomeAmount: null, causeAnalysis: "误判" }),
    );
    await reopen(p.eastManager);
    expect((await db.channelConflict.findUniqueOrThrow({ where: { id: first.id } })).openKey).toBe(key);
  });

  it("lets the channel manager settle in negotiation but not terminate", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, {
      distributorId: d.id,
      kind: "BELOW_FLOOR_PRICE",
      productId: "prd_servo",
    });
    expect(
      await outcome(
        resolveConflict(
          p.eastChannel,
          await resolveInput(c.id, { outcome: "TERMINATION", outcomeAmount: null, causeAnalysis: "低价" }),
        ),
      ),
    ).toBe("FORBIDDEN");
    const noNote = await resolveConflict(
      p.eastChannel,
      await resolveInput(c.id, { outcome: "TERRITORY_CHANGE", outcomeAmount: 1n, causeAnalysis: "低价" }),
    ).catch((e) => e);
    expect(noNote.fieldErrors).toEqual({
      outcomeAmount: ["channelConflicts.errors.outcomeAmount.notAllowed"],
      outcomeNote: ["channelConflicts.errors.outcomeNote.required"],
    });
    await resolveConflict(
      p.eastChannel,
      await resolveInput(c.id, { outcome: "WARNING", causeAnalysis: "低价" }),
    );
    expect((await db.channelConflict.findUniqueOrThrow({ where: { id: c.id } })).resolvedById).toBe(
      p.eastChannel.id,
    );
  });

  it("terminates the offending distributor with a termination outcome, in the same transaction", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing });
    await escalate(p.eastChannel, c.id);
    await resolveConflict(
      p.eastManager,
      await resolveInput(c.id, {
        outcome: "TERMINATION",
        outcomeAmount: null,
        causeAnalysis: "屡次窜货",
        outcomeNote: "终止合作",
      }),
    );
    const after = await db.distributor.findUniqueOrThrow({ where: { id: d.id } });
    expect(after.stage).toBe("TERMINATED");
    const change = await db.distributorStageChange.findFirstOrThrow({
      where: { distributorId: d.id, toStage: "TERMINATED" },
    });
    expect(change).toMatchObject({ fromStage: "SIGNED", actorId: p.eastManager.id });
    expect((await auditRowsFor(d.id)).map((a) => a.action)).toContain("distributor.stage");
  });

  it("rolls the termination back when the case changed meanwhile (stale version)", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing });
    const stale = await resolveInput(c.id, {
      outcome: "TERMINATION",
      outcomeAmount: null,
      causeAnalysis: "屡次窜货",
    });
    await escalate(p.eastChannel, c.id);
    expect(await outcome(resolveConflict(p.eastManager, stale))).toBe("CONFLICT");
    expect((await db.distributor.findUniqueOrThrow({ where: { id: d.id } })).stage).toBe("SIGNED");
    expect(
      await outcome(escalateConflict(p.eastManager, { id: c.id, version: stale.version, note: "x" })),
    ).toBe("CONFLICT");
    expect((await db.channelConflict.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("MEDIATION");
  });

  it("keeps notes on the timeline, audited", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, { distributorId: d.id, territoryId: nanjing });
    await addConflictNote(p.eastChannel, { id: c.id, note: "已电话沟通双方" });
    const detail = await getConflict(p.eastChannel, c.id);
    expect(detail.events.at(-1)).toMatchObject({
      kind: "NOTE",
      note: "已电话沟通双方",
      actorId: p.eastChannel.id,
    });
    expect((await auditRowsFor(c.id)).map((a) => a.action)).toContain("channelConflict.note");
  });
});
