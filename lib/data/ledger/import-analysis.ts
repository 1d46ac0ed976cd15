import "server-only";
import { db } from "@/lib/db";
import { canDo, type Viewer } from "@/lib/domain/access";
import {
  clipForDisplay,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  type Translate,
} from "@/lib/domain/account-import";
import { fromDbDate } from "@/lib/domain/calendar";
import type { CsvEncoding } from "@/lib/domain/csv";
import { readCsvTable } from "@/lib/domain/csv-table";
import {
  duplicateDocumentRows,
  ledgerChanges,
  mapLedgerHeaders,
  validateLedgerRow,
  type LedgerHeaderMap,
  type LedgerImportField,
  type LedgerImportRow,
} from "@/lib/domain/ledger-import";
import { assertCapability, scopeWhere } from "@/lib/auth/permissions";
import { importDigest, type ImportFileProblem, type ImportStatus } from "../account-import";

// Reading a ledger CSV for the import (./import.ts): the file checked, each row validated, its
// account matched (credit code, then exact name, within the importer's scope) and compared with
// the line already booked under its (kind, documentNo). Reads only; the preview and the confirm
// both start here, so the confirm never trusts what the preview said.

export type Existing = {
  id: string;
  kind: string;
  documentNo: string;
  accountId: string;
  ownerId: string;
  teamId: string;
  month: Date;
  productLine: string;
  amount: bigint;
  note: string | null;
  version: number;
  deletedAt: Date | null;
};

type Account = { id: string; name: string; ownerId: string; teamId: string };

export type AnalysedRow = LedgerImportRow & {
  status: ImportStatus;
  account: Account | null;
  existing: Existing | null;
  changes: ReturnType<typeof ledgerChanges>;
};

export type Analysis = {
  digest: string;
  encoding: CsvEncoding;
  header: LedgerHeaderMap;
  rows: AnalysedRow[];
};

export const fileProblem = (
  t: Translate,
  key: string,
  values?: Record<string, string | number>,
): ImportFileProblem => ({
  ok: false,
  message: ["noRows", "noColumns"].includes(key)
    ? t(`ledger.import.fileProblems.${key}`, values)
    : t(`accountTools.import.fileProblems.${key}`, values),
});

/** The accounts rows name: by credit code (any team, then checked against scope) and by exact name in scope. */
async function matchAccounts(viewer: Viewer, rows: LedgerImportRow[]) {
  const codes = [...new Set(rows.map((r) => r.line?.creditCode).filter((c): c is string => !!c))];
  const names = [
    ...new Set(rows.filter((r) => r.line && !r.line.creditCode).map((r) => r.line!.accountName!)),
  ];
  const select = { id: true, name: true, ownerId: true, teamId: true, creditCode: true };
  const [byCode, byName] = await Promise.all([
    codes.length
      ? db.account.findMany({
          where: { creditCode: { in: codes }, deletedAt: null, ...scopeWhere(viewer) },
          select,
        })
      : [],
    names.length
      ? db.account.findMany({
          where: { name: { in: names }, deletedAt: null, ...scopeWhere(viewer) },
          select,
        })
      : [],
  ]);
  const codeMap = new Map(byCode.map((a) => [a.creditCode!, a]));
  const nameMap = new Map<string, Account[]>();
  for (const a of byName) nameMap.set(a.name, [...(nameMap.get(a.name) ?? []), a]);
  return { codeMap, nameMap };
}

export async function analyse(
  viewer: Viewer,
  bytes: Uint8Array,
  t: Translate,
): Promise<Analysis | ImportFileProblem> {
  assertCapability(viewer, "ledger.write");
  const table = readCsvTable(bytes, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRows: MAX_IMPORT_ROWS,
    maxColumns: MAX_IMPORT_COLUMNS,
  });
  if (!table.ok) return fileProblem(t, table.problem, table.values);
  const header = mapLedgerHeaders(table.header);
  const has = (f: LedgerImportField) => header.columns.includes(f);
  if (!has("documentNo") || !has("amount") || !has("month") || !(has("creditCode") || has("accountName"))) {
    return fileProblem(t, "noColumns");
  }
  if (header.duplicates.length) {
    return fileProblem(t, "duplicateColumns", {
      columns: header.duplicates.map((f) => t(`ledger.fields.${f}`)).join(", "),
    });
  }
  const validated = table.body.map((r) => validateLedgerRow(r.cells, r.row, header));
  const twins = duplicateDocumentRows(validated);
  const { codeMap, nameMap } = await matchAccounts(viewer, validated);
  const docs = [...new Set(validated.map((r) => r.line?.documentNo).filter((d): d is string => !!d))];
  const booked = docs.length
    ? await db.ledgerLine.findMany({
        where: { documentNo: { in: docs } },
        select: {
          id: true,
          kind: true,
          documentNo: true,
          accountId: true,
          ownerId: true,
          teamId: true,
          month: true,
          productLine: true,
          amount: true,
          note: true,
          version: true,
          deletedAt: true,
        },
      })
    : [];
  const bookedMap = new Map(booked.map((b) => [`${b.kind}:${b.documentNo}`, b]));

  const rows = validated.map((r): AnalysedRow => {
    const problems = [...r.problems];
    const add = (field: LedgerImportField, key: string) => problems.push({ field, key });
    if (twins.has(r.row)) add("documentNo", "duplicateInFile");
    let account: Account | null = null;
    let existing: Existing | null = null;
    let changes: AnalysedRow["changes"] = [];
    if (r.line) {
      if (r.line.creditCode) {
        account = codeMap.get(r.line.creditCode) ?? null;
        if (!account) add("creditCode", "accountNotFound");
      } else {
        const found = nameMap.get(r.line.accountName!) ?? [];
        if (found.length === 1) account = found[0]!;
        else add("accountName", found.length ? "accountAmbiguous" : "accountNotFound");
      }
      existing = bookedMap.get(`${r.line.kind}:${r.line.documentNo}`) ?? null;
      if (existing) {
        // A document booked where the importer may not change it stays as it is.
        if (!canDo(viewer, "edit", existing)) add("documentNo", "documentNotEditable");
        else if (existing.deletedAt) add("documentNo", "documentDeleted");
        else if (account) {
          changes = ledgerChanges(
            { ...r.line, accountId: account.id },
            { ...existing, month: fromDbDate(existing.month) },
          );
        }
      }
    }
    const status: ImportStatus = problems.length
      ? "error"
      : existing
        ? changes.length
          ? "update"
          : "unchanged"
        : "new";
    return { ...r, problems, account, existing, changes, status };
  });
  return { digest: importDigest(bytes), encoding: table.encoding, header, rows };
}

export function problemsFor(row: AnalysedRow, header: LedgerHeaderMap, t: Translate) {
  return row.problems.map((p) => {
    let column: string | null = null;
    if (p.field) {
      const label = t(`ledger.fields.${p.field}`);
      const written = header.headers[header.columns.indexOf(p.field)];
      column = written && written !== label ? `${label} (${clipForDisplay(written, 60)})` : label;
    }
    return { column, message: t(`ledger.import.problems.${p.key}`) };
  });
}
