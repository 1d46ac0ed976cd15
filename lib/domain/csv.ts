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
/** Whether `text` holds the end of its first line (a line break outside quotes, as detectDelimiter reads). */
export function firstLineEnds(text: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) return true;
  }
  return false;
}

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

// ---------------------------------------------------------------------------------------------
// Reading bytes: which encoding an uploaded file is in.

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";

export type DecodedText =
  | { ok: true; text: string; encoding: CsvEncoding }
  /** binary: not text at all (NUL bytes, control characters); unknownEncoding: text in an encoding we cannot tell. */
  | { ok: false; problem: "binary" | "unknownEncoding" };

/**
 * Bytes of an uploaded file → text. A byte-order mark decides; otherwise valid UTF-8 is UTF-8.
 * Anything else was saved by Excel in the computer's ANSI code page: GBK/GB18030 on a Chinese
 * Windows, Windows-1252 on a Western one. Which one is decided from the bytes' shape (see
 * readAsGbk and readAsWindows1252); a file that fits neither is refused rather than shown as
 * mojibake, and so is a file that is not text.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, "utf-16be");
  if (looksBinary(bytes)) return { ok: false, problem: "binary" };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // not UTF-8: one of the ANSI code pages below
  }
  const encoding = guessAnsiEncoding(bytes);
  if (!encoding) return { ok: false, problem: "unknownEncoding" };
  const text = encoding === "gb18030" ? new TextDecoder("gb18030").decode(bytes) : decodeWindows1252(bytes);
  return { ok: true, text, encoding };
}

export type DecodedPieces =
  | { ok: true; encoding: CsvEncoding; pieces: () => Generator<string> }
  | { ok: false; problem: "binary" | "unknownEncoding" };

/**
 * decodeCsvBytes's reading (same encodings, same problems), but the text comes as a generator of
 * pieces of about `pieceBytes` bytes each, decoded as they are asked for: a large import works
 * through a file without ever holding it as one string (a 100,000-line sales report is 16 MB of
 * UTF-16 in V8). `pieces()` starts over each time it is called.
 */
export function decodeCsvPieces(bytes: Uint8Array, pieceBytes = 1 << 20): DecodedPieces {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return whole(utf16(bytes, "utf-16le"));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return whole(utf16(bytes, "utf-16be"));
  if (looksBinary(bytes)) return { ok: false, problem: "binary" };
  const inPieces = (label: string, body: Uint8Array) =>
    function* () {
      const decoder = new TextDecoder(label);
      for (let at = 0; at < body.byteLength; at += pieceBytes)
        yield decoder.decode(body.subarray(at, at + pieceBytes), { stream: true });
      const tail = decoder.decode();
      if (tail) yield tail;
    };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { ok: true, encoding: "utf-8", pieces: inPieces("utf-8", bytes.subarray(3)) };
  if (isUtf8(bytes, pieceBytes)) return { ok: true, encoding: "utf-8", pieces: inPieces("utf-8", bytes) };
  const encoding = guessAnsiEncoding(bytes);
  if (!encoding) return { ok: false, problem: "unknownEncoding" };
  if (encoding === "gb18030") return { ok: true, encoding, pieces: inPieces("gb18030", bytes) };
  // One byte a character: cut anywhere.
  return {
    ok: true,
    encoding,
    pieces: function* () {
      for (let at = 0; at < bytes.byteLength; at += pieceBytes)
        yield decodeWindows1252(bytes.subarray(at, at + pieceBytes));
    },
  };
}

// UTF-16 files are rare (Excel's "Unicode text"): read whole, as before.
const whole = (decoded: DecodedText): DecodedPieces =>
  decoded.ok
    ? {
        ok: true,
        encoding: decoded.encoding,
        pieces: function* () {
          yield decoded.text;
        },
      }
    : decoded;

/** Strict UTF-8 (what the fatal decoder accepts), checked a piece at a time, the text dropped. */
function isUtf8(bytes: Uint8Array, pieceBytes: number): boolean {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for (let at = 0; at < bytes.byteLength; at += pieceBytes)
      decoder.decode(bytes.subarray(at, at + pieceBytes), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

// Windows-1252's characters at 0x80–0x9F (the rest is ISO-8859-1). Node's TextDecoder reads the
// label "windows-1252" as ISO-8859-1, turning "’" and "€" into control characters, hence this table.
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodedText {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  if (binaryCodes(text.length, (i) => text.charCodeAt(i))) return { ok: false, problem: "binary" };
  return { ok: true, text, encoding };
}

// C0 control characters that text files do not hold. Tab, line breaks, vertical tab and form feed
// (Word's line and page breaks pasted into Excel), and DOS's end-of-file mark (0x1A) are text.
const isBinaryControl = (c: number) => c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1a;

/**
 * One NUL is enough (no spreadsheet writes it, and PostgreSQL cannot store it); other control
 * characters must be more than 1% of the file, since a few can come in with pasted text.
 */
function binaryCodes(length: number, code: (i: number) => number): boolean {
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const c = code(i);
    if (c === 0) return true;
    if (isBinaryControl(c)) controls++;
  }
  return controls > 16 && controls > length / 100;
}

/** Not text: an image, a PDF, UTF-16 without its byte-order mark (NUL bytes)… */
export const looksBinary = (bytes: Uint8Array) => binaryCodes(bytes.length, (i) => bytes[i]!);

type GbkReading = {
  /** Every byte fits GBK/GB18030: lead 0x81–0xFE with a trail 0x40–0xFE (not 0x7F), or a four-byte sequence. */
  valid: boolean;
  /** Double-byte (and four-byte) characters. */
  chars: number;
  /** Those outside GB2312 (symbols and the 6,763 common hanzi: both bytes 0xA1–0xFE). */
  rare: number;
};

/**
 * The file as GBK/GB18030. Chinese text in it is almost only GB2312 characters, both of whose
 * bytes are ≥ 0xA1. A Western file read this way breaks: an accented letter followed by a space,
 * comma, digit or line end is no valid pair, and one followed by a letter ("ül" = FC 6C) is a
 * rare GBK extension character.
 */
export function readAsGbk(bytes: Uint8Array): GbkReading {
  let chars = 0;
  let rare = 0;
  const invalid = { valid: false, chars, rare };
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead === 0x80) {
      // Code page 936's euro sign: one byte.
      chars++;
      rare++;
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (lead === 0xff || trail === undefined) return invalid;
    if (trail >= 0x30 && trail <= 0x39) {
      const [third, fourth] = [bytes[i + 2], bytes[i + 3]];
      if (third === undefined || fourth === undefined) return invalid;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return invalid;
      chars++;
      rare++;
      i += 4;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) return invalid;
    chars++;
    const gb2312 = ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1;
    if (!gb2312) rare++;
    i += 2;
  }
  return { valid: true, chars, rare };
}

// Bytes Windows-1252 leaves undefined.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const isAsciiLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

type LatinReading = {
  /** Reads like Western text: no undefined bytes, non-ASCII only in short runs inside words. */
  plausible: boolean;
  /** Every non-ASCII run sits between two ASCII letters ("Gr|öß|e", "Concei|çã|o"). */
  insideWords: boolean;
};

/**
 * The file as Windows-1252. Western text has its accented letters one or two at a time, inside
 * words ("Müller", "Société", "Größe"); a lone one may stand between spaces ("à", "€"). Chinese
 * in GBK has runs of four bytes and more (every two hanzi), and UTF-8 with a damaged byte has its
 * multi-byte sequences intact.
 */
export function readAsWindows1252(bytes: Uint8Array): LatinReading {
  let runs = 0;
  let utf8Runs = 0;
  let insideWords = true;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < bytes.length && bytes[end]! >= 0x80) {
      if (CP1252_UNDEFINED.has(bytes[end]!)) return { plausible: false, insideWords: false };
      end++;
    }
    const length = end - i;
    const [before, after] = [bytes[i - 1], bytes[end]];
    if (length > 3 || (length > 1 && !isAsciiLetter(before) && !isAsciiLetter(after))) {
      return { plausible: false, insideWords: false };
    }
    if (!isAsciiLetter(before) || !isAsciiLetter(after)) insideWords = false;
    if (length >= 2 && isUtf8Sequence(bytes, i, end)) utf8Runs++;
    runs++;
    i = end;
  }
  return { plausible: utf8Runs * 2 < runs || runs === 0, insideWords };
}

/** bytes[from, to) is one or more complete UTF-8 multi-byte sequences. */
function isUtf8Sequence(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const b = bytes[i]!;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length || i + length > to) return false;
    for (let k = 1; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return false;
    i += length;
  }
  return true;
}

/**
 * GB18030 or Windows-1252 for bytes that are not UTF-8, or null when neither fits:
 * - GBK-shaped bytes mostly of GB2312 characters are Chinese — unless they also read as Western
 *   words and every accented run sits between two letters (a tiny file like "Größe"): then Latin;
 * - otherwise Western-shaped bytes are Windows-1252;
 * - anything else (Big5, Shift-JIS, damaged UTF-8, random bytes) is refused: no guess is better
 *   than mojibake the person might import without noticing.
 * A file of fewer than 8 non-ASCII characters is judged on its shape alone, not on how rare its
 * hanzi are ("王喆" has one rare character of two).
 */
function guessAnsiEncoding(bytes: Uint8Array): "gb18030" | "windows-1252" | null {
  const gbk = readAsGbk(bytes);
  const latin = readAsWindows1252(bytes);
  const chinese = gbk.valid && (gbk.chars < 8 || gbk.rare * 4 <= gbk.chars);
  if (chinese && !(latin.plausible && latin.insideWords)) return "gb18030";
  if (latin.plausible) return "windows-1252";
  return null;
}

/** A ZIP container (an .xlsx workbook) rather than text. */
export const looksLikeWorkbook = (bytes: Uint8Array) =>
  (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
  // The old binary .xls (OLE compound document)
  (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
