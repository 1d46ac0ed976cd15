// The ledger import on a real PostgreSQL: preview writes nothing; confirm books the valid rows
// and claims its batch token once (a second or concurrent confirm answers the first's counts);
// importing the same file again is all "unchanged"; accounts are matched within the importer's
// scope only; GBK files and crafted cells are read safely.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { formatCsv } from "@/lib/domain/csv";
import { confirmLedgerImport, previewLedgerImport, type LedgerImportPreview } from "@/lib/data/ledger/import";
import { encodeLegacy } from "../../support/legacy-encoding";
import { accountFixture, outcome, viewerFor } from "../helpers";
import { docNo, rawSums, rollupSums } from "./support";

const t = (key: string, values?: Record<string, string | number>) =>
  values ? `${key}|${JSON.stringify(values)}` : key;

const HEADER = ["类型", "单据号", "统一社会信用代码", "客户名称", "月份", "产品线", "金额（元）", "备注"];
const bytesOf = (rows: string[][], header = HEADER) =>
  new TextEncoder().encode(formatCsv([header, ...rows], { bom: true }));

let manager: Viewer, northManager: Viewer, kam: Viewer;
let account: { id: string; name: string };
let coded: { id: string; name: string; creditCode: string | null };
let north: { id: string; name: string };

const code = () => {
  const first17 = `91320583${Date.now().toString().slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
};

beforeAll(async () => {
  [manager, northManager, kam] = await Promise.all([
    viewerFor("usr_east_manager"),
    viewerFor("usr_north_manager"),
    viewerFor("usr_east_kam1"),
  ]);
  account = await accountFixture("usr_east_kam1");
  coded = await db.account.update({
    where: { id: (await accountFixture("usr_east_kam2")).id },
    data: { creditCode: code() },
  });
  north = await accountFixture("usr_north_kam1");
});

async function previewOk(viewer: Viewer, bytes: Uint8Array): Promise<LedgerImportPreview> {
  const p = await previewLedgerImport(viewer, bytes, t);
  if (!p.ok) throw new Error(`preview failed: ${p.message}`);
  return p;
}

describe("ledger import", () => {
  it("previews without writing, books on confirm, and a second import of the same file is all unchanged", async () => {
    const inv = docNo("INV");
    const rcv = docNo("RCV");
    const bytes = bytesOf([
      ["开票收入", inv, "", account.name, "2026-03", "伺服电机", "125,000.50", "首批"],
      ["回款", rcv, coded.creditCode!, "", "2026年4月", "伺服电机", "12.5万", ""],
      ["收入", docNo("INV"), "", "没有这个客户有限公司", "2026-03", "伺服电机", "100", ""],
      ["开票收入", docNo("INV"), "", account.name, "2026-13", "", "0x10", ""],
    ]);
    const before = await db.ledgerLine.count();
    const preview = await previewOk(manager, bytes);
    expect(await db.ledgerLine.count()).toBe(before);
    expect(preview.totals).toEqual({ new: 2, update: 0, unchanged: 0, error: 2 });
    const bad = preview.rows.find((r) => r.row === 5)!;
    expect(bad.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        "ledger.import.problems.month",
        "ledger.import.problems.required",
        "ledger.import.problems.amount_format",
      ]),
    );
    expect(preview.rows.find((r) => r.row === 4)!.problems[0]!.message).toBe(
      "ledger.import.problems.accountNotFound",
    );

    const result = await confirmLedgerImport(manager, bytes, t, preview);
    expect(result).toMatchObject({ ok: true, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    const booked = await db.ledgerLine.findMany({ where: { documentNo: { in: [inv, rcv] } } });
    expect(booked.map((l) => [l.kind, l.amount])).toEqual(
      expect.arrayContaining([
        ["REVENUE", 12_500_050n],
        ["COLLECTION", 12_500_000n],
      ]),
    );
    expect(booked.find((l) => l.documentNo === rcv)!.ownerId).toBe("usr_east_kam2");
    expect(await rollupSums(account.id)).toEqual(await rawSums(account.id));
    expect(await db.ledgerImportBatch.count({ where: { id: preview.batch } })).toBe(1);

    // The same file again: every valid row unchanged, nothing to write.
    const again = await previewOk(manager, bytes);
    expect(again.totals).toEqual({ new: 0, update: 0, unchanged: 2, error: 2 });
    const second = await confirmLedgerImport(manager, bytes, t, again);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.ledgerLine.count({ where: { documentNo: { in: [inv, rcv] } } })).toBe(2);
  });

  it("updates a booked document whose amount or month changed", async () => {
    const inv = docNo("INV");
    await confirmOnce(
      manager,
      bytesOf([["开票收入", inv, "", account.name, "2026-05", "密封件", "1000", ""]]),
    );
    const changed = bytesOf([["开票收入", inv, "", account.name, "2026-06", "密封件", "-200", ""]]);
    const preview = await previewOk(manager, changed);
    expect(preview.totals.update).toBe(1);
    expect(preview.rows[0]!.changes).toEqual(["ledger.fields.month", "ledger.fields.amount"]);
    await confirmLedgerImport(manager, changed, t, preview);
    const line = await db.ledgerLine.findFirstOrThrow({ where: { documentNo: inv } });
    expect(line).toMatchObject({ amount: -20_000n, version: 2 });
    expect(await rollupSums(account.id)).toEqual(await rawSums(account.id));
  });

  it("claims a preview's token once: a repeated and concurrent confirms answer the first's result", async () => {
    const bytes = bytesOf([
      ["开票收入", docNo("INV"), "", account.name, "2026-07", "密封件", "500", ""],
      ["开票收入", docNo("INV"), "", account.name, "2026-07", "密封件", "600", ""],
    ]);
    const preview = await previewOk(manager, bytes);
    const results = await Promise.all([
      confirmLedgerImport(manager, bytes, t, preview),
      confirmLedgerImport(manager, bytes, t, preview),
      confirmLedgerImport(manager, bytes, t, preview),
    ]);
    const fresh = results.filter((r) => r.ok && !r.alreadyConfirmedAt);
    expect(fresh).toHaveLength(1);
    for (const r of results) expect(r).toMatchObject({ ok: true, created: 2 });
    expect(await db.ledgerImportBatch.count({ where: { id: preview.batch } })).toBe(1);
    expect(await db.ledgerLine.count({ where: { importBatchId: preview.batch } })).toBe(2);
    // A token claimed by someone else, or for another file, is refused.
    const other = bytesOf([["开票收入", docNo("INV"), "", account.name, "2026-07", "密封件", "1", ""]]);
    const otherPreview = await previewOk(manager, other);
    expect(
      await outcome(confirmLedgerImport(manager, other, t, { ...otherPreview, batch: preview.batch })),
    ).toBe("CONFLICT");
  });

  it("matches accounts only within the importer's scope, and leaves another region's documents alone", async () => {
    const northDoc = docNo("INV");
    await confirmOnce(
      northManager,
      bytesOf([["开票收入", northDoc, "", north.name, "2026-03", "密封件", "800", ""]]),
    );
    const bytes = bytesOf([
      ["开票收入", docNo("INV"), "", north.name, "2026-03", "密封件", "800", ""],
      ["开票收入", northDoc, "", account.name, "2026-03", "密封件", "900", ""],
    ]);
    const preview = await previewOk(manager, bytes);
    expect(preview.totals.error).toBe(2);
    expect(preview.rows.map((r) => r.problems[0]!.message)).toEqual([
      "ledger.import.problems.accountNotFound",
      "ledger.import.problems.documentNotEditable",
    ]);
    // KAMs do not keep the ledger.
    expect(await outcome(previewLedgerImport(kam, bytes, t))).toBe("FORBIDDEN");
  });

  it("reads a GBK file with English headers and guards against crafted cells", async () => {
    const inv = docNo("INV");
    const header = [
      "Type",
      "Document number",
      "Company name",
      "Month",
      "Product line",
      "Amount (yuan)",
      "Note",
    ];
    const text = formatCsv([
      header,
      ["Revenue", inv, account.name, "2026/8", '=HYPERLINK("http://x")', "300", "@SUM(A1)"],
      ["Revenue", docNo("INV"), account.name, "2026-08", "", "300", ""],
      ["Revenue", docNo("INV"), account.name, "2026-08", "密封件", "1e5", ""],
    ]);
    const bytes = encodeLegacy(text, "gbk");
    const preview = await previewOk(manager, bytes);
    expect(preview.encoding).toBe("gb18030");
    expect(preview.totals).toEqual({ new: 1, update: 0, unchanged: 0, error: 2 });
    await confirmLedgerImport(manager, bytes, t, preview);
    // The formula text is stored as text (the export guards it again on the way out).
    const line = await db.ledgerLine.findFirstOrThrow({ where: { documentNo: inv } });
    expect(line.productLine).toBe('=HYPERLINK("http://x")');
  });

  it("refuses a file without the columns it needs, and a file other than the one previewed", async () => {
    const p = await previewLedgerImport(manager, bytesOf([["x"]], ["名称"]), t);
    expect(p).toEqual({ ok: false, message: "ledger.import.fileProblems.noColumns" });
    const bytes = bytesOf([["开票收入", docNo("INV"), "", account.name, "2026-03", "密封件", "1", ""]]);
    const preview = await previewOk(manager, bytes);
    const other = bytesOf([["开票收入", docNo("INV"), "", account.name, "2026-03", "密封件", "2", ""]]);
    expect(await confirmLedgerImport(manager, other, t, preview)).toEqual({
      ok: false,
      message: "accountTools.import.fileProblems.changedSincePreview",
    });
  });
});

async function confirmOnce(viewer: Viewer, bytes: Uint8Array) {
  const p = await previewOk(viewer, bytes);
  const r = await confirmLedgerImport(viewer, bytes, t, p);
  if (!r.ok) throw new Error(r.message);
  return r;
}
