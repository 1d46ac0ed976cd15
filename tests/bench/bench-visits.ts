// Bench data for visits: 200 reps (60 of them in East China, the "60-rep team"), who take over the
// 20,000 bench accounts of their teams, and three years of their work — 1,000,000 visit records,
// 200,000 plans (70 % closed by a record, missed, cancelled, and the coming weeks' in every open
// status), follow-ups for the last half year (the latest per account open) and every account's
// last contact and due date. Set-based SQL (INSERT … SELECT over generate_series, hashint4 for
// deterministic spread), so it loads in minutes on two cores; dates are relative to the run.
import pg from "pg";
import { createDb } from "@/lib/db";
import { DEFAULT_VISIT_SETTINGS } from "@/lib/domain/visits";
import { recomputeAllContactDue, recomputeAllLastContacts } from "@/lib/data/visits/contact-due-sql";

export type BenchVisitsOptions = {
  reps?: number; // default 200
  heavyTeamReps?: number; // default 60, in East China
  records?: number; // default 1,000,000
  plans?: number; // default 200,000 (at most one per five records)
  days?: number; // default 1,095 (three years)
  followUpDays?: number; // default 180: follow-ups of the records this recent
};

export type BenchVisitsResult = {
  reps: number;
  heavyTeam: string;
  heavyTeamReps: number;
  records: number;
  plans: number;
  followUps: number;
  overdueAccounts: number;
  seconds: number;
  steps: [string, number][];
};

// A deterministic value in [0, n) from integers: hashint4 is PostgreSQL's own (PGlite has it too).
const h = (expr: string, n: number) => `((hashint4(${expr}) & 2147483647) % ${n})`;

/** Adds the visit bench data to a database holding the demo organisation and the bench accounts. */
export async function fillBenchVisits(
  url: string,
  opts: BenchVisitsOptions = {},
): Promise<BenchVisitsResult> {
  const reps = opts.reps ?? 200;
  const heavyReps = Math.min(reps, opts.heavyTeamReps ?? 60);
  const records = opts.records ?? 1_000_000;
  const perRep = Math.ceil(records / reps);
  const plans = Math.min(opts.plans ?? 200_000, Math.floor(records / 5));
  const planEvery = Math.max(1, Math.floor(records / plans));
  const days = opts.days ?? 1095;
  const followUpDays = opts.followUpDays ?? 180;
  const started = performance.now();
  const steps: [string, number][] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    steps.push([label, (performance.now() - t) / 1000]);
    console.log(`[bench:visits] ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return res;
  };
  try {
    const existing = await client.query(
      `SELECT count(*)::int AS n FROM "VisitRecord" WHERE id LIKE 'bench_vrec_%'`,
    );
    if (existing.rows[0].n > 0) throw new Error("this database already has the visit bench data");
    const accounts = await client.query(
      `SELECT count(*)::int AS n FROM "Account" WHERE id LIKE 'bench_acc_%'`,
    );
    if (accounts.rows[0].n === 0)
      throw new Error("fillBenchVisits needs the bench accounts (fillBenchData) first");
    const teams = (
      await client.query<{ teamId: string }>(
        `SELECT DISTINCT "teamId" FROM "Account" WHERE id LIKE 'bench_acc_%' ORDER BY 1`,
      )
    ).rows.map((r) => r.teamId);
    const heavyTeam = teams.includes("team_east") ? "team_east" : teams[0]!;
    const others = teams.filter((t) => t !== heavyTeam);
    const hash = (
      await client.query<{ passwordHash: string }>(
        `SELECT "passwordHash" FROM "User" WHERE role IN ('REP','KAM') ORDER BY id LIMIT 1`,
      )
    ).rows[0]?.passwordHash;
    if (!hash) throw new Error("no demo rep to copy a password hash from");

    // 1. The reps (demo password), then their teams' bench accounts dealt round them.
    await client.query("BEGIN");
    await step(
      "reps",
      `INSERT INTO "User" (id, email, name, "jobTitle", "passwordHash", role, "teamId", locale, "updatedAt")
       SELECT 'bench_rep_' || lpad(n::text, 3, '0'), 'bench.rep' || lpad(n::text, 3, '0') || '@keystone.bench',
              '销售代表' || lpad(n::text, 3, '0'), '销售代表', $1, 'REP',
              CASE WHEN n < $2 THEN $3 ELSE ($4::text[])[1 + (n - $2) % cardinality($4::text[])] END, 'zh_CN', now()
       FROM generate_series(0, $5 - 1) n`,
      [hash, heavyReps, heavyTeam, others.length ? others : [heavyTeam], reps],
    );
    await step(
      "accounts to reps",
      `WITH r AS (
         SELECT id, "teamId", row_number() OVER (PARTITION BY "teamId" ORDER BY id) - 1 AS i,
                count(*) OVER (PARTITION BY "teamId") AS n
         FROM "User" WHERE id LIKE 'bench_rep_%'),
       a AS (
         SELECT id, "teamId", row_number() OVER (PARTITION BY "teamId" ORDER BY id) - 1 AS i
         FROM "Account" WHERE id LIKE 'bench_acc_%')
       UPDATE "Account" acc SET "ownerId" = r.id
       FROM a JOIN r ON r."teamId" = a."teamId" AND r.i = a.i % r.n
       WHERE acc.id = a.id`,
    );
    // Each rep's accounts numbered 0..cnt-1, for picking one by a hash.
    await step(
      "account numbering",
      `CREATE TEMP TABLE bench_rep_acc AS
         SELECT id, "ownerId", "teamId", (row_number() OVER (PARTITION BY "ownerId" ORDER BY id) - 1)::int AS i
         FROM "Account" WHERE id LIKE 'bench_acc_%' AND "ownerId" LIKE 'bench_rep_%';
       CREATE INDEX ON bench_rep_acc ("ownerId", i);
       CREATE TEMP TABLE bench_reps AS
         SELECT u.id, u."teamId", (row_number() OVER (ORDER BY u.id) - 1)::int AS n,
                (SELECT count(*) FROM bench_rep_acc a WHERE a."ownerId" = u.id)::int AS cnt
         FROM "User" u WHERE u.id LIKE 'bench_rep_%';
       DELETE FROM bench_reps WHERE cnt = 0;`,
    );

    // 2. Records: rep r's k-th visit, oldest first, evenly over the days before today (China time),
    //    between 09:00 and 18:00 Beijing.
    await step(
      `${records.toLocaleString("en")} visit records`,
      `INSERT INTO "VisitRecord" (id, "clientId", "accountId", "ownerId", "teamId", "visitedAt", place, method,
         "contactIds", "talkingPoints", "customerViews", "nextStep", outcome, "durationMinutes",
         "checkInAt", "checkInLatitude", "checkInLongitude", "checkInDistanceM", version, "createdAt", "updatedAt")
       SELECT v.id, md5(v.id)::uuid::text, a.id, r.id, r."teamId", v.at,
              CASE WHEN v.m < 50 THEN '客户现场' END,
              (CASE WHEN v.m < 50 THEN 'IN_PERSON' WHEN v.m < 80 THEN 'PHONE' WHEN v.m < 90 THEN 'VIDEO'
                    WHEN v.m < 95 THEN 'SEMINAR' ELSE 'HOSTING' END)::"VisitMethod",
              '{}',
              '就' || (ARRAY['年度框架采购','送样测试结果','价格调整','交期安排','质量整改','新项目配套'])[1 + v.m % 6]
                || '进行沟通，客户预计明年用量增长约' || (5 + v.m % 30) || '%，第' || v.k || '次联系',
              CASE WHEN v.m % 3 > 0 THEN '认可我方技术方案，希望尽快安排小批量试用' END,
              (ARRAY['一周内提交修订报价','下周安排技术人员上门','月底前寄送第二批样品'])[1 + v.m % 3],
              (CASE WHEN v.m % 10 < 4 THEN 'ADVANCED' WHEN v.m % 10 < 8 THEN 'NO_PROGRESS' ELSE 'SETBACK' END)::"VisitOutcome",
              15 + v.m,
              CASE WHEN v.m < 35 THEN v.at - interval '5 minutes' END,
              CASE WHEN v.m < 35 THEN 31.2 + v.m / 1000.0 END,
              CASE WHEN v.m < 35 THEN 121.4 + v.m / 1000.0 END,
              CASE WHEN v.m < 35 THEN 20 + (v.m * 37) % 1500 END,
              1, v.at, v.at
       FROM bench_reps r
       CROSS JOIN LATERAL (
         SELECT k, 'bench_vrec_' || lpad(r.n::text, 3, '0') || '_' || lpad(k::text, 5, '0') AS id,
                ${h("k * 1000 + r.n", 100)} AS m,
                ((date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')
                  - make_interval(days => 1 + (($2::int - k) * $3::int) / $2::int)
                  + make_interval(mins => 540 + ${h("k * 7 + r.n", 540)})) AT TIME ZONE 'UTC' AS at,
                ${h("k * 31 + r.n * 17", 1_000_000)} AS pick
         FROM generate_series(1, $2::int) k
       ) v
       JOIN bench_rep_acc a ON a."ownerId" = r.id AND a.i = v.pick % r.cnt
       WHERE r.n * $2::int + v.k <= $1::int`,
      [records, perRep, days],
    );

    // 3. Plans: one per `planEvery` records of a rep, on that record's account and time. 70 % were
    //    done (the record closes them), 10 % approved but missed, 14 % cancelled, 6 % in the weeks
    //    around today in every open status.
    await step(
      `${plans.toLocaleString("en")} visit plans`,
      `INSERT INTO "VisitPlan" (id, "clientId", "accountId", "ownerId", "teamId", "contactIds", "companionIds",
         purpose, method, "plannedStart", "plannedEnd", status, "needsApproval", "approverId",
         "submittedAt", "decidedAt", version, "createdAt", "updatedAt")
       SELECT p.id, md5(p.id)::uuid::text, v."accountId", v."ownerId", v."teamId", '{}', '{}',
              '季度业务回顾及需求沟通', v.method, p.start, p.start + interval '90 minutes',
              p.status::"VisitPlanStatus", p.m % 3 = 0, CASE WHEN p.m % 3 = 0 THEN t."managerId" END,
              CASE WHEN p.status <> 'DRAFT' THEN p.start - interval '3 days' END,
              CASE WHEN p.status IN ('DONE','APPROVED','RETURNED','CANCELLED') THEN p.start - interval '2 days' END,
              1, p.start - interval '4 days', p.start - interval '2 days'
       FROM "VisitRecord" v
       JOIN "Team" t ON t.id = v."teamId"
       CROSS JOIN LATERAL (
         SELECT 'bench_vplan_' || substr(v.id, 12) AS id, ${h("hashtext(v.id)", 100)} AS m
       ) q
       CROSS JOIN LATERAL (
         SELECT q.id, q.m,
                CASE WHEN q.m < 70 THEN 'DONE' WHEN q.m < 80 THEN 'APPROVED' WHEN q.m < 94 THEN 'CANCELLED'
                     ELSE (ARRAY['APPROVED','SUBMITTED','DRAFT','RETURNED'])[1 + q.m % 4] END AS status,
                CASE WHEN q.m < 70 THEN v."visitedAt" - interval '15 minutes'
                     WHEN q.m < 94 THEN v."visitedAt" + interval '1 day'
                     ELSE (date_trunc('hour', now()) + make_interval(days => ${h("hashtext(v.id) + 1", 60)} - 30, hours => 1))
                          AT TIME ZONE 'UTC'
                END AS start
       ) p
       WHERE v.id LIKE 'bench_vrec_%' AND substr(v.id, 16)::int % $1::int = 0`,
      [planEvery],
    );
    await step(
      "records closing their plans",
      `UPDATE "VisitRecord" v SET "planId" = p.id
       FROM "VisitPlan" p
       WHERE p.id LIKE 'bench_vplan_%' AND p.status = 'DONE' AND v.id = 'bench_vrec_' || substr(p.id, 13)`,
    );

    // 4. Follow-ups of the recent records: each closed by the account's next record, the latest open.
    await step(
      "follow-ups",
      `INSERT INTO "FollowUp" (id, "accountId", "ownerId", "teamId", "sourceRecordId", "dueOn", "completedAt",
         "completedByRecordId", version, "createdAt")
       SELECT 'bench_fu_' || substr(id, 12), "accountId", "ownerId", "teamId", id,
              (("visitedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date + $2::int),
              next_at, next_id, 1, "visitedAt"
       FROM (
         SELECT id, "accountId", "ownerId", "teamId", "visitedAt",
                lead("visitedAt") OVER w AS next_at, lead(id) OVER w AS next_id
         FROM "VisitRecord"
         WHERE id LIKE 'bench_vrec_%' AND "visitedAt" > (now() AT TIME ZONE 'UTC') - make_interval(days => $1::int)
         WINDOW w AS (PARTITION BY "accountId" ORDER BY "visitedAt", id)
       ) s`,
      [followUpDays, DEFAULT_VISIT_SETTINGS.followUpDays],
    );
    await client.query("COMMIT");

    // 5. Last contact and due dates, by the app's own SQL (one pass over the history, in bulk only).
    const t = performance.now();
    const db = createDb(url, 1);
    try {
      await recomputeAllLastContacts(db);
      await recomputeAllContactDue(db, DEFAULT_VISIT_SETTINGS);
    } finally {
      await db.$disconnect();
    }
    steps.push(["last contact and due dates", (performance.now() - t) / 1000]);
    console.log(
      `[bench:visits] last contact and due dates: ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await step(
      "analyze",
      `ANALYZE "Account"; ANALYZE "User"; ANALYZE "VisitRecord"; ANALYZE "VisitPlan"; ANALYZE "FollowUp"`,
    );

    const count = async (sql: string) => (await client.query<{ n: number }>(sql)).rows[0]!.n;
    return {
      reps,
      heavyTeam,
      heavyTeamReps: heavyReps,
      records: await count(`SELECT count(*)::int AS n FROM "VisitRecord" WHERE id LIKE 'bench_vrec_%'`),
      plans: await count(`SELECT count(*)::int AS n FROM "VisitPlan" WHERE id LIKE 'bench_vplan_%'`),
      followUps: await count(`SELECT count(*)::int AS n FROM "FollowUp" WHERE id LIKE 'bench_fu_%'`),
      overdueAccounts: await count(
        `SELECT count(*)::int AS n FROM "Account"
         WHERE id LIKE 'bench_acc_%' AND "contactDueOn" < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
      ),
      seconds: (performance.now() - started) / 1000,
      steps,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
