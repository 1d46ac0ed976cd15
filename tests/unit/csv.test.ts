import { describe, expect, it } from "vitest";
import {
  CsvError,
  decodeCsvBytes,
  detectDelimiter,
  formatCsv,
  formatCsvField,
  formatCsvRecord,
  isBlankRecord,
  looksBinary,
  looksLikeWorkbook,
  neutraliseFormula,
  parseCsv,
  restoreGuardedCell,
} from "@/lib/domain/csv";
import { seededRandom } from "@/lib/domain/random";
import { encodeLegacy } from "../support/legacy-encoding";

describe("parseCsv (RFC 4180)", () => {
  it("splits plain fields and records", () => {
    expect(parseCsv("a,b,c\n1,2,3")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("accepts CRLF, LF and lone CR line ends, and a trailing line break adds no record", () => {
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a\n1\n")).toEqual([["a"], ["1"]]);
    expect(parseCsv("a\r1\r")).toEqual([["a"], ["1"]]);
  });

  it("keeps delimiters, line breaks and escaped quotes inside quoted fields", () => {
    const text = 'name,address\r\n"Acme, Inc.","Line 1\r\nLine 2"\r\n"He said ""hi""",x\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "address"],
      ["Acme, Inc.", "Line 1\r\nLine 2"],
      ['He said "hi"', "x"],
    ]);
  });

  it("keeps empty fields, including a trailing one and a quoted empty one", () => {
    expect(parseCsv('a,,c,\n"",x,""')).toEqual([
      ["a", "", "c", ""],
      ["", "x", ""],
    ]);
  });

  it("keeps blank lines as one empty field (a spreadsheet's blank row)", () => {
    const rows = parseCsv("h\n\n1\n");
    expect(rows).toEqual([["h"], [""], ["1"]]);
    expect(isBlankRecord(rows[1]!)).toBe(true);
    expect(isBlankRecord([" ", "\u3000"])).toBe(true);
    expect(isBlankRecord(["", "x"])).toBe(false);
  });

  it("is lenient with stray quotes: inside an unquoted field and after a closing quote they are text", () => {
    expect(parseCsv('ab"c,"d"e')).toEqual([['ab"c', "de"]]);
  });

  it("reports a quoted field that is never closed, with the line where it starts", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect((error as CsvError).code).toBe("unterminatedQuote");
      expect((error as CsvError).line).toBe(2);
    }
  });

  it("parses Chinese text and other delimiters", () => {
    expect(parseCsv("企业名称;行业\n苏州精工;装备制造", ";")).toEqual([
      ["企业名称", "行业"],
      ["苏州精工", "装备制造"],
    ]);
    expect(parseCsv("a\tb\n1\t2", "\t")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("returns no records for empty text", () => {
    expect(parseCsv("")).toEqual([]);
  });
});

describe("detectDelimiter", () => {
  it("picks comma by default, and semicolon or tab when they dominate the header", () => {
    expect(detectDelimiter("a,b,c\n1;2;3")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,2")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter("name")).toBe(",");
  });

  it("ignores delimiters inside quoted header cells", () => {
    expect(detectDelimiter('"a;b;c";"d"\n')).toBe(";");
    expect(detectDelimiter('"x,y,z";a;b\n')).toBe(";");
  });
});

describe("formatCsv", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(formatCsvField("plain")).toBe("plain");
    expect(formatCsvField("a,b")).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField("two\nlines")).toBe('"two\nlines"');
    expect(formatCsvField(" padded")).toBe('" padded"');
    expect(formatCsvField(null)).toBe("");
    expect(formatCsvField(42)).toBe("42");
    expect(formatCsvField(12_500_000_000n)).toBe("12500000000");
  });

  it("writes CRLF records, optionally with a BOM, and round-trips through parseCsv", () => {
    const rows = [
      ["企业名称", "地址"],
      ["苏州精工, 有限公司", '1号\r\n"B"座'],
    ];
    const text = formatCsv(rows, { bom: true });
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual(rows);
    expect(formatCsvRecord(["a", 1, null])).toBe("a,1,\r\n");
    expect(formatCsv([])).toBe("");
  });
});

describe("the formula guard (every file the app writes)", () => {
  it("puts an apostrophe before = + - @, a leading tab or CR, and their full-width forms", () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
      ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
      ["-2+3", "'-2+3"],
      ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
      ["\t=1+2", `"'\t=1+2"`],
      ["\r=1+2", `"'\r=1+2"`],
      ["\tplain", `"'\tplain"`],
      // Full-width: Excel in a Chinese locale runs these too.
      ["＝1+2", "'＝1+2"],
      ["＋86 21 5555 0000", "'＋86 21 5555 0000"],
      ["－5", "'－5"],
      ["＠SUM(A1)", "'＠SUM(A1)"],
      // Behind white space (an importer that trims would expose it).
      [" =1+2", "' =1+2"],
      ["\u3000＝1+2", "'\u3000＝1+2"],
    ];
    for (const [cell, written] of cases) expect(formatCsvField(cell), cell).toBe(written);
  });

  it("leaves plain numbers alone, negative ones included: a spreadsheet reads them as numbers", () => {
    for (const n of ["-5", "-12.5", "+3", "-0.25", "1e6", "-1.5E-3", ".5"]) expect(formatCsvField(n)).toBe(n);
    expect(formatCsvField(-42.5)).toBe("-42.5");
    // Not plain numbers: guarded.
    for (const n of ["-5 元", "-1,000", "+86 138 0000 0000", "-Infinity", "- 5"]) {
      expect(formatCsvField(n).replace(/^"/, "")).toMatch(/^'/);
    }
  });

  it("leaves ordinary text alone, and an apostrophe that guards nothing", () => {
    for (const cell of ["苏州精工", "A-1 座", "e-mail@x.cn", "'quoted'", "'", "1-2-3 号", "=", ""]) {
      const expected = cell === "=" ? "'=" : cell;
      expect(neutraliseFormula(cell)).toBe(expected);
    }
  });

  it("restoreGuardedCell gives back exactly what was written, even cells that start with apostrophes", () => {
    for (const cell of ["=1+2", "'=1+2", "''=1+2", "'abc", "-5", "'-5", "＠x", "' =1", "plain"]) {
      expect(restoreGuardedCell(neutraliseFormula(cell)), cell).toBe(cell);
    }
  });

  it("property: for any cells, no written cell starts a formula, and reading it back restores the cell", () => {
    // Seeded random cells over the characters that matter (fast-check is not a declared dependency).
    const random = seededRandom(20_261_126);
    const alphabet = [..."=+-@\t\r\n＝＋－＠'\", ;0123456789.eE甲a ", "\u3000", "\r\n"];
    const formulaStart = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/;
    const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
    for (let run = 0; run < 5000; run++) {
      const cells = Array.from({ length: random.int(1, 4) }, () =>
        Array.from({ length: random.int(0, 8) }, () => random.pick(alphabet)).join(""),
      );
      const written = parseCsv(formatCsv([cells, ["end"]]))[0]!;
      expect(written).toHaveLength(cells.length);
      written.forEach((cell, i) => {
        if (formulaStart.test(cell)) expect(plainNumber.test(cell), JSON.stringify(cell)).toBe(true);
        expect(restoreGuardedCell(cell)).toBe(cells[i]);
      });
    }
  });
});

describe("decodeCsvBytes", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeCsvBytes(utf8("企业名称,行业"))).toEqual({
      ok: true,
      text: "企业名称,行业",
      encoding: "utf-8",
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("企业名称")]);
    expect(decodeCsvBytes(withBom)).toEqual({ ok: true, text: "企业名称", encoding: "utf-8" });
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]);
    expect(decodeCsvBytes(le)).toEqual({ ok: true, text: "a,b", encoding: "utf-16le" });
  });

  it("reads GBK files from a Chinese Excel as GB18030: company names, addresses, mixed ASCII, rare hanzi", () => {
    // "企业名称,行业" in GBK, byte by byte
    const gbk = new Uint8Array([
      0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd0, 0xd0, 0xd2, 0xb5,
    ]);
    expect(decodeCsvBytes(gbk)).toEqual({ ok: true, text: "企业名称,行业", encoding: "gb18030" });
    const files = [
      [
        "企业名称,统一社会信用代码,行业,规模,所属区域,地址,负责人（邮箱）",
        "苏州精工机械有限公司,91320500MA1234567X,装备制造,大型,苏州市,江苏省苏州市工业园区星湖街328号,east.kam1@keystone.demo",
        "3M中国有限公司,,化工与新材料,特大型,上海市,上海市长宁区兴义路8号万都中心38楼,",
        "鑫瑞（昆山）精密模具有限公司,,装备制造,中型,320583,昆山市玉山镇晨丰路188号A栋,",
        "ABB（中国）有限公司,,电子与半导体,Large,Beijing,北京市朝阳区酒仙桥路10号恒通商务园B1座,",
        "上海昇喆贸易有限公司,,零售与连锁,小型,上海市,浦东新区张江路1号（近科苑路）,",
      ].join("\r\n"),
      "name,address\r\n华为技术有限公司,深圳市龙岗区坂田华为基地B区1号楼",
      // Hanzi glued to ASCII, and a short file of a single name with a rare character.
      "企业名称\r\nTCL科技集团股份有限公司\r\n比亚迪股份有限公司（BYD）",
      // Hanzi between Latin letters on both sides.
      "name\r\nABB中国Ltd\r\nSiemens西门子AG",
      "王喆",
      "A股",
      "name\r\n堃",
    ];
    for (const text of files)
      expect(decodeCsvBytes(encodeLegacy(text, "gbk")), text).toEqual({
        ok: true,
        text,
        encoding: "gb18030",
      });
  });

  it("reads Windows-1252 files from a Western Excel as Windows-1252, never as GB18030", () => {
    const files = [
      "Müller GmbH,Société Générale",
      "Company name,Address\r\nNestlé S.A.,Avenue Nestlé 55 Vevey\r\nL’Oréal,“Clichy” – 41 rue Martre\r\n",
      "Größe",
      "Conceição Alimentos Ltda.",
      "São Paulo Comércio e Exportação Ltda.,Av. Paulista 1000",
      "name\r\nÇa va à Montréal\r\nØresund Ærø Å\r\nPreis: 5 €",
      "MÜLLER GMBH,SOCIÉTÉ GÉNÉRALE",
      "Zürich Versicherung,Mythenquai 2",
    ];
    for (const text of files) {
      expect(decodeCsvBytes(encodeLegacy(text, "windows-1252")), text).toEqual({
        ok: true,
        text,
        encoding: "windows-1252",
      });
    }
  });

  it("refuses what it cannot tell rather than show mojibake: Big5, Shift-JIS, damaged UTF-8", () => {
    const refused = [
      encodeLegacy("公司名稱,地址\r\n台灣積體電路製造股份有限公司,新竹科學園區力行六路8號", "big5"),
      encodeLegacy("会社名,住所\r\nトヨタ自動車株式会社,愛知県豊田市トヨタ町1番地", "shift_jis"),
      new Uint8Array([...utf8("Société Générale,Müller"), 0xe9, ...utf8(" GmbH")]),
    ];
    for (const bytes of refused)
      expect(decodeCsvBytes(bytes)).toEqual({ ok: false, problem: "unknownEncoding" });
  });

  it("refuses binary files: NUL bytes, UTF-16 without its mark, many control characters", () => {
    const binary = [
      utf8("企业名称,地址\r\n零字节\u0000公司,x\r\n"),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), // a PNG
      new Uint8Array([0x6e, 0x00, 0x61, 0x00, 0x6d, 0x00, 0x65, 0x00]), // "name" in UTF-16LE, no BOM
      new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0x00]), // UTF-16 with a NUL character
      Uint8Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? 0x02 : 0x41)),
    ];
    for (const bytes of binary) expect(decodeCsvBytes(bytes)).toEqual({ ok: false, problem: "binary" });
    // A few control characters pasted in from Word (vertical tab) do not make a file binary.
    expect(looksBinary(utf8("企业名称,备注\r\n甲公司,第一行\u000b第二行\r\n"))).toBe(false);
  });

  it("recognises an Excel workbook", () => {
    expect(looksLikeWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(looksLikeWorkbook(utf8("name,code"))).toBe(false);
  });
});
