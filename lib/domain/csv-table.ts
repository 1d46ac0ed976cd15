// The part every CSV import shares (accounts, the sales ledger): from the uploaded bytes to a
// header row and numbered body rows — size limits, Excel workbooks refused, the encoding detected
// (UTF-8, UTF-16, GBK/GB18030), quotes parsed, blank lines skipped, Keystone's own formula guard
// taken off again — and the mapping of headers (English, Chinese or an alias) to fields.
import {
  CsvError,
  decodeCsvBytes,
  detectDelimiter,
  isBlankRecord,
  looksLikeWorkbook,
  parseCsv,
  restoreGuardedCell,
  type CsvEncoding,
} from "./csv";

export type CsvLimits = { maxBytes: number; maxRows: number; maxColumns: number };

/** A problem with the whole file: a message key under accountTools.import.fileProblems and its values. */
export type CsvTableProblem = { ok: false; problem: string; values?: Record<string, string | number> };

export type CsvTable = {
  ok: true;
  encoding: CsvEncoding;
  /** The header row's cells. */
  header: string[];
  /** The non-blank rows below it, numbered as a spreadsheet shows them (record i is row i + 1). */
  body: { row: number; cells: string[] }[];
};

export function readCsvTable(bytes: Uint8Array, limits: CsvLimits): CsvTable | CsvTableProblem {
  const fail = (problem: string, values?: Record<string, string | number>): CsvTableProblem => ({
    ok: false,
    problem,
    values,
  });
  if (bytes.byteLength > limits.maxBytes) return fail("tooLarge", { max: limits.maxBytes / (1024 * 1024) });
  if (bytes.byteLength === 0) return fail("empty");
  if (looksLikeWorkbook(bytes)) return fail("workbook");
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return fail(decoded.problem);
  const { text, encoding } = decoded;
  let records: string[][];
  try {
    records = parseCsv(text, detectDelimiter(text));
  } catch (error) {
    if (error instanceof CsvError) return fail("unterminatedQuote", { line: error.line });
    throw error;
  }
  const headerIndex = records.findIndex((r) => !isBlankRecord(r));
  if (headerIndex < 0) return fail("empty");
  const headerRow = records[headerIndex]!;
  if (headerRow.length > limits.maxColumns) {
    return fail("tooManyColumns", { columns: headerRow.length, max: limits.maxColumns });
  }
  // A rejected-rows file comes back with Keystone's apostrophe before formula-like cells: drop it.
  const body = records
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter((r, i) => i > headerIndex && !isBlankRecord(r.cells))
    .map((r) => ({ row: r.row, cells: r.cells.map(restoreGuardedCell) }));
  if (body.length === 0) return fail("noRows");
  if (body.length > limits.maxRows) return fail("tooManyRows", { rows: body.length, max: limits.maxRows });
  return { ok: true, encoding, header: headerRow.map(restoreGuardedCell), body };
}

/** "Annual revenue (yuan)", "年营业收入（元）", " credit_code* " → comparable keys. */
export function normHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s*[（(][^）)]*[)）]\s*$/, "")
    .toLowerCase()
    .replace(/[\s_\-*·.:：]/g, "");
}

export type HeaderMap<F extends string> = {
  /** For each column of the file, the field it holds (null: not recognised, ignored). */
  columns: (F | null)[];
  /** The headers as written in the file. */
  headers: string[];
  /** Headers that were not recognised (their columns are ignored). */
  unknown: string[];
  /** Fields that appear in more than one column. */
  duplicates: F[];
};

/** A header reader for `fields`: each field is known by its own name, its template headers and its aliases. */
export function headerMapper<F extends string>(
  fields: readonly F[],
  names: readonly Record<F, string>[],
  aliases: Record<F, readonly string[]>,
): (headerRow: readonly string[]) => HeaderMap<F> {
  const index = new Map<string, F>();
  for (const field of fields) {
    index.set(normHeader(field), field);
    for (const n of names) index.set(normHeader(n[field]), field);
    for (const alias of aliases[field]) index.set(normHeader(alias), field);
  }
  return (headerRow) => {
    const seen = new Set<F>();
    const duplicates = new Set<F>();
    const unknown: string[] = [];
    const columns = headerRow.map((h) => {
      const field = index.get(normHeader(h)) ?? null;
      if (!field) {
        if (h.trim()) unknown.push(h.trim());
        return null;
      }
      if (seen.has(field)) duplicates.add(field);
      seen.add(field);
      return field;
    });
    return {
      columns,
      headers: headerRow.map((h) => h.replace(/^\uFEFF/, "").trim()),
      unknown,
      duplicates: [...duplicates],
    };
  };
}
