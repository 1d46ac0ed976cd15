// Sales-report import on a real PostgreSQL: all or nothing per file, idempotent, detection finds
// exactly the planted conflicts of a generated file, cases join the open one with the same key,
// the importer's scope decides which distributor codes exist, and rollups equal the lines.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { conflictOpenKey } from "@/lib/domain/channel-conflict-keys";
import { seededRandom } from "@/lib/domain/random";
import { runChannelImport } from "@/lib/data/channel-sales/import";
import { previewChannelImport } from "@/lib/data/channel-sales/preview";
import { batchProgress } from "@/lib/data/channel-sales/batches";
import { distributorInventory } from "@/lib/data/channel-sales/inventory";
import { outcome, viewerFor } from "../helpers";
import { creditCodeRow } from "../../factories/channel";
import {
  csvBytes,
  SELL_IN_HEADER,
  SELL_OUT_HEADER,
  salesFixture,
  sumsFor,
  type SalesFixture,
} from "./support";

let channel: Viewer, northChannel: Viewer, kam: Viewer;
let f: SalesFixture;
const today = chinaDate(new Date());

beforeAll(async () => {
  [channel, northChannel, kam] = await Promise.all([
    viewerFor("usr_east_channel"),
    viewerFor("usr_north_channel"),
    viewerFor("usr_east_kam1"),
  ]);
  f = await salesFixture();
});

type Planted = "CROSS_TERRITORY" | "BELOW_FLOOR_PRICE" | "CUSTOMER_OVERLAP";

/** ~300 sell-out lines with known planted conflicts and look-alikes that must not fire. */
function generatedFile(seed: number, tag: string) {
  const r = seededRandom(seed);
  const rows: (string | number)[][] = [];
  const expected = new Set<string>();
  const sale = (o: {
    dist?: string;
    doc?: string | null;
    customer?: string;
    code?: string;
    region?: string;
    product?: string;
    price?: string;
  }) => {
    const doc = o.doc === undefined ? `${tag}-${rows.length + 1}` : o.doc;
    rows.push([
      o.dist ?? f.seller.code,
      doc ?? "",
      doc ? 1 : "",
      addDays(today, -r.int(1, 200)),
      o.customer ?? `终端${r.int(1, 40)}号机械${f.s}有限公司`,
      o.code ?? "",
      o.region ?? f.cityB.name,
      o.product ?? f.product.code,
      r.int(1, 20),
      o.price ?? String(r.int(80, 130)),
    ]);
    return doc;
  };
  const plant = (kind: Planted, o: Parameters<typeof sale>[0]) => expected.add(`d:${sale(o)}#1|${kind}`);
  for (let i = 0; i < 290; i++) {
    const pick = r.int(0, 99);
    if (pick < 2) plant("CROSS_TERRITORY", { region: f.cityA.name });
    else if (pick < 4) plant("BELOW_FLOOR_PRICE", { price: "79.99" });
    else if (pick < 5)
      plant("CUSTOMER_OVERLAP", { customer: "另一个名字有限公司", code: f.keyAccount.creditCode! });
    else if (pick < 6) plant("CUSTOMER_OVERLAP", { customer: f.keyAccount.name });
    // Look-alikes: no floor on this product; unknown region; same name but another company's code;
    // the exclusive distributor in its own city; exactly the floor price.
    else if (pick < 10) sale({ product: f.cheap.code, price: "1" });
    else if (pick < 12) sale({ region: "火星" });
    else if (pick < 13) sale({ customer: f.keyAccount.name, code: creditCodeRow() });
    else if (pick < 16) sale({ dist: f.exclusive.code, region: f.cityA.name });
    else if (pick < 18) sale({ price: "80" });
    else sale({ doc: r.int(0, 1) ? null : undefined });
  }
  return { bytes: csvBytes(SELL_OUT_HEADER, rows), expected, rows };
}

async function evidenceOf(distributorIds: string[]) {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT l."lineKey" || '|' || c.kind AS key FROM "ChannelConflictEvidence" e
    JOIN "SellOutLine" l ON l.id = e."sellOutLineId" JOIN "ChannelConflict" c ON c.id = e."conflictId"
    WHERE l."distributorId" = ANY(${distributorIds})`;
  return new Set(rows.map((r) => r.key));
}

describe("sales-report import", () => {
  it("detects exactly the planted conflicts, opens one case per key, and is idempotent", async () => {
    const file = generatedFile(7, `GEN${f.s}`);
    expect(file.expected.size).toBeGreaterThan(5);
    const preview = await previewChannelImport(channel, { kind: "SELL_OUT", bytes: file.bytes });
    if (!preview.ok) throw new Error(preview.problem);
    expect(preview.rejected).toBe(0);
    const previewed = Object.values(preview.detectionTotals).reduce((a, b) => a + b, 0);
    expect(previewed).toBe(file.expected.size);
    expect(await db.sellOutLine.count({ where: { distributorId: f.seller.id } })).toBe(0);

    const result = await runChannelImport(channel, {
      kind: "SELL_OUT",
      fileName: "generated.csv",
      bytes: file.bytes,
      batchId: preview.batch,
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.created).toBe(file.rows.length);
    expect(await evidenceOf([f.seller.id, f.exclusive.id])).toEqual(file.expected);

    const cases = await db.channelConflict.findMany({
      where: { distributorId: { in: [f.seller.id, f.exclusive.id] } },
    });
    const keys = new Set(cases.map((c) => c.openKey));
    expect(keys).toEqual(
      new Set([
        conflictOpenKey("CROSS_TERRITORY", f.seller.id, f.cityA.id),
        conflictOpenKey("BELOW_FLOOR_PRICE", f.seller.id, f.product.id),
        conflictOpenKey("CUSTOMER_OVERLAP", f.seller.id, f.keyAccount.id),
      ]),
    );
    expect(result.opened.map((o) => o.number).sort()).toEqual(cases.map((c) => c.number).sort());
    const cross = cases.find((c) => c.kind === "CROSS_TERRITORY")!;
    expect(cross).toMatchObject({
      status: "NEGOTIATION",
      affectedDistributorId: f.exclusive.id,
      ownerId: "usr_east_channel",
    });
    expect(cases.reduce((a, c) => a + c.evidenceCount, 0)).toBe(file.expected.size);
    const notices = await db.notification.findMany({
      where: { kind: "channelConflict.opened", entityId: { in: cases.map((c) => c.id) } },
    });
    expect(notices).toHaveLength(3);
    expect(notices.every((n) => n.userId === "usr_east_channel")).toBe(true);

    const batch = await db.channelImportBatch.findUniqueOrThrow({ where: { id: preview.batch } });
    expect(batch).toMatchObject({ status: "DONE", total: file.rows.length, processed: file.rows.length });
    expect(await batchProgress(channel, preview.batch)).toMatchObject({
      status: "DONE",
      processed: file.rows.length,
    });
    expect(await outcome(batchProgress(northChannel, preview.batch))).toBe("NOT_FOUND");

    // The same confirm again answers the first; the same file in a new import creates nothing.
    const again = await runChannelImport(channel, {
      kind: "SELL_OUT",
      fileName: "g.csv",
      bytes: file.bytes,
      batchId: preview.batch,
    });
    expect(again).toMatchObject({
      ok: true,
      alreadyConfirmedAt: expect.any(String),
      created: file.rows.length,
    });
    const fresh = await runChannelImport(channel, { kind: "SELL_OUT", fileName: "g.csv", bytes: file.bytes });
    expect(fresh).toMatchObject({ ok: true, created: 0, unchanged: file.rows.length, opened: [] });
    expect(
      await db.sellOutLine.count({ where: { distributorId: { in: [f.seller.id, f.exclusive.id] } } }),
    ).toBe(file.rows.length);
    expect(await evidenceOf([f.seller.id, f.exclusive.id])).toEqual(file.expected);

    const { lines, rollups } = await sumsFor([f.seller.id, f.exclusive.id]);
    expect(rollups).toEqual(lines);
  });

  it("joins the open case with the same key instead of opening another", async () => {
    const before = await db.channelConflict.findUniqueOrThrow({
      where: { openKey: conflictOpenKey("CROSS_TERRITORY", f.seller.id, f.cityA.id) },
    });
    const bytes = csvBytes(SELL_OUT_HEADER, [
      [
        f.seller.code,
        `JOIN-${f.s}`,
        1,
        today,
        "某终端客户有限公司",
        "",
        f.cityA.nameEn,
        f.product.code,
        2,
        "100",
      ],
    ]);
    const result = await runChannelImport(channel, { kind: "SELL_OUT", fileName: "join.csv", bytes });
    expect(result).toMatchObject({ ok: true, created: 1, opened: [] });
    const after = await db.channelConflict.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.evidenceCount).toBe(before.evidenceCount + 1);
    expect(after.evidenceAmount).toBe(before.evidenceAmount + 200_00n);
    expect(await db.channelConflictEvent.count({ where: { conflictId: before.id, kind: "EVIDENCE" } })).toBe(
      2,
    );
  });

  it("writes nothing when one row is bad, and reports the row", async () => {
    const count = await db.sellInLine.count({ where: { distributorId: f.seller.id } });
    const bytes = csvBytes(SELL_IN_HEADER, [
      [f.seller.code, `IN-${f.s}`, 1, today, f.product.code, 10, "70", "700"],
      [f.seller.code, `IN-${f.s}`, 2, "2026-02-30", f.product.code, "0x10", "=1+1", "1"],
      [f.seller.code, `IN-${f.s}`, 3, today, f.product.code, 5, "70", ""],
    ]);
    const result = await runChannelImport(channel, { kind: "SELL_IN", fileName: "bad.csv", bytes });
    expect(result).toMatchObject({ ok: false, problem: "rowsRejected", rejected: 1, total: 3 });
    if (result.ok || result.problem !== "rowsRejected" || !("rows" in result))
      throw new Error("expected a row report");
    expect(result.rows[0]!.row).toBe(3);
    expect(result.rows[0]!.problems.map((p) => p.key).sort()).toEqual(["amount_format", "date", "quantity"]);
    expect(await db.sellInLine.count({ where: { distributorId: f.seller.id } })).toBe(count);

    const good = csvBytes(SELL_IN_HEADER, [
      [f.seller.code, `IN-${f.s}`, 1, today, f.product.code, 10, "70", "700"],
      [f.seller.code, `IN-${f.s}`, 3, today, f.product.code, 5, "70", ""],
    ]);
    expect(
      await runChannelImport(channel, { kind: "SELL_IN", fileName: "in.csv", bytes: good }),
    ).toMatchObject({ ok: true, created: 2 });
    expect(
      await runChannelImport(channel, { kind: "SELL_IN", fileName: "in.csv", bytes: good }),
    ).toMatchObject({ ok: true, created: 0, unchanged: 2 });
    const { lines, rollups } = await sumsFor([f.seller.id]);
    expect(rollups).toEqual(lines);
    const inventory = await distributorInventory(channel, f.seller.id);
    const row = inventory.rows.find((x) => x.productId === f.product.id)!;
    expect(row.stock).toBe(row.sellInQty - row.sellOutQty);
    expect(row.sellInQty).toBe(15n);
  });

  it("answers not found for a distributor outside the importer's scope, and refuses a KAM", async () => {
    const bytes = csvBytes(SELL_OUT_HEADER, [
      [f.seller.code, `N-${f.s}`, 1, today, "客户甲有限公司", "", f.cityB.name, f.product.code, 1, "100"],
    ]);
    const result = await runChannelImport(northChannel, { kind: "SELL_OUT", fileName: "n.csv", bytes });
    expect(result).toMatchObject({ ok: false, problem: "rowsRejected" });
    if (result.ok || !("rows" in result)) throw new Error("expected a row report");
    expect(result.rows[0]!.problems).toEqual([{ field: "distributorCode", key: "distributorNotFound" }]);
    expect(await outcome(runChannelImport(kam, { kind: "SELL_OUT", fileName: "n.csv", bytes }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(distributorInventory(northChannel, f.seller.id))).toBe("NOT_FOUND");
  });

  it("refuses files it cannot read and names missing columns", async () => {
    const missing = csvBytes(["经销商编码", "日期"], [[f.seller.code, today]]);
    expect(
      await runChannelImport(channel, { kind: "SELL_OUT", fileName: "x.csv", bytes: missing }),
    ).toMatchObject({
      ok: false,
      problem: "missingColumns",
    });
    const workbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(
      await runChannelImport(channel, { kind: "SELL_OUT", fileName: "x.xlsx", bytes: workbook }),
    ).toMatchObject({
      ok: false,
      problem: "workbook",
    });
  });

  it("seeded the demo year with its planted conflicts, rollups equal to the lines", async () => {
    const demo = (
      await db.distributor.findMany({ where: { id: { startsWith: "dst_" } }, select: { id: true } })
    ).map((d) => d.id);
    expect(await db.sellInLine.count({ where: { distributorId: { in: demo } } })).toBeGreaterThan(600);
    expect(await db.sellOutLine.count({ where: { distributorId: { in: demo } } })).toBeGreaterThan(1000);
    const { lines, rollups } = await sumsFor(demo);
    expect(rollups).toEqual(lines);
    const kinds = await db.channelConflict.groupBy({
      by: ["kind"],
      where: { distributorId: { in: demo }, detectedAutomatically: true },
      _count: true,
    });
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      "BELOW_FLOOR_PRICE",
      "CROSS_TERRITORY",
      "CUSTOMER_OVERLAP",
    ]);
  });
});
