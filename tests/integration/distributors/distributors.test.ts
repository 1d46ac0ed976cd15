// Distributors on PostgreSQL: who sees and edits which distributor (channel managers by their
// territories, managers by team, KAMs read-only), the exclusive-territory rule on signing and on
// coverage edits (and the database index behind it), version conflicts, audit rows, soft delete
// and restore, and the board's lifecycle rule.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { mutate } from "@/lib/data/audit";
import { loadDistributorBoard, moveDistributor } from "@/lib/data/distributors/board";
import { getDistributor } from "@/lib/data/distributors/detail";
import { loadDistributorFor } from "@/lib/data/distributors/scope";
import { listDistributorsPage } from "@/lib/data/distributors/list";
import { loadChannelLayout } from "@/lib/data/distributors/layout";
import { changeDistributorStage } from "@/lib/data/distributors/stage";
import {
  createDistributor,
  deleteDistributor,
  restoreDistributor,
  updateDistributor,
} from "@/lib/data/distributors/write";
import { territorySubtree } from "@/lib/data/territories";
import { AppError } from "@/lib/errors";
import {
  createDistributorSchema,
  distributorListQuerySchema,
  updateDistributorSchema,
} from "@/lib/validation/distributors";
import { auditRowsFor, outcome, viewerFor } from "../helpers";

let eastChannel: Viewer;
let northChannel: Viewer;
let eastManager: Viewer;
let eastKam: Viewer;
let admin: Viewer;
let shanghai: string;
let hangzhou: string;
const EAST = "dst_001"; // 上海申联, signed, exclusive in 上海
const NORTH = "dst_015"; // 北京燕华

const territory = async (code: string) =>
  (await db.territory.findFirstOrThrow({ where: { code }, select: { id: true } })).id;

const form = (over: Record<string, string | string[]> = {}) => ({
  name: "上海测试机电有限公司",
  kind: "DEALER",
  model: "TERMINAL",
  creditCode: "",
  registeredCapital: "500万",
  employees: "35",
  foundedOn: "2015-06-01",
  territoryId: shanghai,
  coverage: [shanghai],
  exclusive: [] as string[],
  ...over,
});

async function create(viewer: Viewer, over: Record<string, string | string[]> = {}) {
  return createDistributor(viewer, createDistributorSchema.parse(form(over)));
}

const versionOf = async (id: string) =>
  (await db.distributor.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

async function sign(viewer: Viewer, id: string) {
  await mutate(viewer, async ({ tx, audit }) =>
    audit(await changeDistributorStage(tx, viewer.id, { distributorId: id, toStage: "SIGNED" })),
  );
}

beforeAll(async () => {
  eastChannel = await viewerFor("usr_east_channel");
  northChannel = await viewerFor("usr_north_channel");
  eastManager = await viewerFor("usr_east_manager");
  eastKam = await viewerFor("usr_east_kam1");
  admin = await viewerFor("usr_admin");
  shanghai = await territory("310000");
  hangzhou = await territory("330100");
});

describe("scope", () => {
  it("lists for a channel manager only distributors homed in their territories' subtree", async () => {
    const east = new Set(await territorySubtree(await territory("CN-EAST")));
    const page = await listDistributorsPage(
      eastChannel,
      distributorListQuerySchema.parse({ pageSize: "100" }),
    );
    expect(page.total).toBeGreaterThan(10);
    const homes = await db.distributor.findMany({
      where: { id: { in: page.rows.map((r) => r.id) } },
      select: { territoryId: true, ownerId: true },
    });
    expect(homes.every((h) => east.has(h.territoryId) || h.ownerId === eastChannel.id)).toBe(true);
    expect(page.rows.some((r) => r.id === NORTH)).toBe(false);
  });

  it("answers not found for another region's distributor, on read and on edit", async () => {
    expect((await getDistributor(eastChannel, EAST)).code).toBe("QD-0001");
    expect(await outcome(getDistributor(eastChannel, NORTH))).toBe("NOT_FOUND");
    const d = await getDistributor(northChannel, NORTH);
    const edit = updateDistributorSchema.parse({
      ...form({ territoryId: d.territoryId, coverage: [] }),
      id: NORTH,
      version: String(d.version),
    });
    expect(await outcome(updateDistributor(eastChannel, edit))).toBe("NOT_FOUND");
    expect(
      await outcome(
        moveDistributor(eastChannel, { id: NORTH, version: d.version, to: "TERMINATED", note: null }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("judges each caller alone when checks of one distributor run at once (one shared read)", async () => {
    // A page's sections check the same distributor together: the read is shared, the verdict not.
    const checks = await Promise.all(
      [eastChannel, northChannel, eastChannel, northChannel].map((v) =>
        outcome(loadDistributorFor(v, EAST, "read")),
      ),
    );
    expect(checks).toEqual(["OK", "NOT_FOUND", "OK", "NOT_FOUND"]);
    const [a, b] = await Promise.all([
      loadDistributorFor(eastChannel, EAST, "read"),
      loadDistributorFor(eastChannel, EAST, "read"),
    ]);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    // Once settled, nothing is kept: a change shows at the next check.
    await db.distributor.update({ where: { id: EAST }, data: { deletedAt: new Date() } });
    expect(await outcome(loadDistributorFor(eastChannel, EAST, "read"))).toBe("NOT_FOUND");
    await db.distributor.update({ where: { id: EAST }, data: { deletedAt: null } });
    expect(await outcome(loadDistributorFor(eastChannel, EAST, "read"))).toBe("OK");
  });

  it("shows a manager their team's distributors, and a KAM reads without editing", async () => {
    expect((await getDistributor(eastManager, EAST)).can.edit).toBe(true);
    expect(await outcome(getDistributor(eastManager, NORTH))).toBe("NOT_FOUND");
    const seen = await getDistributor(eastKam, EAST);
    expect(seen.can.edit).toBe(false);
    const edit = updateDistributorSchema.parse({
      ...form({ coverage: [], name: seen.name }),
      id: EAST,
      version: String(seen.version),
    });
    expect(await outcome(updateDistributor(eastKam, edit))).toBe("FORBIDDEN");
    expect(await outcome(create(eastKam))).toBe("FORBIDDEN");
  });

  it("refuses a channel manager a home territory outside their assignments", async () => {
    const beijing = await territory("110000");
    const e = await create(eastChannel, { territoryId: beijing, coverage: [] }).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).fieldErrors).toEqual({ territoryId: ["distributors.errors.territoryOutOfScope"] });
  });

  it("keeps the board and the layout within scope", async () => {
    const board = await loadDistributorBoard(eastChannel);
    const ids = Object.values(board).flatMap((c) => c.cards.map((x) => x.id));
    expect(ids).toContain(EAST);
    expect(ids).not.toContain(NORTH);
    const layout = await loadChannelLayout(eastChannel);
    expect(layout.some((t) => t.code === "110000")).toBe(false);
    // 宁波 has no signed distributor in the demo data: an uncovered sales territory.
    expect(layout.find((t) => t.code === "330200")).toMatchObject({ uncovered: true });
    expect(layout.find((t) => t.code === "310000")).toMatchObject({ uncovered: false, exclusive: true });
    // A manager's layout holds their teams' territories only (another region is not "uncovered").
    const managers = await loadChannelLayout(eastManager);
    expect(managers.some((t) => t.code === "330200")).toBe(true);
    expect(managers.some((t) => t.code === "110000")).toBe(false);
  });
});

describe("exclusive territories", () => {
  it("refuses signing a distributor exclusive where another signed one holds exclusivity", async () => {
    const { id } = await create(eastChannel, { exclusive: [shanghai] });
    const e = await sign(eastChannel, id).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).fieldErrors).toEqual({ territories: ["validation.exclusiveTerritoryTaken"] });
    // Rolled back: still a prospect, nothing active.
    expect((await db.distributor.findUniqueOrThrow({ where: { id } })).stage).toBe("PROSPECT");
  });

  it("refuses making a signed distributor's territory exclusive when it is taken", async () => {
    const { id } = await create(eastChannel, { coverage: [shanghai, hangzhou] });
    await sign(eastChannel, id);
    const edit = (exclusive: string[]) =>
      versionOf(id).then((v) =>
        updateDistributor(
          eastChannel,
          updateDistributorSchema.parse({
            ...form({ coverage: [shanghai, hangzhou], exclusive }),
            id,
            version: String(v),
          }),
        ),
      );
    const e = await edit([shanghai]).catch((x) => x);
    expect((e as AppError).fieldErrors).toEqual({ territories: ["validation.exclusiveTerritoryTaken"] });
    // 杭州 has its own exclusive distributor (dst_006) too; a non-exclusive edit goes through.
    expect(await outcome(edit([]))).toBe("OK");
  });

  it("is enforced by the database's partial unique index as well", async () => {
    const { id } = await create(eastChannel);
    await expect(
      db.distributorTerritory.updateMany({
        where: { distributorId: id, territoryId: shanghai },
        data: { exclusive: true, active: true },
      }),
    ).rejects.toThrow(/DistributorTerritory_one_active_exclusive|unique/i);
  });
});

describe("versions, audit, delete and restore", () => {
  it("creates with an audit row and a first stage change, and refuses a stale edit", async () => {
    const { id, code } = await create(eastChannel, { name: "审计测试经销商" });
    expect(code).toMatch(/^QD-\d{4,}$/);
    expect((await auditRowsFor(id)).map((a) => a.action)).toEqual(["distributor.create"]);
    const d = await getDistributor(eastChannel, id);
    expect(d.stageChanges.map((s) => s.toStage)).toEqual(["PROSPECT"]);
    expect(d.registeredCapital).toBe(500_0000_00n);
    const edit = (version: number, name: string) =>
      updateDistributor(
        eastChannel,
        updateDistributorSchema.parse({ ...form({ name }), id, version: String(version) }),
      );
    await edit(1, "审计测试经销商（改）");
    expect(await outcome(edit(1, "过期的修改"))).toBe("CONFLICT");
    expect((await db.distributor.findUniqueOrThrow({ where: { id } })).name).toBe("审计测试经销商（改）");
    const rows = await auditRowsFor(id);
    expect(rows.map((a) => a.action)).toEqual(["distributor.create", "distributor.update"]);
    expect(rows[1]!.before).toMatchObject({ name: "审计测试经销商" });
    expect(rows[1]!.after).toMatchObject({ name: "审计测试经销商（改）" });
  });

  it("soft-deletes out of the list and restores (a manager's decision)", async () => {
    const { id } = await create(eastChannel, { name: "删除测试经销商" });
    await deleteDistributor(eastChannel, { id, version: 1 });
    expect(await outcome(getDistributor(eastChannel, id))).toBe("NOT_FOUND");
    const q = distributorListQuerySchema.parse({ q: "删除测试" });
    expect((await listDistributorsPage(eastChannel, q)).total).toBe(0);
    expect(await outcome(restoreDistributor(eastChannel, { id, version: 2 }))).toBe("FORBIDDEN");
    await restoreDistributor(eastManager, { id, version: 2 });
    expect((await listDistributorsPage(eastChannel, q)).total).toBe(1);
    expect((await auditRowsFor(id)).map((a) => a.action)).toEqual([
      "distributor.create",
      "distributor.delete",
      "distributor.restore",
    ]);
  });
});

describe("board moves", () => {
  it("moves along the lifecycle with a note, history and audit; refuses skips and signing", async () => {
    const { id } = await create(eastChannel, { name: "看板测试经销商" });
    const skip = moveDistributor(eastChannel, { id, version: 1, to: "NEGOTIATION", note: null });
    expect(await outcome(skip)).toBe("VALIDATION");
    const card = await moveDistributor(eastChannel, {
      id,
      version: 1,
      from: "PROSPECT",
      to: "EVALUATION",
      note: "资料齐全",
    });
    expect(card).toMatchObject({ stage: "EVALUATION", version: 2, daysInStage: 0 });
    const stale = moveDistributor(eastChannel, { id, version: 1, to: "NEGOTIATION", note: null });
    expect(await outcome(stale)).toBe("CONFLICT");
    const sign = await moveDistributor(eastChannel, { id, version: 2, to: "SIGNED", note: null }).catch(
      (x) => x,
    );
    expect((sign as AppError).fieldErrors).toEqual({ to: ["distributors.moves.refused.signByAgreement"] });
    await moveDistributor(eastChannel, { id, version: 2, to: "TERMINATED", note: "放弃" });
    // Terminated is final for a channel manager; a manager may reopen it.
    expect(await outcome(moveDistributor(eastChannel, { id, version: 3, to: "PROSPECT", note: null }))).toBe(
      "VALIDATION",
    );
    expect(await outcome(moveDistributor(eastManager, { id, version: 3, to: "PROSPECT", note: null }))).toBe(
      "OK",
    );
    const d = await getDistributor(admin, id);
    expect(d.stageChanges.map((s) => s.toStage)).toEqual([
      "PROSPECT",
      "TERMINATED",
      "EVALUATION",
      "PROSPECT",
    ]);
    expect(d.stageChanges.find((s) => s.toStage === "EVALUATION")?.note).toBe("资料齐全");
    expect((await auditRowsFor(id)).filter((a) => a.action === "distributor.stage")).toHaveLength(3);
  });
});
