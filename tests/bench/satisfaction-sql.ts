// The raw-SQL twins of the satisfaction bench (tests/bench/satisfaction.ts): the same rows as the
// data layer's functions, written by hand and sent straight through pg, so "app ≤ 2× SQL" has a
// reference. Scope is the one of lib/data/scope-sql.ts and lib/domain/access.ts: a record is seen
// by its owner and by whoever sees its team; a complaint also by its handler and the handling team.
import { createHash } from "node:crypto";
import type pg from "pg";

export type BenchViewer = {
  id: string;
  visibleTeamIds: readonly string[] | "all";
  /** A KAM or rep answers for their own accounts only (no "kpi.team" capability). */
  ownAccountsOnly: boolean;
};

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
  return `(c."teamId" = ANY($${teams}::text[]) OR c."ownerId" = $${me} OR c."handlerId" = $${me}
           OR c."handlerTeamId" = ANY($${teams}::text[]))`;
}

export type AtRiskQuery = {
  band?: "AT_RISK" | "WATCH" | "BOTH";
  tier?: ("A" | "B" | "C")[];
  teamId?: string;
};
export const AT_RISK_LIMIT = 200;

/**
 * The at-risk list: the viewer's accounts in the band (at risk by default), weakest first, at most
 * 200 with the owner's and team's names, the open complaints and the latest snapshot's reasons, and
 * the total.
 */
export function atRiskSql(v: BenchViewer, q: AtRiskQuery): { text: string; values: unknown[] }[] {
  const bands = q.band === "BOTH" ? ["AT_RISK", "WATCH"] : [q.band ?? "AT_RISK"];
  const params: unknown[] = [bands];
  const where = [
    ownedScope(v, "a", params),
    `a."deletedAt" IS NULL`,
    `a."healthBand" = ANY($1::"HealthBand"[])`,
  ];
  if (v.ownAccountsOnly) where.push(`a."ownerId" = $${params.push(v.id)}`);
  if (q.teamId) where.push(`a."teamId" = $${params.push(q.teamId)}`);
  if (q.tier?.length) where.push(`a.tier = ANY($${params.push(q.tier)}::"Tier"[])`);
  return [
    {
      text: `SELECT a.id, a.name, a.tier::text AS tier, a."healthScore" AS score, a."healthBand"::text AS band,
                    a."ownerId", u.name AS "ownerName", t.name AS "teamName", a."lastContactAt",
                    (SELECT count(*) FROM "Complaint" c
                      WHERE c."accountId" = a.id AND c."deletedAt" IS NULL AND c.status <> 'CLOSED') AS "openComplaints",
                    (SELECT s.factors FROM "HealthSnapshot" s
                      WHERE s."accountId" = a.id ORDER BY s."computedAt" DESC LIMIT 1) AS factors
             FROM "Account" a
             JOIN "User" u ON u.id = a."ownerId"
             JOIN "Team" t ON t.id = a."teamId"
             WHERE ${where.join(" AND ")}
             ORDER BY a."healthScore" ASC, a.id ASC LIMIT ${AT_RISK_LIMIT}`,
      values: params,
    },
    { text: `SELECT count(*)::int AS n FROM "Account" a WHERE ${where.join(" AND ")}`, values: params },
  ];
}

export type QueueQuery = {
  open?: "1";
  status?: string;
  severity?: string;
  category?: string;
  breached?: "1";
  page?: number;
  pageSize?: number;
};

/**
 * The complaint queue: the viewer's complaints (every status unless "open"), newest received
 * first, a page of 25 with the account's and the people's names, and the total. "Breached": a
 * clock marked by the job, or one that ran out before its next run.
 */
export function queueSql(v: BenchViewer, q: QueueQuery, now: Date): { text: string; values: unknown[] }[] {
  const params: unknown[] = [];
  const where = [complaintScope(v, params), `c."deletedAt" IS NULL`];
  if (q.breached) {
    const at = params.push(now);
    where.push(`(c."ackBreachedAt" IS NOT NULL OR c."resolveBreachedAt" IS NOT NULL
                 OR (c."acknowledgedAt" IS NULL AND c."ackDueAt" < $${at})
                 OR (c."resolvedAt" IS NULL AND c."resolveDueAt" < $${at} AND c.status <> 'CLOSED'))`);
  }
  if (q.status) where.push(`c.status = $${params.push(q.status)}::"ComplaintStatus"`);
  if (q.open) where.push(`c.status <> 'CLOSED'`);
  if (q.severity) where.push(`c.severity = $${params.push(q.severity)}::"ComplaintSeverity"`);
  if (q.category) where.push(`c.category = $${params.push(q.category)}::"ComplaintCategory"`);
  const size = q.pageSize ?? 25;
  const offset = ((q.page ?? 1) - 1) * size;
  return [
    {
      text: `SELECT c.id, c.number, c.title, c.status, c.severity, c.category, c.channel, c."receivedAt", c."ackDueAt",
                    c."resolveDueAt", c."acknowledgedAt", c."resolvedAt", c."closedAt", c."ackBreachedAt",
                    c."resolveBreachedAt", c."escalatedAt", c."reopenCount", c."handlerTeamId", c."deletedAt", c.version,
                    a.id AS "accountId", a.name AS "accountName", o.id AS "ownerId", o.name AS "ownerName",
                    h.id AS "handlerId", h.name AS "handlerName", ht.name AS "handlerTeamName"
             FROM "Complaint" c
             JOIN "Account" a ON a.id = c."accountId"
             JOIN "User" o ON o.id = c."ownerId"
             LEFT JOIN "User" h ON h.id = c."handlerId"
             LEFT JOIN "Team" ht ON ht.id = c."handlerTeamId"
             WHERE ${where.join(" AND ")}
             ORDER BY c."receivedAt" DESC, c.id DESC LIMIT ${size} OFFSET ${offset}`,
      values: params,
    },
    { text: `SELECT count(*)::int AS n FROM "Complaint" c WHERE ${where.join(" AND ")}`, values: params },
  ];
}

/**
 * A survey answer as SQL, in one transaction: the two rate-limit counters (per address and per
 * token), the link with its survey and questions by the token's hash, the answer upserted (one per
 * link, editable while open), the link marked answered and the audit record. The same reads and writes the public
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
       ON CONFLICT (key) DO UPDATE SET count = "RateLimitCounter".count + 1 RETURNING key, count`,
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
 * One batch of health recomputation as SQL, in one transaction like the app's: the batch's ids
 * (keyset by id), then per factor one set-based read over them — a year of answers (CSAT, NPS), open
 * complaints by severity and SLA breaches, service items overdue, the latest unrenewed agreement,
 * revenue of the last six complete months against the six before — and one UPDATE writing every
 * account of the batch (score and band as they were, the computation time now). A lower bound of
 * the app's batch: no scoring, no explanation, no snapshot rows.
 */
export async function healthBatchSql(
  client: pg.PoolClient,
  afterId: string,
  batchSize: number,
  now: Date,
): Promise<string[]> {
  const ids = (
    await client.query<{ id: string }>(
      `SELECT id FROM "Account" WHERE "deletedAt" IS NULL AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, batchSize],
    )
  ).rows.map((r) => r.id);
  if (!ids.length) return ids;
  const day = new Date(now.getTime() + 8 * 3_600_000);
  const to = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const month = (n: number) =>
    new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + n, 1)).toISOString().slice(0, 10);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const today = day.toISOString().slice(0, 10);
  await client.query("BEGIN");
  try {
    for (const [text, values] of [
      [
        `SELECT id, tier::text, "lastContactAt", "healthScore", "healthBand"::text FROM "Account"
        WHERE id = ANY($1::text[]) AND "deletedAt" IS NULL`,
        [ids],
      ],
      [
        `SELECT "accountId", count(csat), count(*) FILTER (WHERE csat >= 4), count(nps),
               count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6)
        FROM "SurveyResponse" WHERE "accountId" = ANY($1::text[]) AND "submittedAt" >= $2 GROUP BY 1`,
        [ids, yearAgo],
      ],
      [
        `SELECT "accountId", severity::text, count(*),
               count(*) FILTER (WHERE "ackBreachedAt" IS NOT NULL OR "resolveBreachedAt" IS NOT NULL)
        FROM "Complaint" WHERE "accountId" = ANY($1::text[]) AND "deletedAt" IS NULL AND status <> 'CLOSED'
        GROUP BY 1, 2`,
        [ids],
      ],
      [
        `SELECT i."accountId", count(*), count(*) FILTER (WHERE i."nextDueOn" < $2::date)
        FROM "ServiceItem" i JOIN "ServicePlan" p ON p.id = i."planId" AND p."deletedAt" IS NULL
        WHERE i."accountId" = ANY($1::text[]) AND i."deletedAt" IS NULL GROUP BY 1`,
        [ids, today],
      ],
      [
        `SELECT a."accountId", max(a."endDate") FROM "CooperationAgreement" a
        WHERE a."accountId" = ANY($1::text[]) AND a."deletedAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "CooperationAgreement" r WHERE r."renewedFromId" = a.id AND r."deletedAt" IS NULL)
        GROUP BY 1`,
        [ids],
      ],
      [
        `SELECT "accountId", COALESCE(sum(revenue) FILTER (WHERE month >= $3::date), 0)::bigint,
               COALESCE(sum(revenue) FILTER (WHERE month < $3::date), 0)::bigint
        FROM "LedgerMonthRollup" WHERE "accountId" = ANY($1::text[]) AND month >= $2::date AND month < $4::date
        GROUP BY 1`,
        [ids, month(-12), month(-6), month(0)],
      ],
      [
        `UPDATE "Account" SET "healthScore" = "healthScore", "healthBand" = "healthBand", "healthComputedAt" = $2
        WHERE id = ANY($1::text[])`,
        [ids, now],
      ],
    ] as [string, unknown[]][])
      await client.query(text, values);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return ids;
}
