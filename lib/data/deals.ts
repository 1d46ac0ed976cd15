import "server-only";
import { db, Prisma } from "@/lib/db";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import {
  annualisedValue,
  checkMove,
  BOARD_COLUMNS,
  businessDay,
  checkTerminate,
  DEAL_STAGES,
  DEFAULT_PIPELINE_SETTINGS,
  DEFAULT_STAGE_PROBABILITY,
  gateChecklist,
  isStageColumn,
  isWeakDecisionMaker,
  pipelineFigures,
  stageNumber,
  unmetGate,
  type BoardColumn,
  type ColumnTotals,
  type DealStage,
  type DealStatus,
  type GateInput,
  type GateItem,
  type MoveDecision,
  type Obstacle,
  type PipelineSettings,
  type ProgrammeStep,
} from "@/lib/domain/pipeline";
import { assertCapability, assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound, staleVersion } from "@/lib/errors";
import type { BoardFilters, DealListQuery, DealListSort } from "@/lib/validation/deals";
import { likeEscape, rescore, resolveOwner } from "./accounts";
import { auditSnapshot, mutate } from "./audit";
import { newId } from "./ids";
import { scopeSql } from "./scope-sql";
import { updateVersioned } from "./versioning";

// 开发项目: deals on accounts moving through the five stages. Every read is scoped like the account
// list (owner, or a team the viewer sees); every change is versioned, audited, and checked against
// the stage gates of lib/domain/pipeline.ts on the server, whatever the UI did.

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

/** Closed deals stay on the board's 赢单/丢单 columns this long. */
export const BOARD_CLOSED_DAYS = 90;
const boardClosedSince = (now: Date) => new Date(now.getTime() - BOARD_CLOSED_DAYS * 86_400_000);

const yuan = (fen: bigint | null) => (fen === null ? null : Number(fen) / 100);

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────

export async function getPipelineSettings(
  client: Client = db,
): Promise<PipelineSettings & { version: number }> {
  const row = await client.pipelineSettings.findUnique({ where: { id: "default" } });
  return row ?? { ...DEFAULT_PIPELINE_SETTINGS, version: 0 };
}

// The board and every move read the settings; they change a few times a year. Kept in memory briefly:
// a change made here clears it at once, other app processes see it within SETTINGS_CACHE_MS.
const SETTINGS_CACHE_MS = 30_000;
let settingsCache: { value: PipelineSettings & { version: number }; loadedAt: number } | null = null;

async function cachedPipelineSettings() {
  if (!settingsCache || Date.now() - settingsCache.loadedAt > SETTINGS_CACHE_MS) {
    settingsCache = { value: await getPipelineSettings(), loadedAt: Date.now() };
  }
  return settingsCache.value;
}

export async function updatePipelineSettings(viewer: Viewer, input: PipelineSettings & { version: number }) {
  assertCapability(viewer, "admin.pipeline");
  settingsCache = null;
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await getPipelineSettings(tx);
    const data = {
      staleDays: input.staleDays,
      minDecisionMakerStrength: input.minDecisionMakerStrength,
      renewalWindowDays: input.renewalWindowDays,
    };
    if (before.version === 0) {
      // First save: the row does not exist yet; the form was showing the defaults (version 0).
      if (input.version !== 0 && input.version !== 1) throw new AppError("CONFLICT");
      // Two first saves at once: the second insert waits for the first to commit, then finds its row.
      const { count } = await tx.pipelineSettings.createMany({
        data: [{ id: "default", ...data }],
        skipDuplicates: true,
      });
      if (count === 0) throw new AppError("CONFLICT");
    } else {
      await updateVersioned(tx.pipelineSettings, { where: { id: "default" }, version: input.version, data });
    }
    const after = await getPipelineSettings(tx);
    await audit({
      action: "pipeline.settings",
      entity: "PipelineSettings",
      entityId: "default",
      before,
      after,
    });
    return after;
  }).finally(() => {
    settingsCache = null;
  });
}

// ── Lost reasons (a managed list) ────────────────────────────────────────────────────────────────

const lostReasonSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
} satisfies Prisma.LostReasonSelect;

export async function listLostReasons(opts: { deleted?: boolean } = {}) {
  return db.lostReason.findMany({
    where: { deletedAt: opts.deleted ? { not: null } : null },
    select: lostReasonSelect,
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

type LostReasonInput = { code: string; name: string; nameEn: string; sortOrder: number };

async function assertCodeFree(tx: Tx, code: string, id: string | null) {
  const clash = await tx.lostReason.findFirst({
    where: { code, ...(id ? { id: { not: id } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("VALIDATION", "code taken", { code: ["validation.codeTaken"] });
}

export async function createLostReason(viewer: Viewer, input: LostReasonInput) {
  assertCapability(viewer, "admin.pipeline");
  return mutate(viewer, async ({ tx, audit }) => {
    await assertCodeFree(tx, input.code, null);
    const row = await tx.lostReason.create({ data: input, select: lostReasonSelect });
    await audit({ action: "lostReason.create", entity: "LostReason", entityId: row.id, after: row });
    return row;
  });
}

export async function updateLostReason(
  viewer: Viewer,
  input: LostReasonInput & { id: string; version: number },
) {
  assertCapability(viewer, "admin.pipeline");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.lostReason.findFirst({
      where: { id: input.id, deletedAt: null },
      select: lostReasonSelect,
    });
    if (!before) throw notFound("lost reason");
    await assertCodeFree(tx, input.code, input.id);
    const { code, name, nameEn, sortOrder } = input;
    await updateVersioned(tx.lostReason, {
      where: { id: input.id },
      version: input.version,
      data: { code, name, nameEn, sortOrder },
    });
    const after = await tx.lostReason.findUniqueOrThrow({
      where: { id: input.id },
      select: lostReasonSelect,
    });
    await audit({ action: "lostReason.update", entity: "LostReason", entityId: input.id, before, after });
    return after;
  });
}

/** Soft-deletes (restore = false) or restores a lost reason; deals keep the reasons they were lost for. */
export async function setLostReasonDeleted(
  viewer: Viewer,
  input: { id: string; version: number },
  deleted: boolean,
) {
  assertCapability(viewer, "admin.pipeline");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.lostReason.findFirst({
      where: { id: input.id, deletedAt: deleted ? null : { not: null } },
      select: lostReasonSelect,
    });
    if (!before) throw notFound("lost reason");
    await updateVersioned(tx.lostReason, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: deleted ? new Date() : null },
    });
    const after = await tx.lostReason.findUniqueOrThrow({
      where: { id: input.id },
      select: lostReasonSelect,
    });
    await audit({
      action: deleted ? "lostReason.delete" : "lostReason.restore",
      entity: "LostReason",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}

// ── Gate context ─────────────────────────────────────────────────────────────────────────────────

type ContactSummary = { coachCount: number; decisionMakers: number; weakDecisionMakers: number };

type GateFields = Omit<GateInput, keyof ContactSummary | "obstacles" | "programme"> & {
  obstacles: Prisma.JsonValue;
  programme: Prisma.JsonValue;
};

export const asObstacles = (v: Prisma.JsonValue): Obstacle[] => (Array.isArray(v) ? (v as Obstacle[]) : []);
export const asProgramme = (v: Prisma.JsonValue): ProgrammeStep[] =>
  Array.isArray(v) ? (v as ProgrammeStep[]) : [];

function gateInput(deal: GateFields, people: ContactSummary): GateInput {
  return {
    opportunity: deal.opportunity,
    sampleItem: deal.sampleItem,
    sampleSentOn: deal.sampleSentOn,
    sampleSpecAgreed: deal.sampleSpecAgreed,
    sampleAccepted: deal.sampleAccepted,
    sampleTechOwner: deal.sampleTechOwner,
    informationSufficient: deal.informationSufficient,
    needsClear: deal.needsClear,
    closeProbability: deal.closeProbability,
    obstacles: asObstacles(deal.obstacles),
    expectedDevCost: deal.expectedDevCost,
    programme: asProgramme(deal.programme),
    seniorMeetingHeld: deal.seniorMeetingHeld,
    siteAuditDone: deal.siteAuditDone,
    systemSupportArranged: deal.systemSupportArranged,
    ...people,
  };
}

// ── The board ────────────────────────────────────────────────────────────────────────────────────

export type BoardCard = {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  tier: "A" | "B" | "C";
  expectedValue: number;
  ownerId: string;
  ownerName: string;
  teamId: string;
  stage: DealStage;
  status: DealStatus;
  stageEnteredAt: Date;
  closedAt: Date | null;
  closeProbability: number | null;
  expectedCloseDate: Date | null;
  version: number;
  unmet: GateItem[];
};

type BoardRow = GateFields & {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  tier: "A" | "B" | "C";
  expectedValue: bigint;
  ownerId: string;
  ownerName: string;
  teamId: string;
  stage: DealStage;
  status: DealStatus;
  stageEnteredAt: Date;
  closedAt: Date | null;
  expectedCloseDate: Date | null;
  version: number;
  coachCount: number | null;
  decisionMakers: number | null;
  weakDecisionMakers: number | null;
};

/** The people summary of a row (absent where the gate of the deal's stage does not read it). */
const peopleOf = (r: {
  coachCount: number | null;
  decisionMakers: number | null;
  weakDecisionMakers: number | null;
}) => ({
  coachCount: r.coachCount ?? 0,
  decisionMakers: r.decisionMakers ?? 0,
  weakDecisionMakers: r.weakDecisionMakers ?? 0,
});

type CardFields = Omit<
  BoardRow,
  keyof GateFields | "coachCount" | "decisionMakers" | "weakDecisionMakers"
> & {
  closeProbability: number | null;
};

function toCard(r: CardFields, gate: GateInput | null): BoardCard {
  return {
    id: r.id,
    title: r.title,
    accountId: r.accountId,
    accountName: r.accountName,
    tier: r.tier,
    expectedValue: Number(r.expectedValue) / 100,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    teamId: r.teamId,
    stage: r.stage,
    status: r.status,
    stageEnteredAt: r.stageEnteredAt,
    closedAt: r.closedAt,
    closeProbability: r.closeProbability,
    expectedCloseDate: r.expectedCloseDate,
    version: r.version,
    unmet: r.status === "OPEN" && gate ? unmetGate(r.stage, gate) : [],
  };
}

/**
 * The gate input of a board row: only the work its current stage's gate reads arrives (as one JSON
 * object per card, which keeps 2,000 rows small); what is absent counts as not done.
 */
function boardGate(work: Partial<GateFields> | null, people: ReturnType<typeof peopleOf>): GateInput {
  const w = work ?? {};
  return {
    opportunity: w.opportunity ?? "UNKNOWN",
    sampleItem: w.sampleItem ?? null,
    sampleSentOn: w.sampleSentOn ?? null,
    sampleSpecAgreed: w.sampleSpecAgreed ?? false,
    sampleAccepted: w.sampleAccepted ?? "UNKNOWN",
    sampleTechOwner: w.sampleTechOwner ?? null,
    informationSufficient: w.informationSufficient ?? false,
    needsClear: w.needsClear ?? false,
    closeProbability: w.closeProbability ?? null,
    obstacles: asObstacles(w.obstacles ?? null),
    expectedDevCost: w.expectedDevCost ?? null,
    programme: asProgramme(w.programme ?? null),
    seniorMeetingHeld: w.seniorMeetingHeld ?? false,
    siteAuditDone: w.siteAuditDone ?? false,
    systemSupportArranged: w.systemSupportArranged ?? false,
    ...people,
  };
}

/** The filters on the deal itself ("Deal" d), scoped to the viewer. */
function dealFilter(viewer: Viewer, f: Partial<BoardFilters>): Prisma.Sql {
  const conds: Prisma.Sql[] = [Prisma.sql`d."deletedAt" IS NULL`, scopeSql(viewer, "d")];
  if (f.ownerId) conds.push(Prisma.sql`d."ownerId" = ${f.ownerId}`);
  if (f.teamId) conds.push(Prisma.sql`d."teamId" = ${f.teamId}`);
  if (f.valueMin !== undefined)
    conds.push(Prisma.sql`d."expectedValue" >= ${BigInt(Math.round(f.valueMin * 100))}`);
  if (f.valueMax !== undefined)
    conds.push(Prisma.sql`d."expectedValue" <= ${BigInt(Math.round(f.valueMax * 100))}`);
  if (f.closeFrom) conds.push(Prisma.sql`d."expectedCloseDate" >= ${f.closeFrom}::date`);
  if (f.closeTo) conds.push(Prisma.sql`d."expectedCloseDate" <= ${f.closeTo}::date`);
  return Prisma.join(conds, " AND ");
}

/** The filters on the deal's account ("Account" a) and the text search over both. */
function accountFilter(f: Partial<BoardFilters>): Prisma.Sql {
  const conds: Prisma.Sql[] = [Prisma.sql`a."deletedAt" IS NULL`];
  if (f.tier?.length) conds.push(Prisma.sql`a.tier = ANY(${f.tier}::"Tier"[])`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    conds.push(Prisma.sql`(d.title ILIKE ${like} OR a.name ILIKE ${like})`);
  }
  return Prisma.join(conds, " AND ");
}

/** The columns a card and its gate need ("Deal" d, "Account" a, owner u, people p). */
const CARD_COLUMNS_SQL = Prisma.sql`
  d.id, d.title, d."accountId", a.name AS "accountName", a.tier, d."expectedValue", d."ownerId",
  u.name AS "ownerName", d."teamId", d.stage, d.status, d."stageEnteredAt", d."closedAt",
  d."closeProbability", d."expectedCloseDate", d.version, d.opportunity, d."sampleItem",
  d."sampleSentOn", d."sampleSpecAgreed", d."sampleAccepted", d."sampleTechOwner",
  d."informationSufficient", d."needsClear", d.obstacles, d."expectedDevCost", d.programme,
  d."seniorMeetingHeld", d."siteAuditDone", d."systemSupportArranged",
  p."coachCount", p."decisionMakers", p."weakDecisionMakers"`;

/**
 * The people summary the gates read, per deal: 内线 count, 决策者 count, and decision makers below the
 * minimum strength or without an influence plan. `when` limits it to the deals that need it.
 */
const peopleSql = (minStrength: number, when: Prisma.Sql) => Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT
      count(*) FILTER (WHERE c."buyingRole" = 'COACH')::int AS "coachCount",
      count(*) FILTER (WHERE c."buyingRole" = 'DECISION_MAKER')::int AS "decisionMakers",
      count(*) FILTER (WHERE c."buyingRole" = 'DECISION_MAKER'
        AND (c."relationshipStrength" < ${minStrength} OR coalesce(c.approach, '') !~ '\\S'))::int
        AS "weakDecisionMakers"
    FROM "Contact" c WHERE ${when} AND c."accountId" = d."accountId" AND c."deletedAt" IS NULL
  ) p ON true`;

/** Cards per column when the board opens, and per "load more" after that. */
export const BOARD_FIRST_PAGE = 12;
export const BOARD_NEXT_PAGE = 24;

export type BoardColumnData = { cards: BoardCard[]; totals: ColumnTotals; more: boolean };
/** Where a column's next page starts: after this card in the board's order (value ↓, id ↑). */
export type BoardCursor = { value: number; id: string };

/**
 * The board's deals that pass the filters, narrow (id, column, value, probability and the account's
 * name and tier): open deals and those won or lost since `closedSince`, optionally of one column and
 * after a cursor. Open and recently closed deals are found through their own indexes (an OR would scan
 * every deal) and accounts are looked up by key.
 */
function boardDealsSql(
  viewer: Viewer,
  filters: Partial<BoardFilters>,
  closedSince: Date,
  only?: { column: BoardColumn; after?: BoardCursor },
): Prisma.Sql {
  const deals = [dealFilter(viewer, filters)];
  if (only?.after) {
    const value = BigInt(Math.round(only.after.value * 100));
    deals.push(
      Prisma.sql`(d."expectedValue" < ${value} OR (d."expectedValue" = ${value} AND d.id > ${only.after.id}))`,
    );
  }
  const where = Prisma.join(deals, " AND ");
  const columns = Prisma.sql`d.id, d.title, d."accountId", d."expectedValue", d.stage, d."closeProbability"`;
  const open = Prisma.sql`SELECT ${columns}, d.stage::text AS col FROM "Deal" d
    WHERE d.status = 'OPEN' ${only ? Prisma.sql`AND d.stage = ${only.column}::"DealStage"` : Prisma.empty} AND ${where}`;
  const closedStatuses = only ? [only.column] : ["WON", "LOST"];
  const closed = Prisma.sql`SELECT ${columns}, d.status::text AS col FROM "Deal" d
    WHERE d.status = ANY(${closedStatuses}::"DealStatus"[]) AND d."closedAt" >= ${closedSince} AND ${where}`;
  const parts = !only ? [open, closed] : isStageColumn(only.column) ? [open] : [closed];
  return Prisma.sql`
    SELECT d.*, a.name AS "accountName", a.tier
    FROM (${Prisma.join(parts, " UNION ALL ")}) d
    -- OFFSET 0 keeps this a keyed lookup per deal instead of a scan of every account.
    JOIN LATERAL (SELECT a.name, a.tier, a."deletedAt" FROM "Account" a WHERE a.id = d."accountId" OFFSET 0) a
      ON true
    WHERE ${accountFilter(filters)}`;
}

/**
 * A card's columns from "Deal" d (its full row) and the matched row x, with only the work its current
 * stage's gate reads (as one JSON object per card; what is absent counts as not done), and the people
 * summary p.
 */
const BOARD_CARD_SQL = Prisma.sql`
  d.id, d.title, d."accountId", x."accountName", x.tier, d."expectedValue", d."ownerId",
  u.name AS "ownerName", d."teamId", d.stage, d.status, d."stageEnteredAt", d."closedAt",
  d."closeProbability", d."expectedCloseDate", d.version,
  CASE WHEN d.status <> 'OPEN' THEN NULL
    WHEN d.stage = 'TARGET' THEN json_build_object('opportunity', d.opportunity)
    WHEN d.stage = 'INFORMATION' THEN json_build_object('sampleItem', d."sampleItem",
      'sampleSentOn', d."sampleSentOn", 'sampleSpecAgreed', d."sampleSpecAgreed",
      'sampleAccepted', d."sampleAccepted", 'sampleTechOwner', d."sampleTechOwner",
      'informationSufficient', d."informationSufficient", 'needsClear', d."needsClear")
    WHEN d.stage = 'VALUE' THEN json_build_object('closeProbability', d."closeProbability",
      'obstacles', d.obstacles, 'expectedDevCost', d."expectedDevCost", 'programme', d.programme)
    WHEN d.stage = 'CLOSING' THEN json_build_object('seniorMeetingHeld', d."seniorMeetingHeld",
      'siteAuditDone', d."siteAuditDone", 'systemSupportArranged', d."systemSupportArranged")
    ELSE '{}'::json -- 关系建立: its gate reads only the people summary
  END AS work,
  p."coachCount", p."decisionMakers", p."weakDecisionMakers"`;

/** The joins BOARD_CARD_SQL reads: the deal row, its owner, and the people summary where a gate needs it. */
const boardCardJoins = (minStrength: number) => Prisma.sql`
  JOIN "Deal" d ON d.id = x.id
  JOIN "User" u ON u.id = d."ownerId"
  ${peopleSql(minStrength, Prisma.sql`d.status = 'OPEN' AND d.stage IN ('INFORMATION', 'RELATIONSHIP')`)}`;

type BoardCardRow = CardFields & {
  work: Partial<GateFields> | null;
  coachCount: number | null;
  decisionMakers: number | null;
  weakDecisionMakers: number | null;
};
const boardCard = (r: BoardCardRow) => toCard(r, r.work ? boardGate(r.work, peopleOf(r)) : null);

/** The stage's default probability (%) where a deal has none of its own, as SQL over x. */
const PROBABILITY_SQL = Prisma.sql`coalesce(x."closeProbability", CASE x.stage ${Prisma.join(
  DEAL_STAGES.map((s) => Prisma.sql`WHEN ${s}::"DealStage" THEN ${DEFAULT_STAGE_PROBABILITY[s]}::int`),
  " ",
)} END)`;

/** The list view's sort keys as SQL over the matched row x, its deal d and owner u. */
const LIST_ORDER: Record<DealListSort, Prisma.Sql> = {
  title: Prisma.sql`d.title`,
  account: Prisma.sql`x."accountName"`,
  tier: Prisma.sql`x.tier`,
  stage: Prisma.sql`array_position(${[...BOARD_COLUMNS]}::text[], x.col)`,
  value: Prisma.sql`d."expectedValue"`,
  // Weighted value and days in stage belong to open deals; closed ones sort last either way.
  weighted: Prisma.sql`CASE WHEN d.status = 'OPEN' THEN x."expectedValue" * ${PROBABILITY_SQL} END`,
  owner: Prisma.sql`u.name`,
  // More days in the stage = entered earlier.
  days: Prisma.sql`CASE WHEN d.status = 'OPEN' THEN -extract(epoch FROM d."stageEnteredAt") END`,
  close: Prisma.sql`d."expectedCloseDate"`,
};

const listOrder = (q: Pick<DealListQuery, "sort" | "dir">) =>
  Prisma.sql`${LIST_ORDER[q.sort]} ${Prisma.raw(q.dir === "asc" ? "ASC" : "DESC")} NULLS LAST,
    d."expectedValue" DESC, d.id ASC`;

/**
 * The deals on the board for these filters as the list view shows them: one page in the chosen order
 * (by default every deal, largest first), and how many there are. The page is chosen before the
 * cards' gate work and people summary are read, so those are built for 50 rows, not 2,000.
 */
export async function listBoardDeals(
  viewer: Viewer,
  filters: Partial<BoardFilters> = {},
  list: Partial<DealListQuery> & { pageSize?: number } = {},
  now = new Date(),
) {
  const closedSince = boardClosedSince(now);
  const settings = await cachedPipelineSettings();
  const order = listOrder({ sort: list.sort ?? "value", dir: list.dir ?? "desc" });
  const limit = list.pageSize
    ? Prisma.sql`LIMIT ${list.pageSize} OFFSET ${((list.page ?? 1) - 1) * list.pageSize}`
    : Prisma.empty;
  const rows = await db.$queryRaw<(BoardCardRow & { total: number })[]>`
    WITH m AS (${boardDealsSql(viewer, filters, closedSince)}),
    page AS (
      SELECT x.*, (count(*) OVER ())::int AS total
      FROM m x JOIN "Deal" d ON d.id = x.id JOIN "User" u ON u.id = d."ownerId"
      ORDER BY ${order} ${limit}
    )
    SELECT ${BOARD_CARD_SQL}, x.total
    FROM page x ${boardCardJoins(settings.minDecisionMakerStrength)}
    ORDER BY ${order}`;
  // A page past the end (the list shrank since the link was made) still says how many there are.
  const total =
    rows[0]?.total ??
    (list.page && list.page > 1
      ? (
          await db.$queryRaw<{ total: number }[]>`
            SELECT count(*)::int AS total FROM (${boardDealsSql(viewer, filters, closedSince)}) x`
        )[0]!.total
      : 0);
  return { cards: rows.map(boardCard), total, closedSince, settings };
}

/**
 * The board: per column (the five stages, then 赢单/丢单 closed in the last BOARD_CLOSED_DAYS) its
 * largest BOARD_FIRST_PAGE deals with the unmet items of each open deal's gate, and the totals of all
 * its deals (count, value, probability-weighted value). One statement: the matching deals are ranked
 * and summed in the database, so a team with 2,000 open deals sends about 80 cards, not 2,000; the
 * rest arrive a page at a time (getBoardColumnPage). columnTotals in lib/domain is the rule these
 * sums follow (an integration test holds them to it).
 */
export async function getBoard(viewer: Viewer, filters: Partial<BoardFilters> = {}, now = new Date()) {
  const closedSince = boardClosedSince(now);
  const settings = await cachedPipelineSettings();
  const rows = await db.$queryRaw<
    (BoardCardRow & { col: BoardColumn; colCount: number; colValue: number; colWeighted: number })[]
  >`
    WITH m AS (${boardDealsSql(viewer, filters, closedSince)}),
    ranked AS (
      SELECT x.*,
        row_number() OVER (PARTITION BY x.col ORDER BY x."expectedValue" DESC, x.id) AS rn,
        count(*) OVER w AS "colCount",
        sum(x."expectedValue") OVER w AS "colValue",
        sum(x."expectedValue" * ${PROBABILITY_SQL}) OVER w AS "colWeighted"
      FROM m x WINDOW w AS (PARTITION BY x.col)
    )
    SELECT ${BOARD_CARD_SQL}, x.col, x."colCount"::int AS "colCount",
      (x."colValue" / 100.0)::float8 AS "colValue", (x."colWeighted" / 10000.0)::float8 AS "colWeighted"
    FROM (SELECT * FROM ranked WHERE rn <= ${BOARD_FIRST_PAGE}) x
    ${boardCardJoins(settings.minDecisionMakerStrength)}
    ORDER BY d."expectedValue" DESC, d.id ASC`;
  const columns = {} as Record<BoardColumn, BoardColumnData>;
  for (const c of BOARD_COLUMNS)
    columns[c] = { cards: [], totals: { count: 0, value: 0, weighted: 0 }, more: false };
  for (const r of rows) {
    const column = columns[r.col];
    column.cards.push(boardCard(r));
    column.totals = { count: r.colCount, value: r.colValue, weighted: r.colWeighted };
    column.more = r.colCount > BOARD_FIRST_PAGE;
  }
  return { columns, closedSince, settings };
}

/** A column's next page of the board after `after` (the last card it has), and whether more follow. */
export async function getBoardColumnPage(
  viewer: Viewer,
  input: { filters: Partial<BoardFilters>; column: BoardColumn; after: BoardCursor },
  now = new Date(),
) {
  const settings = await cachedPipelineSettings();
  const rows = await db.$queryRaw<BoardCardRow[]>`
    WITH x AS (${boardDealsSql(viewer, input.filters, boardClosedSince(now), input)})
    SELECT ${BOARD_CARD_SQL}
    FROM (SELECT * FROM x ORDER BY x."expectedValue" DESC, x.id LIMIT ${BOARD_NEXT_PAGE + 1}) x
    ${boardCardJoins(settings.minDecisionMakerStrength)}
    ORDER BY d."expectedValue" DESC, d.id ASC`;
  return { cards: rows.slice(0, BOARD_NEXT_PAGE).map(boardCard), more: rows.length > BOARD_NEXT_PAGE };
}

/** The board's filter choices: owners and teams that have deals the viewer sees; the lost reasons. */
export async function getBoardOptions(viewer: Viewer) {
  const [owners, teams, lostReasons] = await Promise.all([
    db.user.findMany({
      where: { ownedDeals: { some: { ...scopeWhere(viewer), deletedAt: null } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.team.findMany({
      where: {
        deletedAt: null,
        ...(viewer.visibleTeamIds === "all" ? {} : { id: { in: [...viewer.visibleTeamIds] } }),
      },
      select: { id: true, name: true, nameZh: true },
      orderBy: { name: "asc" },
    }),
    listLostReasons(),
  ]);
  return { owners, teams, lostReasons };
}

/**
 * Pipeline figures (conversion, win rate, days per stage, weighted value, stuck deals) over the
 * deals on the board for these filters: open ones, and those closed in the last BOARD_CLOSED_DAYS.
 */
export async function getPipelineFigures(
  viewer: Viewer,
  filters: Partial<BoardFilters> = {},
  now = new Date(),
) {
  const closedSince = boardClosedSince(now);
  const settings = await cachedPipelineSettings();
  const rows = await db.$queryRaw<
    {
      id: string;
      stage: DealStage;
      status: DealStatus;
      expectedValue: bigint;
      closeProbability: number | null;
      stageEnteredAt: Date;
      history: { fromStage: DealStage | null; toStage: DealStage; toStatus: DealStatus; createdAt: string }[];
    }[]
  >`
    SELECT d.id, d.stage, d.status, d."expectedValue", d."closeProbability", d."stageEnteredAt",
      coalesce(h.history, '[]'::json) AS history
    FROM "Deal" d
    JOIN "Account" a ON a.id = d."accountId"
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('fromStage', s."fromStage", 'toStage', s."toStage",
        'toStatus', s."toStatus", 'createdAt', s."createdAt") ORDER BY s."createdAt") AS history
      FROM "DealStageChange" s WHERE s."dealId" = d.id
    ) h ON true
    WHERE ${dealFilter(viewer, filters)} AND ${accountFilter(filters)}
      AND (d.status = 'OPEN' OR (d.status <> 'OPEN' AND d."closedAt" >= ${closedSince}))`;
  const deals = rows.map((r) => {
    const history = r.history.map((h) => ({ ...h, createdAt: new Date(h.createdAt) }));
    const furthest = history.reduce<DealStage>(
      (max, h) => (stageNumber(h.toStage) > stageNumber(max) ? h.toStage : max),
      r.stage,
    );
    return {
      stage: r.stage,
      status: r.status,
      expectedValue: Number(r.expectedValue) / 100,
      closeProbability: r.closeProbability,
      stageEnteredAt: r.stageEnteredAt,
      furthestStage: furthest,
      history,
    };
  });
  return { figures: pipelineFigures(deals, now, settings), closedSince, dealCount: deals.length };
}

/**
 * A live deal with everything a move needs — its gate work, the people summary, and what its card
 * shows — in one statement. NOT_FOUND outside scope, FORBIDDEN if not the viewer's to edit.
 */
async function dealForMove(tx: Client, viewer: Viewer, id: string, minStrength: number): Promise<BoardRow> {
  const rows = await tx.$queryRaw<BoardRow[]>`
    SELECT ${CARD_COLUMNS_SQL}
    FROM "Deal" d
    JOIN "Account" a ON a.id = d."accountId"
    JOIN "User" u ON u.id = d."ownerId"
    ${peopleSql(minStrength, Prisma.sql`true`)}
    WHERE d.id = ${id} AND d."deletedAt" IS NULL AND ${scopeSql(viewer, "d")}`;
  const row = rows[0] ?? null;
  assertRecord(viewer, "edit", row, "deal");
  return row as BoardRow;
}

// ── Reading one deal ─────────────────────────────────────────────────────────────────────────────

/** A deal for a change: NOT_FOUND outside scope (or deleted), FORBIDDEN if not the viewer's to edit. */
async function dealForChange(tx: Tx, viewer: Viewer, id: string, opts: { deleted?: boolean } = {}) {
  const deal = await tx.deal.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: opts.deleted ? { not: null } : null },
  });
  if (!deal) throw notFound("deal");
  assertRecord(viewer, opts.deleted ? "restore" : "edit", deal, "deal");
  return deal;
}

export async function getDealDetail(viewer: Viewer, id: string, now = new Date()) {
  const deal = await db.deal.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: null },
    include: {
      owner: { select: { id: true, name: true } },
      team: { select: { id: true, name: true, nameZh: true } },
      lostReason: { select: { id: true, name: true, nameEn: true } },
      account: {
        select: {
          id: true,
          name: true,
          tier: true,
          lifecycle: true,
          ownerId: true,
          teamId: true,
          contacts: { where: { deletedAt: null }, orderBy: [{ influence: "desc" }, { name: "asc" }] },
        },
      },
      agreement: true,
      stageChanges: {
        orderBy: { createdAt: "asc" },
        include: { actor: { select: { id: true, name: true } } },
      },
    },
  });
  if (!deal) throw notFound("deal");
  const settings = await cachedPipelineSettings();
  const dms = deal.account.contacts.filter((c) => c.buyingRole === "DECISION_MAKER");
  const people: ContactSummary = {
    coachCount: deal.account.contacts.filter((c) => c.buyingRole === "COACH").length,
    decisionMakers: dms.length,
    weakDecisionMakers: dms.filter((c) => isWeakDecisionMaker(c, settings.minDecisionMakerStrength)).length,
  };
  const gate = gateInput(deal, people);
  // Programme step owners are user ids; the page shows names.
  const ownerIds = [...new Set(asProgramme(deal.programme).map((s) => s.ownerId))];
  const stepOwners = ownerIds.length
    ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })
    : [];
  // Each transition with the days the deal had spent in the stage it left.
  const history = deal.stageChanges.map((c, i) => {
    const previous = deal.stageChanges[i - 1];
    const daysInFrom = previous
      ? Math.max(0, Math.floor((c.createdAt.getTime() - previous.createdAt.getTime()) / 86_400_000))
      : null;
    return { ...c, daysInFrom };
  });
  return {
    ...deal,
    expectedValueYuan: Number(deal.expectedValue) / 100,
    expectedDevCostYuan: yuan(deal.expectedDevCost),
    obstacleList: asObstacles(deal.obstacles),
    programmeSteps: asProgramme(deal.programme).map((s) => ({
      ...s,
      ownerName: stepOwners.find((u) => u.id === s.ownerId)?.name ?? null,
    })),
    history,
    checklist: deal.status === "OPEN" ? gateChecklist(deal.stage, gate) : [],
    decisionMakers: dms.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      relationshipStrength: c.relationshipStrength,
      approach: c.approach,
      weak: isWeakDecisionMaker(c, settings.minDecisionMakerStrength),
    })),
    settings,
    daysInStage: Math.max(0, Math.floor((now.getTime() - deal.stageEnteredAt.getTime()) / 86_400_000)),
    canEdit: canDo(viewer, "edit", deal),
    canOverride: hasCapability(viewer, "pipeline.override"),
  };
}

export type DealDetail = Awaited<ReturnType<typeof getDealDetail>>;

/** The account's deals (newest first) for the account page. NOT_FOUND when the account is out of scope. */
export async function listAccountDeals(viewer: Viewer, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer) },
    select: { id: true },
  });
  if (!account) throw notFound("account");
  return db.deal.findMany({
    where: { accountId, deletedAt: null, ...scopeWhere(viewer) },
    select: {
      id: true,
      title: true,
      stage: true,
      status: true,
      expectedValue: true,
      expectedCloseDate: true,
      stageEnteredAt: true,
      closedAt: true,
      owner: { select: { id: true, name: true } },
      version: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

// ── Changing a deal ──────────────────────────────────────────────────────────────────────────────

export async function createDeal(
  viewer: Viewer,
  input: {
    accountId: string;
    title: string;
    expectedValue: bigint;
    expectedCloseDate?: Date | null;
    products?: string | null;
    ownerId?: string | null;
  },
) {
  assertCapability(viewer, "records.create");
  return mutate(viewer, async ({ tx, audit }) => {
    const account = await tx.account.findFirst({
      where: { id: input.accountId, ...scopeWhere(viewer), deletedAt: null },
      select: { id: true, ownerId: true, teamId: true },
    });
    // Developing an account is its owner's (or their manager's) work.
    assertRecord(viewer, "edit", account, "account");
    const owner = await resolveOwner(tx, viewer, input.ownerId);
    const now = new Date();
    const deal = await tx.deal.create({
      data: {
        accountId: account.id,
        title: input.title,
        expectedValue: input.expectedValue,
        expectedCloseDate: input.expectedCloseDate ?? null,
        products: input.products ?? null,
        ownerId: owner.id,
        teamId: owner.teamId,
        stageEnteredAt: now,
        createdAt: now,
      },
    });
    await tx.dealStageChange.create({
      data: { dealId: deal.id, toStage: "TARGET", toStatus: "OPEN", actorId: viewer.id, createdAt: now },
    });
    await audit({ action: "deal.create", entity: "Deal", entityId: deal.id, after: deal });
    return { id: deal.id };
  });
}

export async function updateDeal(
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    title: string;
    expectedValue: bigint;
    expectedCloseDate: Date | null;
    products: string | null;
  },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id);
    const { title, expectedValue, expectedCloseDate, products } = input;
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { title, expectedValue, expectedCloseDate, products },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.update", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

type StageWork =
  | {
      section: "TARGET";
      potentialNeed: string | null;
      needUrgency: number | null;
      initialCommunication: string | null;
      businessCondition: string | null;
      opportunity: "YES" | "NO" | "UNKNOWN";
    }
  | {
      section: "INFORMATION";
      sampleItem: string | null;
      sampleSentOn: Date | null;
      sampleSpecAgreed: boolean;
      sampleAccepted: "YES" | "NO" | "UNKNOWN";
      sampleTechOwner: string | null;
      informationSufficient: boolean;
      needsClear: boolean;
    }
  | {
      section: "VALUE";
      closeProbability: number | null;
      expectedDevCost: bigint | null;
      obstacles: Obstacle[];
      programme: ProgrammeStep[];
    }
  | {
      section: "CLOSING";
      seniorMeetingHeld: boolean;
      siteAuditDone: boolean;
      systemSupportArranged: boolean;
    };

/** Saves the work of one stage (the fields the gates read). Programme owners must be people in scope. */
export async function updateStageWork(viewer: Viewer, input: StageWork & { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id);
    if (before.status !== "OPEN")
      throw new AppError("VALIDATION", "closed", { _form: ["gate.errors.closed"] });
    const { id, version, section, ...data } = input;
    if (input.section === "VALUE") {
      const ownerIds = [...new Set(input.programme.map((s) => s.ownerId))];
      const owners = await tx.user.findMany({
        where: {
          id: { in: ownerIds },
          active: true,
          ...(viewer.visibleTeamIds === "all" ? {} : { teamId: { in: [...viewer.visibleTeamIds] } }),
        },
        select: { id: true },
      });
      if (owners.length !== ownerIds.length)
        throw new AppError("VALIDATION", "step owner", { programme: ["validation.invalidOption"] });
    }
    const values =
      input.section === "VALUE"
        ? {
            closeProbability: input.closeProbability,
            expectedDevCost: input.expectedDevCost,
            obstacles: input.obstacles as unknown as Prisma.InputJsonValue,
            programme: input.programme as unknown as Prisma.InputJsonValue,
          }
        : data;
    await updateVersioned(tx.deal, { where: { id }, version, data: values });
    const after = await tx.deal.findUniqueOrThrow({ where: { id } });
    await audit({
      action: `deal.work.${section.toLowerCase()}`,
      entity: "Deal",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

const MOVE_ERRORS: Record<Extract<MoveDecision, { ok: false }>["reason"], [string, string]> = {
  closed: ["_form", "gate.errors.closed"],
  sameStage: ["to", "gate.errors.sameStage"],
  gateUnmet: ["_form", "gate.errors.gateUnmet"],
  overrideReasonRequired: ["overrideReason", "gate.errors.overrideReasonRequired"],
  wonOnlyFromClosing: ["to", "gate.errors.wonOnlyFromClosing"],
  lostReasonRequired: ["lostReasonId", "gate.errors.lostReasonRequired"],
};

/** Field errors for a refused move: the reason, plus each unmet gate item (under `_gate`). */
function moveError(decision: Extract<MoveDecision, { ok: false }>): AppError {
  const [field, key] = MOVE_ERRORS[decision.reason];
  const fieldErrors: Record<string, string[]> = { [field]: [key] };
  if (decision.unmet?.length) fieldErrors._gate = decision.unmet.map((u) => `gate.items.${u.item}`);
  return new AppError("VALIDATION", decision.reason, fieldErrors);
}

/** The deal (with its card and gate input) and the decision for a move; throws when refused. */
async function decideMove(
  tx: Client,
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    to: DealStage | "WON" | "LOST";
    overrideReason?: string | null;
    lostReasonId?: string | null;
  },
) {
  const settings = await cachedPipelineSettings();
  const before = await dealForMove(tx, viewer, input.id, settings.minDecisionMakerStrength);
  // A board showing an old state gets "changed by someone else", not a gate or "same stage" answer.
  if (before.version !== input.version) throw staleVersion();
  const decision = checkMove({
    from: before.stage,
    status: before.status,
    to: input.to,
    gate: gateInput(before, peopleOf(before)),
    canOverride: hasCapability(viewer, "pipeline.override"),
    overrideReason: input.overrideReason,
    lostReasonId: input.lostReasonId,
  });
  if (!decision.ok) throw moveError(decision);
  return { before, decision };
}

/**
 * Applies a transition in ONE statement: the versioned update of the deal, its history row and its
 * audit row (who, before, after). One statement is atomic on its own, so a move needs no
 * interactive transaction; a stale version updates nothing and so writes nothing, and is reported
 * as "changed by someone else". Returns the card as the board should now show it.
 */
async function applyTransition(
  client: Client,
  viewer: Viewer,
  args: {
    before: BoardRow;
    version: number;
    decision: Extract<MoveDecision, { ok: true }>;
    toStage: DealStage;
    toStatus: DealStatus;
    overrideReason?: string | null;
    note?: string | null;
    lostReasonId?: string | null;
    at: Date;
    extra?: Record<string, unknown>;
  },
): Promise<BoardCard> {
  const { before, decision, at } = args;
  const overridden = decision.overridden.map((o) => `${o.stage}.${o.item}`);
  const closing = args.toStatus !== "OPEN";
  const set = closing
    ? Prisma.sql`status = ${args.toStatus}::"DealStatus", "closedAt" = ${at},
        "lostReasonId" = ${args.lostReasonId ?? null}, "closeNote" = ${args.note ?? null}`
    : Prisma.sql`stage = ${args.toStage}::"DealStage", "stageEnteredAt" = ${at}`;
  const action = overridden.length
    ? "deal.moveOverride"
    : `deal.${decision.kind === "back" ? "moveBack" : decision.kind === "forward" ? "move" : decision.kind}`;
  const auditBefore = { stage: before.stage, status: before.status, version: args.version };
  const auditAfter = {
    stage: args.toStage,
    status: args.toStatus,
    version: args.version + 1,
    accountId: before.accountId,
    title: before.title,
    ...(overridden.length ? { overrideReason: args.overrideReason, overriddenGate: overridden } : {}),
    ...(args.note ? { note: args.note } : {}),
    ...args.extra,
  };
  const written = await client.$queryRaw<{ id: string }[]>`
    WITH moved AS (
      UPDATE "Deal" SET ${set}, version = version + 1, "updatedAt" = ${at}
      WHERE id = ${before.id} AND version = ${args.version}
      RETURNING id
    ), history AS (
      INSERT INTO "DealStageChange" ("id", "dealId", "fromStage", "toStage", "fromStatus", "toStatus",
        "overrideReason", "overriddenGate", "note", "actorId", "createdAt")
      SELECT ${newId()}, moved.id, ${before.stage}::"DealStage", ${args.toStage}::"DealStage",
        ${before.status}::"DealStatus", ${args.toStatus}::"DealStatus",
        ${overridden.length ? (args.overrideReason ?? null) : null}, ${overridden}::text[],
        ${args.note ?? null}, ${viewer.id}, ${at}
      FROM moved
      RETURNING "dealId"
    )
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "before", "after", "createdAt")
    SELECT ${newId()}, ${viewer.id}, ${action}, 'Deal', history."dealId",
      ${JSON.stringify(auditSnapshot(auditBefore))}::jsonb, ${JSON.stringify(auditSnapshot(auditAfter))}::jsonb, ${at}
    FROM history
    RETURNING id`;
  if (!written.length) throw staleVersion();
  return toCard(
    {
      ...before,
      stage: args.toStage,
      status: args.toStatus,
      stageEnteredAt: closing ? before.stageEnteredAt : at,
      closedAt: closing ? at : null,
      version: args.version + 1,
    },
    gateInput(before, peopleOf(before)),
  );
}

/**
 * Moves a deal to another stage, or to 丢单 (lost). Forward moves pass the gates of the stages they
 * leave unless a manager overrides with a reason; the version makes the second of two simultaneous
 * moves fail with "changed by someone else". Returns the card as the board should now show it.
 * (The board's hot path: one read, one write; see applyTransition.)
 */
export async function moveDeal(
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    to: DealStage | "LOST";
    overrideReason?: string | null;
    lostReasonId?: string | null;
    note?: string | null;
  },
): Promise<BoardCard> {
  const { before, decision } = await decideMove(db, viewer, input);
  const at = new Date();
  if (input.to !== "LOST") {
    return applyTransition(db, viewer, {
      before,
      version: input.version,
      decision,
      toStage: input.to,
      toStatus: "OPEN",
      overrideReason: input.overrideReason,
      note: input.note,
      at,
    });
  }
  const reason = await db.lostReason.findFirst({
    where: { id: input.lostReasonId!, deletedAt: null },
    select: { id: true, code: true },
  });
  if (!reason) {
    throw new AppError("VALIDATION", "lost reason", { lostReasonId: ["validation.invalidOption"] });
  }
  return applyTransition(db, viewer, {
    before,
    version: input.version,
    decision,
    toStage: before.stage,
    toStatus: "LOST",
    lostReasonId: reason.id,
    note: input.note,
    at,
    extra: { lostReason: reason.code },
  });
}

/**
 * 赢单: closes a deal in 促成成交 as won (through the stage-5 gate, or a manager's override), creates
 * its cooperation agreement (合作协议) and makes the account a customer (成交). With `applyToValue`
 * the agreement's annual value becomes the account's purchase volume when it is larger, and the
 * account is rescored.
 */
export async function winDeal(
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    overrideReason?: string | null;
    applyToValue: boolean;
    agreement: {
      startDate: Date;
      endDate: Date;
      serviceContent: string;
      pricingPolicy: string;
      cooperationMode: "DIRECT_SUPPLY" | "DISTRIBUTION" | "OEM" | "STRATEGIC" | "PROJECT";
      contractValue: bigint;
    };
  },
) {
  return mutate(viewer, async (ctx) => {
    const { tx, audit } = ctx;
    const { before, decision } = await decideMove(tx, viewer, { ...input, to: "WON" });
    const at = new Date();
    // The agreement id is chosen first so the transition's audit row can name it.
    const agreementId = newId();
    await applyTransition(tx, viewer, {
      before,
      version: input.version,
      decision,
      toStage: "CLOSING",
      toStatus: "WON",
      overrideReason: input.overrideReason,
      at,
      extra: { agreementId },
    });
    const agreement = await tx.cooperationAgreement.create({
      data: {
        ...input.agreement,
        id: agreementId,
        accountId: before.accountId,
        dealId: before.id,
        ownerId: before.ownerId,
        teamId: before.teamId,
      },
    });
    await audit({
      action: "agreement.create",
      entity: "CooperationAgreement",
      entityId: agreement.id,
      after: agreement,
    });

    // The account becomes (or stays) a customer: 成交.
    const account = await tx.account.findUniqueOrThrow({ where: { id: before.accountId } });
    let updated = account;
    const annual = BigInt(
      annualisedValue(
        Number(input.agreement.contractValue),
        input.agreement.startDate,
        input.agreement.endDate,
      ),
    );
    const data: Prisma.AccountUpdateInput = {};
    if (account.lifecycle !== "CUSTOMER")
      Object.assign(data, { lifecycle: "CUSTOMER", lifecycleChangedAt: at });
    if (input.applyToValue && (account.purchaseVolume ?? 0n) < annual) data.purchaseVolume = annual;
    if (Object.keys(data).length) {
      updated = await tx.account.update({
        where: { id: account.id },
        data: { ...data, version: { increment: 1 } },
      });
      if (account.lifecycle !== "CUSTOMER") {
        await tx.lifecycleChange.create({
          data: {
            accountId: account.id,
            from: account.lifecycle,
            to: "CUSTOMER",
            reason: before.title,
            actorId: viewer.id,
            createdAt: at,
          },
        });
      }
      if (data.purchaseVolume !== undefined) updated = await rescore(tx, updated, "agreement");
      await audit({
        action: "account.dealWon",
        entity: "Account",
        entityId: account.id,
        before: account,
        after: { ...updated, dealId: before.id, agreementId: agreement.id },
      });
    }
    return { dealId: before.id, agreementId: agreement.id };
  });
}

/** Ends a deal that has no opportunity (the stage-1 judgement is "no") or was dropped; needs a reason. */
export async function terminateDeal(viewer: Viewer, input: { id: string; version: number; reason: string }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id);
    const check = checkTerminate(before.status, input.reason);
    if (!check.ok) {
      throw new AppError("VALIDATION", check.reason, {
        [check.reason === "closed" ? "_form" : "reason"]: [`gate.errors.${check.reason}`],
      });
    }
    const at = new Date();
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { status: "TERMINATED", closedAt: at, closeNote: input.reason },
    });
    await tx.dealStageChange.create({
      data: {
        dealId: before.id,
        fromStage: before.stage,
        toStage: before.stage,
        fromStatus: "OPEN",
        toStatus: "TERMINATED",
        note: input.reason,
        actorId: viewer.id,
        createdAt: at,
      },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.terminate", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

export async function deleteDeal(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.deal.findFirst({
      where: { id: input.id, ...scopeWhere(viewer), deletedAt: null },
    });
    assertRecord(viewer, "delete", before, "deal");
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: new Date() },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.delete", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

export async function restoreDeal(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id, { deleted: true });
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: null },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.restore", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

/** The viewer's deleted deals (managers restore them). */
export async function listDeletedDeals(viewer: Viewer) {
  return db.deal.findMany({
    where: { ...scopeWhere(viewer), deletedAt: { not: null } },
    select: {
      id: true,
      title: true,
      version: true,
      deletedAt: true,
      account: { select: { id: true, name: true } },
      owner: { select: { name: true } },
    },
    orderBy: { deletedAt: "desc" },
    take: 100,
  });
}

// ── Agreements (合作协议) ───────────────────────────────────────────────────────────────────────

const agreementInclude = {
  account: { select: { id: true, name: true, tier: true } },
  owner: { select: { id: true, name: true } },
  deal: { select: { id: true, title: true } },
} satisfies Prisma.CooperationAgreementInclude;

export async function listAgreements(viewer: Viewer, opts: { accountId?: string } = {}) {
  if (opts.accountId) {
    const account = await db.account.findFirst({
      where: { id: opts.accountId, ...scopeWhere(viewer) },
      select: { id: true },
    });
    if (!account) throw notFound("account");
  }
  return db.cooperationAgreement.findMany({
    where: {
      ...scopeWhere(viewer),
      deletedAt: null,
      ...(opts.accountId ? { accountId: opts.accountId } : {}),
    },
    include: agreementInclude,
    orderBy: [{ endDate: "desc" }, { id: "asc" }],
    take: 500,
  });
}

/** Agreements ending within the renewal window (today included), soonest first. */
export async function listRenewals(viewer: Viewer, now = new Date()) {
  const settings = await cachedPipelineSettings();
  const today = businessDay(now);
  const until = new Date(today.getTime() + settings.renewalWindowDays * 86_400_000);
  const rows = await db.cooperationAgreement.findMany({
    where: { ...scopeWhere(viewer), deletedAt: null, endDate: { gte: today, lte: until } },
    include: agreementInclude,
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
  });
  // An agreement already renewed (续签) is no longer due.
  const renewed = await db.cooperationAgreement.findMany({
    where: { renewedFromId: { in: rows.map((r) => r.id) }, deletedAt: null },
    select: { renewedFromId: true },
  });
  const done = new Set(renewed.map((r) => r.renewedFromId));
  return { rows: rows.filter((r) => !done.has(r.id)), windowDays: settings.renewalWindowDays };
}

/** An agreement's term and conditions, as a person edits or renews them. */
type AgreementTerms = {
  startDate: Date;
  endDate: Date;
  serviceContent: string;
  pricingPolicy: string;
  cooperationMode: "DIRECT_SUPPLY" | "DISTRIBUTION" | "OEM" | "STRATEGIC" | "PROJECT";
  contractValue: bigint;
};

/** The agreement if the viewer may edit it (else NOT_FOUND / FORBIDDEN, as for a deal). */
async function editableAgreement(tx: Tx, viewer: Viewer, id: string) {
  const agreement = await tx.cooperationAgreement.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: null },
  });
  assertRecord(viewer, "edit", agreement, "agreement");
  return agreement;
}

export async function updateAgreement(
  viewer: Viewer,
  input: AgreementTerms & { id: string; version: number },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await editableAgreement(tx, viewer, input.id);
    const { id, version, ...data } = input;
    await updateVersioned(tx.cooperationAgreement, { where: { id }, version, data });
    const after = await tx.cooperationAgreement.findUniqueOrThrow({ where: { id } });
    await audit({ action: "agreement.update", entity: "CooperationAgreement", entityId: id, before, after });
    return after;
  });
}

/** 续签: a new agreement for the next term, linked to the one it renews. */
export async function renewAgreement(
  viewer: Viewer,
  input: AgreementTerms & { id: string; version: number },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const previous = await editableAgreement(tx, viewer, input.id);
    // Checking the version means two people renewing the same agreement at once make one renewal.
    await updateVersioned(tx.cooperationAgreement, {
      where: { id: previous.id },
      version: input.version,
      data: {},
    });
    // One next term per agreement: a second renewal (later, with the fresh version) is refused.
    const already = await tx.cooperationAgreement.findFirst({
      where: { renewedFromId: previous.id, deletedAt: null },
      select: { id: true },
    });
    if (already) {
      throw new AppError("VALIDATION", "already renewed", { _form: ["gate.errors.alreadyRenewed"] });
    }
    const { startDate, endDate, serviceContent, pricingPolicy, cooperationMode, contractValue } = input;
    const terms = { startDate, endDate, serviceContent, pricingPolicy, cooperationMode, contractValue };
    const renewed = await tx.cooperationAgreement.create({
      data: {
        ...terms,
        accountId: previous.accountId,
        ownerId: previous.ownerId,
        teamId: previous.teamId,
        renewedFromId: previous.id,
      },
    });
    await audit({
      action: "agreement.renew",
      entity: "CooperationAgreement",
      entityId: renewed.id,
      before: previous,
      after: renewed,
    });
    return renewed;
  });
}
