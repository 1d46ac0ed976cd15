import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { canDo, canSee, hasCapability, type Viewer } from "@/lib/domain/access";
import {
  buildLabelIndex,
  buildTerritoryIndex,
  changedFields,
  clipForDisplay,
  columnLabel,
  duplicateCodeRows,
  duplicateNameRows,
  mapHeaders,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  validateRow,
  type HeaderMap,
  type ImportField,
  type ImportRow,
  type ProfileChange,
  type RowContext,
  type Translate,
} from "@/lib/domain/account-import";
import { normaliseCreditCode } from "@/lib/domain/credit-code";
import type { CsvEncoding } from "@/lib/domain/csv";
import { readCsvTable } from "@/lib/domain/csv-table";
import { assertCapability, scopeWhere } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n/messages";
import {
  importConfirmationSchema,
  validateImportedProfile,
  type ImportConfirmation,
} from "@/lib/validation/account-import";
import { parseInput } from "@/lib/validation/parse";
import { writeImport } from "./account-import-write";
import { mutate } from "./audit";
import { alreadyConfirmed, BatchAlreadyClaimed, rejectedRowsCsv, type ImportCounts } from "./import-batch";

// CSV import of key accounts: preview (nothing written) and confirm (all valid rows in one
// transaction; its statements are in account-import-write.ts). Both read the uploaded bytes and
// validate from scratch, so what is written never depends on anything the browser sends back
// except the file itself and the preview's batch token.

export type ImportStatus = "new" | "update" | "unchanged" | "error";

export type ImportPreviewRow = {
  row: number;
  status: ImportStatus;
  name: string;
  creditCode: string;
  /** The existing account a row updates (only ever one the importer may edit). */
  matched: { id: string; name: string } | null;
  /** Labels of the fields an update changes. */
  changes: string[];
  problems: { column: string | null; message: string }[];
  warnings: string[];
};

export type ImportPreview = {
  ok: true;
  digest: string;
  /** The token the confirm sends back: it claims it once (see AccountImportBatch). */
  batch: string;
  encoding: CsvEncoding;
  rows: ImportPreviewRow[];
  totals: Record<ImportStatus, number>;
  /** Headers of columns that were ignored. */
  ignoredColumns: string[];
};

export type ImportFileProblem = { ok: false; message: string };

export type ImportResult = ImportCounts;

const EMPTY_TOTALS = (): Record<ImportStatus, number> => ({ new: 0, update: 0, unchanged: 0, error: 0 });

const matchSelect = {
  id: true,
  name: true,
  creditCode: true,
  ownerId: true,
  teamId: true,
  deletedAt: true,
  version: true,
  legalRepresentative: true,
  industry: true,
  sizeBand: true,
  headcount: true,
  annualRevenue: true,
  shareholderBackground: true,
  orgStructureNotes: true,
  industryStanding: true,
  address: true,
  website: true,
  accountType: true,
  territoryId: true,
  compositeScore: true,
  tier: true,
} satisfies Prisma.AccountSelect;
type Match = Prisma.AccountGetPayload<{ select: typeof matchSelect }>;

export type AnalysedRow = ImportRow & {
  status: ImportStatus;
  match: Match | null;
  changes: ProfileChange[];
  /** The owner and team a new row is created for, or an update moves to (null: unchanged). */
  target: { ownerId: string; teamId: string } | null;
  warnings: string[];
};

type Analysis = {
  digest: string;
  encoding: CsvEncoding;
  header: HeaderMap;
  rows: AnalysedRow[];
  /** Of the names in rows without a credit code, those accounts in the importer's scope had when the file was read. */
  existingNames: Set<string>;
};

const LABELS = buildLabelIndex([messagesFor("zh-CN").account, messagesFor("en").account]);

export const importDigest = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const problemText = (t: Translate, key: string, values?: Record<string, string | number>) =>
  t(`accountTools.import.fileProblems.${key}`, values);

/** Reads and checks the whole file. Throws nothing for bad content: returns what is wrong instead. */
async function analyse(
  viewer: Viewer,
  bytes: Uint8Array,
  t: Translate,
): Promise<Analysis | ImportFileProblem> {
  assertCapability(viewer, "records.create");
  const fail = (key: string, values?: Record<string, string | number>): ImportFileProblem => ({
    ok: false,
    message: problemText(t, key, values),
  });
  const table = readCsvTable(bytes, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRows: MAX_IMPORT_ROWS,
    maxColumns: MAX_IMPORT_COLUMNS,
  });
  if (!table.ok) return fail(table.problem, table.values);
  const { encoding, body } = table;
  const header = mapHeaders(table.header);
  if (!header.columns.includes("name")) return fail("noNameColumn");
  if (header.duplicates.length) {
    return fail("duplicateColumns", {
      columns: header.duplicates.map((f) => t(`account.fields.${f}`)).join(", "),
    });
  }

  const cell = (cells: string[], field: ImportField) => {
    const i = header.columns.indexOf(field);
    return i < 0 ? "" : (cells[i] ?? "").trim();
  };

  // Everything the rows refer to, in a handful of queries.
  const emails = [...new Set(body.map((r) => cell(r.cells, "owner").toLowerCase()).filter(Boolean))];
  const codes = [
    ...new Set(
      body.map((r) => normaliseCreditCode(cell(r.cells, "creditCode"))).filter((c) => c.length === 18),
    ),
  ];
  const [territories, owners, matches] = await Promise.all([
    db.territory.findMany({
      where: { deletedAt: null },
      select: { id: true, code: true, name: true, nameEn: true },
    }),
    emails.length
      ? db.user.findMany({
          where: {
            email: { in: emails, mode: "insensitive" },
            active: true,
            teamId: viewer.visibleTeamIds === "all" ? { not: null } : { in: [...viewer.visibleTeamIds] },
          },
          select: { id: true, email: true, teamId: true },
        })
      : [],
    codes.length ? db.account.findMany({ where: { creditCode: { in: codes } }, select: matchSelect }) : [],
  ]);
  // The importer themself may always be named (if they belong to a team).
  const ownerTeams = new Map(owners.map((o) => [o.id, o.teamId!]));
  const ownerByEmail = new Map(owners.map((o) => [o.email.toLowerCase(), o.id]));
  if (viewer.teamId && emails.includes(viewer.email.toLowerCase())) {
    ownerByEmail.set(viewer.email.toLowerCase(), viewer.id);
    ownerTeams.set(viewer.id, viewer.teamId);
  }
  const matchByCode = new Map(matches.map((m) => [m.creditCode!, m]));
  const ctx: RowContext = {
    validate: validateImportedProfile,
    labels: LABELS,
    territories: buildTerritoryIndex(territories),
    owners: ownerByEmail,
  };

  const validated = body.map((r) => validateRow(r.cells, r.row, header, ctx, t));
  const duplicates = duplicateCodeRows(validated);
  const sameNames = duplicateNameRows(validated);

  // Names of accounts without a credit code that already exist in the viewer's scope (a warning).
  const namesWithoutCode = [
    ...new Set(validated.filter((r) => r.profile && !r.profile.creditCode).map((r) => r.profile!.name)),
  ];
  const sameName = new Set(
    namesWithoutCode.length
      ? (
          await db.account.findMany({
            where: { ...scopeWhere(viewer), deletedAt: null, name: { in: namesWithoutCode } },
            select: { name: true },
          })
        ).map((a) => a.name)
      : [],
  );

  const rows = validated.map((r): AnalysedRow => {
    const problems = [...r.problems];
    const warnings: string[] = [];
    const add = (field: ImportField, key: string, values?: Record<string, string | number>) =>
      problems.push({ field, message: t(`accountTools.import.problems.${key}`, values) });
    const others = duplicates.get(r.row);
    if (others) add("creditCode", "duplicateInFile", { rows: others.join(", ") });
    const namesakes = sameNames.get(r.row);
    if (namesakes) add("name", "duplicateNameInFile", { rows: namesakes.join(", ") });

    const code = r.profile?.creditCode;
    const found = code ? matchByCode.get(code) : undefined;
    let match: Match | null = null;
    if (found) {
      if (!canSee(viewer, found) || !canDo(viewer, "edit", found)) add("creditCode", "notEditable");
      else if (found.deletedAt) add("creditCode", "deletedAccount");
      else match = found;
    }

    let target: AnalysedRow["target"] = null;
    if (r.profile && !found) {
      // A new account: owned by the person named, else by the importer.
      const ownerId = r.ownerId ?? viewer.id;
      if (ownerId !== viewer.id && !hasCapability(viewer, "records.reassign"))
        add("owner", "ownerNotAllowed");
      else if (ownerId === viewer.id && !viewer.teamId) add("owner", "ownerRequired");
      else target = { ownerId, teamId: ownerTeams.get(ownerId) ?? viewer.teamId! };
      if (!code && sameName.has(r.profile.name)) {
        warnings.push(t("accountTools.import.warnings.sameName", { name: r.profile.name }));
      }
    }
    let changes: ProfileChange[] = [];
    if (r.profile && match) {
      changes = changedFields(r.profile, r.ownerId, {
        ...match,
        sizeBand: match.sizeBand,
        accountType: match.accountType,
      });
      if (changes.includes("ownerId")) {
        if (!canDo(viewer, "reassign", match)) add("owner", "reassignNotAllowed");
        else target = { ownerId: r.ownerId!, teamId: ownerTeams.get(r.ownerId!)! };
      }
    }
    const status: ImportStatus = problems.length
      ? "error"
      : match
        ? changes.length
          ? "update"
          : "unchanged"
        : "new";
    return { ...r, problems, warnings, match, changes, target, status };
  });

  return { digest: importDigest(bytes), encoding, header, rows, existingNames: sameName };
}

const CHANGE_FIELD: Record<ProfileChange, ImportField> = {
  name: "name",
  creditCode: "creditCode",
  legalRepresentative: "legalRepresentative",
  industry: "industry",
  sizeBand: "sizeBand",
  headcount: "headcount",
  annualRevenue: "annualRevenue",
  shareholderBackground: "shareholderBackground",
  orgStructureNotes: "orgStructureNotes",
  industryStanding: "industryStanding",
  address: "address",
  website: "website",
  accountType: "accountType",
  territoryId: "territory",
  ownerId: "owner",
};

function problemsFor(row: AnalysedRow, header: HeaderMap, t: Translate) {
  return row.problems.map((p) => ({
    column: p.field ? columnLabel(p.field, header.headers[header.columns.indexOf(p.field)], t) : null,
    message: p.message,
  }));
}

/** What importing the file would do, row by row. Writes nothing. */
export async function previewAccountImport(
  viewer: Viewer,
  bytes: Uint8Array,
  t: Translate,
): Promise<ImportPreview | ImportFileProblem> {
  const analysis = await analyse(viewer, bytes, t);
  if ("ok" in analysis) return analysis;
  const totals = EMPTY_TOTALS();
  const rows = analysis.rows.map((r): ImportPreviewRow => {
    totals[r.status]++;
    return {
      row: r.row,
      status: r.status,
      name: clipForDisplay(r.raw.name ?? ""),
      creditCode: clipForDisplay(r.raw.creditCode ?? ""),
      matched: r.match ? { id: r.match.id, name: r.match.name } : null,
      changes: r.changes.map((c) => t(`account.fields.${CHANGE_FIELD[c]}`)),
      problems: problemsFor(r, analysis.header, t),
      warnings: r.warnings,
    };
  });
  return {
    ok: true,
    digest: analysis.digest,
    batch: randomBytes(18).toString("base64url"),
    encoding: analysis.encoding,
    rows,
    totals,
    ignoredColumns: analysis.header.unknown,
  };
}

function rejectedCsv(analysis: Analysis, t: Translate): string | null {
  const rejected = analysis.rows.filter((r) => r.status === "error");
  return rejectedRowsCsv(
    analysis.header.headers,
    rejected.map((r) => ({ row: r.row, cells: r.cells, problems: problemsFor(r, analysis.header, t) })),
    t,
  );
}

// Every import's transaction takes this advisory lock first, so imports run one after another
// across all app processes on the database: the claim of a batch token, the check that no account
// with a row's name (rows without a credit code) appeared meanwhile, and the inserts are then
// never interleaved with another import's. Imports are rare and take seconds at most.
const IMPORT_LOCK = 0x4b53_494d; // "KSIM"

/** A unique index refused a row: Prisma's P2002, or SQLSTATE 23505 from a raw statement (P2010). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return (
    error.code === "P2002" || (error.code === "P2010" && JSON.stringify(error.meta ?? {}).includes("23505"))
  );
}

/**
 * Imports the file: validates it again from its bytes (the preview is never trusted), refuses a
 * file that is not the one previewed, then writes every valid row in one transaction — new
 * accounts with createMany, updates in one statement that also checks each account's version —
 * with one audit row per account, and rescored cached scores. Rows with problems are skipped whole.
 *
 * The transaction first claims the preview's batch token (a row of AccountImportBatch with the
 * counts): a second confirm of the same preview — a double click, a retry after a lost answer, two
 * tabs — finds it claimed and answers with the first one's result instead of importing again.
 */
export async function confirmAccountImport(
  viewer: Viewer,
  bytes: Uint8Array,
  t: Translate,
  input: { digest: string; batch: string },
): Promise<ImportResult | ImportFileProblem> {
  const changedSincePreview = { ok: false, message: problemText(t, "changedSincePreview") } as const;
  const parsed = parseInput(importConfirmationSchema, input);
  if (!parsed.success) return changedSincePreview;
  const confirmation = parsed.data;
  const analysis = await analyse(viewer, bytes, t);
  if ("ok" in analysis) return analysis;
  if (analysis.digest !== confirmation.digest) return changedSincePreview;
  const creates = analysis.rows.filter((r) => r.status === "new");
  const updates = analysis.rows.filter((r) => r.status === "update");
  const result: ImportResult = {
    ok: true,
    created: creates.length,
    updated: updates.length,
    unchanged: analysis.rows.filter((r) => r.status === "unchanged").length,
    rejected: analysis.rows.filter((r) => r.status === "error").length,
    rejectedCsv: rejectedCsv(analysis, t),
    alreadyConfirmedAt: null,
  };
  if (!creates.length && !updates.length) return result;

  try {
    await mutate(
      viewer,
      async ({ tx, audit }) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
        const claimed = await tx.accountImportBatch.createMany({
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
        await assertNoNewNamesakes(tx, viewer, analysis, creates);
        await writeImport(tx, viewer, creates, updates);
        // The import itself, as one more entry: who imported how much, when.
        await audit({
          action: "account.importFile",
          entity: "Account",
          entityId: `import-${analysis.digest.slice(0, 16)}`,
          after: {
            created: creates.length,
            updated: updates.length,
            rejected: result.rejected,
            digest: analysis.digest,
            batch: confirmation.batch,
          },
        });
      },
      // Waiting for another import's lock counts against the transaction's time.
      { timeoutMs: 60_000 },
    );
  } catch (error) {
    if (error instanceof BatchAlreadyClaimed) return alreadyConfirmedImport(viewer, analysis, confirmation);
    // A credit code was registered by someone else between the check and the insert.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "import: credit code taken meanwhile");
    throw error;
  }
  return result;
}

/** The answer to a second confirm of a preview: the first one's counts, nothing written again. */
async function alreadyConfirmedImport(viewer: Viewer, analysis: Analysis, confirmation: ImportConfirmation) {
  const batch = await db.accountImportBatch.findUnique({ where: { id: confirmation.batch } });
  return alreadyConfirmed(batch, viewer.id, analysis.digest);
}

/**
 * Rows without a credit code are told apart from existing accounts only by name: the preview
 * warned about the names that existed then. If an account with another of these names appeared
 * since (someone else's import or form, in the importer's scope), importing now would silently
 * create a second one: refuse, so the person checks the file again and sees the warning.
 */
async function assertNoNewNamesakes(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  analysis: Analysis,
  creates: AnalysedRow[],
) {
  const names = [...new Set(creates.filter((r) => !r.profile!.creditCode).map((r) => r.profile!.name))];
  if (!names.length) return;
  const existing = await tx.account.findMany({
    where: { ...scopeWhere(viewer), deletedAt: null, name: { in: names } },
    select: { name: true },
  });
  if (existing.some((a) => !analysis.existingNames.has(a.name))) {
    throw new AppError("CONFLICT", "import: an account with one of these names was created meanwhile");
  }
}
