import "server-only";
import type { Translate } from "@/lib/domain/account-import";
import { formatCsv } from "@/lib/domain/csv";
import { AppError } from "@/lib/errors";

// What the CSV imports (accounts, the sales ledger) share around their batch token and their
// report: the answer to a confirm whose token was claimed already, and the rejected rows as a file.

/** The counts a confirmed import answers with. */
export type ImportCounts = {
  ok: true;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The rejected rows, as CSV (UTF-8 with BOM) with their problems, or null when none. */
  rejectedCsv: string | null;
  /** Set when this preview had been imported already: nothing was written again, the counts are that import's. */
  alreadyConfirmedAt: string | null;
};

/** Thrown inside an import's transaction when its batch token was claimed before: it rolls back having written nothing. */
export class BatchAlreadyClaimed extends Error {}

type BatchRow = {
  actorId: string;
  digest: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  createdAt: Date;
};

/**
 * The answer to a second confirm of a preview: the first one's counts, nothing written again. A
 * token is random and handed to one person for one file; anything else is not their preview.
 */
export function alreadyConfirmed(batch: BatchRow | null, actorId: string, digest: string): ImportCounts {
  if (!batch || batch.actorId !== actorId || batch.digest !== digest) {
    throw new AppError("CONFLICT", "import: batch token claimed for another file");
  }
  return {
    ok: true,
    created: batch.created,
    updated: batch.updated,
    unchanged: batch.unchanged,
    rejected: batch.rejected,
    rejectedCsv: null,
    alreadyConfirmedAt: batch.createdAt.toISOString(),
  };
}

/** The rejected rows as a CSV to fix and import again: the original columns plus row number and problems. */
export function rejectedRowsCsv(
  headers: readonly string[],
  rows: readonly {
    row: number;
    cells: readonly string[];
    problems: { column: string | null; message: string }[];
  }[],
  t: Translate,
): string | null {
  if (!rows.length) return null;
  const header = [...headers, t("accountTools.import.csvRow"), t("accountTools.import.csvProblems")];
  const lines = rows.map((r) => {
    const cells = Array.from({ length: headers.length }, (_, i) => r.cells[i] ?? "");
    const problems = r.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join("; ");
    return [...cells, r.row, problems];
  });
  return formatCsv([header, ...lines], { bom: true });
}
