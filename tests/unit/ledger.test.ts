import { describe, expect, it } from "vitest";
import { readCsvTable } from "@/lib/domain/csv-table";
import { addMonths, parseDocumentNo, parseLedgerMonth, trendMonths, valueWindow } from "@/lib/domain/ledger";
import {
  duplicateDocumentRows,
  ledgerChanges,
  mapLedgerHeaders,
  parseLedgerKind,
  validateLedgerRow,
} from "@/lib/domain/ledger-import";
import { parseInput } from "@/lib/validation/parse";
import { createLedgerLineSchema, ledgerListQuerySchema } from "@/lib/validation/ledger";

describe("document numbers", () => {
  it.each([
    ["INV-2025-000123", "INV-2025-000123"],
    [" inv-2025-000123 ", "INV-2025-000123"],
    ["ＩＮＶ－２０２５", "INV-2025"],
    ["RCV/2026/17", "RCV/2026/17"],
    ["INV 2026 1", "INV20261"],
  ])("reads %j as %j", (text, value) => {
    expect(parseDocumentNo(text)).toEqual({ ok: true, value });
  });
  it.each([
    ["", "required"],
    ["   ", "required"],
    ["发票00012", "format"],
    ["-INV", "format"],
    ["=HYPERLINK(1)", "format"],
    ["A".repeat(41), "format"],
    ["INV\u0000", "format"],
  ])("refuses %j (%s)", (text, problem) => {
    expect(parseDocumentNo(text)).toEqual({ ok: false, problem });
  });
});

describe("ledger months", () => {
  it.each([
    ["2026-03", "2026-03-01"],
    ["2026/3", "2026-03-01"],
    ["2026.03", "2026-03-01"],
    ["202603", "2026-03-01"],
    ["2026年3月", "2026-03-01"],
    ["2026-03-15", "2026-03-01"],
    ["2024-02-29", "2024-02-01"],
    ["２０２６－０３", "2026-03-01"],
  ])("reads %j as %j", (text, month) => {
    expect(parseLedgerMonth(text)).toEqual({ ok: true, month });
  });
  it.each([
    ["2026-13", "format"],
    ["2026-00", "format"],
    ["2026-02-32", "format"],
    ["2026-02-29", "format"],
    ["2026年2月30日", "format"],
    ["March 2026", "format"],
    ["1999-12", "outOfRange"],
    ["2101-01", "outOfRange"],
    ["0x7E9-03", "format"],
  ])("refuses %j (%s)", (text, problem) => {
    expect(parseLedgerMonth(text)).toEqual({ ok: false, problem });
  });
  it("steps months across years", () => {
    expect(addMonths("2026-01-01", -1)).toBe("2025-12-01");
    expect(addMonths("2025-12-01", 1)).toBe("2026-01-01");
    expect(addMonths("2026-03-01", -27)).toBe("2023-12-01");
    expect(addMonths("2026-03-01", 0)).toBe("2026-03-01");
  });
});

describe("the value window", () => {
  it("is the last 12 complete months before today's month (China date)", () => {
    expect(valueWindow("2026-12-02")).toEqual({ from: "2025-12-01", to: "2026-12-01" });
    expect(valueWindow("2026-01-31")).toEqual({ from: "2025-01-01", to: "2026-01-01" });
    // The first day of a month: that month is not complete yet either.
    expect(valueWindow("2026-03-01")).toEqual({ from: "2025-03-01", to: "2026-03-01" });
  });
  it("the trend ends with today's month", () => {
    const months = trendMonths("2026-12-02", 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe("2025-01-01");
    expect(months.at(-1)).toBe("2026-12-01");
  });
});

describe("import rows", () => {
  const header = mapLedgerHeaders([
    "类型",
    "单据号",
    "统一社会信用代码",
    "客户名称",
    "月份",
    "产品线",
    "金额（元）",
    "备注",
    "摘要",
  ]);
  const row = (cells: string[]) => validateLedgerRow(cells, 2, header);

  it("maps Chinese, English and alias headers, reporting unknown and repeated columns", () => {
    expect(header.columns).toEqual([
      "kind",
      "documentNo",
      "creditCode",
      "accountName",
      "month",
      "productLine",
      "amount",
      "note",
      null,
    ]);
    expect(header.unknown).toEqual(["摘要"]);
    const en = mapLedgerHeaders([
      "Type",
      "Document number",
      "Company name",
      "Month",
      "Amount (yuan)",
      "金额",
    ]);
    expect(en.columns).toEqual(["kind", "documentNo", "accountName", "month", "amount", "amount"]);
    expect(en.duplicates).toEqual(["amount"]);
  });

  it("reads kinds in both languages", () => {
    expect(parseLedgerKind("开票收入")).toBe("REVENUE");
    expect(parseLedgerKind(" Revenue ")).toBe("REVENUE");
    expect(parseLedgerKind("回款")).toBe("COLLECTION");
    expect(parseLedgerKind("COLLECTION")).toBe("COLLECTION");
    expect(parseLedgerKind("退款")).toBeNull();
  });

  it("turns a valid row into a line (negative amounts allowed)", () => {
    const r = row(["回款", "rcv-1", "", "  苏州精工  ", "2026/4", " 伺服  电机 ", "-1,250.5", ""]);
    expect(r.problems).toEqual([]);
    expect(r.line).toEqual({
      kind: "COLLECTION",
      documentNo: "RCV-1",
      creditCode: null,
      accountName: "苏州精工",
      month: "2026-04-01",
      productLine: "伺服 电机",
      amount: -125_050n,
      note: null,
    });
  });

  it("reports every problem of a row at once", () => {
    const r = row(["退款", "发票1", "123", "", "2026-13", "", "0x10", "\u202e"]);
    expect(r.line).toBeNull();
    expect(r.problems).toEqual([
      { field: "kind", key: "kind" },
      { field: "documentNo", key: "documentNo" },
      { field: "creditCode", key: "creditCode" },
      { field: "month", key: "month" },
      { field: "productLine", key: "required" },
      { field: "amount", key: "amount_format" },
      { field: "note", key: "unstorable" },
    ]);
    expect(row(["收入", "A1", "", "X", "2026-01", "P", "0", ""]).problems).toEqual([
      { field: "amount", key: "amountZero" },
    ]);
    expect(row(["收入", "A1", "", "", "2026-01", "P", "1e5", ""]).problems).toEqual([
      { field: "accountName", key: "accountRequired" },
      { field: "amount", key: "amount_format" },
    ]);
  });

  it("finds documents booked twice in one file (same kind and number only)", () => {
    const rows = [
      validateLedgerRow(["收入", "A1", "", "X", "2026-01", "P", "1", ""], 2, header),
      validateLedgerRow(["收入", "a1", "", "X", "2026-02", "P", "1", ""], 3, header),
      validateLedgerRow(["回款", "A1", "", "X", "2026-02", "P", "1", ""], 4, header),
    ];
    expect(duplicateDocumentRows(rows)).toEqual(
      new Map([
        [2, [3]],
        [3, [2]],
      ]),
    );
  });

  it("says which fields an import would change", () => {
    const line = {
      kind: "REVENUE" as const,
      documentNo: "A",
      creditCode: null,
      accountName: "X",
      month: "2026-01-01",
      productLine: "P",
      amount: 100n,
      note: null,
      accountId: "acc",
    };
    const booked = { accountId: "acc", month: "2026-01-01", productLine: "P", amount: 100n, note: "kept" };
    expect(ledgerChanges(line, booked)).toEqual([]);
    expect(ledgerChanges({ ...line, amount: 90n, month: "2026-02-01" }, booked)).toEqual(["month", "amount"]);
    expect(ledgerChanges({ ...line, note: "new" }, booked)).toEqual(["note"]);
  });
});

describe("CSV tables", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const limits = { maxBytes: 1024, maxRows: 2, maxColumns: 3 };
  it("numbers rows as a spreadsheet does and skips blank lines", () => {
    const t = readCsvTable(enc("\n a,b\n\n1,2\n'=3,4\n"), limits);
    expect(t).toMatchObject({
      ok: true,
      header: [" a", "b"],
      body: [
        { row: 4, cells: ["1", "2"] },
        { row: 5, cells: ["=3", "4"] },
      ],
    });
  });
  it("refuses empty, oversized, too wide and too long files", () => {
    expect(readCsvTable(enc(""), limits)).toMatchObject({ ok: false, problem: "empty" });
    expect(readCsvTable(enc("a\n"), limits)).toMatchObject({ ok: false, problem: "noRows" });
    expect(readCsvTable(enc("a,b,c,d\n1\n"), limits)).toMatchObject({ ok: false, problem: "tooManyColumns" });
    expect(readCsvTable(enc("a\n1\n2\n3\n"), limits)).toMatchObject({ ok: false, problem: "tooManyRows" });
    expect(readCsvTable(new Uint8Array(2048).fill(65), limits)).toMatchObject({
      ok: false,
      problem: "tooLarge",
    });
    expect(readCsvTable(enc('a\n"1\n'), limits)).toMatchObject({ ok: false, problem: "unterminatedQuote" });
  });
});

describe("the form and the URL", () => {
  it("validates a line typed by hand", () => {
    const ok = parseInput(createLedgerLineSchema, {
      kind: "REVENUE",
      documentNo: "inv-9",
      accountId: "acc_1",
      month: "2026-03",
      productLine: "伺服电机",
      amount: "-12.5万",
      note: "",
    });
    expect(ok.success && ok.data).toMatchObject({
      documentNo: "INV-9",
      month: "2026-03-01",
      amount: -12_500_000n,
    });
    const bad = parseInput(createLedgerLineSchema, {
      kind: "REFUND",
      documentNo: "发票",
      accountId: "x'; drop",
      month: "2026-13",
      productLine: "\u200b",
      amount: "0",
    });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      const fields = new Set(bad.error.issues.map((i) => String(i.path[0])));
      expect(fields).toEqual(new Set(["kind", "documentNo", "accountId", "month", "productLine", "amount"]));
    }
  });
  it("drops forged URL values instead of failing", () => {
    expect(
      ledgerListQuerySchema.parse({ tier: "Z", kind: "x", account: "../../etc", page: "0x10", team: "t'1" }),
    ).toMatchObject({ tier: undefined, kind: undefined, account: undefined, page: 1, team: undefined });
  });
});
