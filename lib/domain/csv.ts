// CSV in and out (RFC 4180): quoted fields, "" for a quote inside a quoted field, CRLF or LF line
// ends, line breaks inside quoted fields. Also the byte-level concerns of files from Excel: a
// UTF-8 byte-order mark, and GB18030/GBK files saved by a Chinese-language Excel.

export type CsvErrorCode = "unterminatedQuote";

export class CsvError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    /** 1-based line of the file where the problem starts. */
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
    this.name = "CsvError";
  }
}

export type CsvDelimiter = "," | ";" | "\t";

/**
 * Splits CSV text into records of fields. Lenient where RFC 4180 is silent: a quote inside an
 * unquoted field is kept as a character, and text after a closing quote is appended to the field.
 * A quoted field still open at the end of the text is an error (a missing closing quote would
 * otherwise silently swallow the rest of the file).
 *
 * Fields are cut out of the text with slice() rather than built a character at a time: a 5 MB
 * file with one huge line or two million columns parses in tens of milliseconds, not seconds
 * (the server's one thread serves everyone meanwhile).
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ","): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const DELIM = delimiter.charCodeAt(0);
  let row: string[] = [];
  let line = 1;
  let i = 0;
  // Whether the current record has any content yet (so a trailing line break adds no empty record).
  let started = false;

  while (i < n) {
    let field = "";
    // One field: quoted parts and unquoted runs, until a delimiter, a line end or the end.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE && field === "") {
        const quoteLine = line;
        started = true;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) throw new CsvError("unterminatedQuote", quoteLine);
          line += countLineFeeds(text, i, close);
          field += text.slice(i, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            field += '"';
            i = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        continue;
      }
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === DELIM || d === CR || d === LF) break;
        j++;
      }
      if (j > i) {
        field += text.slice(i, j);
        started = true;
        i = j;
      }
      break;
    }
    if (i >= n) {
      if (started || field !== "" || row.length) row.push(field);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === DELIM) {
      row.push(field);
      started = true;
      i++;
      // A delimiter as the last character still ends a field: the record has an empty last one.
      if (i >= n) row.push("");
      continue;
    }
    // CRLF, LF, or a lone CR (old Mac files) each end a record.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    if (started || field !== "" || row.length) {
      row.push(field);
      rows.push(row);
      row = [];
      started = false;
    } else rows.push(EMPTY_LINE); // one empty field, like a spreadsheet's blank row
  }
  if (row.length) rows.push(row);
  return rows;
}

// Every empty line is this one record (never changed by the callers): a file of millions of line
// breaks then costs one pointer per line instead of one array.
const EMPTY_LINE: string[] = [""];

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf("\n", from); k >= 0 && k < to; k = text.indexOf("\n", k + 1)) count++;
  return count;
}

/** The delimiter a file uses, guessed from its first line: comma unless semicolons or tabs dominate. */
export function detectDelimiter(text: string): CsvDelimiter {
  let inQuotes = false;
  let [comma, semicolon, tab] = [0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === "\n" || c === "\r") break;
    else if (c === ",") comma++;
    else if (c === ";") semicolon++;
    else if (c === "\t") tab++;
  }
  if (tab > comma && tab >= semicolon) return "\t";
  if (semicolon > comma) return ";";
  return ",";
}

/** True when every field of the record is empty or whitespace (Excel leaves such rows behind). */
export const isBlankRecord = (record: readonly string[]) => record.every((f) => f.trim() === "");

const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;
// A cell starting with one of these is run as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

export type FormatOptions = {
  /** Prefix cells that spreadsheets would run as formulas with an apostrophe (for exports). */
  guardFormulas?: boolean;
  /** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8 (Chinese text intact). */
  bom?: boolean;
};

export function formatCsvField(value: string | number | null | undefined, opts: FormatOptions = {}): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (opts.guardFormulas && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Records → CSV text with CRLF line ends (what Excel writes and expects). */
export function formatCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  opts: FormatOptions = {},
): string {
  const body = rows.map((r) => r.map((f) => formatCsvField(f, opts)).join(",")).join("\r\n");
  return (opts.bom ? "\uFEFF" : "") + (rows.length ? `${body}\r\n` : "");
}

export type DecodedText = { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" };

/**
 * Bytes of an uploaded file → text. A UTF-8 (or UTF-16) byte-order mark decides; otherwise the
 * bytes are read as UTF-8 if they are valid UTF-8, else as GB18030 (a superset of GBK/GB2312,
 * which is what Excel on a Chinese-language Windows saves "CSV" as).
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** A ZIP container (an .xlsx workbook) rather than text. */
export const looksLikeWorkbook = (bytes: Uint8Array) =>
  (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
  // The old binary .xls (OLE compound document)
  (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
