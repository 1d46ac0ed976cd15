import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, decodeCsvBytes, decodeCsvPieces, detectDelimiter, formatCsv } from "@/lib/domain/csv";
import { csvChunks, delimiterOfPieces, iterateCsv, iterateCsvPieces } from "@/lib/domain/csv-stream";
import { DigestTable } from "@/lib/domain/digest-table";
import { encodeLegacy } from "../../support/legacy-encoding";

// The sales-report import reads a file in decoded pieces; whatever the cuts, it must read exactly
// what the whole text reads.

/** `text` cut at the given positions. */
const cut = (text: string, at: number[]) => {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
};

const readAll = (f: () => Iterable<unknown>) => {
  try {
    return [...f()];
  } catch (error) {
    return error instanceof CsvError ? `CsvError ${error.line}` : error;
  }
};

describe("iterateCsvPieces", () => {
  const raw = fc.string({ unit: fc.constantFrom("a", "中", ",", ";", '"', "\n", "\r", " "), maxLength: 40 });

  it("reads text cut anywhere as the whole text (records, row numbers, unterminated quotes)", () => {
    fc.assert(
      fc.property(raw, fc.array(fc.nat(), { maxLength: 6 }), (text, at) => {
        expect(readAll(() => iterateCsvPieces(cut(text, at)))).toEqual(readAll(() => iterateCsv(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads formatted CSV cut at every position as one piece reads it", () => {
    const text = formatCsv([
      ["a", 'say "hi"', "x\r\ny"],
      ["", "", ""],
      ["中文", "b,c", '"'],
    ]);
    const whole = [...iterateCsv(text)];
    for (let p = 0; p <= text.length; p++)
      for (const q of [p, p + 1, p + 3]) expect([...iterateCsvPieces(cut(text, [p, q]))]).toEqual(whole);
  });

  it("reports an unterminated quote at the line it opened on, across pieces", () => {
    expect(readAll(() => iterateCsvPieces(["a,b\nc,", '"d\ne', "\nf"]))).toBe("CsvError 2");
  });

  it("chunks pieces as it chunks the text", () => {
    const text = "h1,h2\n1,2\n\n3,4\n5,6\n7";
    expect([...csvChunks(cut(text, [3, 9, 12]), ",", 2)]).toEqual([...csvChunks(text, ",", 2)]);
  });
});

describe("delimiterOfPieces", () => {
  it("finds the first line's delimiter even when the line spans pieces, and hands every piece on", () => {
    for (const text of ['a;b;"x,y,z"\n1,2,3,4', "a\tb\tc", 'x,"a;\nb;c;d";e\n1;2']) {
      for (let p = 0; p <= text.length; p++) {
        const read = delimiterOfPieces(cut(text, [p]));
        expect(read.delimiter).toBe(detectDelimiter(text));
        expect([...read.pieces].join("")).toBe(text);
      }
    }
  });
});

describe("decodeCsvPieces", () => {
  const joined = (bytes: Uint8Array, size: number) => {
    const d = decodeCsvPieces(bytes, size);
    return d.ok ? { ok: true, text: [...d.pieces()].join(""), encoding: d.encoding } : d;
  };
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it("decodes as decodeCsvBytes does, whatever the piece size cuts through a character", () => {
    const samples = [
      utf8("企业名称,行业\r\n苏州精工机械有限公司,装备制造 😀"),
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("企业名称,区域\n华东,上海")]),
      new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]),
      encodeLegacy("企业名称,行业\r\n鑫瑞（昆山）精密模具有限公司,装备制造\r\n堃", "gbk"),
      encodeLegacy("Company,Address\r\nL’Oréal,“Clichy” – 41 rue Martre € ", "windows-1252"),
      new Uint8Array([0x61, 0x00, 0x62]),
      new Uint8Array([0xc3, 0x28, 0xa0, 0xa1]),
    ];
    for (const bytes of samples)
      for (const size of [1, 2, 3, 5, 7, 64])
        expect(joined(bytes, size), `${bytes.slice(0, 8)} / ${size}`).toEqual(decodeCsvBytes(bytes));
  });

  it("starts over each time its pieces are asked for", () => {
    const d = decodeCsvPieces(utf8("a,b\n1,2\n"), 3);
    expect(d.ok && [...d.pieces()].join("") + [...d.pieces()].join("")).toBe("a,b\n1,2\na,b\n1,2\n");
  });
});

describe("DigestTable", () => {
  const digest = (n: number, salt = 0) => {
    const b = new Uint8Array(16);
    // Same first word for every `salt`: they probe the same slots.
    new DataView(b.buffer).setUint32(0, n * 2654435761, true);
    new DataView(b.buffer).setUint32(12, salt, true);
    return b;
  };

  it("keeps a value for each of many digests, colliding ones included, across growth", () => {
    const table = new DigestTable(4);
    for (let n = 0; n < 5000; n++) for (let s = 0; s < 3; s++) table.set(digest(n, s), n * 3 + s + 1);
    expect(table.size).toBe(15000);
    for (let n = 0; n < 5000; n++)
      for (let s = 0; s < 3; s++) expect(table.get(digest(n, s))).toBe(n * 3 + s + 1);
    expect(table.get(digest(5000))).toBeUndefined();
    expect(table.get(digest(1, 7))).toBeUndefined();
  });

  it("replaces a value without counting the digest twice", () => {
    const table = new DigestTable();
    table.set(digest(1), 1);
    table.set(digest(1), 2);
    expect([table.size, table.get(digest(1))]).toEqual([1, 2]);
  });

  it("refuses values it cannot tell from an empty slot, and short digests", () => {
    const table = new DigestTable();
    expect(() => table.set(digest(1), 0)).toThrow(RangeError);
    expect(() => table.set(digest(1), 1.5)).toThrow(RangeError);
    expect(() => table.get(new Uint8Array(8))).toThrow(RangeError);
  });
});
