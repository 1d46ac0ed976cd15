import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import {
  BOARD_COLUMNS,
  DEAL_STAGES,
  DEFAULT_STAGE_PROBABILITY,
  isStageColumn,
  type BoardColumn,
  type ColumnTotals,
  type DealStatus,
} from "@/lib/domain/pipeline";
import { scopeWhere } from "@/lib/auth/permissions";
import type { BoardFilters, DealListQuery, DealListSort } from "@/lib/validation/deals";
import { likeEscape } from "../sql-like";
import { scopeSql } from "../scope-sql";
import { toCard, type BoardCard, type CardFields } from "./card";
import { boardGate, peopleOf, peopleSql, type GateFields } from "./gate-input";
import { listLostReasons } from "./lost-reasons";
import { cachedPipelineSettings } from "./settings";

// The board (开发看板) and its list view: the deals a viewer sees through the filters, a page per
// column with the column totals, the next pages, a sorted and paged list, and the filter choices.

/** Closed deals stay on the board's 赢单/丢单 columns this long. */
export const BOARD_CLOSED_DAYS = 90;
export const boardClosedSince = (now: Date) => new Date(now.getTime() - BOARD_CLOSED_DAYS * 86_400_000);

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

/** Cards per column when the board opens, and per "load more" after that. */
export const BOARD_FIRST_PAGE = 12;
export const BOARD_NEXT_PAGE = 24;

export type BoardColumnData = { cards: BoardCard[]; totals: ColumnTotals; more: boolean };
/** Where a column's next page starts: after this card in the board's order (value ↓, id ↑). */
export type BoardCursor = { value: number; id: string };

/**
 * The board's deals that pass the filters, narrow (id, column, value, probability and the account's
 * name and tier): open deals and those won or lost since `closedSince`, optionally of one column and
 * after a cursor. Open and recently closed deals are found through their own indexes (an OR would
 * scan every deal) and accounts are looked up by key.
 * `figures`: what the pipeline figures read instead (stage, status, value, probability, time in
 * stage, and the title the text filter reads; `closedStatuses` adds terminated deals), without the
 * account's name and tier; then, unless a filter reads the account, only its deletion matters: the
 * few deleted accounts are found through a "deletedAt" index and their deals left out, which costs
 * far less than a lookup per deal.
 */
export function boardDealsSql(
  viewer: Viewer,
  filters: Partial<BoardFilters>,
  closedSince: Date,
  opts: {
    only?: { column: BoardColumn; after?: BoardCursor };
    closedStatuses?: readonly DealStatus[];
    figures?: boolean;
  } = {},
): Prisma.Sql {
  const { only, closedStatuses = ["WON", "LOST"] } = opts;
  const deals = [dealFilter(viewer, filters)];
  if (only?.after) {
    const value = BigInt(Math.round(only.after.value * 100));
    deals.push(
      Prisma.sql`(d."expectedValue" < ${value} OR (d."expectedValue" = ${value} AND d.id > ${only.after.id}))`,
    );
  }
  const where = Prisma.join(deals, " AND ");
  const columns = opts.figures
    ? Prisma.sql`d.id, d.title, d."accountId", d."expectedValue", d.stage, d.status,
        d."closeProbability", d."stageEnteredAt", d."expectedCloseDate"`
    : Prisma.sql`d.id, d.title, d."accountId", d."expectedValue", d.stage, d."closeProbability"`;
  const open = Prisma.sql`SELECT ${columns}, d.stage::text AS col FROM "Deal" d
    WHERE d.status = 'OPEN' ${only ? Prisma.sql`AND d.stage = ${only.column}::"DealStage"` : Prisma.empty} AND ${where}`;
  const closed = Prisma.sql`SELECT ${columns}, d.status::text AS col FROM "Deal" d
    WHERE d.status = ANY(${only ? [only.column] : closedStatuses}::"DealStatus"[])
      AND d."closedAt" >= ${closedSince} AND ${where}`;
  const parts = !only ? [open, closed] : isStageColumn(only.column) ? [open] : [closed];
  const union = Prisma.join(parts, " UNION ALL ");
  if (opts.figures && !filters.tier?.length && !filters.q) {
    return Prisma.sql`
      SELECT d.* FROM (${union}) d
      WHERE NOT EXISTS (SELECT 1 FROM "Account" a WHERE a.id = d."accountId" AND a."deletedAt" IS NOT NULL)`;
  }
  return Prisma.sql`
    SELECT d.*, a.name AS "accountName", a.tier
    FROM (${union}) d
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
export const PROBABILITY_SQL = Prisma.sql`coalesce(x."closeProbability", CASE x.stage ${Prisma.join(
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
    WITH x AS (${boardDealsSql(viewer, input.filters, boardClosedSince(now), { only: input })})
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
