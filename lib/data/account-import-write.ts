import "server-only";
import { Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { ImportedProfile } from "@/lib/domain/account-import";
import { cachedScores } from "@/lib/domain/account-scoring";
import { AppError } from "@/lib/errors";
import type { AnalysedRow } from "./account-import";
import { getScoringSettings, scoreChange, scoreSnapshotRow } from "./account-scores";
import { PROFILE_KEYS } from "./accounts";
import { auditSnapshot, type AuditEntry } from "./audit";
import { newId } from "./ids";
import { refreshContactDueFor } from "./visits/contact-due";

// The statements that write an account import, inside its transaction (see confirmAccountImport):
// new accounts and updates with one statement per 500 rows, their audit rows, score snapshots.

/** Inserts the new accounts and applies the updates, with their audit rows and score snapshots. */
export async function writeImport(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  creates: AnalysedRow[],
  updates: AnalysedRow[],
) {
  const settings = await getScoringSettings(tx);
  const now = new Date().toISOString();
  const entries: AuditEntry[] = [];
  const snapshots: Prisma.ScoreSnapshotCreateManyInput[] = [];

  if (creates.length) {
    // A new account has no value inputs yet: the same scores for every row.
    const scores = cachedScores(NO_INPUTS, settings);
    const created: ImportedAccount[] = [];
    for (const batch of chunks(creates, BATCH))
      created.push(...(await insertAccounts(tx, batch, scores, now)));
    // A new account starts at 0 / C: a dated snapshot when its first scores differ.
    if (scores.compositeScore !== 0 || scores.computedTier !== "C") {
      for (const a of created)
        snapshots.push(scoreSnapshotRow({ ...NO_INPUTS, id: a.id }, scores, "import", settings));
    }
    for (const a of created) {
      entries.push({ action: "account.import", entity: "Account", entityId: a.id, after: pick(a, AUDITED) });
    }
  }

  if (updates.length) {
    for (const batch of chunks(updates, BATCH)) {
      // Someone changed (or deleted) one of the accounts since it was read: apply nothing.
      if ((await updateAccounts(tx, batch, now)) !== batch.length) {
        throw new AppError("CONFLICT", "import: an account changed meanwhile");
      }
    }
    const after = await tx.account.findMany({ where: { id: { in: updates.map((r) => r.match!.id) } } });
    const afterById = new Map(after.map((a) => [a.id, a]));
    for (const r of updates) {
      // Profile fields do not feed the scores, but rescore anyway so every imported account
      // carries the scores of the current settings.
      const a = afterById.get(r.match!.id)!;
      const s = scoreChange(a, settings);
      if (s.changed) {
        Object.assign(
          a,
          await tx.account.update({ where: { id: a.id }, data: { ...s.scores, tier: s.tier } }),
        );
        if (s.snapshot) snapshots.push(scoreSnapshotRow(a, s.scores, "import", settings));
      }
      // Before and after of what the import changed (as bulk changes do), not the whole row.
      // "Before" is the row the analysis read: the update matched its version.
      const keys = [...changedKeys(r), "version", ...(s.changed ? ["compositeScore", "tier"] : [])];
      entries.push({
        action: "account.importUpdate",
        entity: "Account",
        entityId: a.id,
        before: pick(r.match!, keys),
        after: pick(a, keys),
      });
    }
  }
  // New accounts get their first contact due date; updated ones may have changed tier.
  const touched = [...entries.map((e) => e.entityId)];
  for (const batch of chunks(touched, BATCH)) await refreshContactDueFor(tx, batch);
  if (snapshots.length) await tx.scoreSnapshot.createMany({ data: snapshots });
  for (const batch of chunks(entries, BATCH)) await writeAuditRows(tx, viewer.id, batch);
}

type FullAccount = Prisma.AccountGetPayload<object>;

// Rows per statement: one INSERT/UPDATE … FROM UNNEST(arrays) binds a parameter per column, not
// per cell; batches keep each statement small enough to stay fast on the embedded database.
const BATCH = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Column values of `rows` as a text[] parameter (null stays NULL). */
function column<R>(rows: readonly R[], pick: (r: R) => unknown): (string | null)[] {
  return rows.map((r) => {
    const v = pick(r);
    return v === null || v === undefined ? null : String(v);
  });
}

async function insertAccounts(
  tx: Prisma.TransactionClient,
  rows: AnalysedRow[],
  s: ReturnType<typeof cachedScores>,
  now: string,
): Promise<ImportedAccount[]> {
  const col = (pick: (p: ImportedProfile, r: AnalysedRow) => unknown) =>
    column(rows, (r) => pick(r.profile!, r));
  return tx.$queryRaw<ImportedAccount[]>`
    INSERT INTO "Account" (
      "id", "name", "creditCode", "legalRepresentative", "industry", "sizeBand", "headcount",
      "annualRevenue", "shareholderBackground", "orgStructureNotes", "industryStanding", "address",
      "website", "accountType", "territoryId", "ownerId", "teamId", "currentScore", "potentialScore",
      "strategicScore", "compositeScore", "computedTier", "tier", "priorityScore", "negativeAsset",
      "createdAt", "updatedAt", "lifecycleChangedAt")
    SELECT v.id, v.name, v.code, v.legal, v.industry, v.size::"SizeBand", v.headcount::integer,
      v.revenue::bigint, v.shareholders, v.org, v.standing, v.address, v.website,
      COALESCE(v.type, 'END_CUSTOMER')::"AccountType", v.territory, v.owner, v.team,
      ${s.currentScore}::float8, ${s.potentialScore}::float8, ${s.strategicScore}::float8,
      ${s.compositeScore}::float8, ${s.computedTier}::"Tier", ${s.computedTier}::"Tier",
      ${s.priorityScore}::float8, ${s.negativeAsset}::boolean, t.at, t.at, t.at
    FROM UNNEST(
      ${rows.map(() => newId())}::text[], ${col((p) => p.name)}::text[], ${col((p) => p.creditCode)}::text[],
      ${col((p) => p.legalRepresentative)}::text[], ${col((p) => p.industry)}::text[],
      ${col((p) => p.sizeBand)}::text[], ${col((p) => p.headcount)}::text[],
      ${col((p) => p.annualRevenue)}::text[], ${col((p) => p.shareholderBackground)}::text[],
      ${col((p) => p.orgStructureNotes)}::text[], ${col((p) => p.industryStanding)}::text[],
      ${col((p) => p.address)}::text[], ${col((p) => p.website)}::text[], ${col((p) => p.accountType)}::text[],
      ${col((p) => p.territoryId)}::text[], ${col((_, r) => r.target!.ownerId)}::text[],
      ${col((_, r) => r.target!.teamId)}::text[]
    ) AS v(id, name, code, legal, industry, size, headcount, revenue, shareholders, org, standing,
           address, website, type, territory, owner, team),
    -- Timestamps in UTC, as Prisma writes them (a column default would follow the session's time zone).
    (SELECT ${now}::timestamptz AT TIME ZONE 'UTC' AS at) AS t
    RETURNING ${Prisma.raw(AUDITED.map((c) => `"${c}"`).join(", "))}`;
}

/**
 * Applies the changed values of `rows` (NULL keeps the current value) where the account still has
 * the version the analysis read, and bumps it. Returns how many accounts were updated.
 */
async function updateAccounts(
  tx: Prisma.TransactionClient,
  rows: AnalysedRow[],
  now: string,
): Promise<number> {
  const given = (key: keyof ImportedProfile) =>
    column(rows, (r) => (r.changes.includes(key) ? r.profile![key] : null));
  return tx.$executeRaw`
    UPDATE "Account" AS a SET
      "name" = COALESCE(v.name, a."name"),
      "legalRepresentative" = COALESCE(v.legal, a."legalRepresentative"),
      "industry" = COALESCE(v.industry, a."industry"),
      "sizeBand" = COALESCE(v.size::"SizeBand", a."sizeBand"),
      "headcount" = COALESCE(v.headcount::integer, a."headcount"),
      "annualRevenue" = COALESCE(v.revenue::bigint, a."annualRevenue"),
      "shareholderBackground" = COALESCE(v.shareholders, a."shareholderBackground"),
      "orgStructureNotes" = COALESCE(v.org, a."orgStructureNotes"),
      "industryStanding" = COALESCE(v.standing, a."industryStanding"),
      "address" = COALESCE(v.address, a."address"),
      "website" = COALESCE(v.website, a."website"),
      "accountType" = COALESCE(v.type::"AccountType", a."accountType"),
      "territoryId" = COALESCE(v.territory, a."territoryId"),
      "ownerId" = COALESCE(v.owner, a."ownerId"),
      "teamId" = COALESCE(v.team, a."teamId"),
      "version" = a."version" + 1,
      "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
    FROM UNNEST(
      ${column(rows, (r) => r.match!.id)}::text[], ${column(rows, (r) => r.match!.version)}::text[],
      ${given("name")}::text[], ${given("legalRepresentative")}::text[], ${given("industry")}::text[],
      ${given("sizeBand")}::text[], ${given("headcount")}::text[], ${given("annualRevenue")}::text[],
      ${given("shareholderBackground")}::text[], ${given("orgStructureNotes")}::text[],
      ${given("industryStanding")}::text[], ${given("address")}::text[], ${given("website")}::text[],
      ${given("accountType")}::text[], ${given("territoryId")}::text[],
      ${column(rows, (r) => r.target?.ownerId)}::text[], ${column(rows, (r) => r.target?.teamId)}::text[]
    ) AS v(id, ver, name, legal, industry, size, headcount, revenue, shareholders, org, standing,
           address, website, type, territory, owner, team)
    WHERE a."id" = v.id AND a."version" = v.ver::integer AND a."deletedAt" IS NULL`;
}

/**
 * One audit row per imported account, written in the import's transaction with a single
 * INSERT … SELECT FROM UNNEST: `auditMany` binds seven parameters per row, which for thousands of
 * rows is slower than the transaction may take on the embedded database.
 */
async function writeAuditRows(tx: Prisma.TransactionClient, actorId: string, entries: AuditEntry[]) {
  if (!entries.length) return;
  const json = (v: unknown) => {
    const snapshot = auditSnapshot(v);
    return snapshot === Prisma.DbNull ? null : JSON.stringify(snapshot);
  };
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "before", "after", "createdAt")
    SELECT v.id, ${actorId}, v.action, v.entity, v.entity_id, v.before::jsonb, v.after::jsonb,
      ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM UNNEST(
      ${entries.map(() => newId())}::text[], ${entries.map((e) => e.action)}::text[],
      ${entries.map((e) => e.entity)}::text[], ${entries.map((e) => e.entityId)}::text[],
      ${entries.map((e) => json(e.before))}::text[], ${entries.map((e) => json(e.after))}::text[]
    ) AS v(id, action, entity, entity_id, before, after)`;
}

// What the audit trail keeps of an imported account: its profile, owner and scores.
const AUDITED = [
  "id",
  ...PROFILE_KEYS,
  "ownerId",
  "teamId",
  "lifecycle",
  "tier",
  "compositeScore",
  "version",
] as const satisfies readonly (keyof FullAccount)[];

/** What an INSERT of imported accounts returns. */
type ImportedAccount = Pick<FullAccount, (typeof AUDITED)[number]>;

function pick<T extends object>(row: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]])) as Partial<T>;
}

/** The account columns an update row changes. */
function changedKeys(row: AnalysedRow): string[] {
  return row.changes.flatMap((c) => (c === "ownerId" ? ["ownerId", "teamId"] : [c]));
}

// A new account's value inputs: none assessed yet.
const NO_INPUTS = {
  purchaseVolume: null,
  categorySpend: null,
  creditRating: null,
  paymentRecord: null,
  expectedGrowth: null,
  loyalty: null,
  industryInfluence: null,
  strategicFit: null,
  referenceValue: null,
  urgency: null,
  annualGrossProfit: null,
  annualCostToServe: null,
  willingMark: "UNKNOWN",
} as const;
