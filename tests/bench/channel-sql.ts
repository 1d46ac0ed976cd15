// The SQL side of `npm run bench:channel` (tests/bench/channel.ts): for each measured read of the
// distributor channel, the minimal hand-written SQL that answers the same question under the same
// scope rule (distributorScopeSql in lib/data/distributors/scope.ts: everyone for an administrator,
// own distributors or the team subtree's for a manager, own distributors or the assigned
// territories and everything below them for a channel manager) — the scope worked out inside the
// statement, not looked up beforehand. The statements a page sends together are sent concurrently.
import pg from "pg";

/** Whose scope: as distributorScopeOf(viewer) sees them. */
export type BenchViewer =
  | { kind: "all"; id: string }
  | { kind: "team"; id: string; teamId: string }
  | { kind: "territories"; id: string };

export type Q = { text: string; values: unknown[] };

/** `alias` (a Distributor) is in the viewer's scope; `me` is the viewer's id parameter. */
export function scopeSql(viewer: BenchViewer, alias: string, values: unknown[]): string {
  if (viewer.kind === "all") return "TRUE";
  values.push(viewer.id);
  const me = `$${values.length}`;
  if (viewer.kind === "team") {
    values.push(viewer.teamId);
    return `(${alias}."ownerId" = ${me} OR ${alias}."teamId" IN (
      WITH RECURSIVE t AS (SELECT id FROM "Team" WHERE id = $${values.length}
        UNION ALL SELECT c.id FROM "Team" c JOIN t ON c."parentId" = t.id WHERE c."deletedAt" IS NULL)
      SELECT id FROM t))`;
  }
  return `(${alias}."ownerId" = ${me} OR ${alias}."territoryId" IN (
    WITH RECURSIVE t AS (
      SELECT a."territoryId" AS id FROM "ChannelTerritoryAssignment" a
      JOIN "Territory" r ON r.id = a."territoryId" AND r."deletedAt" IS NULL WHERE a."userId" = ${me}
      UNION SELECT c.id FROM "Territory" c JOIN t ON c."parentId" = t.id WHERE c."deletedAt" IS NULL)
    SELECT id FROM t))`;
}

const q = (build: (v: unknown[]) => string): Q => {
  const values: unknown[] = [];
  const text = build(values);
  return { text, values };
};
const p = (values: unknown[], value: unknown) => {
  values.push(value);
  return `$${values.length}`;
};

/** Sends the statements concurrently (as a page's Promise.all does) and returns their rows. */
export async function runAll(pool: pg.Pool, statements: Q[]): Promise<unknown[][]> {
  return Promise.all(statements.map((s) => pool.query(s.text, s.values).then((r) => r.rows)));
}

/** A visible, not deleted distributor `id`: the check every page statement carries. */
const visible = (viewer: BenchViewer, id: string, v: unknown[]) =>
  `EXISTS (SELECT 1 FROM "Distributor" d WHERE d.id = ${p(v, id)} AND d."deletedAt" IS NULL AND ${scopeSql(viewer, "d", v)})`;

/** Receivables ageing: open balance per distributor in scope, by bucket of days past due. */
export function ageingStatement(viewer: BenchViewer, asOf: string): Q {
  return q((v) => {
    const day = p(v, asOf);
    const dpd = `(${day}::date - i."dueOn")`;
    const open = `(i.amount - i."paidAmount")`;
    return `SELECT d.id, d.code, d.name, d."creditLimit", count(*)::int AS invoices,
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} < 1), 0)::bigint AS "notDue",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} BETWEEN 1 AND 30), 0)::bigint AS d0_30,
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} BETWEEN 31 AND 60), 0)::bigint AS d31_60,
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} BETWEEN 61 AND 90), 0)::bigint AS d61_90,
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} > 90), 0)::bigint AS d90plus
      FROM "ChannelInvoice" i JOIN "Distributor" d ON d.id = i."distributorId"
      WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND d."deletedAt" IS NULL AND ${scopeSql(viewer, "d", v)}
      GROUP BY d.id ORDER BY SUM(${open}) DESC, d.code`;
  });
}

/**
 * A distributor's page: profile with territory, owner and team; coverage; contacts; memos; stage
 * history; agreements with the current version's terms and products; the quarter's sell-in; the
 * last statements; twelve months of sales and the channel inventory from the month rollup; open
 * invoices, recent payments and a pending credit request; open and this year's resolved conflict
 * cases (offending or affected); the latest scorecards; the satisfaction surveys.
 */
export function pageStatements(
  viewer: BenchViewer,
  id: string,
  dates: { quarterStart: string; quarterEnd: string; monthsFrom: string; yearStart: string; yearAgo: string },
): Q[] {
  const scoped = (build: (v: unknown[]) => string) =>
    q((v) => build(v).replace("$SCOPE", () => visible(viewer, id, v)));
  return [
    q(
      (v) => `SELECT d.*, t.name AS "territoryName", t."nameEn" AS "territoryNameEn", u.name AS "ownerName",
               tm.name AS "teamName", tm."nameZh" AS "teamNameZh"
      FROM "Distributor" d JOIN "Territory" t ON t.id = d."territoryId" JOIN "User" u ON u.id = d."ownerId"
      JOIN "Team" tm ON tm.id = d."teamId"
      WHERE d.id = ${p(v, id)} AND d."deletedAt" IS NULL AND ${scopeSql(viewer, "d", v)}`,
    ),
    scoped(
      (v) => `SELECT c.id, c.exclusive, c.active, c.since, t.id AS "territoryId", t.name, t."nameEn"
      FROM "DistributorTerritory" c JOIN "Territory" t ON t.id = c."territoryId"
      WHERE c."distributorId" = ${p(v, id)} AND c."deletedAt" IS NULL AND $SCOPE ORDER BY t.code`,
    ),
    scoped(
      (
        v,
      ) => `SELECT id, name, title, phone, email, wechat, "isPrimary", note, version FROM "DistributorContact"
      WHERE "distributorId" = ${p(v, id)} AND "deletedAt" IS NULL AND $SCOPE ORDER BY "isPrimary" DESC, "createdAt"`,
    ),
    scoped(
      (v) => `SELECT m.id, m.topic, m.body, m."authorId", u.name AS "authorName", m."createdAt", m.version
      FROM "DistributorMemo" m JOIN "User" u ON u.id = m."authorId"
      WHERE m."distributorId" = ${p(v, id)} AND m."deletedAt" IS NULL AND $SCOPE ORDER BY m."createdAt" DESC, m.id DESC`,
    ),
    scoped(
      (v) => `SELECT id, "fromStage", "toStage", "actorId", note, "createdAt" FROM "DistributorStageChange"
      WHERE "distributorId" = ${p(v, id)} AND $SCOPE ORDER BY "createdAt" DESC, id DESC LIMIT 50`,
    ),
    scoped(
      (v) => `SELECT a.id, a.number, a.status, a."currentVersionNo", a."signedAt", cv.*
      FROM "ChannelAgreement" a
      LEFT JOIN LATERAL (
        SELECT v.*, (SELECT json_agg(json_build_object('productId', ap."productId", 'floorPrice', ap."floorPrice"::text))
                     FROM "ChannelAgreementProduct" ap WHERE ap."versionId" = v.id) AS products
        FROM "ChannelAgreementVersion" v WHERE v."agreementId" = a.id AND v.number = a."currentVersionNo") cv ON TRUE
      WHERE a."distributorId" = ${p(v, id)} AND a."deletedAt" IS NULL AND $SCOPE ORDER BY a."createdAt" DESC`,
    ),
    scoped(
      (v) => `SELECT COALESCE(SUM(amount), 0)::bigint AS achieved FROM "SellInLine"
      WHERE "distributorId" = ${p(v, id)} AND "deletedAt" IS NULL
        AND "shippedOn" BETWEEN ${p(v, dates.quarterStart)} AND ${p(v, dates.quarterEnd)} AND $SCOPE`,
    ),
    scoped(
      (v) => `SELECT id, number, "periodKey", status, payable FROM "RebateStatement"
      WHERE "distributorId" = ${p(v, id)} AND "deletedAt" IS NULL AND $SCOPE ORDER BY "periodStart" DESC, number DESC LIMIT 4`,
    ),
    scoped(
      (v) => `SELECT month, SUM("sellInAmount")::bigint AS "sellIn", SUM("sellOutAmount")::bigint AS "sellOut"
      FROM "ChannelMonthRollup" WHERE "distributorId" = ${p(v, id)} AND month >= ${p(v, dates.monthsFrom)} AND $SCOPE
      GROUP BY month ORDER BY month`,
    ),
    scoped(
      (v) => `SELECT "productId", SUM("sellInQty" - "sellOutQty")::bigint AS stock,
               SUM("sellOutQty") FILTER (WHERE month >= ${p(v, dates.monthsFrom)})::bigint AS "soldInYear"
      FROM "ChannelMonthRollup" WHERE "distributorId" = ${p(v, id)} AND $SCOPE GROUP BY "productId"`,
    ),
    scoped(
      (v) => `SELECT d."creditLimit", i.id, i."invoiceNo", i."dueOn", i.amount, i."paidAmount"
      FROM "Distributor" d LEFT JOIN "ChannelInvoice" i ON i."distributorId" = d.id AND i.status = 'OPEN' AND i."deletedAt" IS NULL
      WHERE d.id = ${p(v, id)} AND $SCOPE ORDER BY i."dueOn", i."invoiceNo"`,
    ),
    scoped(
      (v) => `SELECT id, "paymentNo", "receivedOn", amount, method FROM "ChannelPayment"
      WHERE "distributorId" = ${p(v, id)} AND "deletedAt" IS NULL AND $SCOPE ORDER BY "receivedOn" DESC, id DESC LIMIT 5`,
    ),
    scoped(
      (v) => `SELECT id, "requestedLimit", "createdAt" FROM "CreditLimitRequest"
      WHERE "distributorId" = ${p(v, id)} AND status = 'PENDING' AND $SCOPE LIMIT 1`,
    ),
    scoped((v) => {
      const d = p(v, id);
      return `SELECT * FROM ((SELECT id, number, kind, status, "distributorId", "affectedDistributorId", outcome, "outcomeAmount",
                "createdAt", "resolvedAt" FROM "ChannelConflict"
         WHERE "distributorId" = ${d} AND "deletedAt" IS NULL AND status <> 'RESOLVED'
         UNION ALL
         SELECT id, number, kind, status, "distributorId", "affectedDistributorId", outcome, "outcomeAmount",
                "createdAt", "resolvedAt" FROM "ChannelConflict"
         WHERE "affectedDistributorId" = ${d} AND "distributorId" <> ${d} AND "deletedAt" IS NULL AND status <> 'RESOLVED'
         ORDER BY "createdAt" DESC, id DESC LIMIT 50)
        UNION ALL
        (SELECT id, number, kind, status, "distributorId", "affectedDistributorId", outcome, "outcomeAmount",
                "createdAt", "resolvedAt" FROM "ChannelConflict"
         WHERE ("distributorId" = ${d} OR "affectedDistributorId" = ${d}) AND "deletedAt" IS NULL
           AND status = 'RESOLVED' AND "resolvedAt" >= ${p(v, dates.yearStart)}
         ORDER BY "resolvedAt" DESC, id DESC LIMIT 50)) x WHERE $SCOPE`;
    }),
    scoped(
      (v) => `SELECT id, "periodKey", "periodStart", factors, total, rank, recommendation, note, "computedAt"
      FROM "DistributorScorecard" WHERE "distributorId" = ${p(v, id)} AND $SCOPE ORDER BY "periodStart" DESC LIMIT 8`,
    ),
    // 渠道满意度: the last year's answers and links summed, the five latest surveys with their counts.
    scoped(
      (v) => `SELECT (SELECT count(*) FROM "SurveyInvitation" i JOIN "Survey" s ON s.id = i."surveyId"
                WHERE i."distributorId" = ${p(v, id)} AND i."revokedAt" IS NULL
                  AND i."createdAt" >= ${p(v, dates.yearAgo)} AND s."deletedAt" IS NULL)::int AS sent,
               count(r.id)::int AS responded, count(r.csat)::int AS "csatAnswers",
               count(*) FILTER (WHERE r.csat >= 4)::int AS satisfied,
               count(*) FILTER (WHERE r.nps >= 9)::int AS promoters,
               count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives,
               count(*) FILTER (WHERE r.nps <= 6)::int AS detractors
      FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId"
      WHERE r."distributorId" = ${p(v, id)} AND r."submittedAt" >= ${p(v, dates.yearAgo)} AND s."deletedAt" IS NULL
        AND $SCOPE`,
    ),
    scoped(
      (v) => `SELECT s.id, s.status, s."createdAt", s."closesAt", tv."titleZh", tv."titleEn",
               (SELECT count(*) FROM "SurveyInvitation" i WHERE i."surveyId" = s.id AND i."revokedAt" IS NULL)::int AS sent,
               (SELECT count(*) FROM "SurveyResponse" r WHERE r."surveyId" = s.id)::int AS responded
      FROM "Survey" s JOIN "SurveyTemplateVersion" tv ON tv.id = s."templateVersionId"
      WHERE s."distributorId" = ${p(v, id)} AND s."deletedAt" IS NULL AND $SCOPE
      ORDER BY s."createdAt" DESC, s.id DESC LIMIT 5`,
    ),
  ];
}

/**
 * A quarter's rebate statement: the agreement version in force, the period's net sell-in and the
 * rebate deductions of the conflict cases resolved in the period (one statement, as compute.ts).
 */
export function rebateStatement(
  viewer: BenchViewer,
  id: string,
  period: { start: string; end: string; from: Date; until: Date },
): Q {
  return q((v) => {
    const d = p(v, id);
    const start = p(v, period.start);
    const end = p(v, period.end);
    const until = p(v, period.until);
    return `WITH version AS (
        SELECT a.id, a.number, v.id AS "versionId", v.number AS "versionNo", v."annualTarget", v."quarterlyTargets", v."rebateRules"
        FROM "ChannelAgreementVersion" v JOIN "ChannelAgreement" a ON a.id = v."agreementId"
        WHERE a."distributorId" = ${d} AND a."deletedAt" IS NULL AND a.status <> 'DRAFT'
          AND v."startsOn" <= ${end} AND v."endsOn" >= ${start}
        ORDER BY (a.status = 'ACTIVE') DESC, a."signedAt" DESC NULLS LAST, (v."createdAt" < ${until}) DESC, v.number DESC
        LIMIT 1)
      SELECT version.*,
        (SELECT COALESCE(SUM(s.amount), 0)::bigint FROM "SellInLine" s
          WHERE s."distributorId" = ${d} AND s."shippedOn" BETWEEN ${start} AND ${end} AND s."deletedAt" IS NULL) AS achieved,
        (SELECT json_agg(json_build_object('id', c.id, 'amount', c."outcomeAmount"::text)) FROM "ChannelConflict" c
          WHERE c."distributorId" = ${d} AND c.outcome = 'REBATE_DEDUCTION' AND c."resolvedAt" >= ${p(v, period.from)}
            AND c."resolvedAt" < ${until} AND c."deletedAt" IS NULL AND c."outcomeAmount" IS NOT NULL) AS deductions
      FROM version WHERE ${visible(viewer, id, v)}`;
  });
}

/**
 * The dashboard's channel figures for a period: sell-in and sell-out (from the month rollup), the
 * achievement against the agreements' quarterly targets, receivables by ageing bucket, and the
 * open conflict cases by status — every part within the scope.
 */
export function channelFiguresStatements(
  viewer: BenchViewer,
  period: { monthFrom: string; monthTo: string; start: string; end: string; asOf: string },
): Q[] {
  return [
    q(
      (v) => `SELECT SUM(r."sellInAmount")::bigint AS "sellIn", SUM(r."sellOutAmount")::bigint AS "sellOut"
      FROM "ChannelMonthRollup" r JOIN "Distributor" d ON d.id = r."distributorId"
      WHERE r.month BETWEEN ${p(v, period.monthFrom)} AND ${p(v, period.monthTo)} AND d."deletedAt" IS NULL
        AND ${scopeSql(viewer, "d", v)}`,
    ),
    q((v) => {
      const end = p(v, period.end);
      const start = p(v, period.start);
      return `SELECT SUM(v."annualTarget" * (LEAST(v."endsOn", ${end}::date) - GREATEST(v."startsOn", ${start}::date) + 1)
                 / (v."endsOn" - v."startsOn" + 1))::bigint AS target
      FROM "ChannelAgreement" a JOIN "ChannelAgreementVersion" v ON v."agreementId" = a.id AND v.number = a."currentVersionNo"
      JOIN "Distributor" d ON d.id = a."distributorId"
      WHERE a."deletedAt" IS NULL AND a.status IN ('ACTIVE', 'EXPIRED', 'TERMINATED')
        AND v."startsOn" <= ${end}::date AND v."endsOn" >= ${start}::date AND d."deletedAt" IS NULL
        AND ${scopeSql(viewer, "d", v)}`;
    }),
    q((v) => {
      const day = p(v, period.asOf);
      const dpd = `(${day}::date - i."dueOn")`;
      const open = `(i.amount - i."paidAmount")`;
      return `SELECT COALESCE(SUM(${open}) FILTER (WHERE ${dpd} < 1), 0)::bigint AS "notDue",
          COALESCE(SUM(${open}) FILTER (WHERE ${dpd} BETWEEN 1 AND 30), 0)::bigint AS d0_30,
          COALESCE(SUM(${open}) FILTER (WHERE ${dpd} BETWEEN 31 AND 60), 0)::bigint AS d31_60,
          COALESCE(SUM(${open}) FILTER (WHERE ${dpd} BETWEEN 61 AND 90), 0)::bigint AS d61_90,
          COALESCE(SUM(${open}) FILTER (WHERE ${dpd} > 90), 0)::bigint AS d90plus
        FROM "ChannelInvoice" i JOIN "Distributor" d ON d.id = i."distributorId"
        WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND d."deletedAt" IS NULL AND ${scopeSql(viewer, "d", v)}`;
    }),
    q(
      (
        v,
      ) => `SELECT c.status, count(*)::int AS n FROM "ChannelConflict" c JOIN "Distributor" d ON d.id = c."distributorId"
      WHERE c.status <> 'RESOLVED' AND c."deletedAt" IS NULL AND ${scopeSql(viewer, "d", v)} GROUP BY c.status`,
    ),
  ];
}

/**
 * The import's write as SQL: the file's rows COPYed into a temporary table, then one INSERT …
 * SELECT of the lines (resolving distributor and product codes, ON CONFLICT DO NOTHING), the
 * rollup upsert and the below-floor detections joined to the agreement versions' floor prices.
 * A lower bound: no validation, no cross-territory or customer-overlap rules, no cases opened.
 */
export const IMPORT_TWIN = {
  create: `CREATE TEMP TABLE IF NOT EXISTS twin_sell_out (distributor_code text, document_no text, line_no int,
    sold_on date, customer_name text, credit_code text, region text, product_code text, quantity int,
    unit_price numeric) ON COMMIT DROP`,
  copy: `COPY twin_sell_out FROM STDIN WITH (FORMAT csv, HEADER true)`,
  insert: (batch: string) => ({
    text: `WITH ins AS (
        INSERT INTO "SellOutLine" (id, "distributorId", "lineKey", "soldOn", "customerName", "customerCreditCode",
          "regionText", "territoryId", "productId", quantity, "unitPrice", amount, "teamId", "importBatchId")
        SELECT gen_random_uuid()::text, d.id, t.document_no || '#' || t.line_no, t.sold_on, t.customer_name,
               NULLIF(t.credit_code, ''), t.region, r.id, p.id, t.quantity, (t.unit_price * 100)::bigint,
               t.quantity * (t.unit_price * 100)::bigint, d."teamId", $1
        FROM twin_sell_out t JOIN "Distributor" d ON d.code = t.distributor_code
        JOIN "Product" p ON p.code = t.product_code LEFT JOIN "Territory" r ON r.name = t.region
        ON CONFLICT ("distributorId", "lineKey") DO NOTHING
        RETURNING id, "distributorId", "productId", "soldOn", quantity, "unitPrice", amount, "teamId")
      , rollup AS (
        INSERT INTO "ChannelMonthRollup" (month, "distributorId", "productId", "teamId", "sellOutQty", "sellOutAmount")
        SELECT date_trunc('month', "soldOn")::date, "distributorId", "productId", max("teamId"), SUM(quantity), SUM(amount)
        FROM ins GROUP BY 1, 2, 3
        ON CONFLICT (month, "distributorId", "productId") DO UPDATE SET
          "sellOutQty" = "ChannelMonthRollup"."sellOutQty" + EXCLUDED."sellOutQty",
          "sellOutAmount" = "ChannelMonthRollup"."sellOutAmount" + EXCLUDED."sellOutAmount")
      SELECT count(*)::int AS created,
        (SELECT count(*)::int FROM ins i JOIN "ChannelAgreement" a ON a."distributorId" = i."distributorId" AND a.status = 'ACTIVE'
           JOIN "ChannelAgreementVersion" v ON v."agreementId" = a.id AND v.number = a."currentVersionNo"
           JOIN "ChannelAgreementProduct" ap ON ap."versionId" = v.id AND ap."productId" = i."productId"
         WHERE i."unitPrice" < ap."floorPrice") AS "belowFloor"
      FROM ins`,
    values: [batch],
  }),
};
