// Bench data for the distributor channel (issue 14, "Speed"), on top of the demo company: 200 more
// cities under the demo provinces, 24 more channel managers assigned to them, 2,000 distributors
// (home territory, coverage — one active exclusive per city where there is one —, contacts, memos,
// stage history), three years of agreements with versions and floor prices, 5,000,000 sell-out
// and 600,000 sell-in lines over three years with ChannelMonthRollup built from them, 60,000
// invoices in every ageing bucket with their payments and allocations, the conflict cases the
// planted lines make (below floor, cross-territory, customer overlap) with evidence and events,
// and twelve quarters of scorecards. Set-based SQL over generate_series with hashint4 for a
// deterministic spread (as tests/bench/bench-kpi.ts); every id starts with `bench_`.
import pg from "pg";

export type BenchChannelOptions = {
  distributors?: number; // default 2,000
  sellOut?: number; // default 5,000,000
  sellIn?: number; // default 600,000
  invoices?: number; // default 60,000
  cities?: number; // default 200
};

export type BenchChannelResult = { seconds: number; counts: Record<string, number> };

const h = (expr: string, n: number) => `((hashint4(${expr}) & 2147483647) % ${n})`;
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const DAYS = 1095; // three years

/** Shares of the planted sell-out lines, per 10,000 lines. */
export const PLANTED = { belowFloor: 40, crossTerritory: 30, overlap: 20 } as const;

export async function fillBenchChannel(
  url: string,
  opts: BenchChannelOptions = {},
): Promise<BenchChannelResult> {
  const distributors = opts.distributors ?? 2_000;
  const sellOut = opts.sellOut ?? 5_000_000;
  const sellIn = opts.sellIn ?? 600_000;
  const invoices = opts.invoices ?? 60_000;
  const cities = opts.cities ?? 200;
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    console.log(
      `[bench:channel-seed] ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s` +
        (res.rowCount != null && res.command === "INSERT"
          ? ` (${res.rowCount.toLocaleString("en")} rows)`
          : ""),
    );
    return res;
  };
  try {
    const there = await client.query(`SELECT 1 FROM "Distributor" WHERE id LIKE 'bench_%' LIMIT 1`);
    if (there.rows.length) throw new Error("the channel bench data is already there (use --fresh)");
    await client.query(`SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'`);
    await client.query("BEGIN");

    // ── Organisation ───────────────────────────────────────────────────────────────────────────
    await step(
      "bench cities",
      `WITH prov AS (
         SELECT id, "teamId", (row_number() OVER (ORDER BY code) - 1)::int AS i, count(*) OVER ()::int AS n
         FROM "Territory" WHERE level = 'PROVINCE' AND "deletedAt" IS NULL AND "teamId" IS NOT NULL)
       INSERT INTO "Territory" (id, code, name, "nameEn", level, "parentId", "teamId", "updatedAt")
       SELECT 'bench_ter_' || lpad(g::text, 3, '0'), 'B' || lpad(g::text, 5, '0'), '基准市' || g,
              'Bench city ' || g, 'CITY', p.id, p."teamId", now()
       FROM generate_series(1, $1::int) g JOIN prov p ON p.i = g % p.n`,
      [cities],
    );
    await step(
      "bench channel managers",
      `INSERT INTO "User" (id, email, name, "jobTitle", "passwordHash", role, "teamId", locale, "updatedAt")
       SELECT 'bench_chm_' || r || '_' || k, 'bench.channel.' || r || k || '@keystone.bench',
              '渠道经理' || r || k, '渠道经理', (SELECT "passwordHash" FROM "User" WHERE id = 'usr_east_channel'),
              'CHANNEL_MANAGER', 'team_' || r, 'zh_CN', now()
       FROM unnest(ARRAY['east','north','south']) r CROSS JOIN generate_series(1, 8) k`,
    );
    // Every bench city to one of its region's bench channel managers (the demo ones cover the
    // whole region already).
    await step(
      "channel territory assignments",
      `WITH c AS (
         SELECT id, "teamId", (row_number() OVER (PARTITION BY "teamId" ORDER BY id) - 1)::int AS i
         FROM "Territory" WHERE id LIKE 'bench_ter_%')
       INSERT INTO "ChannelTerritoryAssignment" (id, "userId", "territoryId", "createdById")
       SELECT 'bench_cta_' || c.id, 'bench_chm_' || replace(c."teamId", 'team_', '') || '_' || (1 + c.i % 8),
              c.id, 'usr_admin'
       FROM c`,
    );
    // Homes: leaf territories of a region (cities, and municipalities without cities).
    await client.query(
      `CREATE TEMP TABLE bh AS
         SELECT t.id, t.name, t."teamId", (row_number() OVER (ORDER BY t.id) - 1)::int AS i,
                COALESCE((SELECT a."userId" FROM "ChannelTerritoryAssignment" a
                          WHERE a."territoryId" = t.id AND a."userId" LIKE 'bench_chm_%' LIMIT 1),
                         'usr_' || replace(t."teamId", 'team_', '') || '_channel') AS owner
         FROM "Territory" t
         WHERE t.level IN ('PROVINCE', 'CITY') AND t."deletedAt" IS NULL AND t."teamId" <> 'team_sales'
           AND NOT EXISTS (SELECT 1 FROM "Territory" c WHERE c."parentId" = t.id);
       CREATE TEMP TABLE bp AS
         SELECT id, "listPrice", (row_number() OVER (ORDER BY id) - 1)::int AS i FROM "Product";
       CREATE TEMP TABLE bk AS
         SELECT id, name, "creditCode", (row_number() OVER (ORDER BY id) - 1)::int AS i
         FROM "Account" WHERE "deletedAt" IS NULL AND "creditCode" IS NOT NULL;`,
    );
    const homes = (await client.query(`SELECT count(*)::int AS n FROM bh`)).rows[0].n as number;
    const keyAccounts = (await client.query(`SELECT count(*)::int AS n FROM bk`)).rows[0].n as number;
    if (!keyAccounts) throw new Error("no key account with a credit code to plant customer overlaps on");

    // ── Distributors ───────────────────────────────────────────────────────────────────────────
    await client.query(
      `CREATE TEMP TABLE bd AS
         SELECT 'bench_dst_' || lpad(g::text, 4, '0') AS id, g, h.id AS home, h."teamId" AS team, h.owner,
                CASE WHEN s < 72 THEN 'SIGNED' WHEN s < 78 THEN 'SUSPENDED' WHEN s < 82 THEN 'TERMINATED'
                     WHEN s < 88 THEN 'NEGOTIATION' WHEN s < 94 THEN 'EVALUATION' ELSE 'PROSPECT' END AS stage
         FROM (SELECT g, ${h("g * 17 + 1", 100)} AS s FROM generate_series(1, $1::int) g) x
         JOIN bh h ON h.i = x.g % ${homes}`,
      [distributors],
    );
    await step(
      "distributors",
      `INSERT INTO "Distributor" (id, code, name, kind, model, "creditCode", "legalRepresentative",
         "registeredCapital", address, employees, "annualSales", "territoryId", "ownerId", "teamId", stage,
         "stageChangedAt", rank, "creditLimit", "updatedAt")
       SELECT id, 'QB-' || lpad(g::text, 4, '0'), '基准' || g || '号机电设备有限公司',
              (ARRAY['DEALER','DEALER','AGENT','DIRECT'])[1 + g % 4]::"DistributorKind",
              (CASE WHEN g % 2 = 0 THEN 'WHOLESALE' ELSE 'TERMINAL' END)::"DistributorModel",
              '93' || lpad((${h("g * 3 + 7", 1_000_000_000)})::text, 9, '0') || lpad(g::text, 6, '0') || 'X',
              '法人' || g, (50 + g % 3000)::bigint * 1000000, '基准路' || g || '号', 8 + g % 200,
              (800 + g % 20000)::bigint * 1000000, home, owner, team, stage::"DistributorStage",
              now() - make_interval(days => g % 300), 'm' || lpad(g::text, 5, '0'),
              CASE WHEN stage IN ('SIGNED','SUSPENDED','TERMINATED') THEN (5 + g % 56)::bigint * 10000000 ELSE 0 END,
              now()
       FROM bd`,
    );
    // Coverage: the home city (exclusive for the first signed distributor of every other city with
    // no active exclusive one yet), and a second city, never exclusive, for one in five.
    await step(
      "coverage",
      `WITH first_signed AS (
         SELECT DISTINCT ON (home) id FROM bd WHERE stage = 'SIGNED' ORDER BY home, g)
       INSERT INTO "DistributorTerritory" (id, "distributorId", "territoryId", exclusive, active, since, "updatedAt")
       SELECT 'bench_dte_' || bd.g || '_1', bd.id, bd.home,
              bd.id IN (SELECT id FROM first_signed) AND hashint4(hashtext(bd.home)) % 2 = 0
                AND NOT EXISTS (SELECT 1 FROM "DistributorTerritory" x
                                WHERE x."territoryId" = bd.home AND x.exclusive AND x.active AND x."deletedAt" IS NULL),
              bd.stage = 'SIGNED',
              CASE WHEN bd.stage IN ('SIGNED','SUSPENDED','TERMINATED') THEN (${TODAY} - 1100 + bd.g % 300) END,
              now()
       FROM bd
       UNION ALL
       SELECT 'bench_dte_' || bd.g || '_2', bd.id, h.id, false, bd.stage = 'SIGNED',
              CASE WHEN bd.stage IN ('SIGNED','SUSPENDED','TERMINATED') THEN (${TODAY} - 700 + bd.g % 300) END, now()
       FROM bd JOIN bh h ON h.i = (bd.g * 7 + 3) % ${homes}
       WHERE bd.g % 5 = 0 AND h.id <> bd.home`,
    );
    await step(
      "contacts, memos, stage history",
      `INSERT INTO "DistributorContact" (id, "distributorId", name, title, phone, "isPrimary", "updatedAt")
       SELECT 'bench_dco_' || g || '_' || k, id, '联系人' || g || '-' || k,
              (ARRAY['总经理','销售总监','采购经理','财务经理'])[k], '139' || lpad((g * 10 + k)::text, 8, '0'), k = 1, now()
       FROM bd CROSS JOIN generate_series(1, 3) k;
       INSERT INTO "DistributorMemo" (id, "distributorId", topic, body, "authorId", "createdAt", "updatedAt")
       SELECT 'bench_dme_' || g || '_' || k, id,
              (ARRAY['GENERAL','COMMITMENT','FOCUS','DIFFICULTY'])[k]::"DistributorMemoTopic",
              '基准备忘 ' || k || '：本季度重点开拓园区新客户', owner, now() - make_interval(days => k * 40), now()
       FROM bd CROSS JOIN generate_series(1, 4) k;
       INSERT INTO "DistributorStageChange" (id, "distributorId", "fromStage", "toStage", "actorId", "createdAt")
       SELECT 'bench_dsc_' || g, id, NULL, stage::"DistributorStage", owner, now() - make_interval(days => g % 300)
       FROM bd`,
    );
    await client.query(
      `CREATE TEMP TABLE bs AS
         SELECT bd.*, (row_number() OVER (ORDER BY g) - 1)::int AS i, (SELECT name FROM bh WHERE bh.id = bd.home) AS home_name
         FROM bd WHERE stage IN ('SIGNED','SUSPENDED','TERMINATED');
       CREATE UNIQUE INDEX ON bs (i); ANALYZE bs; ANALYZE bh; ANALYZE bp;`,
    );
    const signed = (await client.query(`SELECT count(*)::int AS n FROM bs`)).rows[0].n as number;
    console.log(`[bench:channel-seed] ${signed} distributors signed, suspended or terminated carry sales`);

    // ── Sales lines (secondary indexes dropped for the load, rebuilt after) ────────────────────
    const dropped = await dropIndexes(client, ["SellOutLine", "SellInLine"]);
    await step(
      "sell-in lines",
      `INSERT INTO "SellInLine" (id, "distributorId", "documentNo", "lineNo", "shippedOn", "productId", quantity,
         "unitPrice", amount, "teamId", "createdAt")
       SELECT 'bench_sil_' || l.n, d.id, 'BSI-' || (l.n / 4), l.n % 4 + 1, ${TODAY} - l.age, p.id, l.q,
              p."listPrice" * (CASE WHEN d.g % 2 = 0 THEN 97 ELSE 95 END) / 100,
              l.q * (p."listPrice" * (CASE WHEN d.g % 2 = 0 THEN 97 ELSE 95 END) / 100), d.team, now()
       FROM (SELECT n, ${h("n * 5 + 1", DAYS)} AS age, ${h("n * 11 + 2", 8)} AS prod,
                    (CASE WHEN ${h("n * 13 + 3", 100)} = 0 THEN -1 ELSE 1 END) * (5 + ${h("n * 19 + 4", 60)}) AS q,
                    ((n / 4) % $2::int) AS di
             FROM generate_series(0, $1::int - 1) n) l
       JOIN bs d ON d.i = l.di JOIN bp p ON p.i = l.prod`,
      [sellIn, signed],
    );
    // Sell-out: a distributor's sales at 85–100 % of list; planted lines below the 80 % floor, in
    // another city, or to one of our own key accounts (by credit code or by name).
    await step(
      "sell-out lines",
      `INSERT INTO "SellOutLine" (id, "distributorId", "lineKey", "soldOn", "customerName", "customerCreditCode",
         "accountId", "regionText", "territoryId", "productId", quantity, "unitPrice", amount, "teamId", "createdAt")
       SELECT 'bench_sol_' || l.n, d.id, 'BSO-' || l.n, ${TODAY} - l.age,
              COALESCE(a.name, '终端客户' || (l.n % 200000)),
              CASE WHEN a.id IS NOT NULL THEN a."creditCode"
                   WHEN l.n % 5 < 2 THEN '92' || lpad((l.n % 200000)::text, 15, '0') || 'Y' END,
              a.id, COALESCE(t.name, d.home_name), COALESCE(t.id, d.home), p.id, l.q,
              p."listPrice" * l.pct / 100, l.q * (p."listPrice" * l.pct / 100), d.team, now()
       FROM (SELECT n, ${h("n * 7 + 1", DAYS)} AS age, ${h("n * 3 + 2", 8)} AS prod, 1 + ${h("n * 23 + 5", 20)} AS q,
                    ${h("n * 29 + 6", 10000)} AS plant, ${h("n * 37 + 7", 16)} + 85 AS pct0,
                    ${h("n * 31 + 9", signed)} AS di
             FROM generate_series(0, $1::int - 1) n) l0
       CROSS JOIN LATERAL (SELECT l0.*, CASE WHEN l0.plant < ${PLANTED.belowFloor} THEN 70 ELSE l0.pct0 END AS pct) l
       JOIN bs d ON d.i = l.di JOIN bp p ON p.i = l.prod
       LEFT JOIN bh t ON l.plant >= ${PLANTED.belowFloor} AND l.plant < ${PLANTED.belowFloor + PLANTED.crossTerritory}
                      AND t.i = l.n % ${homes} AND t.id <> d.home
       LEFT JOIN bk a ON l.plant >= ${PLANTED.belowFloor + PLANTED.crossTerritory}
                      AND l.plant < ${PLANTED.belowFloor + PLANTED.crossTerritory + PLANTED.overlap}
                      AND a.i = l.n % ${keyAccounts}`,
      [sellOut],
    );
    await restoreIndexes(client, dropped, step);
    await step(
      "channel month rollup",
      `INSERT INTO "ChannelMonthRollup" (month, "distributorId", "productId", "teamId", "sellInQty", "sellInAmount",
         "sellOutQty", "sellOutAmount")
       SELECT month, d, p, max(team), sum(iq), sum(ia), sum(oq), sum(oa)
       FROM (SELECT date_trunc('month', "shippedOn")::date AS month, "distributorId" AS d, "productId" AS p,
                    "teamId" AS team, sum(quantity) AS iq, sum(amount) AS ia, 0 AS oq, 0 AS oa
             FROM "SellInLine" WHERE id LIKE 'bench_%' AND "deletedAt" IS NULL GROUP BY 1, 2, 3, 4
             UNION ALL
             SELECT date_trunc('month', "soldOn")::date, "distributorId", "productId", "teamId", 0, 0,
                    sum(quantity), sum(amount)
             FROM "SellOutLine" WHERE id LIKE 'bench_%' AND "deletedAt" IS NULL GROUP BY 1, 2, 3, 4) x
       GROUP BY 1, 2, 3`,
    );

    // ── Agreements: three years, targets from the year's actual sell-in (80–125 %) ─────────────
    await client.query(
      `CREATE TEMP TABLE ba AS
         SELECT bs.id, bs.g, bs.stage, bs.team, bs.owner, bs.home, y.y,
                GREATEST(10000000, COALESCE((SELECT sum("sellInAmount") FROM "ChannelMonthRollup" r
                  WHERE r."distributorId" = bs.id AND r.month >= make_date(y.y, 1, 1) AND r.month < make_date(y.y + 1, 1, 1)), 0)
                  * (80 + ${h("bs.g * 41 + y.y", 46)}) / 100)::bigint AS target
         FROM bs CROSS JOIN (SELECT generate_series(extract(year FROM ${TODAY})::int - 2, extract(year FROM ${TODAY})::int) AS y) y`,
    );
    await step(
      "agreements, versions, floor prices",
      `INSERT INTO "ChannelAgreement" (id, number, "distributorId", status, "currentVersionNo", "signedAt", "signedById",
         "terminatedAt", "ownerId", "teamId", "updatedAt")
       SELECT 'bench_cag_' || g || '_' || y, 'QB-' || y || '-' || lpad(g::text, 4, '0'), id,
              (CASE WHEN y < extract(year FROM ${TODAY}) THEN 'EXPIRED' WHEN stage = 'TERMINATED' THEN 'TERMINATED'
                    ELSE 'ACTIVE' END)::"ChannelAgreementStatus",
              CASE WHEN g % 4 = 0 THEN 2 ELSE 1 END, make_date(y - 1, 12, 20)::timestamp,
              'usr_' || replace(team, 'team_', '') || '_manager',
              CASE WHEN stage = 'TERMINATED' AND y = extract(year FROM ${TODAY}) THEN now() - interval '40 days' END,
              owner, team, now()
       FROM ba;
       INSERT INTO "ChannelAgreementVersion" (id, "agreementId", number, "startsOn", "endsOn", "territoryId",
         "annualTarget", "quarterlyTargets", "rebateRules", "discountBp", "marketSupportFund", deposit,
         "paymentTermDays", "creditLimit", "changeNote", "createdById", "createdAt")
       SELECT 'bench_cav_' || g || '_' || y || '_' || v, 'bench_cag_' || g || '_' || y, v, make_date(y, 1, 1),
              make_date(y, 12, 31), home, target * (90 + v * 10) / 100,
              ARRAY[target * (90 + v * 10) / 100 * 20 / 100, target * (90 + v * 10) / 100 * 25 / 100,
                    target * (90 + v * 10) / 100 * 25 / 100, target * (90 + v * 10) / 100 * 30 / 100]::bigint[],
              '{"period":"QUARTER","bands":[{"fromBp":0,"rateBp":0},{"fromBp":8000,"rateBp":100},{"fromBp":10000,"rateBp":200},{"fromBp":12000,"rateBp":300}]}'::jsonb,
              CASE WHEN g % 2 = 0 THEN 300 ELSE 500 END, (2 + g % 19)::bigint * 1000000, (5 + g % 46)::bigint * 1000000,
              (ARRAY[30, 45, 60])[1 + g % 3], (5 + g % 56)::bigint * 10000000,
              CASE WHEN v = 2 THEN '年中调整：上调年度目标' END, owner, make_date(y, CASE WHEN v = 1 THEN 1 ELSE 7 END, 1)::timestamp
       FROM ba CROSS JOIN generate_series(1, 2) v WHERE v = 1 OR g % 4 = 0;
       INSERT INTO "ChannelAgreementProduct" (id, "versionId", "productId", "floorPrice")
       SELECT v.id || '_' || p.i, v.id, p.id, CASE WHEN p.id = 'prd_cable' THEN NULL ELSE p."listPrice" * 80 / 100 END
       FROM "ChannelAgreementVersion" v CROSS JOIN bp p WHERE v.id LIKE 'bench_cav_%'`,
    );

    // ── Receivables: invoices over three years; the old ones paid, the recent ones in every bucket ──
    await step(
      "invoices",
      `INSERT INTO "ChannelInvoice" (id, "invoiceNo", "distributorId", "issuedOn", "dueOn", amount, "paidAmount",
         status, "teamId", "ownerId", "updatedAt")
       SELECT 'bench_inv_' || n, 'BINV-' || lpad(n::text, 6, '0'), d.id, ${TODAY} - age, ${TODAY} - age + term,
              amount,
              CASE WHEN paid THEN amount WHEN part THEN amount * (20 + n % 60) / 100 ELSE 0 END,
              (CASE WHEN paid THEN 'PAID' ELSE 'OPEN' END)::"ChannelInvoiceStatus", d.team, d.owner, now()
       FROM (SELECT n, age, term, amount,
                    CASE WHEN age > 200 THEN ${h("n * 3 + 9", 100)} >= 3 ELSE ${h("n * 3 + 9", 100)} >= 55 END AS paid,
                    ${h("n * 5 + 4", 3)} = 0 AS part, n % $2::int AS di
             FROM (SELECT n, ${h("n * 7 + 8", DAYS)} AS age, (ARRAY[30, 45, 60])[1 + n % 3] AS term,
                          (10 + ${h("n * 11 + 1", 490)})::bigint * 100000 AS amount
                   FROM generate_series(0, $1::int - 1) n) i0) i
       JOIN bs d ON d.i = i.di`,
      [invoices, signed],
    );
    await step(
      "payments and allocations",
      `INSERT INTO "ChannelPayment" (id, "paymentNo", "distributorId", "receivedOn", amount, method, "recordedById", "teamId")
       SELECT 'bench_pay_' || substr(id, 11), 'BPAY-' || substr(id, 11), "distributorId",
              LEAST(${TODAY}, "dueOn" - 10 + (hashint4(length(id) + "paidAmount"::int) & 31)), "paidAmount", '银行转账', "ownerId", "teamId"
       FROM "ChannelInvoice" WHERE id LIKE 'bench_inv_%' AND "paidAmount" > 0;
       INSERT INTO "ChannelPaymentAllocation" (id, "paymentId", "invoiceId", amount)
       SELECT 'bench_pal_' || substr(id, 11), 'bench_pay_' || substr(id, 11), id, "paidAmount"
       FROM "ChannelInvoice" WHERE id LIKE 'bench_inv_%' AND "paidAmount" > 0`,
    );

    // ── Conflict cases: one per kind, offender, subject and quarter of the planted lines ───────
    await client.query(
      `CREATE TEMP TABLE bx AS
         SELECT s.id AS line, s."distributorId" AS dst, s.amount, s."soldOn",
                CASE WHEN s."unitPrice" < f."floorPrice" THEN 'BELOW_FLOOR_PRICE'
                     WHEN s."accountId" IS NOT NULL THEN 'CUSTOMER_OVERLAP' ELSE 'CROSS_TERRITORY' END AS kind,
                CASE WHEN s."unitPrice" < f."floorPrice" THEN s."productId"
                     WHEN s."accountId" IS NOT NULL THEN s."accountId" ELSE s."territoryId" END AS subject,
                s."territoryId", s."productId", s."accountId", s."unitPrice", f."floorPrice",
                date_trunc('quarter', s."soldOn")::date AS quarter
         FROM "SellOutLine" s
         JOIN bs d ON d.id = s."distributorId"
         LEFT JOIN bp f0 ON f0.id = s."productId"
         CROSS JOIN LATERAL (SELECT CASE WHEN f0.id = 'prd_cable' THEN NULL ELSE f0."listPrice" * 80 / 100 END AS "floorPrice") f
         WHERE s.id LIKE 'bench_sol_%'
           AND (s."unitPrice" < f."floorPrice" OR s."accountId" IS NOT NULL OR s."territoryId" <> d.home);
       CREATE TEMP TABLE bc AS
         SELECT kind, dst, subject, quarter, count(*)::int AS lines, sum(amount)::bigint AS amount,
                min("soldOn") AS first_on,
                row_number() OVER (PARTITION BY kind, dst, subject ORDER BY quarter DESC) AS recency,
                row_number() OVER (ORDER BY quarter, kind, dst, subject) AS n,
                row_number() OVER (PARTITION BY extract(year FROM quarter) ORDER BY quarter, kind, dst, subject) AS seq
         FROM bx GROUP BY kind, dst, subject, quarter;`,
    );
    await step(
      "conflict cases",
      `INSERT INTO "ChannelConflict" (id, number, kind, status, "openKey", "distributorId", "affectedDistributorId",
         "accountId", "territoryId", "productId", summary, "causeAnalysis", outcome, "outcomeAmount", "outcomeNote",
         "preventionNote", "resolvedAt", "resolvedById", "evidenceCount", "evidenceAmount", "ownerId", "teamId",
         "createdAt", "updatedAt")
       SELECT 'bench_ccf_' || c.n, 'CC-' || extract(year FROM c.quarter) || '-' || lpad((50000 + c.seq)::text, 5, '0'),
              c.kind::"ChannelConflictKind", st.status::"ChannelConflictStatus",
              CASE WHEN st.status <> 'RESOLVED' THEN c.kind || ':' || c.dst || ':' || c.subject END,
              c.dst,
              CASE WHEN c.kind = 'CROSS_TERRITORY' THEN (SELECT x."distributorId" FROM "DistributorTerritory" x
                WHERE x."territoryId" = c.subject AND x.exclusive AND x.active AND x."deletedAt" IS NULL LIMIT 1) END,
              CASE WHEN c.kind = 'CUSTOMER_OVERLAP' THEN c.subject END,
              CASE WHEN c.kind = 'CROSS_TERRITORY' THEN c.subject END,
              CASE WHEN c.kind = 'BELOW_FLOOR_PRICE' THEN c.subject END,
              '基准冲突 ' || c.lines || ' 行',
              CASE WHEN st.status <> 'NEGOTIATION' THEN '下游客户压价，经销商为冲量越区/低价销售' END,
              CASE WHEN st.status = 'RESOLVED' THEN (ARRAY['WARNING','REBATE_DEDUCTION','COMPENSATION','NO_ACTION','TERRITORY_CHANGE'])[1 + c.n % 5]::"ChannelConflictOutcome" END,
              CASE WHEN st.status = 'RESOLVED' AND c.n % 5 IN (1, 2) THEN c.amount / 20 END,
              CASE WHEN st.status = 'RESOLVED' THEN '双方协商一致' END,
              CASE WHEN st.status = 'RESOLVED' THEN '明确区域边界，按季度核查出货流向' END,
              CASE WHEN st.status = 'RESOLVED' THEN c.first_on + 30 END,
              CASE WHEN st.status = 'RESOLVED' THEN d.owner END,
              c.lines, c.amount, d.owner, d.team, c.first_on::timestamp, now()
       FROM bc c JOIN bs d ON d.id = c.dst
       CROSS JOIN LATERAL (SELECT CASE
         WHEN c.recency = 1 AND c.quarter >= date_trunc('quarter', ${TODAY})::date - interval '3 months'
           THEN (ARRAY['NEGOTIATION','NEGOTIATION','MEDIATION','ARBITRATION'])[1 + c.n % 4]
         ELSE 'RESOLVED' END AS status) st`,
    );
    await step(
      "conflict evidence and events",
      `INSERT INTO "ChannelConflictEvidence" (id, "conflictId", "sellOutLineId", detail, "createdAt")
       SELECT 'bench_cev_' || substr(x.line, 11), 'bench_ccf_' || c.n, x.line,
              CASE x.kind WHEN 'BELOW_FLOOR_PRICE' THEN jsonb_build_object('price', x."unitPrice"::text, 'floorPrice', x."floorPrice"::text)
                          WHEN 'CUSTOMER_OVERLAP' THEN jsonb_build_object('accountId', x."accountId", 'matchedBy', 'creditCode')
                          ELSE jsonb_build_object('territoryId', x."territoryId") END,
              x."soldOn"::timestamp
       FROM bx x JOIN bc c ON c.kind = x.kind AND c.dst = x.dst AND c.subject = x.subject AND c.quarter = x.quarter;
       INSERT INTO "ChannelConflictEvent" (id, "conflictId", "actorId", kind, "fromStatus", "toStatus", note, "createdAt")
       SELECT 'bench_cee_' || substr(id, 11) || '_1', id, NULL, 'DETECTED', NULL::"ChannelConflictStatus", 'NEGOTIATION'::"ChannelConflictStatus", NULL, "createdAt"
       FROM "ChannelConflict" WHERE id LIKE 'bench_ccf_%'
       UNION ALL
       SELECT 'bench_cee_' || substr(id, 11) || '_2', id, "ownerId", 'RESOLVED', 'NEGOTIATION', 'RESOLVED'::"ChannelConflictStatus", "outcomeNote", "resolvedAt"
       FROM "ChannelConflict" WHERE id LIKE 'bench_ccf_%' AND status = 'RESOLVED'
       UNION ALL
       SELECT 'bench_cee_' || substr(id, 11) || '_3', id, "ownerId", 'STEP', 'NEGOTIATION', status, '协商未果，转入下一步', "createdAt" + interval '7 days'
       FROM "ChannelConflict" WHERE id LIKE 'bench_ccf_%' AND status IN ('MEDIATION', 'ARBITRATION')`,
    );

    // ── Scorecards: the last twelve completed quarters ──────────────────────────────────────────
    await step(
      "scorecards",
      `WITH q AS (
         SELECT (date_trunc('quarter', ${TODAY}) - make_interval(months => 3 * k))::date AS start
         FROM generate_series(1, 12) k),
       s AS (
         SELECT d.id, d.g, d.team, q.start, 40 + ${h("d.g * 53 + (q.start - DATE '2000-01-01')", 60)} AS total
         FROM bs d CROSS JOIN q)
       INSERT INTO "DistributorScorecard" (id, "distributorId", "periodKey", "periodStart", "periodEnd", factors, total,
         rank, recommendation, "teamId", "computedAt", "updatedAt")
       SELECT 'bench_dsk_' || g || '_' || to_char(start, 'YYYY"Q"Q'), id, to_char(start, 'YYYY"-Q"Q'), start,
              (start + interval '3 months' - interval '1 day')::date,
              jsonb_build_object(
                'achievement', jsonb_build_object('points', total, 'weight', 30),
                'growth', jsonb_build_object('points', LEAST(100, total + 5), 'weight', 15),
                'paymentTimeliness', jsonb_build_object('points', GREATEST(0, total - 5), 'weight', 20),
                'conflicts', jsonb_build_object('points', total, 'weight', 15),
                'inventory', jsonb_build_object('points', total, 'weight', 10),
                'satisfaction', jsonb_build_object('points', NULL, 'weight', 10)),
              total, rank() OVER (PARTITION BY start ORDER BY total DESC)::int,
              (CASE WHEN total >= 85 THEN 'UPGRADE' WHEN total >= 65 THEN 'KEEP' WHEN total >= 45 THEN 'WARN'
                    ELSE 'TERMINATE' END)::"DistributorRecommendation",
              team, start + interval '3 months 5 days', now()
       FROM s`,
    );
    // 渠道满意度: the quarterly wave to each signed-like distributor's three contacts over three
    // years (bench_dco_<g>_<k>), about 70 % answered a few days after it was sent.
    const waves = `WITH q AS (
         SELECT (date_trunc('quarter', ${TODAY}) - make_interval(months => 3 * k))::date AS start, k
         FROM generate_series(0, 11) k)
       SELECT d.id, d.g, d.team, d.owner, q.start, q.k,
              ((q.start + 15 + d.g % 5)::timestamp + interval '2 hours') AT TIME ZONE 'Asia/Shanghai' AS sent
       FROM bs d CROSS JOIN q WHERE q.start + 15 + d.g % 5 < ${TODAY}`;
    await step(
      "distributor satisfaction surveys",
      `INSERT INTO "Survey" (id, "templateVersionId", "distributorId", "ownerId", "teamId", trigger, "waveKey",
         status, "closesAt", "closedAt", "createdAt", "updatedAt")
       SELECT 'bench_svy_' || g || '_' || k, 'stv_channel_1', id, owner, team, 'WAVE', to_char(start, 'YYYY"-Q"Q'),
              (CASE WHEN sent + interval '21 days' <= now() THEN 'CLOSED' ELSE 'OPEN' END)::"SurveyStatus",
              sent + interval '21 days', CASE WHEN sent + interval '21 days' <= now() THEN sent + interval '21 days' END,
              sent, sent
       FROM (${waves}) w;
       INSERT INTO "SurveyInvitation" (id, "surveyId", "distributorContactId", "distributorId", "tokenSalt",
         "tokenHash", locale, "expiresAt", "openedAt", "respondedAt", "createdAt")
       SELECT 'bench_sinv_' || g || '_' || k || '_' || c, 'bench_svy_' || g || '_' || k, 'bench_dco_' || g || '_' || c, id,
              md5('salt' || g || k || c), md5('a' || g || '_' || k || '_' || c) || md5('b' || g || '_' || k || '_' || c),
              'zh_CN', sent + interval '21 days', answered, answered, sent
       FROM (SELECT w.*, c,
                    CASE WHEN ${h("w.g * 31 + w.k * 7 + c", 10)} < 7
                          AND sent + make_interval(days => 1 + ${h("w.g + w.k + c", 9)}) < now()
                         THEN sent + make_interval(days => 1 + ${h("w.g + w.k + c", 9)}) END AS answered
             FROM (${waves}) w CROSS JOIN generate_series(1, 3) c) x;
       INSERT INTO "SurveyResponse" (id, "invitationId", "surveyId", "distributorId", "teamId", "ownerId", answers,
         csat, nps, "lowScore", "submittedAt", "updatedAt")
       SELECT 'bench_sres_' || substr(i.id, 12), i.id, i."surveyId", i."distributorId", s."teamId", s."ownerId",
              jsonb_build_object('csat', x.csat, 'nps', x.nps), x.csat, x.nps, x.csat <= 2 OR x.nps <= 6,
              i."respondedAt", i."respondedAt"
       FROM "SurveyInvitation" i JOIN "Survey" s ON s.id = i."surveyId"
       CROSS JOIN LATERAL (SELECT 1 + ${h("hashtext(i.id)", 5)} AS csat, ${h("hashtext(i.id) + 1", 11)} AS nps) x
       WHERE i.id LIKE 'bench_sinv_%' AND i."respondedAt" IS NOT NULL`,
    );
    await client.query("COMMIT");
    await step(
      "analyze",
      `ANALYZE "Distributor"; ANALYZE "DistributorTerritory"; ANALYZE "SellOutLine"; ANALYZE "SellInLine";
       ANALYZE "ChannelMonthRollup"; ANALYZE "ChannelInvoice"; ANALYZE "ChannelPayment"; ANALYZE "ChannelPaymentAllocation";
       ANALYZE "ChannelConflict"; ANALYZE "ChannelConflictEvidence"; ANALYZE "ChannelAgreement";
       ANALYZE "ChannelAgreementVersion"; ANALYZE "DistributorScorecard"; ANALYZE "Territory";
       ANALYZE "Survey"; ANALYZE "SurveyInvitation"; ANALYZE "SurveyResponse"`,
    );
    const counts: Record<string, number> = {};
    for (const table of [
      "Distributor",
      "DistributorTerritory",
      "ChannelAgreement",
      "ChannelAgreementVersion",
      "SellOutLine",
      "SellInLine",
      "ChannelMonthRollup",
      "ChannelInvoice",
      "ChannelPayment",
      "ChannelConflict",
      "ChannelConflictEvidence",
      "DistributorScorecard",
      "SurveyResponse",
    ]) {
      counts[table] = (await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
    }
    return { seconds: (performance.now() - started) / 1000, counts };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

type Dropped = { table: string; name: string; def: string }[];

/** Drops the secondary (non-unique, non-key) indexes of `tables`: a bulk load then rebuilds each once. */
async function dropIndexes(client: pg.Client, tables: string[]): Promise<Dropped> {
  const { rows } = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = ANY($1::text[]) AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
  return rows.map((r) => ({ table: r.tablename, name: r.indexname, def: r.indexdef }));
}

async function restoreIndexes(
  client: pg.Client,
  dropped: Dropped,
  step: (label: string, sql: string) => Promise<unknown>,
): Promise<void> {
  for (const d of dropped) await step(`index ${d.name}`, d.def);
}
