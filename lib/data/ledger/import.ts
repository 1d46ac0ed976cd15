import "server-only";
import { randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { clipForDisplay, type Translate } from "@/lib/domain/account-import";
import { toDbDate } from "@/lib/domain/calendar";
import type { CsvEncoding } from "@/lib/domain/csv";
import { moneyFormat } from "@/lib/domain/money";
import { AppError } from "@/lib/errors";
import { importConfirmationSchema, type ImportConfirmation } from "@/lib/validation/account-import";
import { parseInput } from "@/lib/validation/parse";
import type { ImportFileProblem, ImportStatus } from "../account-import";
import { mutate, type AuditEntry } from "../audit";
import { alreadyConfirmed, BatchAlreadyClaimed, rejectedRowsCsv, type ImportCounts } from "../import-batch";
import { analyse, fileProblem, problemsFor, type Analysis } from "./import-analysis";
import { rescoreTouched } from "./write";

// CSV import of the sales ledger, on the account import's engine: the same file reading
// (readCsvTable: GBK, UTF-16, quotes, formula guards), the same preview → confirm flow with a
// digest of the bytes and a batch token claimed once (LedgerImportBatch), validation from scratch
// at confirm. Idempotent by (kind, documentNo): a document already booked the same way is
// "unchanged"; booked differently, "update".

export type LedgerPreviewRow = {
  row: number;
  status: ImportStatus;
  kind: string;
  documentNo: string;
  account: string;
  month: string;
  /** The amount as the viewer reads money ("¥1,250,000"), or the cell as written when unreadable. */
  amount: string;
  changes: string[];
  problems: { column: string | null; message: string }[];
};

export type LedgerImportPreview = {
  ok: true;
  digest: string;
  batch: string;
  encoding: CsvEncoding;
  rows: LedgerPreviewRow[];
  totals: Record<ImportStatus, number>;
  ignoredColumns: string[];
};

export type LedgerImportResult = ImportCounts;

const emptyTotals = (): Record<ImportStatus, number> => ({ new: 0, update: 0, unchanged: 0, error: 0 });

/** What importing the file would do, row by row. Writes nothing. */
export async function previewLedgerImport(
  viewer: Viewer,
  bytes: Uint8Array,
  t: Translate,
): Promise<LedgerImportPreview | ImportFileProblem> {
  const analysis = await analyse(viewer, bytes, t);
  if ("ok" in analysis) return analysis;
  const totals = emptyTotals();
  const money = moneyFormat(viewer.locale);
  const rows = analysis.rows.map((r): LedgerPreviewRow => {
    totals[r.status]++;
    return {
      row: r.row,
      status: r.status,
      kind: r.line ? t(`ledger.kinds.${r.line.kind}`) : clipForDisplay(r.raw.kind ?? "", 40),
      documentNo: clipForDisplay(r.raw.documentNo ?? "", 60),
      account: r.account?.name ?? clipForDisplay(r.raw.accountName || r.raw.creditCode || "", 100),
      month: r.line ? r.line.month.slice(0, 7) : clipForDisplay(r.raw.month ?? "", 20),
      amount: r.line ? money.full(Number(r.line.amount) / 100) : clipForDisplay(r.raw.amount ?? "", 40),
      changes: r.changes.map((c) => t(`ledger.fields.${c === "account" ? "accountName" : c}`)),
      problems: problemsFor(r, analysis.header, t),
    };
  });
  return {
    ok: true,
    digest: analysis.digest,
    batch: randomBytes(18).toString("base64url"),
    encoding: analysis.encoding,
    rows,
    totals,
    ignoredColumns: analysis.header.unknown.map((h) => clipForDisplay(h, 60)),
  };
}

function rejectedCsv(analysis: Analysis, t: Translate): string | null {
  const { header } = analysis;
  const rejected = analysis.rows.filter((r) => r.status === "error");
  return rejectedRowsCsv(
    header.headers,
    rejected.map((r) => ({
      row: r.row,
      cells: header.columns.map((field) => (field ? (r.raw[field] ?? "") : "")),
      problems: problemsFor(r, header, t),
    })),
    t,
  );
}

// Ledger imports run one after another across app processes (the claim, the checks and the writes
// never interleave with another import's); distinct from the account import's lock.
const LEDGER_IMPORT_LOCK = 0x4b_534c_47; // "KSLG"

/**
 * Imports the file: validated again from its bytes, refused unless it is the file previewed. One
 * transaction claims the batch token (a LedgerImportBatch row, inserted first: a second confirm of
 * the same preview finds it and answers that import's counts), books the new lines, updates the
 * changed ones (each checked against the version read), writes one audit row per line, and
 * rescores the accounts touched when the ledger drives value.
 */
export async function confirmLedgerImport(
  viewer: Viewer,
  bytes: Uint8Array,
  t: Translate,
  input: { digest: string; batch: string },
): Promise<LedgerImportResult | ImportFileProblem> {
  const changed = fileProblem(t, "changedSincePreview");
  const parsed = parseInput(importConfirmationSchema, input);
  if (!parsed.success) return changed;
  const confirmation = parsed.data;
  const analysis = await analyse(viewer, bytes, t);
  if ("ok" in analysis) return analysis;
  if (analysis.digest !== confirmation.digest) return changed;
  const creates = analysis.rows.filter((r) => r.status === "new");
  const updates = analysis.rows.filter((r) => r.status === "update");
  const result: LedgerImportResult = {
    ok: true,
    created: creates.length,
    updated: updates.length,
    unchanged: analysis.rows.filter((r) => r.status === "unchanged").length,
    rejected: analysis.rows.filter((r) => r.status === "error").length,
    rejectedCsv: rejectedCsv(analysis, t),
    alreadyConfirmedAt: null,
  };
  try {
    await mutate(
      viewer,
      async ({ tx, audit, auditMany }) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LEDGER_IMPORT_LOCK})`;
        const claimed = await tx.ledgerImportBatch.createMany({
          data: [
            {
              id: confirmation.batch,
              actorId: viewer.id,
              digest: analysis.digest,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              rejected: result.rejected,
            },
          ],
          skipDuplicates: true,
        });
        if (claimed.count === 0) throw new BatchAlreadyClaimed();
        const created = await tx.ledgerLine.createManyAndReturn({
          data: creates.map((r) => ({
            kind: r.line!.kind,
            documentNo: r.line!.documentNo,
            accountId: r.account!.id,
            ownerId: r.account!.ownerId,
            teamId: r.account!.teamId,
            month: toDbDate(r.line!.month),
            productLine: r.line!.productLine,
            amount: r.line!.amount,
            note: r.line!.note,
            importBatchId: confirmation.batch,
          })),
        });
        const entries: AuditEntry[] = created.map((after) => ({
          action: "ledgerLine.create",
          entity: "LedgerLine",
          entityId: after.id,
          after,
        }));
        for (const r of updates) {
          const before = r.existing!;
          const { count } = await tx.ledgerLine.updateMany({
            where: { id: before.id, version: before.version, deletedAt: null },
            data: {
              accountId: r.account!.id,
              ownerId: r.account!.ownerId,
              teamId: r.account!.teamId,
              month: toDbDate(r.line!.month),
              productLine: r.line!.productLine,
              amount: r.line!.amount,
              ...(r.line!.note !== null ? { note: r.line!.note } : {}),
              importBatchId: confirmation.batch,
              version: { increment: 1 },
            },
          });
          if (count === 0) throw new AppError("CONFLICT", "import: a line changed meanwhile");
          const after = await tx.ledgerLine.findUniqueOrThrow({ where: { id: before.id } });
          entries.push({
            action: "ledgerLine.update",
            entity: "LedgerLine",
            entityId: before.id,
            before,
            after,
          });
        }
        await auditMany(entries);
        await rescoreTouched(tx, [
          ...creates.map((r) => r.account!.id),
          ...updates.flatMap((r) => [r.account!.id, r.existing!.accountId]),
        ]);
        await audit({
          action: "ledgerLine.importFile",
          entity: "LedgerImportBatch",
          entityId: confirmation.batch,
          after: { ...result, rejectedCsv: undefined, digest: analysis.digest },
        });
      },
      { timeoutMs: 60_000 },
    );
  } catch (error) {
    if (error instanceof BatchAlreadyClaimed) return alreadyConfirmedImport(viewer, analysis, confirmation);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "import: a document was booked meanwhile");
    }
    throw error;
  }
  return result;
}

async function alreadyConfirmedImport(viewer: Viewer, analysis: Analysis, confirmation: ImportConfirmation) {
  const batch = await db.ledgerImportBatch.findUnique({ where: { id: confirmation.batch } });
  return alreadyConfirmed(batch, viewer.id, analysis.digest);
}
