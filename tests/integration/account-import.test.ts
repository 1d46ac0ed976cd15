// CSV import and scoring settings through lib/data on a real PostgreSQL: the preview writes
// nothing; confirming writes exactly the valid rows (one audit row each) in one transaction;
// re-importing updates by credit code; scope and permissions hold row by row.
import { beforeAll, describe, expect, it } from "vitest";
import {
  confirmAccountImport,
  importDigest,
  previewAccountImport,
  type ImportPreview,
} from "@/lib/data/account-import";
import { getScoringSettings } from "@/lib/data/account-scores";
import { updateScoringSettings } from "@/lib/data/account-rescoring";
import { db } from "@/lib/db";
import { cachedScores } from "@/lib/domain/account-scoring";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { formatCsv, parseCsv } from "@/lib/domain/csv";
import type { Viewer } from "@/lib/domain/access";
import { scoringSettingsSchema } from "@/lib/validation/scoring";
import { encodeLegacy } from "../support/legacy-encoding";
import { accountFixture, outcome, viewerFor } from "./helpers";

const t = (key: string, values?: Record<string, string | number>) =>
  values ? `${key}|${JSON.stringify(values)}` : key;

// Credit codes unique to this run: 91 + division 320583 + a run tag + a serial, then the check character.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const runTag = Array.from(
  { length: 4 },
  (_, i) => ALPHABET[Math.floor(Date.now() / 31 ** i / 1000) % 31],
).join("");
let serial = 0;
function newCode(): string {
  const first17 = `91320583${runTag}${String(serial++).padStart(5, "0")}`;
  return first17 + creditCodeCheckChar(first17);
}

const HEADER = ["企业名称", "统一社会信用代码", "行业", "规模", "所属区域", "地址", "负责人"];
const bytesOf = (rows: string[][]) => new TextEncoder().encode(formatCsv([HEADER, ...rows], { bom: true }));

async function previewOk(viewer: Viewer, bytes: Uint8Array): Promise<ImportPreview> {
  const p = await previewAccountImport(viewer, bytes, t);
  if (!p.ok) throw new Error(`preview failed: ${p.message}`);
  return p;
}

async function importOk(viewer: Viewer, bytes: Uint8Array) {
  const p = await previewOk(viewer, bytes);
  const r = await confirmAccountImport(viewer, bytes, t, p);
  if (!r.ok) throw new Error(`import failed: ${r.message}`);
  return r;
}

let kam: Viewer, kam2: Viewer, rep: Viewer, manager: Viewer, admin: Viewer;

beforeAll(async () => {
  [kam, kam2, rep, manager, admin] = await Promise.all([
    viewerFor("usr_east_kam1"),
    viewerFor("usr_east_kam2"),
    viewerFor("usr_east_rep1"),
    viewerFor("usr_east_manager"),
    viewerFor("usr_admin"),
  ]);
});

describe("preview", () => {
  it("reports each row's status and problems and writes nothing", async () => {
    const [a, b] = [newCode(), newCode()];
    const bytes = bytesOf([
      ["预览甲有限公司", a, "装备制造", "大型", "苏州市", "", ""],
      ["", b, "造船", "", "", "", ""],
      ["预览乙有限公司", `${b.slice(0, 17)}${b[17] === "0" ? "1" : "0"}`, "", "", "", "", ""],
    ]);
    const [accounts, audits] = [await db.account.count(), await db.auditLog.count()];
    const p = await previewOk(kam, bytes);
    expect(p.totals).toEqual({ new: 1, update: 0, unchanged: 0, error: 2 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "new"],
      [3, "error"],
      [4, "error"],
    ]);
    expect(p.rows[1]!.problems).toEqual([
      { column: "account.fields.name (企业名称)", message: "validation.required" },
      {
        column: "account.fields.industry (行业)",
        message: 'accountTools.import.problems.unknownIndustry|{"value":"造船"}',
      },
    ]);
    expect(p.rows[2]!.problems.map((x) => x.message)).toEqual(["validation.creditCode_checkDigit"]);
    expect(await db.account.count()).toBe(accounts);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses files it cannot read, saying why, at the check and at the confirm — never an error", async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    // The confirm reads the file again: it must answer the same, not fail on what the check refused.
    const messages = async (bytes: Uint8Array) => {
      const p = await previewAccountImport(kam, bytes, t);
      const c = await confirmAccountImport(kam, bytes, t, {
        digest: importDigest(bytes),
        batch: "b".repeat(24),
      });
      return [p.ok ? "ok" : p.message, c.ok ? "ok" : c.message];
    };
    const refused = async (bytes: Uint8Array, message: string) =>
      expect(await messages(bytes)).toEqual([message, message]);
    await refused(enc(""), "accountTools.import.fileProblems.empty");
    await refused(enc("\r\n ,,\r\n"), "accountTools.import.fileProblems.empty");
    await refused(enc("行业,地址\r\n装备制造,x\r\n"), "accountTools.import.fileProblems.noNameColumn");
    await refused(enc("企业名称\r\n"), "accountTools.import.fileProblems.noRows");
    await refused(enc("\uFEFF企业名称,地址\r\n,,\r\n\r\n"), "accountTools.import.fileProblems.noRows");
    await refused(
      enc('企业名称,地址\r\n甲,"未闭合\r\n'),
      'accountTools.import.fileProblems.unterminatedQuote|{"line":2}',
    );
    await refused(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      "accountTools.import.fileProblems.workbook",
    );
    await refused(
      new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41),
      'accountTools.import.fileProblems.tooLarge|{"max":5}',
    );
    const tooMany = formatCsv([["name"], ...Array.from({ length: 5001 }, (_, i) => [`公司${i}`])]);
    await refused(enc(tooMany), 'accountTools.import.fileProblems.tooManyRows|{"rows":5001,"max":5000}');
    // A NUL byte (PostgreSQL cannot store it: this used to end in a 500), binary data, UTF-16 without
    // its byte-order mark, bytes in an encoding Keystone cannot tell.
    await refused(enc("企业名称,地址\r\n零字节\u0000公司,x\r\n"), "accountTools.import.fileProblems.binary");
    await refused(
      Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256),
      "accountTools.import.fileProblems.binary",
    );
    await refused(
      Uint8Array.from(Buffer.from("企业名称\r\n甲公司\r\n", "utf16le")),
      "accountTools.import.fileProblems.binary",
    );
    await refused(
      encodeLegacy("公司名稱,地址\r\n台灣積體電路製造股份有限公司,新竹科學園區力行六路8號", "big5"),
      "accountTools.import.fileProblems.unknownEncoding",
    );
    // A header two million columns wide.
    await refused(
      enc(`企业名称${",x".repeat(2_000_000)}\r\n甲公司\r\n`),
      'accountTools.import.fileProblems.tooManyColumns|{"columns":2000001,"max":200}',
    );
  });

  it("a huge line is one row with a problem, quoted shortly in the preview", async () => {
    const huge = "甲".repeat(800_000);
    const bytes = new TextEncoder().encode(`企业名称,行业\r\n${huge},${huge}\r\n`);
    const start = Date.now();
    const p = await previewOk(kam, bytes);
    const elapsed = Date.now() - start;
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]!.status).toBe("error");
    expect(p.rows[0]!.name).toHaveLength(200);
    expect(JSON.stringify(p).length).toBeLessThan(5_000);
    console.log(`a 4.8 MB line checked in ${elapsed} ms`);
  });

  it("reads a GBK file saved by a Chinese Excel", async () => {
    // "企业名称,行业,统一社会信用代码\r\nGBK编码测试有限公司,装备制造," in GBK
    const hex =
      "c6f3d2b5c3fbb3c62cd0d0d2b52ccdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb0d0a47424bb1e0c2ebb2e2cad4d3d0cfdeb9abcbbe2cd7b0b1b8d6c6d4ec2c";
    const p = await previewOk(kam, Uint8Array.from(Buffer.from(hex, "hex")));
    expect(p.encoding).toBe("gb18030");
    expect(p.rows).toMatchObject([{ status: "new", name: "GBK编码测试有限公司", problems: [] }]);
  });

  it("reads a Windows-1252 file from a Western Excel as Windows-1252, names intact, and says so", async () => {
    const text =
      "Company name,Address\r\nMüller GmbH,Königstraße 1\r\nSociété Générale,“Paris” – 29 bd Haussmann\r\n";
    const p = await previewOk(kam, encodeLegacy(text, "windows-1252"));
    expect(p.encoding).toBe("windows-1252");
    expect(p.rows.map((r) => [r.name, r.status])).toEqual([
      ["Müller GmbH", "new"],
      ["Société Générale", "new"],
    ]);
  });
});

describe("confirm", () => {
  it("writes only the valid rows, one audit row each, scored; a rejected row leaves no trace", async () => {
    const [a, b, bad] = [newCode(), newCode(), newCode()];
    const bytes = bytesOf([
      ["导入甲有限公司", a, "装备制造", "大型", "苏州市", "星湖街 1 号", ""],
      ["导入乙有限公司", b, "Electronics & semiconductors", "SMALL", "320000", "", "east.kam1@keystone.demo"],
      ["导入坏行有限公司", bad, "造船", "", "", "", ""],
    ]);
    const result = await importOk(kam, bytes);
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    // The rejected rows come back as CSV with their problems, to fix and import again.
    expect(result.rejectedCsv).toContain("导入坏行有限公司");
    expect(result.rejectedCsv).toContain("unknownIndustry");

    const created = await db.account.findMany({
      where: { creditCode: { in: [a, b] } },
      orderBy: { name: "asc" },
    });
    expect(created).toHaveLength(2);
    const suzhou = await db.territory.findFirstOrThrow({ where: { code: "320500" } });
    expect(created[0]).toMatchObject({
      name: "导入乙有限公司",
      industry: "ELECTRONICS",
      sizeBand: "SMALL",
      ownerId: "usr_east_kam1",
      teamId: kam.teamId,
    });
    expect(created[1]).toMatchObject({
      name: "导入甲有限公司",
      industry: "MACHINERY",
      sizeBand: "LARGE",
      territoryId: suzhou.id,
      address: "星湖街 1 号",
      accountType: "END_CUSTOMER",
    });
    const settings = await getScoringSettings();
    for (const acc of created) {
      const expected = cachedScores(acc, settings);
      expect(acc.compositeScore).toBe(expected.compositeScore);
      expect(acc.tier).toBe(expected.computedTier);
      const audits = await db.auditLog.findMany({ where: { entityId: acc.id } });
      expect(audits.map((x) => [x.action, x.actorId])).toEqual([["account.import", "usr_east_kam1"]]);
      // Times written by the database and by the import are real UTC instants.
      for (const at of [acc.createdAt, acc.updatedAt, acc.lifecycleChangedAt, audits[0]!.createdAt]) {
        expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(60_000);
      }
    }
    expect(
      await db.account.count({ where: { OR: [{ creditCode: bad }, { name: "导入坏行有限公司" }] } }),
    ).toBe(0);
    // And one entry for the import as a whole.
    const fileEntry = await db.auditLog.findFirstOrThrow({
      where: { action: "account.importFile", actorId: kam.id },
      orderBy: { createdAt: "desc" },
    });
    expect(fileEntry.after).toMatchObject({ created: 2, updated: 0, rejected: 1 });
  });

  it("re-importing the same file changes nothing; a changed file updates by credit code, never duplicating", async () => {
    const [a, b] = [newCode(), newCode()];
    const rows = [
      ["重导甲有限公司", a, "装备制造", "大型", "苏州市", "旧地址 1 号", ""],
      ["重导乙有限公司", b, "化工与新材料", "", "", "", ""],
    ];
    expect(await importOk(kam, bytesOf(rows))).toMatchObject({ created: 2, updated: 0 });
    const before = await db.account.findFirstOrThrow({ where: { creditCode: a } });

    const again = await importOk(kam, bytesOf(rows));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });

    const changed = [
      ["重导甲有限公司", a, "装备制造", "特大型", "苏州市", "新地址 9 号", ""],
      // Empty cells keep what the account has.
      ["重导乙有限公司", b, "", "", "", "", ""],
    ];
    const p = await previewOk(kam, bytesOf(changed));
    expect(p.rows.map((r) => [r.status, r.matched?.id ?? null, r.changes])).toEqual([
      ["update", before.id, ["account.fields.sizeBand", "account.fields.address"]],
      ["unchanged", expect.any(String), []],
    ]);
    expect(await importOk(kam, bytesOf(changed))).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    expect(await db.account.count({ where: { creditCode: { in: [a, b] } } })).toBe(2);
    const after = await db.account.findFirstOrThrow({ where: { creditCode: a } });
    expect(after).toMatchObject({
      id: before.id,
      sizeBand: "GIANT",
      address: "新地址 9 号",
      industry: "MACHINERY",
      version: before.version + 1,
    });
    expect((await db.account.findFirstOrThrow({ where: { creditCode: b } })).industry).toBe("CHEMICALS");
    const audits = await db.auditLog.findMany({
      where: { entityId: before.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((x) => x.action)).toEqual(["account.import", "account.importUpdate"]);
    expect(audits[1]!.before).toMatchObject({ address: "旧地址 1 号" });
    expect(audits[1]!.after).toMatchObject({ address: "新地址 9 号" });
  });

  it("rows sharing a credit code are all rejected", async () => {
    const a = newCode();
    const r = await importOk(
      kam,
      bytesOf([
        ["同码甲", a, "", "", "", "", ""],
        ["同码乙", a, "", "", "", "", ""],
      ]),
    );
    expect(r).toMatchObject({ created: 0, rejected: 2 });
    expect(await db.account.count({ where: { creditCode: a } })).toBe(0);
  });

  it("rows without a credit code that share a company name are all rejected, naming each other", async () => {
    const [code, tag] = [newCode(), Date.now().toString(36)];
    const bytes = bytesOf([
      [`同名甲${tag}（苏州）有限公司`, "", "", "", "", "", ""],
      [`同名甲${tag}(苏州)有限公司`, "", "", "", "", "", ""],
      [`同名乙${tag}`, code, "", "", "", "", ""],
      [`同名乙${tag}`, "", "", "", "", "", ""],
      [`不同名${tag}`, "", "", "", "", "", ""],
    ]);
    const p = await previewOk(kam, bytes);
    const duplicate = (rows: string) => ({
      column: "account.fields.name (企业名称)",
      message: `accountTools.import.problems.duplicateNameInFile|${JSON.stringify({ rows })}`,
    });
    expect(p.rows.map((r) => [r.row, r.status, r.problems])).toEqual([
      [2, "error", [duplicate("3")]],
      [3, "error", [duplicate("2")]],
      // The row with a credit code is told apart by it; the one beside it without a code is not.
      [4, "new", []],
      [5, "error", [duplicate("4")]],
      [6, "new", []],
    ]);
    expect(await importOk(kam, bytes)).toMatchObject({ created: 2, rejected: 3 });
    expect(await db.account.count({ where: { name: { contains: tag } } })).toBe(2);
  });

  it("a rep cannot change another team's account, or a colleague's, through an import", async () => {
    const [north, colleague] = [newCode(), newCode()];
    const northAccount = await accountFixture("usr_north_kam1", "华北客户");
    await db.account.update({ where: { id: northAccount.id }, data: { creditCode: north, address: "北京" } });
    const colleagueAccount = await accountFixture("usr_east_kam2", "同事客户");
    await db.account.update({ where: { id: colleagueAccount.id }, data: { creditCode: colleague } });

    const bytes = bytesOf([
      ["华北客户", north, "", "", "", "被篡改", ""],
      ["同事客户", colleague, "", "", "", "被篡改", ""],
    ]);
    const p = await previewOk(rep, bytes);
    expect(p.rows.map((r) => [r.status, r.matched, r.problems.map((x) => x.message)])).toEqual([
      ["error", null, ["accountTools.import.problems.notEditable"]],
      ["error", null, ["accountTools.import.problems.notEditable"]],
    ]);
    const r = await confirmAccountImport(rep, bytes, t, p);
    expect(r).toMatchObject({ ok: true, created: 0, updated: 0, rejected: 2 });
    expect(await db.account.findUniqueOrThrow({ where: { id: northAccount.id } })).toMatchObject({
      address: "北京",
      version: 1,
    });
    expect(
      await db.auditLog.count({ where: { entityId: { in: [northAccount.id, colleagueAccount.id] } } }),
    ).toBe(0);

    // Their manager may: the colleague's account is in the east team.
    const m = await previewOk(manager, bytes);
    expect(m.rows.map((x) => x.status)).toEqual(["error", "update"]);
  });

  it("owners: a KAM may not create accounts for someone else; a manager may, and the account joins their team", async () => {
    const [a, b] = [newCode(), newCode()];
    const row = (code: string) => ["代建客户", code, "", "", "", "", "east.kam2@keystone.demo"];
    const p = await previewOk(kam, bytesOf([row(a)]));
    expect(p.rows[0]!.problems.map((x) => x.message)).toEqual([
      "accountTools.import.problems.ownerNotAllowed",
    ]);
    const outside = await previewOk(manager, bytesOf([[...row(a).slice(0, 6), "north.kam1@keystone.demo"]]));
    expect(outside.rows[0]!.problems.map((x) => x.message)).toEqual([
      'accountTools.import.problems.unknownOwner|{"value":"north.kam1@keystone.demo"}',
    ]);
    expect(await importOk(manager, bytesOf([row(b)]))).toMatchObject({ created: 1 });
    expect(await db.account.findFirstOrThrow({ where: { creditCode: b } })).toMatchObject({
      ownerId: kam2.id,
      teamId: kam2.teamId,
    });
    // An administrator belongs to no team: rows must name an owner.
    const adminRows = await previewOk(admin, bytesOf([["无负责人", newCode(), "", "", "", "", ""]]));
    expect(adminRows.rows[0]!.problems.map((x) => x.message)).toEqual([
      "accountTools.import.problems.ownerRequired",
    ]);
  });

  it("refuses a file other than the one previewed, and writes nothing", async () => {
    const a = newCode();
    const previewed = await previewOk(kam, bytesOf([["甲", a, "", "", "", "", ""]]));
    const other = bytesOf([["乙", a, "", "", "", "", ""]]);
    expect(await confirmAccountImport(kam, other, t, previewed)).toEqual({
      ok: false,
      message: "accountTools.import.fileProblems.changedSincePreview",
    });
    expect(await db.account.count({ where: { creditCode: a } })).toBe(0);
  });

  it("an account changed between reading and writing makes the whole import roll back", async () => {
    const [a, b] = [newCode(), newCode()];
    await importOk(kam, bytesOf([["并发甲", a, "", "", "", "", ""]]));
    const bytes = bytesOf([
      ["并发甲", a, "", "", "", "改了", ""],
      ["并发乙", b, "", "", "", "", ""],
    ]);
    const p = await previewOk(kam, bytes);
    // Someone edits the account just after the confirm has read it (simulated by bumping its
    // version as that read returns): the update's version check fails and nothing is written.
    const original = db.account.findMany.bind(db.account);
    let bumped = false;
    const spy = async (...args: Parameters<typeof original>) => {
      const rows = await original(...args);
      if (!bumped && JSON.stringify(args[0]?.where ?? {}).includes(a)) {
        bumped = true;
        await db.account.updateMany({ where: { creditCode: a }, data: { version: { increment: 1 } } });
      }
      return rows;
    };
    (db.account as unknown as { findMany: typeof spy }).findMany = spy;
    try {
      expect(await outcome(confirmAccountImport(kam, bytes, t, p))).toBe("CONFLICT");
      expect(bumped).toBe(true);
    } finally {
      (db.account as unknown as { findMany: typeof original }).findMany = original;
    }
    expect(await db.account.count({ where: { creditCode: b } })).toBe(0);
  });

  it("imports 500 rows in one go within a few seconds", async () => {
    const rows = Array.from({ length: 500 }, (_, i) => [
      `批量导入客户${i}有限公司`,
      newCode(),
      ["装备制造", "AUTOMOTIVE", "Retail & chains"][i % 3]!,
      ["大型", "MEDIUM", "small"][i % 3]!,
      ["苏州市", "320000", "Hangzhou"][i % 3]!,
      `地址 ${i}`,
      "",
    ]);
    const bytes = bytesOf(rows);
    const start = Date.now();
    const result = await importOk(kam, bytes);
    const elapsed = Date.now() - start;
    expect(result).toMatchObject({ created: 500, rejected: 0 });
    expect(elapsed).toBeLessThan(5000);
    const start2 = Date.now();
    const changed = bytesOf(rows.map((r) => [...r.slice(0, 5), `${r[5]} 号`, ""]));
    expect(await importOk(kam, changed)).toMatchObject({ created: 0, updated: 500 });
    expect(Date.now() - start2).toBeLessThan(5000);
    expect(
      await db.auditLog.count({ where: { action: "account.importUpdate", actorId: kam.id } }),
    ).toBeGreaterThanOrEqual(500);
  });
});

describe("formula cells in the files the import writes", () => {
  it("the rejected rows come back with formula-like cells guarded, and import again as they were", async () => {
    const tag = Date.now().toString(36);
    const hyperlink = `=HYPERLINK("http://evil.example/${tag}","点我")`;
    const rows = [
      [hyperlink, "", "造船", "", "", "@SUM(1+1)*cmd|' /C calc'!A0", ""],
      [`－1+1${tag}`, "", "", "巨型", "", "\t=1+2", ""],
      [`＋86 公式${tag}`, "", "", "", "无此区域", "-5", ""],
    ];
    const result = await importOk(kam, bytesOf(rows));
    expect(result).toMatchObject({ created: 0, rejected: 3 });
    const cells = parseCsv(result.rejectedCsv!.replace(/^\uFEFF/, "")).slice(1);
    expect(cells.map((r) => r.slice(0, 7))).toEqual([
      [`'${hyperlink}`, "", "造船", "", "", "'@SUM(1+1)*cmd|' /C calc'!A0", ""],
      [`'－1+1${tag}`, "", "", "巨型", "", "'\t=1+2", ""],
      // A plain negative number stays a number.
      [`'＋86 公式${tag}`, "", "", "", "无此区域", "-5", ""],
    ]);
    for (const cell of cells.flat()) expect(cell).not.toMatch(/^(?:[\t\r]|\s*[=+@＝＋－＠]|-(?!5$))/);

    // Fixed and uploaded again, the file reads as the person wrote it: the apostrophes are gone.
    const again = await previewOk(kam, new TextEncoder().encode(result.rejectedCsv!));
    expect(again.rows.map((r) => r.name)).toEqual([hyperlink, `－1+1${tag}`, `＋86 公式${tag}`]);
  });
});

describe("two confirms of the same check at once", () => {
  it("the first imports; the second answers with the first one's result and creates nothing", async () => {
    const tag = Date.now().toString(36);
    const [a, b] = [newCode(), newCode()];
    const bytes = bytesOf([
      [`并发确认甲${tag}`, a, "装备制造", "", "", "", ""],
      [`并发确认乙${tag}`, b, "", "", "", "", ""],
      [`并发确认无码${tag}`, "", "", "", "", "", ""],
      [`并发确认坏行${tag}`, "", "造船", "", "", "", ""],
    ]);
    const p = await previewOk(kam, bytes);
    const [accounts, audits] = [await db.account.count(), await db.auditLog.count()];
    // Two requests at once (a double submit, two tabs of one check, a retry): each its own transaction.
    const answers = await Promise.all([0, 1].map(() => confirmAccountImport(kam, bytes, t, p)));
    const results = answers.map((r) => {
      if (!r.ok) throw new Error(r.message);
      return r;
    });
    const first = results.find((r) => !r.alreadyConfirmedAt)!;
    const second = results.find((r) => r.alreadyConfirmedAt)!;
    expect(first).toMatchObject({ created: 3, updated: 0, rejected: 1 });
    expect(first.rejectedCsv).toContain("并发确认坏行");
    expect(second).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 1, rejectedCsv: null });
    expect(Math.abs(new Date(second.alreadyConfirmedAt!).getTime() - Date.now())).toBeLessThan(60_000);

    expect(await db.account.count()).toBe(accounts + 3);
    expect(await db.account.count({ where: { name: { contains: tag } } })).toBe(3);
    // Three accounts and the file's own entry, once.
    expect(await db.auditLog.count()).toBe(audits + 4);
    // Later confirms of that check answer the same.
    const later = await confirmAccountImport(kam, bytes, t, p);
    expect(later).toMatchObject({ ok: true, created: 3, alreadyConfirmedAt: second.alreadyConfirmedAt });
    expect(await db.account.count()).toBe(accounts + 3);
  });

  it("two checks of one file without credit codes, confirmed at once: one imports, the other is refused", async () => {
    const tag = Date.now().toString(36);
    const bytes = bytesOf([
      [`两页无码甲${tag}`, "", "", "", "", "", ""],
      [`两页无码乙${tag}`, "", "", "", "", "", ""],
    ]);
    const [p1, p2] = [await previewOk(kam, bytes), await previewOk(kam, bytes)];
    expect(p1.batch).not.toBe(p2.batch);
    const outcomes = await Promise.all([p1, p2].map((p) => outcome(confirmAccountImport(kam, bytes, t, p))));
    expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.account.count({ where: { name: { contains: tag } } })).toBe(2);
    // Checked again, the file shows the accounts that now exist.
    const again = await previewOk(kam, bytes);
    expect(again.rows.map((r) => r.warnings.length)).toEqual([1, 1]);
  });

  it("two checks of one file with credit codes, confirmed at once: one imports, the other is refused (not a 500)", async () => {
    const bytes = bytesOf([[`两页有码${Date.now().toString(36)}`, newCode(), "", "", "", "", ""]]);
    const [p1, p2] = [await previewOk(kam, bytes), await previewOk(kam, bytes)];
    const outcomes = await Promise.all([p1, p2].map((p) => outcome(confirmAccountImport(kam, bytes, t, p))));
    expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
  });

  it("a batch token is the check's: missing, malformed or used for another file, it imports nothing", async () => {
    const bytes = bytesOf([[`令牌${Date.now().toString(36)}`, "", "", "", "", "", ""]]);
    const p = await previewOk(kam, bytes);
    const changed = { ok: false, message: "accountTools.import.fileProblems.changedSincePreview" };
    expect(await confirmAccountImport(kam, bytes, t, { digest: p.digest, batch: "" })).toEqual(changed);
    expect(await confirmAccountImport(kam, bytes, t, { digest: p.digest, batch: "x'; --" })).toEqual(changed);
    expect(await confirmAccountImport(kam, bytes, t, p)).toMatchObject({ ok: true, created: 1 });
    const other = bytesOf([[`令牌另一个${Date.now().toString(36)}`, "", "", "", "", "", ""]]);
    const q = await previewOk(kam, other);
    expect(await outcome(confirmAccountImport(kam, other, t, { digest: q.digest, batch: p.batch }))).toBe(
      "CONFLICT",
    );
    // Someone else cannot read another person's import through its token either.
    expect(await outcome(confirmAccountImport(kam2, bytes, t, p))).toBe("CONFLICT");
  });
});

describe("scoring settings", () => {
  const form = (over: Record<string, string> = {}) => ({
    version: "1",
    weightCurrent: "40",
    weightPotential: "35",
    weightStrategic: "25",
    tierA: "75",
    tierB: "50",
    fullMarksPurchaseVolume: "5000万",
    fullMarksCategorySpend: "2亿",
    fullMarksGrowth: "30",
    maxCostToServePercent: "60",
    ...over,
  });

  it("the form's schema: amounts with 万/亿, the cost limit as a percentage, A above B", () => {
    const ok = scoringSettingsSchema.parse(form());
    expect(ok).toEqual({
      version: 1,
      weightCurrent: 40,
      weightPotential: 35,
      weightStrategic: 25,
      tierA: 75,
      tierB: 50,
      fullMarksPurchaseVolume: 50_000_000,
      fullMarksCategorySpend: 200_000_000,
      fullMarksGrowth: 30,
      maxCostToServeShare: 0.6,
    });
    const bad = scoringSettingsSchema.safeParse(form({ tierB: "80", weightPotential: "" }));
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("weightPotential");
    const zero = scoringSettingsSchema.safeParse(
      form({ weightCurrent: "0", weightPotential: "0", weightStrategic: "0" }),
    );
    expect(zero.error!.issues.map((i) => i.path.join("."))).toEqual(["weightCurrent"]);
    const order = scoringSettingsSchema.safeParse(form({ tierB: "75" }));
    expect(order.error!.issues).toMatchObject([{ path: ["tierB"], code: "too_big", maximum: 74 }]);
  });

  it("only an administrator may change them; every live account is rescored", async () => {
    const current = (await db.scoringSettings.findUnique({ where: { id: "default" } })) ?? { version: 1 };
    const input = scoringSettingsSchema.parse(
      form({
        version: String(current.version),
        weightCurrent: "80",
        weightPotential: "10",
        weightStrategic: "10",
      }),
    );
    expect(await outcome(updateScoringSettings(manager, input))).toBe("FORBIDDEN");
    expect(await outcome(updateScoringSettings(kam, input))).toBe("FORBIDDEN");

    const live = await db.account.count({ where: { deletedAt: null } });
    const { rescored, settings } = await updateScoringSettings(admin, input);
    expect(rescored).toBe(live);
    expect(settings.weightCurrent).toBe(80);
    // Every live account (more than one batch of 500) carries the scores the new weights give, with
    // its tier following unless a person overrode it.
    expect(live).toBeGreaterThan(500);
    const accounts = await db.account.findMany({ where: { deletedAt: null } });
    const wrong = accounts.filter((a) => {
      const s = cachedScores(a, settings);
      return (
        a.compositeScore !== s.compositeScore ||
        a.currentScore !== s.currentScore ||
        a.computedTier !== s.computedTier ||
        a.priorityScore !== s.priorityScore ||
        a.negativeAsset !== s.negativeAsset ||
        (!a.tierOverrideReason && a.tier !== s.computedTier)
      );
    });
    expect(wrong.map((a) => a.name)).toEqual([]);
    // A stale version is refused.
    expect(await outcome(updateScoringSettings(admin, input))).toBe("CONFLICT");
    // Back to the defaults for the other tests.
    await updateScoringSettings(
      admin,
      scoringSettingsSchema.parse(form({ version: String(settings.version) })),
    );
  });
});

// Last: thousands more accounts would slow down the rescoring above.
describe("the limit", () => {
  it("imports 5,000 rows (the most one file may hold) in one transaction", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `上限导入客户${i}有限公司`,
      newCode(),
      "装备制造",
      "中型",
      "苏州市",
      `星湖街 ${i} 号`,
      "",
    ]);
    const start = Date.now();
    expect(await importOk(kam, bytesOf(rows))).toMatchObject({ created: 5000, rejected: 0 });
    console.log(`5,000 rows imported in ${Date.now() - start} ms`);
  }, 120_000);
});
