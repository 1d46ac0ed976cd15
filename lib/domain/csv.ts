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
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteLine = 0;
  let line = 1;
  let i = 0;
  // Whether the current record has any content yet (so a trailing line break adds no empty record).
  let started = false;
  const n = text.length;

  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    started = false;
  };

  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      inQuotes = true;
      quoteLine = line;
      started = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      started = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      // CRLF, LF, or a lone CR (old Mac files) each end a record.
      if (c === "\r" && text[i + 1] === "\n") i++;
      i++;
      line++;
      if (started || field !== "" || row.length) endRow();
      else rows.push([""]); // an empty line: one empty field, like a spreadsheet's blank row
      continue;
    }
    field += c;
    started = true;
    i++;
  }
  if (inQuotes) throw new CsvError("unterminatedQuote", quoteLine);
  if (started || field !== "" || row.length) endRow();
  return rows;
}

/** The delimiter a file uses, guessed from its first line: comma unless semicolons or tabs dominate. */
export function detectDelimiter(text: string): CsvDelimiter {
  let firstLine = "";
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    if (!inQuotes) firstLine += c;
  }
  const count = (d: string) => firstLine.split(d).length - 1;
  const [comma, semicolon, tab] = [count(","), count(";"), count("\t")];
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
