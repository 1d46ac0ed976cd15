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

// ---------------------------------------------------------------------------------------------
// Writing: every CSV file the app hands out (the account export, the import's rejected rows, the
// templates) is written here, so none can skip the formula guard.

const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): Excel, WPS, LibreOffice and Google Sheets
 * run a cell that starts with = + - @ as a formula, after dropping a leading tab or carriage
 * return; Excel in Chinese locales also takes the full-width ＝ ＋ － ＠ as a formula start. Such a
 * cell is written with an apostrophe in front: the spreadsheet then shows it as text. Leading
 * white space is looked through as well, since importers that trim cells would otherwise expose
 * the formula behind it.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
/**
 * A plain decimal number ("-12.5", "+3", "1e6") is not guarded: a spreadsheet reads it as the
 * number it shows, and nothing that calls a function or a link fits in digits. So a negative
 * amount or score stays a number that sums and sorts, and re-imports without an apostrophe.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const dangerous = (s: string) => FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
const withoutLeadingApostrophes = (s: string) => s.replace(/^'+/, "");

/**
 * The cell as it is written: with an apostrophe in front when a spreadsheet would run it. A cell
 * that already starts with apostrophes before such text gets one more, so that restoreGuardedCell
 * gives back exactly the original.
 */
export function neutraliseFormula(cell: string): string {
  return dangerous(withoutLeadingApostrophes(cell)) ? `'${cell}` : cell;
}

/**
 * The inverse of neutraliseFormula, for files that come back to the import (a rejected-rows file,
 * fixed and uploaded again): the apostrophe Keystone put in front of a formula-like cell is removed.
 */
export function restoreGuardedCell(cell: string): string {
  return cell.startsWith("'") && dangerous(withoutLeadingApostrophes(cell)) ? cell.slice(1) : cell;
}

export type CsvValue = string | number | bigint | null | undefined;

/** One field: formula-like text guarded, quoted when needed, quotes doubled. */
export function formatCsvField(value: CsvValue): string {
  const s = neutraliseFormula(value === null || value === undefined ? "" : String(value));
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record with its CRLF line end (what Excel writes and expects); for files written in parts. */
export const formatCsvRecord = (fields: readonly CsvValue[]) => `${fields.map(formatCsvField).join(",")}\r\n`;

/** The UTF-8 byte-order mark: Excel reads a file that starts with it as UTF-8 (Chinese text intact). */
export const CSV_BOM = "\uFEFF";

/** Records → CSV text, optionally starting with the byte-order mark. */
export function formatCsv(rows: readonly (readonly CsvValue[])[], opts: { bom?: boolean } = {}): string {
  return (opts.bom ? CSV_BOM : "") + rows.map(formatCsvRecord).join("");
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
