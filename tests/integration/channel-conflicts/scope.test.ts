// Who sees a case: whoever sees its offending OR its affected distributor. Another region's
// channel manager gets NOT_FOUND for every way in; the affected distributor's channel manager sees
// (and works) a case opened on another region's distributor.
import { beforeAll, describe, expect, it } from "vitest";
import { getConflict } from "@/lib/data/channel-conflicts/detail";
import { listLessons } from "@/lib/data/channel-conflicts/lessons";
import { listConflictQueue } from "@/lib/data/channel-conflicts/queue";
import { loadConflictsSection } from "@/lib/data/channel-conflicts/section";
import {
  addConflictNote,
  escalateConflict,
  openConflict,
  recordCauseAnalysis,
  resolveConflict,
} from "@/lib/data/channel-conflicts/write";
import { outcome } from "../helpers";
import { distributorIn, open, openInput, people, resolveInput, territoryId, versionOf } from "./fixtures";

let p: Awaited<ReturnType<typeof people>>;

beforeAll(async () => {
  p = await people();
});

describe("conflict scope", () => {
  it("answers NOT_FOUND to another region, however it asks", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, { distributorId: d.id, territoryId: await territoryId("320500") });
    const v = await versionOf(c.id);
    expect(await outcome(getConflict(p.northChannel, c.id))).toBe("NOT_FOUND");
    expect(await outcome(escalateConflict(p.northChannel, { id: c.id, version: v, note: "x" }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(recordCauseAnalysis(p.northChannel, { id: c.id, version: v, causeAnalysis: "x" })),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(resolveConflict(p.northChannel, await resolveInput(c.id, { causeAnalysis: "x" }))),
    ).toBe("NOT_FOUND");
    expect(await outcome(addConflictNote(p.northChannel, { id: c.id, note: "x" }))).toBe("NOT_FOUND");
    const queue = await listConflictQueue(p.northChannel, { distributorId: d.id });
    expect(queue.total).toBe(0);
    // Opening a case on a distributor out of scope is refused the same way.
    expect(await outcome(openConflict(p.northChannel, openInput({ distributorId: d.id })))).toBe("NOT_FOUND");
    expect(await outcome(loadConflictsSection(p.northChannel, d.id))).toBe("NOT_FOUND");
    expect(await outcome(getConflict(p.eastManager, c.id))).toBe("OK");
  });

  it("shows the affected distributor's channel manager a case opened on another region's distributor", async () => {
    const north = await distributorIn("north", "110000");
    const c = await open(p.northChannel, {
      distributorId: north.id,
      affectedDistributorId: null,
      territoryId: await territoryId("320100"),
    });
    const seen = await getConflict(p.eastChannel, c.id);
    expect(seen.affected?.id).toBe("dst_003");
    expect(seen.rights.write).toBe(true);
    expect(seen.actions).toContain("escalate");
    const queue = await listConflictQueue(p.eastChannel, { distributorId: north.id });
    expect(queue.rows.map((r) => r.id)).toEqual([c.id]);
    expect(queue.rows[0]!.distributor?.name).toBe(north.name);
    expect((await loadConflictsSection(p.eastChannel, "dst_003")).open.map((r) => r.id)).toContain(c.id);
    expect(await outcome(getConflict(p.southChannel, c.id))).toBe("NOT_FOUND");
    // The affected side's channel manager may take the negotiation step.
    expect(
      await outcome(
        escalateConflict(p.eastChannel, { id: c.id, version: await versionOf(c.id), note: "协商未果" }),
      ),
    ).toBe("OK");
  });

  it("keeps lessons within scope and finds them by their words", async () => {
    const d = await distributorIn("east", "320200");
    const c = await open(p.eastChannel, {
      distributorId: d.id,
      kind: "BELOW_FLOOR_PRICE",
      productId: "prd_plc",
    });
    const word = `限价巡检${d.id.slice(-6)}`;
    await resolveConflict(
      p.eastChannel,
      await resolveInput(c.id, {
        outcome: "WARNING",
        causeAnalysis: "清库存",
        preventionNote: `每月${word}`,
      }),
    );
    expect((await listLessons(p.eastChannel, { q: word })).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await listLessons(p.northChannel, { q: word })).total).toBe(0);
    const section = await loadConflictsSection(p.eastChannel, d.id);
    expect(section.resolvedThisYear.map((r) => [r.id, r.outcome, r.offending])).toEqual([
      [c.id, "WARNING", true],
    ]);
  });

  it("counts cases per step under the queue's filters", async () => {
    const q = await listConflictQueue(p.eastManager, { status: "OPEN", pageSize: 10 });
    expect(q.rows.every((r) => r.status !== "RESOLVED")).toBe(true);
    expect(q.total).toBe(q.counts.NEGOTIATION + q.counts.MEDIATION + q.counts.ARBITRATION);
  });
});
