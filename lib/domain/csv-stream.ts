// CSV records one at a time, for imports too large to hold as arrays (a 100,000-line sales
// report): the same reading as parseCsv (lib/domain/csv.ts — quotes, "" inside quotes, CRLF/LF/CR,
// line breaks inside quotes, lenient stray quotes) but yielded as a generator, so a caller works
// through the file in chunks and the records of a finished chunk can be collected.
import { CsvError, type CsvDelimiter, isBlankRecord, restoreGuardedCell } from "./csv";

/** A record and its number as a spreadsheet shows it (the n-th record of the file is row n). */
export type CsvRecord = { row: number; cells: string[] };

export function* iterateCsv(text: string, delimiter: CsvDelimiter = ","): Generator<CsvRecord> {
  const n = text.length;
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const DELIM = delimiter.charCodeAt(0);
  let row: string[] = [];
  let record = 0;
  let line = 1;
  let i = 0;
  let started = false;
  while (i < n) {
    let field = "";
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE && field === "") {
        const quoteLine = line;
        started = true;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) throw new CsvError("unterminatedQuote", quoteLine);
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
      if (started || field !== "" || row.length) row.push(field);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === DELIM) {
      row.push(field);
      started = true;
      i++;
      if (i >= n) row.push("");
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    record++;
    if (started || field !== "" || row.length) {
      row.push(field);
      yield { row: record, cells: row };
      row = [];
      started = false;
    } else yield { row: record, cells: [""] };
  }
  if (row.length) yield { row: record + 1, cells: row };
}

/**
 * The header and then the body's non-blank records in chunks of `size`, with Keystone's own
 * formula guard taken off again (as readCsvTable does). The first non-blank record is the header.
 */
export function* csvChunks(
  text: string,
  delimiter: CsvDelimiter,
  size: number,
): Generator<{ header: string[] } | { chunk: CsvRecord[] }> {
  let header: string[] | null = null;
  let chunk: CsvRecord[] = [];
  for (const r of iterateCsv(text, delimiter)) {
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
