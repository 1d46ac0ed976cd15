import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import type { ChannelImportKind } from "@/lib/domain/channel-sales";
import type { CsvEncoding } from "@/lib/domain/csv";
import { forbidden } from "@/lib/errors";
import { loadImportLookups } from "./context";
import { walkFile, type FileProblem, type ResolvedLine, type RowReport } from "./walk";

// What importing a sales report would do, without writing: the row report (line numbers and every
// problem), how many lines are new and how many were imported before, and the conflicts the new
// sell-out lines would open or join. Answers a token (the batch id the confirm claims) and the
// file's digest, as the account import does.

const SAMPLE_ROWS = 100;
const MAX_LISTED_DETECTIONS = 200;

export type PreviewLine = {
  row: number;
  distributor: string;
  date: string;
  customer: string | null;
  product: string;
  quantity: number;
  amount: string; // fen
  imported: boolean;
  flags: string[];
};

export type PreviewDetection = {
  row: number;
  kind: string;
  distributor: string;
  /** What the case is about: territory, product or account name. */
  subject: string;
  affected: string | null;
  amount: string; // fen
};

export type ChannelImportPreview = {
  ok: true;
  kind: ChannelImportKind;
  batch: string;
  digest: string;
  encoding: CsvEncoding;
  total: number;
  valid: number;
  rejected: number;
  /** Lines imported before (unchanged on confirm). */
  imported: number;
  problems: RowReport[];
  ignoredColumns: string[];
  sample: PreviewLine[];
  detections: PreviewDetection[];
  detectionTotals: Record<string, number>;
};

export async function previewChannelImport(
  viewer: Viewer,
  input: { kind: ChannelImportKind; bytes: Uint8Array },
): Promise<ChannelImportPreview | FileProblem> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  const lookups = await loadImportLookups(viewer);
  const names = await subjectNames();
  const sample: PreviewLine[] = [];
  const detections: PreviewDetection[] = [];
  const detectionTotals: Record<string, number> = {
    CROSS_TERRITORY: 0,
    BELOW_FLOOR_PRICE: 0,
    CUSTOMER_OVERLAP: 0,
  };
  let valid = 0;
  let imported = 0;
  const walked = await walkFile(input.kind, input.bytes, lookups, chinaDate(new Date()), async (lines) => {
    valid += lines.length;
    const before = await existingKeys(input.kind, lines);
    for (const l of lines) {
      const old = before.has(`${l.distributor.id}|${l.lineKey}`);
      if (old) imported++;
      if (sample.length < SAMPLE_ROWS) sample.push(previewLine(l, lookups, old));
      if (old) continue;
      for (const d of l.detections) {
        detectionTotals[d.kind] = (detectionTotals[d.kind] ?? 0) + 1;
        if (detections.length >= MAX_LISTED_DETECTIONS) continue;
        detections.push({
          row: l.row,
          kind: d.kind,
          distributor: l.distributor.name,
          subject: names.get(d.subjectId) ?? d.subjectId,
          affected: d.affectedDistributorId ? (names.get(d.affectedDistributorId) ?? null) : null,
          amount: String(d.amount),
        });
      }
    }
  });
  if (!walked.ok) return walked;
  const accountIds = detections.filter((d) => d.kind === "CUSTOMER_OVERLAP").map((d) => d.subject);
  if (accountIds.length) {
    const accounts = await db.account.findMany({
      where: { id: { in: accountIds } },
      select: { id: true, name: true },
    });
    const byId = new Map(accounts.map((a) => [a.id, a.name]));
    for (const d of detections)
      if (d.kind === "CUSTOMER_OVERLAP") d.subject = byId.get(d.subject) ?? d.subject;
  }
  return {
    ok: true,
    kind: input.kind,
    batch: randomUUID(),
    digest: walked.digest,
    encoding: walked.encoding,
    total: walked.total,
    valid,
    rejected: walked.rejected,
    imported,
    problems: walked.problems,
    ignoredColumns: walked.header.unknown.map((h) => (h.length > 60 ? `${h.slice(0, 59)}…` : h)),
    sample,
    detections,
    detectionTotals,
  };
}

function previewLine(
  l: ResolvedLine,
  lookups: Awaited<ReturnType<typeof loadImportLookups>>,
  imported: boolean,
) {
  return {
    row: l.row,
    distributor: l.distributor.name,
    date: l.line.date,
    customer: l.line.customerName,
    product: lookups.productByCode.get(l.line.productCode)?.name ?? l.line.productCode,
    quantity: l.line.quantity,
    amount: String(l.line.amount),
    imported,
    flags: l.detections.map((d) => d.kind),
  };
}

/** The chunk's keys already in the database. */
async function existingKeys(kind: ChannelImportKind, lines: ResolvedLine[]): Promise<Set<string>> {
  if (!lines.length) return new Set();
  const d = lines.map((l) => l.distributor.id);
  const k = lines.map((l) => l.lineKey);
  const rows =
    kind === "SELL_OUT"
      ? await db.$queryRaw<{ key: string }[]>`
          SELECT s."distributorId" || '|' || s."lineKey" AS key FROM "SellOutLine" s
          JOIN unnest(${d}::text[], ${k}::text[]) AS u(d, k) ON s."distributorId" = u.d AND s."lineKey" = u.k`
      : await db.$queryRaw<{ key: string }[]>`
          SELECT s."distributorId" || '|' || s."documentNo" || '#' || s."lineNo" AS key FROM "SellInLine" s
          JOIN unnest(${d}::text[], ${lines.map((l) => l.line.documentNo ?? "")}::text[],
                      ${lines.map((l) => l.line.lineNo ?? 1)}::int[]) AS u(d, doc, no)
            ON s."distributorId" = u.d AND s."documentNo" = u.doc AND s."lineNo" = u.no`;
  return new Set(rows.map((r) => r.key));
}

/** Names of what detections point at: territories, products and distributors (small tables; accounts are named after the walk). */
async function subjectNames(): Promise<Map<string, string>> {
  const [territories, products, distributors] = await Promise.all([
    db.territory.findMany({ select: { id: true, name: true } }),
    db.product.findMany({ select: { id: true, name: true } }),
    db.distributor.findMany({ select: { id: true, name: true } }),
  ]);
  const m = new Map<string, string>();
  for (const r of [...territories, ...products, ...distributors]) m.set(r.id, r.name);
  return m;
}
