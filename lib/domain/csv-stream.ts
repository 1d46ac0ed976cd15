// CSV records one at a time, for imports too large to hold as arrays (a 100,000-line sales
// report): the same reading as parseCsv (lib/domain/csv.ts — quotes, "" inside quotes, CRLF/LF/CR,
// line breaks inside quotes, lenient stray quotes) but yielded as a generator, so a caller works
// through the file in chunks and the records of a finished chunk can be collected; and the text
// itself may come in pieces (iterateCsvPieces), so the whole file is never one string.
import {
  CsvError,
  type CsvDelimiter,
  detectDelimiter,
  firstLineEnds,
  isBlankRecord,
  restoreGuardedCell,
} from "./csv";

/** A record and its number as a spreadsheet shows it (the n-th record of the file is row n). */
export type CsvRecord = { row: number; cells: string[] };

export function iterateCsv(text: string, delimiter: CsvDelimiter = ","): Generator<CsvRecord> {
  return iterateCsvPieces([text], delimiter);
}

/**
 * The same records from text that arrives in pieces (a file decoded a megabyte at a time): a record
 * cut by a piece's end is read again from its start once the next piece is there, so only the
 * records being worked on are held, never the whole text. Pieces may be cut anywhere.
 */
export function* iterateCsvPieces(
  pieces: Iterable<string>,
  delimiter: CsvDelimiter = ",",
): Generator<CsvRecord> {
  const source = pieces[Symbol.iterator]();
  const DELIM = delimiter.charCodeAt(0);
  let text = "";
  let pos = 0;
  let final = false;
  let record = 0;
  let line = 1;
  const pull = () => {
    const next = source.next();
    if (next.done) final = true;
    else {
      text = text.slice(pos) + next.value;
      pos = 0;
    }
  };
  for (;;) {
    if (pos >= text.length) {
      if (final) break;
      pull();
      continue;
    }
    const read = readRecord(text, pos, line, final, DELIM);
    if (!read) {
      pull();
      continue;
    }
    pos = read.next;
    line = read.line;
    if (read.ended) yield { row: ++record, cells: read.cells };
    else {
      if (read.cells.length) yield { row: record + 1, cells: read.cells };
      break;
    }
  }
}

type RecordRead = { cells: string[]; next: number; line: number; ended: boolean };

/**
 * One record from `start` (< text.length): its cells, where the next one starts, the line count
 * after it, and whether a line break ended it (else the text did). Null when the text ends inside
 * it and more may come (`final` false).
 */
function readRecord(
  text: string,
  start: number,
  startLine: number,
  final: boolean,
  DELIM: number,
): RecordRead | null {
  const n = text.length;
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const row: string[] = [];
  let line = startLine;
  let i = start;
  let started = false;
  for (;;) {
    let field = "";
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE && field === "") {
        const quoteLine = line;
        started = true;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) {
            if (!final) return null;
            throw new CsvError("unterminatedQuote", quoteLine);
          }
          // A quote at the very end may be the first of "" in the next piece.
          if (close + 1 >= n && !final) return null;
          for (let k = text.indexOf("\n", i); k >= 0 && k < close; k = text.indexOf("\n", k + 1)) line++;
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
      if (!final) return null;
      if (started || field !== "" || row.length) row.push(field);
      return { cells: row, next: i, line, ended: false };
    }
    const c = text.charCodeAt(i);
    if (c === DELIM) {
      row.push(field);
      started = true;
      i++;
      if (i >= n) {
        if (!final) return null;
        row.push("");
        return { cells: row, next: i, line, ended: false };
      }
      continue;
    }
    // CR at a piece's end: its LF may open the next piece.
    if (c === CR && i + 1 >= n && !final) return null;
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    if (started || field !== "" || row.length) {
      row.push(field);
      return { cells: row, next: i, line, ended: true };
    }
    return { cells: [""], next: i, line, ended: true };
  }
}

/**
 * The header and then the body's non-blank records in chunks of `size`, with Keystone's own
 * formula guard taken off again (as readCsvTable does). The first non-blank record is the header.
 */
export function* csvChunks(
  text: string | Iterable<string>,
  delimiter: CsvDelimiter,
  size: number,
): Generator<{ header: string[] } | { chunk: CsvRecord[] }> {
  let header: string[] | null = null;
  let chunk: CsvRecord[] = [];
  for (const r of iterateCsvPieces(typeof text === "string" ? [text] : text, delimiter)) {
    if (isBlankRecord(r.cells)) continue;
    if (!header) {
      header = r.cells.map(restoreGuardedCell);
      yield { header };
      continue;
    }
    chunk.push({ row: r.row, cells: r.cells.map(restoreGuardedCell) });
    if (chunk.length >= size) {
      yield { chunk };
      chunk = [];
    }
  }
  if (chunk.length) yield { chunk };
}

/**
 * detectDelimiter for text in pieces: reads pieces until the first line is complete (in practice
 * the first piece), then hands every piece on, those read first included.
 */
export function delimiterOfPieces(pieces: Iterable<string>): {
  delimiter: CsvDelimiter;
  pieces: Iterable<string>;
} {
  const source = pieces[Symbol.iterator]();
  const head: string[] = [];
  for (;;) {
    const next = source.next();
    if (next.done) break;
    head.push(next.value);
    if (firstLineEnds(head.join(""))) break;
  }
  return {
    delimiter: detectDelimiter(head.join("")),
    pieces: (function* () {
      yield* head.splice(0);
      for (let next = source.next(); !next.done; next = source.next()) yield next.value;
    })(),
  };
}
