import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  buildLabelIndex,
  buildTerritoryIndex,
  changedFields,
  clipForDisplay,
  columnLabel,
  duplicateCodeRows,
  duplicateNameRows,
  mapHeaders,
  normaliseCompanyName,
  normHeader,
  TEMPLATE_FIELDS,
  TEMPLATE_HEADERS,
  validateRow,
  type RowContext,
} from "@/lib/domain/account-import";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { messagesFor } from "@/lib/i18n/messages";
import { validateImportedProfile } from "@/lib/validation/account-import";

/** A fake translator that shows which key was asked for, with which values. */
const t = (key: string, values?: Record<string, string | number>) =>
  values ? `${key}|${JSON.stringify(values)}` : key;

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const GOOD_CODE = code("91320500MA1234567");

const ctx: RowContext = {
  validate: validateImportedProfile,
  labels: buildLabelIndex([messagesFor("zh-CN").account, messagesFor("en").account]),
  territories: buildTerritoryIndex([
    { id: "ter_js", code: "320000", name: "江苏省", nameEn: "Jiangsu" },
    { id: "ter_sz", code: "320500", name: "苏州市", nameEn: "Suzhou" },
    // Two places with the same name (by code they are distinct).
    { id: "ter_a", code: "X1", name: "新区", nameEn: "New District" },
    { id: "ter_b", code: "X2", name: "新区", nameEn: "New Area" },
  ]),
  owners: new Map([["kam@keystone.demo", "usr_kam"]]),
};

const EN = mapHeaders([
  "name",
  "creditCode",
  "legalRepresentative",
  "industry",
  "sizeBand",
  "headcount",
  "annualRevenue",
  "accountType",
  "territory",
  "address",
  "website",
  "owner",
]);

const good = [
  "苏州精工机械有限公司",
  GOOD_CODE,
  "王建国",
  "MACHINERY",
  "LARGE",
  "1,200",
  "12500万",
  "END_CUSTOMER",
  "320500",
  "苏州工业园区星湖街 1 号",
  "https://example.com",
  "KAM@keystone.demo",
];

const withCell = (i: number, value: string) => good.map((v, j) => (j === i ? value : v));

describe("mapHeaders", () => {
  it("recognises the field names, the templates' headers in both languages and common aliases", () => {
    expect(EN.columns).toEqual(TEMPLATE_FIELDS);
    for (const locale of ["en", "zh-CN"] as const) {
      const h = mapHeaders(TEMPLATE_FIELDS.map((f) => TEMPLATE_HEADERS[locale][f]));
      expect(h.columns).toEqual(TEMPLATE_FIELDS);
      expect(h.unknown).toEqual([]);
    }
    const zh = mapHeaders([
      "\uFEFF企业名称",
      "统一社会信用代码",
      "法人代表",
      "行业",
      "规模",
      "员工人数",
      "年营业收入",
      "客户类型",
      "所属区域",
      "地址",
      "网站",
      "负责人",
    ]);
    expect(zh.columns).toEqual(TEMPLATE_FIELDS);
    expect(zh.headers[0]).toBe("企业名称");
    expect(mapHeaders(["Company Name", "Credit_Code", "年营业收入（万元）", "法定代表人"]).columns).toEqual([
      "name",
      "creditCode",
      "annualRevenue",
      "legalRepresentative",
    ]);
  });

  it("reports unknown and duplicated columns", () => {
    const h = mapHeaders(["name", "备注", "企业名称", ""]);
    expect(h.columns).toEqual(["name", null, "name", null]);
    expect(h.unknown).toEqual(["备注"]);
    expect(h.duplicates).toEqual(["name"]);
  });

  it("normalises headers: case, spaces, separators, a trailing unit in brackets", () => {
    expect(normHeader(" Annual revenue (yuan) ")).toBe("annualrevenue");
    expect(normHeader("年营业收入（元）")).toBe("年营业收入");
    expect(normHeader("credit_code*")).toBe("creditcode");
  });
});

describe("validateRow", () => {
  it("turns a good row into a profile (codes, ids, fen) with no problems", () => {
    const r = validateRow(good, 2, EN, ctx, t);
    expect(r.problems).toEqual([]);
    expect(r.row).toBe(2);
    expect(r.ownerId).toBe("usr_kam");
    expect(r.profile).toEqual({
      name: "苏州精工机械有限公司",
      creditCode: GOOD_CODE,
      legalRepresentative: "王建国",
      industry: "MACHINERY",
      sizeBand: "LARGE",
      headcount: 1200,
      annualRevenue: 12_500_000_000n, // 12500万 yuan in fen
      shareholderBackground: null,
      orgStructureNotes: null,
      industryStanding: null,
      address: "苏州工业园区星湖街 1 号",
      website: "https://example.com",
      accountType: "END_CUSTOMER",
      territoryId: "ter_sz",
    });
  });

  it("maps labels in either language to codes, and territory names to ids", () => {
    const zh = ["苏州精工", "", "", "装备制造", "大型", "", "", "分销大客户", "苏州市", "", "", ""];
    expect(validateRow(zh, 2, EN, ctx, t).profile).toMatchObject({
      industry: "MACHINERY",
      sizeBand: "LARGE",
      accountType: "CHANNEL",
      territoryId: "ter_sz",
    });
    const en = [
      "Acme",
      "",
      "",
      "machinery & equipment",
      "very large",
      "",
      "",
      "Partner",
      "suzhou",
      "",
      "",
      "",
    ];
    expect(validateRow(en, 2, EN, ctx, t).profile).toMatchObject({
      industry: "MACHINERY",
      sizeBand: "GIANT",
      accountType: "PARTNER",
      territoryId: "ter_sz",
    });
  });

  it("leaves what the row does not say as null (an update keeps those values)", () => {
    const r = validateRow(["仅名称", "", "", "", "", "", "", "", "", "", "", ""], 3, EN, ctx, t);
    expect(r.problems).toEqual([]);
    expect(r.ownerId).toBeNull();
    expect(r.profile).toMatchObject({
      name: "仅名称",
      creditCode: null,
      accountType: null,
      territoryId: null,
    });
  });

  it("a missing name is required", () => {
    const r = validateRow(withCell(0, "  "), 4, EN, ctx, t);
    expect(r.profile).toBeNull();
    expect(r.problems).toEqual([{ field: "name", message: "validation.required" }]);
  });

  it("a bad credit code says what is wrong with it", () => {
    const wrongCheck = GOOD_CODE.slice(0, 17) + (GOOD_CODE[17] === "0" ? "1" : "0");
    expect(validateRow(withCell(1, wrongCheck), 2, EN, ctx, t).problems).toEqual([
      { field: "creditCode", message: "validation.creditCode_checkDigit" },
    ]);
    expect(validateRow(withCell(1, "12345"), 2, EN, ctx, t).problems).toEqual([
      { field: "creditCode", message: "validation.creditCode_length" },
    ]);
    // Lower case and spaces are normalised, as people paste them.
    const pasted = `${GOOD_CODE.slice(0, 6)} ${GOOD_CODE.slice(6).toLowerCase()}`;
    expect(validateRow(withCell(1, pasted), 2, EN, ctx, t).profile?.creditCode).toBe(GOOD_CODE);
  });

  it("unknown industry, size, type, territory and owner each get their own message, naming the value", () => {
    const r = validateRow(
      ["Acme", "", "", "Shipbuilding", "huge", "", "", "Friend", "火星", "", "", "nobody@x.cn"],
      5,
      EN,
      ctx,
      t,
    );
    expect(r.profile).toBeNull();
    expect(r.problems).toEqual([
      { field: "industry", message: 'accountTools.import.problems.unknownIndustry|{"value":"Shipbuilding"}' },
      { field: "sizeBand", message: 'accountTools.import.problems.unknownSize|{"value":"huge"}' },
      { field: "accountType", message: 'accountTools.import.problems.unknownType|{"value":"Friend"}' },
      { field: "territory", message: 'accountTools.import.problems.unknownTerritory|{"value":"火星"}' },
      { field: "owner", message: 'accountTools.import.problems.unknownOwner|{"value":"nobody@x.cn"}' },
    ]);
  });

  it("an ambiguous territory name asks for the code; the code works", () => {
    expect(validateRow(withCell(8, "新区"), 2, EN, ctx, t).problems).toEqual([
      { field: "territory", message: 'accountTools.import.problems.ambiguousTerritory|{"value":"新区"}' },
    ]);
    expect(validateRow(withCell(8, "X2"), 2, EN, ctx, t).profile?.territoryId).toBe("ter_b");
  });

  it("bad numbers and amounts use the form's messages; every problem of a row is reported", () => {
    const r = validateRow(["", "12345", "", "", "", "lots", "a lot", "", "", "", "", ""], 6, EN, ctx, t);
    expect(r.problems.map((p) => [p.field, p.message])).toEqual([
      ["name", "validation.required"],
      ["creditCode", "validation.creditCode_length"],
      ["headcount", "validation.wholeNumber"],
      ["annualRevenue", "validation.amount"],
    ]);
  });

  it("texts longer than the form allows are refused", () => {
    const r = validateRow(withCell(0, "x".repeat(121)), 2, EN, ctx, t);
    expect(r.problems).toEqual([{ field: "name", message: 'validation.tooLong|{"max":120}' }]);
  });

  it("reads a Chinese-headed file and reports problems in Chinese with the column name", () => {
    const zhT = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") });
    const tr = zhT as unknown as (key: string, values?: Record<string, string | number>) => string;
    const header = mapHeaders(["企业名称", "统一社会信用代码", "行业"]);
    const r = validateRow(["", "123", "造船"], 2, header, ctx, tr);
    const text = r.problems.map((p) => `${columnLabel(p.field!, "", tr)}: ${p.message}`);
    expect(text).toEqual([
      "企业名称: 此项为必填项。",
      `统一社会信用代码: ${messagesFor("zh-CN").validation.creditCode_length}`,
      "行业: “造船”不是系统中的行业。请使用列说明中的行业名称。",
    ]);
  });
});

describe("columnLabel", () => {
  it("is the field's label, with the file's header when that differs", () => {
    expect(columnLabel("creditCode", "creditCode", t)).toBe("account.fields.creditCode (creditCode)");
    expect(columnLabel("creditCode", "account.fields.creditCode", t)).toBe("account.fields.creditCode");
    expect(columnLabel("creditCode", undefined, t)).toBe("account.fields.creditCode");
  });
});

describe("duplicateCodeRows", () => {
  it("names, for each row sharing a credit code, the other rows", () => {
    const rows = [2, 3, 4, 5].map((row, i) => validateRow(i === 2 ? withCell(1, "") : good, row, EN, ctx, t));
    expect(duplicateCodeRows(rows)).toEqual(
      new Map([
        [2, [3, 5]],
        [3, [2, 5]],
        [5, [2, 3]],
      ]),
    );
  });
});

describe("duplicateNameRows", () => {
  const row = (n: number, name: string, creditCode = "") =>
    validateRow(
      withCell(1, creditCode).map((v, i) => (i === 0 ? name : v)),
      n,
      EN,
      ctx,
      t,
    );

  it("normalises names: full-width brackets and letters, white space, case", () => {
    expect(normaliseCompanyName("苏州精工（集团）有限公司")).toBe(
      normaliseCompanyName("苏州精工(集团)有限公司"),
    );
    expect(normaliseCompanyName(" ＡＣＭＥ  Trading Ltd ")).toBe(normaliseCompanyName("acme trading ltd"));
    expect(normaliseCompanyName("苏州精工")).not.toBe(normaliseCompanyName("苏州精工机械"));
  });

  it("reports rows without a credit code whose name another row has, each naming the others", () => {
    const rows = [
      row(2, "苏州精工（集团）有限公司"),
      row(3, "上海昇喆贸易有限公司"),
      row(4, "苏州精工(集团)有限公司"),
      row(5, " 苏州精工（集团）有限公司 "),
      row(6, "杭州湾有限公司"),
    ];
    expect(duplicateNameRows(rows)).toEqual(
      new Map([
        [2, [4, 5]],
        [4, [2, 5]],
        [5, [2, 4]],
      ]),
    );
  });

  it("a row with a credit code is told apart by it; a row without one beside it is still reported", () => {
    const rows = [
      row(2, "同名公司", GOOD_CODE),
      row(3, "同名公司"),
      row(4, "同名公司", code("91320500MA7654321")),
    ];
    expect(duplicateNameRows(rows)).toEqual(new Map([[3, [2, 4]]]));
    // Rows that are rejected anyway (no profile) are not counted.
    const invalid = validateRow(
      withCell(3, "造船").map((v, i) => (i === 0 ? "同名公司" : i === 1 ? "" : v)),
      5,
      EN,
      ctx,
      t,
    );
    expect(invalid.profile).toBeNull();
    expect(duplicateNameRows([row(2, "同名公司"), invalid])).toEqual(new Map());
  });
});

describe("clipForDisplay", () => {
  it("keeps short values and cuts huge cells for the preview and messages", () => {
    expect(clipForDisplay("苏州精工")).toBe("苏州精工");
    const huge = "甲".repeat(1_000_000);
    expect(clipForDisplay(huge)).toHaveLength(200);
    expect(clipForDisplay(huge).endsWith("…")).toBe(true);
  });
});

describe("changedFields", () => {
  it("lists only given values that differ; the owner counts when named and different", () => {
    const r = validateRow(good, 2, EN, ctx, t);
    const current = {
      ...r.profile!,
      accountType: "END_CUSTOMER" as const,
      ownerId: "usr_kam",
    };
    expect(changedFields(r.profile!, r.ownerId, current)).toEqual([]);
    expect(
      changedFields(r.profile!, "usr_other", {
        ...current,
        address: "旧地址",
        annualRevenue: 1n,
        headcount: null,
      }),
    ).toEqual(["headcount", "annualRevenue", "address", "ownerId"]);
    const nameOnly = validateRow(
      ["苏州精工机械有限公司", "", "", "", "", "", "", "", "", "", "", ""],
      2,
      EN,
      ctx,
      t,
    );
    expect(changedFields(nameOnly.profile!, null, current)).toEqual([]);
  });
});
