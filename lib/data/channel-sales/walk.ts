import "server-only";
import { createHash } from "node:crypto";
import { normaliseCompanyName } from "@/lib/domain/account-import";
import {
  detectConflicts,
  matchKeyAccount,
  type ConflictDetection,
} from "@/lib/domain/channel-conflict-rules";
import {
  mapChannelSalesHeaders,
  missingColumns,
  sellOutLineKey,
  sellOutRowIdentity,
  validateChannelRow,
  type ChannelImportKind,
  type ChannelRowProblem,
  type ChannelSalesHeaderMap,
  type ParsedChannelRow,
} from "@/lib/domain/channel-sales";
import type { IsoDate } from "@/lib/domain/calendar";
import { CsvError, decodeCsvPieces, looksLikeWorkbook, type CsvEncoding } from "@/lib/domain/csv";
import { csvChunks, delimiterOfPieces } from "@/lib/domain/csv-stream";
import { DigestTable } from "@/lib/domain/digest-table";
import type { ImportDistributor, ImportLookups } from "./context";

// One pass over a sales-report file in chunks of CHUNK_ROWS: each chunk's rows are validated,
// their codes resolved within the importer's scope, their keys computed and their conflicts
// detected, then handed to `onChunk` and dropped — a 100,000-line file never becomes 100,000
// objects. Preview and import both walk the file this way (the import twice: check, then write).
// The text is decoded a piece at a time (never the whole file as one string), and the keys seen
// are kept as 16-byte digests: what a walk holds hardly grows with the file.

// 500, not 2,000: a chunk's rows live until its lines are written (across database round trips),
// so with 2,000 rows (~30 MB allocated per chunk) they outlived two scavenges and were promoted to
// the old generation by the megabyte, and the heap climbed ~200 MB between full collections for a
// 100,000-line file. 500 rows die young; the extra round trips cost nothing measurable.
export const CHUNK_ROWS = 500;
/** Bigger than the account import's 5 MB: a year of a large distributor's sell-out. */
export const MAX_CHANNEL_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_CHANNEL_ROWS = 500_000;
/** Rows with problems reported in full (the rest are counted). */
export const MAX_REPORTED_ROWS = 500;

export type FileProblem = { ok: false; problem: string; values?: Record<string, string | number> };

export type ResolvedLine = {
  row: number;
  line: ParsedChannelRow;
  distributor: ImportDistributor;
  productId: string;
  /** Sell-out: the idempotency key within the distributor. Sell-in: documentNo#lineNo. */
  lineKey: string;
  territoryId: string | null;
  accountId: string | null;
  detections: ConflictDetection[];
};

export type RowReport = { row: number; problems: ChannelRowProblem[]; cells: Record<string, string> };

export type WalkSummary = {
  ok: true;
  digest: string;
  encoding: CsvEncoding;
  header: ChannelSalesHeaderMap;
  total: number;
  rejected: number;
  /** The first MAX_REPORTED_ROWS rows with problems. */
  problems: RowReport[];
};

const clip = (v: string, max = 80) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);

/** 192 bits of SHA-256, URL-safe: the digest in a line key. */
const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 32);
/** A key's place in a DigestTable (a collision of 128 bits of SHA-256 will not happen). */
const keyDigest = (text: string) => createHash("sha256").update(text).digest();

export function fileDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

export async function walkFile(
  kind: ChannelImportKind,
  bytes: Uint8Array,
  lookups: ImportLookups,
  today: IsoDate,
  onChunk?: (lines: ResolvedLine[], processed: number) => Promise<void>,
): Promise<WalkSummary | FileProblem> {
  const fail = (problem: string, values?: Record<string, string | number>): FileProblem => ({
    ok: false,
    problem,
    values,
  });
  if (bytes.byteLength === 0) return fail("empty");
  if (bytes.byteLength > MAX_CHANNEL_FILE_BYTES)
    return fail("tooLarge", { max: MAX_CHANNEL_FILE_BYTES >> 20 });
  if (looksLikeWorkbook(bytes)) return fail("workbook");
  const decoded = decodeCsvPieces(bytes);
  if (!decoded.ok) return fail(decoded.problem);
  const { encoding } = decoded;

  let header: ChannelSalesHeaderMap | null = null;
  let total = 0;
  let rejected = 0;
  const problems: RowReport[] = [];
  // Keys seen in this file → the row that first had it; rows without a document number → how
  // many such rows so far.
  const seen = new DigestTable();
  const occurrences = new DigestTable();
  try {
    const { delimiter, pieces } = delimiterOfPieces(decoded.pieces());
    for (const item of csvChunks(pieces, delimiter, CHUNK_ROWS)) {
      if ("header" in item) {
        header = mapChannelSalesHeaders(item.header);
        const missing = missingColumns(kind, header);
        if (missing.length) return fail("missingColumns", { columns: missing.join(", ") });
        continue;
      }
      total += item.chunk.length;
      if (total > MAX_CHANNEL_ROWS) return fail("tooManyRows", { rows: total, max: MAX_CHANNEL_ROWS });
      const lines: ResolvedLine[] = [];
      for (const record of item.chunk) {
        const checked = validateChannelRow(kind, record.cells, record.row, header!, today);
        const rowProblems = [...checked.problems];
        const line = checked.line;
        let resolved: ResolvedLine | null = null;
        if (line) {
          const distributor = lookups.distributorByCode.get(line.distributorCode);
          const product = lookups.productByCode.get(line.productCode);
          // Out of the importer's scope reads exactly as unknown: the code tells nothing.
          if (!distributor) rowProblems.push({ field: "distributorCode", key: "distributorNotFound" });
          if (!product) rowProblems.push({ field: "productCode", key: "productNotFound" });
          if (distributor && product) {
            let lineKey: string;
            if (kind === "SELL_IN") lineKey = `${line.documentNo}#${line.lineNo}`;
            else if (line.documentNo !== null) lineKey = sellOutLineKey(line, sha256);
            else {
              const identity = keyDigest(`${distributor.id}|${sellOutRowIdentity(line)}`);
              const n = (occurrences.get(identity) ?? 0) + 1;
              occurrences.set(identity, n);
              lineKey = sellOutLineKey(line, sha256, n);
            }
            const fileKey = keyDigest(`${distributor.id}|${lineKey}`);
            const first = seen.get(fileKey);
            if (first !== undefined)
              rowProblems.push({ field: "documentNo", key: "duplicateLine", values: { row: first } });
            else seen.set(fileKey, record.row);
            resolved = resolveLine(kind, record.row, line, distributor, product.id, lineKey, lookups);
          }
        }
        if (rowProblems.length) {
          rejected++;
          if (problems.length < MAX_REPORTED_ROWS) {
            const cells: Record<string, string> = {};
            for (const [k, v] of Object.entries(checked.raw)) cells[k] = clip(v ?? "");
            problems.push({ row: record.row, problems: rowProblems, cells });
          }
        } else if (resolved) lines.push(resolved);
      }
      if (onChunk) await onChunk(lines, total);
    }
  } catch (error) {
    if (error instanceof CsvError) return fail("unterminatedQuote", { line: error.line });
    throw error;
  }
  if (!header) return fail("empty");
  if (total === 0) return fail("noRows");
  return { ok: true, digest: fileDigest(bytes), encoding, header, total, rejected, problems };
}

function resolveLine(
  kind: ChannelImportKind,
  row: number,
  line: ParsedChannelRow,
  distributor: ImportDistributor,
  productId: string,
  lineKey: string,
  lookups: ImportLookups,
): ResolvedLine {
  if (kind === "SELL_IN")
    return { row, line, distributor, productId, lineKey, territoryId: null, accountId: null, detections: [] };
  const territoryId = line.region ? lookups.resolveRegion(line.region) : null;
  const customerName = line.customerName ?? "";
  const account = normaliseCompanyName(customerName)
    ? matchKeyAccount(customerName, line.creditCode, lookups.rules)
    : null;
  const detections = detectConflicts(
    {
      distributorId: distributor.id,
      soldOn: line.date,
      territoryId,
      productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      customerName,
      customerCreditCode: line.creditCode,
    },
    lookups.rules,
  );
  return {
    row,
    line,
    distributor,
    productId,
    lineKey,
    territoryId,
    accountId: account?.accountId ?? null,
    detections,
  };
}
