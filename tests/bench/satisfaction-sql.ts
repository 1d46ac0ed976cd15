// The raw-SQL twins of the satisfaction bench (tests/bench/satisfaction.ts): the same rows as the
// data layer's functions, written by hand and sent straight through pg, so "app ≤ 2× SQL" has a
// reference. Scope is the one of lib/data/scope-sql.ts and lib/domain/access.ts: a record is seen
// by its owner and by whoever sees its team; a complaint also by its handler and the handling team.
import { createHash } from "node:crypto";
import type pg from "pg";

export type BenchViewer = { id: string; visibleTeamIds: readonly string[] | "all" };
export const PAGE_SIZE = 50;

/** The viewer's scope over an owned table, as $n parameters appended to `params`. */
function ownedScope(v: BenchViewer, alias: string, params: unknown[]): string {
  if (v.visibleTeamIds === "all") return "TRUE";
  params.push(v.id, [...v.visibleTeamIds]);
  const [me, teams] = [params.length - 1, params.length];
  return `(${alias}."ownerId" = $${me} OR ${alias}."teamId" = ANY($${teams}::text[]))`;
}

function complaintScope(v: BenchViewer, params: unknown[]): string {
  if (v.visibleTeamIds === "all") return "TRUE";
  params.push(v.id, [...v.visibleTeamIds]);
  const [me, teams] = [params.length - 1, params.length];
  return `(c."ownerId" = $${me} OR c."handlerId" = $${me} OR c."teamId" = ANY($${teams}::text[])
           OR c."handlerTeamId" = ANY($${teams}::text[]))`;
}

export type AtRiskQuery = { band?: "AT_RISK" | "WATCH"; tier?: "A" | "B" | "C"; page?: number };

/**
 * The at-risk list: the viewer's accounts in the band (at risk by default), weakest first, a page
 * of 50 with the owner's name and the latest snapshot's reasons, and the total.
 */
export function atRiskSql(v: BenchViewer, q: AtRiskQuery): { text: string; values: unknown[] }[] {
  const params: unknown[] = [q.band ?? "AT_RISK"];
  const where = [`a."deletedAt" IS NULL`, `a."healthBand" = $1::"HealthBand"`, ownedScope(v, "a", params)];
  if (q.tier) where.push(`a.tier = $${params.push(q.tier)}::"Tier"`);
  const offset = ((q.page ?? 1) - 1) * PAGE_SIZE;
  return [
    {
      text: `SELECT a.id, a.name, a.tier, a."healthScore", a."healthBand", a."healthComputedAt", a."ownerId",
                    u.name AS "ownerName", s.factors
             FROM "Account" a
             JOIN "User" u ON u.id = a."ownerId"
             LEFT JOIN LATERAL (SELECT h.factors FROM "HealthSnapshot" h WHERE h."accountId" = a.id
                                ORDER BY h."computedAt" DESC LIMIT 1) s ON TRUE
             WHERE ${where.join(" AND ")}
             ORDER BY a."healthScore" ASC, a.id ASC LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
      values: params,
    },
    { text: `SELECT count(*)::int AS n FROM "Account" a WHERE ${where.join(" AND ")}`, values: params },
  ];
}

export type QueueQuery = {
  status?: string;
  severity?: string;
  category?: string;
  breached?: boolean;
  page?: number;
};

/**
 * The complaint queue: the viewer's complaints not closed (or of one status), SLA-breached first,
 * then by the next due clock, a page of 50 with the account's and the people's names, and the total.
 */
export function queueSql(v: BenchViewer, q: QueueQuery): { text: string; values: unknown[] }[] {
  const params: unknown[] = [];
  const where = [`c."deletedAt" IS NULL`, complaintScope(v, params)];
  where.push(q.status ? `c.status = $${params.push(q.status)}::"ComplaintStatus"` : `c.status <> 'CLOSED'`);
  if (q.severity) where.push(`c.severity = $${params.push(q.severity)}::"ComplaintSeverity"`);
  if (q.category) where.push(`c.category = $${params.push(q.category)}::"ComplaintCategory"`);
  if (q.breached) where.push(`(c."ackBreachedAt" IS NOT NULL OR c."resolveBreachedAt" IS NOT NULL)`);
  const offset = ((q.page ?? 1) - 1) * PAGE_SIZE;
  return [
    {
      text: `SELECT c.id, c.number, c.title, c.status, c.severity, c.category, c."receivedAt", c."ackDueAt",
                    c."resolveDueAt", c."ackBreachedAt", c."resolveBreachedAt", c."escalatedAt",
                    a.name AS "accountName", o.name AS "ownerName", h.name AS "handlerName"
             FROM "Complaint" c
             JOIN "Account" a ON a.id = c."accountId"
             JOIN "User" o ON o.id = c."ownerId"
             LEFT JOIN "User" h ON h.id = c."handlerId"
             WHERE ${where.join(" AND ")}
             ORDER BY c."resolveDueAt" ASC, c.id ASC LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
      values: params,
    },
    { text: `SELECT count(*)::int AS n FROM "Complaint" c WHERE ${where.join(" AND ")}`, values: params },
  ];
}

/**
 * A survey answer as SQL, in one transaction: the two rate-limit counters (per address and per
 * token), the link with its survey and questions by the token's hash, the answer upserted (one per
 * link, editable while open) and the link marked answered. The same reads and writes the public
 * contract needs; the low-score follow-up and the health refresh are not in it (high scores only).
 */
export async function submitAnswerSql(
  client: pg.PoolClient,
  input: { token: string; ip: string; now: Date; answers: Record<string, number | string> },
): Promise<string> {
  const hash = createHash("sha256").update(input.token).digest("hex");
  const window = new Date(Math.floor(input.now.getTime() / 60_000) * 60_000);
  const expires = new Date(window.getTime() + 3_600_000);
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "RateLimitCounter" (key, count, "windowStart", "expiresAt")
       VALUES ($1, 1, $3, $4), ($2, 1, $3, $4)
       ON CONFLICT (key) DO UPDATE SET count = "RateLimitCounter".count + 1`,
      [
        `bench-ip:${input.ip}:${window.getTime()}`,
        `bench-token:${hash}:${window.getTime()}`,
        window,
        expires,
      ],
    );
    const link = (
      await client.query<{
        id: string;
        surveyId: string;
        accountId: string;
        teamId: string;
        ownerId: string;
      }>(
        `SELECT i.id, i."surveyId", i."accountId", s."teamId", s."ownerId", v.questions
         FROM "SurveyInvitation" i JOIN "Survey" s ON s.id = i."surveyId"
         JOIN "SurveyTemplateVersion" v ON v.id = s."templateVersionId"
         WHERE i."tokenHash" = $1 AND i."revokedAt" IS NULL AND i."expiresAt" > $2
           AND s.status = 'OPEN' AND s."deletedAt" IS NULL`,
        [hash, input.now],
      )
    ).rows[0];
    if (!link) throw new Error("bench SQL twin: link not found");
    const nps = typeof input.answers.nps === "number" ? input.answers.nps : null;
    await client.query(
      `INSERT INTO "SurveyResponse" (id, "invitationId", "surveyId", "accountId", "teamId", "ownerId", answers, nps,
                                     "lowScore", "submittedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, false, $9, $9)
       ON CONFLICT ("invitationId") DO UPDATE SET answers = EXCLUDED.answers, nps = EXCLUDED.nps,
         "updatedAt" = EXCLUDED."updatedAt", version = "SurveyResponse".version + 1`,
      [
        `bench_fresh_rsp_${link.id}`,
        link.id,
        link.surveyId,
        link.accountId,
        link.teamId,
        link.ownerId,
        JSON.stringify(input.answers),
        nps,
        input.now,
      ],
    );
    await client.query(`UPDATE "SurveyInvitation" SET "respondedAt" = $2 WHERE id = $1`, [
      link.id,
      input.now,
    ]);
    await client.query("COMMIT");
    return link.id;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * The reads behind one batch of health recomputation, set-based over the batch's accounts (keyset
 * by id): a year of answers (CSAT %, NPS), open complaints and SLA breaches, contact recency
 * (lastContactAt, contactDueOn), overdue service items, the nearest agreement end, and revenue of the
 * last three months against the three before; then one UPDATE stamping every account of the batch.
 * A lower bound of the app's batch: it computes no explanation and writes no snapshots.
 */
export function healthBatchSql(
  afterId: string,
  batchSize: number,
  now: Date,
): { text: string; values: unknown[] } {
  return {
    text: `WITH b AS (SELECT id, tier, "lastContactAt", "contactDueOn" FROM "Account"
                      WHERE "deletedAt" IS NULL AND id > $1 ORDER BY id LIMIT $2),
      r AS (SELECT "accountId", count(csat) AS cn, count(*) FILTER (WHERE csat >= 4) AS cs,
                   count(nps) AS nn, count(*) FILTER (WHERE nps >= 9) AS pro, count(*) FILTER (WHERE nps <= 6) AS det
            FROM "SurveyResponse" WHERE "accountId" IN (SELECT id FROM b) AND "submittedAt" > $3::timestamp - interval '365 days'
            GROUP BY 1),
      c AS (SELECT "accountId", count(*) AS open,
                   count(*) FILTER (WHERE "ackBreachedAt" IS NOT NULL OR "resolveBreachedAt" IS NOT NULL) AS breached
            FROM "Complaint" WHERE "accountId" IN (SELECT id FROM b) AND "deletedAt" IS NULL AND status <> 'CLOSED'
            GROUP BY 1),
      s AS (SELECT "accountId", count(*) AS overdue FROM "ServiceItem"
            WHERE "accountId" IN (SELECT id FROM b) AND "deletedAt" IS NULL AND "nextDueOn" < $3::date GROUP BY 1),
      g AS (SELECT "accountId", min("endDate") AS ends FROM "CooperationAgreement"
            WHERE "accountId" IN (SELECT id FROM b) AND "deletedAt" IS NULL AND "endDate" >= $3::date GROUP BY 1),
      l AS (SELECT "accountId", sum(revenue) FILTER (WHERE month >= ($3::date - interval '3 months')) AS recent,
                   sum(revenue) FILTER (WHERE month < ($3::date - interval '3 months')) AS before
            FROM "LedgerMonthRollup" WHERE "accountId" IN (SELECT id FROM b) AND month >= ($3::date - interval '6 months')
            GROUP BY 1),
      x AS (SELECT b.id, b.tier, b."lastContactAt", b."contactDueOn", r.cn, r.cs, r.nn, r.pro, r.det, c.open, c.breached,
                   s.overdue, g.ends, l.recent, l.before
            FROM b LEFT JOIN r ON r."accountId" = b.id LEFT JOIN c ON c."accountId" = b.id
            LEFT JOIN s ON s."accountId" = b.id LEFT JOIN g ON g."accountId" = b.id LEFT JOIN l ON l."accountId" = b.id),
      w AS (UPDATE "Account" a SET "healthComputedAt" = $3 FROM x WHERE a.id = x.id RETURNING a.id)
      SELECT x.*, (SELECT count(*) FROM w) AS written FROM x ORDER BY x.id`,
    values: [afterId, batchSize, now],
  };
}
