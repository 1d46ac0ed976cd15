import { describe, expect, it } from "vitest";
import {
  CsvError,
  decodeCsvBytes,
  detectDelimiter,
  formatCsv,
  formatCsvField,
  isBlankRecord,
  looksLikeWorkbook,
  parseCsv,
} from "@/lib/domain/csv";

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
  });

  it("guards cells that spreadsheets would run as formulas, when asked", () => {
    expect(formatCsvField("=1+2", { guardFormulas: true })).toBe("'=1+2");
    expect(formatCsvField("-5", { guardFormulas: true })).toBe("'-5");
    expect(formatCsvField("=1+2")).toBe("=1+2");
  });
});

describe("decodeCsvBytes", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeCsvBytes(utf8("企业名称,行业"))).toEqual({ text: "企业名称,行业", encoding: "utf-8" });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("企业名称")]);
    expect(decodeCsvBytes(withBom)).toEqual({ text: "企业名称", encoding: "utf-8" });
  });

  it("falls back to GB18030 for bytes that are not valid UTF-8 (Chinese Excel's CSV)", () => {
    // "企业名称,行业" in GBK
    const gbk = new Uint8Array([
      0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd0, 0xd0, 0xd2, 0xb5,
    ]);
    expect(decodeCsvBytes(gbk)).toEqual({ text: "企业名称,行业", encoding: "gb18030" });
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]);
    expect(decodeCsvBytes(le)).toEqual({ text: "a,b", encoding: "utf-16le" });
  });

  it("recognises an Excel workbook", () => {
    expect(looksLikeWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(looksLikeWorkbook(utf8("name,code"))).toBe(false);
  });
});
