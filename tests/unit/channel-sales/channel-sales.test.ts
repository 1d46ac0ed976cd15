import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "@/lib/domain/csv";
import { iterateCsv } from "@/lib/domain/csv-stream";
import {
  inventoryByProduct,
  recentMonths,
  stockMonths,
  stockOverHealthy,
} from "@/lib/domain/channel-inventory";
import { regionResolver } from "@/lib/domain/channel-regions";
import {
  mapChannelSalesHeaders,
  missingColumns,
  parseQuantity,
  parseReportDate,
  sellOutLineKey,
  validateChannelRow,
} from "@/lib/domain/channel-sales";

const TODAY = "2026-12-03";
const OUT = [
  "经销商编码",
  "单据号",
  "行号",
  "日期",
  "终端客户",
  "统一社会信用代码",
  "区域",
  "产品编码",
  "数量",
  "单价（元）",
];
const outHeader = mapChannelSalesHeaders(OUT);
const out = (cells: string[]) => validateChannelRow("SELL_OUT", cells, 2, outHeader, TODAY);
const GOOD = [
  "qd-0001",
  "SO-1",
  "2",
  "2026/3/5",
  " 苏州某机械有限公司 ",
  "",
  "苏州市",
  "sv-750",
  "1,200",
  "2,680.5",
];

describe("headers", () => {
  it("reads Chinese, English and alias headers alike", () => {
    const en = mapChannelSalesHeaders([
      "Distributor code",
      "Date",
      "End customer",
      "Product code",
      "Qty",
      "Price",
    ]);
    expect(en.columns).toEqual([
      "distributorCode",
      "date",
      "customerName",
      "productCode",
      "quantity",
      "unitPrice",
    ]);
    expect(missingColumns("SELL_OUT", en)).toEqual([]);
    expect(missingColumns("SELL_IN", en)).toEqual(["documentNo", "lineNo"]);
    expect(mapChannelSalesHeaders(["单价（元）", "金额(元)"]).columns).toEqual(["unitPrice", "amount"]);
  });
});

describe("validateChannelRow", () => {
  it("parses a good sell-out row: codes upper-cased, yuan to fen, amount = quantity × price", () => {
    const r = out(GOOD);
    expect(r.problems).toEqual([]);
    expect(r.line).toMatchObject({
      distributorCode: "QD-0001",
      documentNo: "SO-1",
      lineNo: 2,
      date: "2026-03-05",
      customerName: "苏州某机械有限公司",
      creditCode: null,
      region: "苏州市",
      productCode: "SV-750",
      quantity: 1200,
      unitPrice: 268050n,
      amount: 321_660_000n,
    });
  });

  it("reports every problem of a hostile row at once", () => {
    const r = out([
      "",
      "doc\u0000",
      "0",
      "2026-02-30",
      "\u202e",
      "91ABC",
      "x".repeat(101),
      "=cmd|' /C calc'!A0",
      "0x10",
      "1e5",
    ]);
    expect(r.line).toBeNull();
    expect(r.problems.map((p) => `${p.field}:${p.key}`).sort()).toEqual(
      [
        "creditCode:creditCode",
        "customerName:unstorable",
        "date:date",
        "distributorCode:required",
        "documentNo:unstorable",
        "lineNo:lineNo",
        "productCode:code",
        "quantity:quantity",
        "region:tooLong",
        "unitPrice:amount_format",
      ].sort(),
    );
  });

  it("refuses future dates, zero and huge quantities, negative prices", () => {
    const row = (i: number, v: string) => GOOD.map((c, k) => (k === i ? v : c));
    expect(out(row(3, "2026-12-04")).problems).toEqual([{ field: "date", key: "dateFuture" }]);
    expect(out(row(3, "1800-01-01")).problems).toEqual([{ field: "date", key: "dateRange" }]);
    expect(out(row(8, "0")).problems).toEqual([{ field: "quantity", key: "quantityZero" }]);
    expect(out(row(8, "99999999")).problems).toEqual([{ field: "quantity", key: "quantityRange" }]);
    expect(out(row(9, "-5")).problems).toEqual([{ field: "unitPrice", key: "amount_negative" }]);
    expect(out(row(8, "-3")).line?.quantity).toBe(-3); // a return
  });

  it("checks a sell-in amount against quantity × price within a yuan", () => {
    const h = mapChannelSalesHeaders([
      "经销商编码",
      "单据号",
      "行号",
      "日期",
      "产品编码",
      "数量",
      "单价",
      "金额",
    ]);
    const row = (amount: string) =>
      validateChannelRow(
        "SELL_IN",
        ["QD-1", "JH-1", "1", "2026-01-02", "P-1", "3", "10.33", amount],
        2,
        h,
        TODAY,
      );
    expect(row("30.99").line?.amount).toBe(3099n);
    expect(row("31").line?.amount).toBe(3100n);
    expect(row("32.00").problems).toEqual([{ field: "amount", key: "amountMismatch" }]);
    expect(row("").line?.amount).toBe(3099n);
    expect(
      validateChannelRow("SELL_IN", ["QD-1", "", "", "2026-01-02", "P-1", "3", "1", ""], 2, h, TODAY)
        .problems,
    ).toEqual([
      { field: "documentNo", key: "required" },
      { field: "lineNo", key: "required" },
    ]);
  });

  it("a sell-out line number needs a document number", () => {
    expect(out(GOOD.map((c, k) => (k === 1 ? "" : c))).problems).toEqual([
      { field: "documentNo", key: "lineWithoutDocument" },
    ]);
  });
});

describe("parsers", () => {
  it.each([
    ["2026-03-05", "2026-03-05"],
    ["2026/3/5", "2026-03-05"],
    ["2026.03.05", "2026-03-05"],
    ["2026年3月5日", "2026-03-05"],
    ["20260305", "2026-03-05"],
    ["２０２６-０３-０５", "2026-03-05"],
  ])("reads the date %s", (text, iso) => expect(parseReportDate(text)).toEqual({ ok: true, value: iso }));
  it.each(["2026-13-01", "2026-02-29", "03/05/2026", "yesterday", "2026-3"])("refuses the date %s", (text) =>
    expect(parseReportDate(text).ok).toBe(false),
  );
  it.each(["1.5", "0x10", "1e3", "Infinity", "--1", ""])("refuses the quantity %s", (q) =>
    expect(parseQuantity(q).ok).toBe(false),
  );
});

describe("line keys", () => {
  const line = out(GOOD).line!;
  // Any digest will do here; the data layer passes SHA-256.
  const digest = (s: string) =>
    [...s]
      .reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 2 ** 40, 7)
      .toString(36)
      .padStart(32, "0");
  it("uses document and line when present", () => expect(sellOutLineKey(line, digest)).toBe("d:SO-1#2"));
  it("digests the normalised row otherwise, numbered by occurrence", () => {
    const bare = { ...line, documentNo: null, lineNo: null };
    const spaced = { ...bare, customerName: "苏州某机械 有限公司", region: " 苏州市 " };
    expect(sellOutLineKey(bare, digest)).toMatch(/^h:.{32}#1$/);
    expect(sellOutLineKey(spaced, digest)).toBe(sellOutLineKey(bare, digest));
    expect(sellOutLineKey(bare, digest, 2)).not.toBe(sellOutLineKey(bare, digest, 1));
    expect(sellOutLineKey({ ...bare, quantity: 1201 }, digest)).not.toBe(sellOutLineKey(bare, digest));
  });
});

describe("regionResolver", () => {
  const tree = [
    { id: "east", code: "CN-EAST", name: "华东", nameEn: "East China", parentId: null },
    { id: "js", code: "320000", name: "江苏省", nameEn: "Jiangsu", parentId: "east" },
    { id: "sz", code: "320500", name: "苏州市", nameEn: "Suzhou", parentId: "js" },
    { id: "wx", code: "320200", name: "无锡市", nameEn: "Wuxi", parentId: "js" },
    { id: "sh", code: "310000", name: "上海市", nameEn: "Shanghai", parentId: "east" },
  ];
  const resolve = regionResolver(tree);
  it.each([
    ["苏州市", "sz"],
    ["苏州", "sz"],
    ["SUZHOU", "sz"],
    ["320500", "sz"],
    ["江苏省苏州市工业园区", "sz"],
    ["Suzhou, Jiangsu", "sz"],
    ["上海", "sh"],
    ["江苏", "js"],
  ])("%s → %s", (text, id) => expect(resolve(text)).toBe(id));
  it.each(["", "火星", "苏州无锡"])("%s is unresolved", (text) => expect(resolve(text)).toBeNull());
});

describe("inventory", () => {
  it("sums sell-in minus sell-out per product", () => {
    expect(
      inventoryByProduct([
        { productId: "b", sellInQty: 10n, sellOutQty: 4n },
        { productId: "a", sellInQty: 5n, sellOutQty: 0n },
        { productId: "b", sellInQty: 0n, sellOutQty: 7n },
      ]),
    ).toEqual([
      { productId: "a", sellInQty: 5n, sellOutQty: 0n, stock: 5n },
      { productId: "b", sellInQty: 10n, sellOutQty: 11n, stock: -1n },
    ]);
  });
  it("flags stock over the healthy months exactly at the edge", () => {
    expect(stockOverHealthy(30n, [10n, 10n, 10n], 3)).toBe(false); // exactly 3 months
    expect(stockOverHealthy(31n, [10n, 10n, 10n], 3)).toBe(true);
    expect(stockOverHealthy(1n, [0n, 0n, 0n], 3)).toBe(true);
    expect(stockOverHealthy(0n, [0n], 3)).toBe(false);
    expect(stockMonths(45n, [10n, 20n, 0n])).toBe(4.5);
    expect(stockMonths(5n, [])).toBeNull();
  });
  it("names the whole months before today's", () => {
    expect(recentMonths("2026-02-15", 3)).toEqual(["2025-11-01", "2025-12-01", "2026-01-01"]);
  });
  it("inventory is additive over any split of the flows (property)", () => {
    const flow = fc.record({
      productId: fc.constantFrom("a", "b", "c"),
      sellInQty: fc.bigInt({ min: 0n, max: 10_000n }),
      sellOutQty: fc.bigInt({ min: 0n, max: 10_000n }),
    });
    fc.assert(
      fc.property(fc.array(flow), fc.nat(), (flows, cut) => {
        const all = inventoryByProduct(flows);
        const k = flows.length ? cut % flows.length : 0;
        const parts = inventoryByProduct([
          ...inventoryByProduct(flows.slice(0, k)),
          ...inventoryByProduct(flows.slice(k)),
        ]);
        expect(parts).toEqual(all);
        for (const l of all) expect(l.stock).toBe(l.sellInQty - l.sellOutQty);
      }),
    );
  });
});

describe("iterateCsv", () => {
  it("yields the same records as parseCsv (property, including quotes and line breaks)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "中", ",", '"', "\n", "\r", " ", "="),
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (rows) => {
        const text = formatCsv(rows);
        expect([...iterateCsv(text)].map((r) => r.cells)).toEqual(parseCsv(text));
      }),
    );
  });
  it("yields raw text the same way too, with record numbers", () => {
    const text = 'a,b\r\n"x\ny",2\n\nlast';
    expect([...iterateCsv(text)]).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ["x\ny", "2"] },
      { row: 3, cells: [""] },
      { row: 4, cells: ["last"] },
    ]);
    expect([...iterateCsv(text)].map((r) => r.cells)).toEqual(parseCsv(text));
  });
});
