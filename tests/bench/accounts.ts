// `npm run bench:accounts`: the account list's queries and the account page at scale.
// Fills a fresh database (a throw-away one on DATABASE_URL's server, else embedded PGlite) with the
// demo organisation plus 20,000 accounts and 100,000 contacts, then times the data-layer functions
// the pages call (server-side time, in-process) against hand-written SQL for the same result, and
// prints p50/p95 and the ratio. Targets: list p95 ≤ 100 ms; app ≤ 2× raw SQL.
import pg from "pg";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { fillBenchData } from "./bench-data";
import { percentile, throwawayDatabase } from "./lib";

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 40);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 20_000);

type Timing = { p50: number; p95: number };

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const started = Date.now();
  let drop: () => Promise<void>;
  let url: string;
  if (process.env.DATABASE_URL) {
    const d = throwawayDatabase(process.env.DATABASE_URL, `keystone_bench_accounts_${Date.now()}`);
    await d.created;
    url = d.url;
    drop = d.drop;
  } else {
    const e = await startEmbeddedDatabase({ dataDir: null });
    url = e.url;
    drop = e.stop;
  }
  const kind = process.env.DATABASE_URL ? "PostgreSQL server" : "embedded PGlite";
  try {
    await migrateDeploy(url, { quiet: true });
    const seedDb = createDb(url, 2);
    await seedDemo(seedDb);
    await seedDb.$disconnect();
    const filled = await fillBenchData(url, { accounts: ACCOUNTS, contactsPerAccount: 5 });
    console.log(
      `[bench] ${kind}: ${filled.accounts} accounts, ${filled.contacts} contacts generated in ${filled.seconds.toFixed(1)} s`,
    );

    process.env.DATABASE_URL = url;
    // The process-wide client, with query events: each app call's SQL is recorded so it can be
    // replayed directly through pg (the "raw SQL of the same query" baseline).
    const { PrismaClient } = await import("@/lib/db/generated/client");
    const { createPgAdapter } = await import("@/lib/db/adapter");
    const appClient = new PrismaClient({
      adapter: createPgAdapter(url),
      log: [{ emit: "event", level: "query" }],
    });
    let recording: { query: string; params: unknown[] }[] | null = null;
    appClient.$on("query", (e) =>
      recording?.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
    );
    (globalThis as unknown as { keystoneDb: unknown }).keystoneDb = appClient;
    const { listAccountsPage } = await import("@/lib/data/account-list");
    const { getAccountDetail } = await import("@/lib/data/accounts");
    const { loadViewer } = await import("@/lib/data/session");
    const { accountListQuerySchema } = await import("@/lib/validation/accounts");
    const { db, disconnectDb } = await import("@/lib/db");
    const kam = (await loadViewer("usr_east_kam1", 0))!;
    const jiangsu = await db.territory.findUniqueOrThrow({ where: { code: "320000" } });
    const q = (v: Record<string, unknown>) => accountListQuerySchema.parse(v);

    const raw = new pg.Pool({ connectionString: url, max: 4 });
    const scope = `(a."ownerId" = $1 OR a."teamId" = ANY($2::text[])) AND a."deletedAt" IS NULL`;
    const cols = `a.id, a.name, a."creditCode", a."ownerId", a."teamId", a."territoryId", a."accountType", a.industry, a."sizeBand", a.lifecycle, a.tier, a."computedTier", a."compositeScore", a."priorityScore", a."negativeAsset", a.version, a."deletedAt", a."createdAt", a."updatedAt", u.name AS owner_name, t.name AS territory_name, t."nameEn" AS territory_name_en`;
    const scopeArgs = [kam.id, kam.visibleTeamIds as string[]];
    const rawList = (where: string, order: string, args: unknown[]) => () =>
      Promise.all([
        raw.query(
          `SELECT ${cols} FROM "Account" a JOIN "User" u ON u.id = a."ownerId" LEFT JOIN "Territory" t ON t.id = a."territoryId" WHERE ${where} ORDER BY ${order} LIMIT 25`,
          args,
        ),
        raw.query(`SELECT count(*) FROM "Account" a WHERE ${where}`, args),
      ]);
    const someAccount = (
      await raw.query<{ id: string }>(
        `SELECT id FROM "Account" WHERE "teamId" = 'team_east' ORDER BY "compositeScore" DESC LIMIT 1`,
      )
    ).rows[0]!.id;

    const cases: { name: string; app: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
      {
        name: "list: default view (score ↓)",
        app: () => listAccountsPage(kam, q({})),
        raw: rawList(scope, `a."compositeScore" DESC, a.id ASC`, scopeArgs),
      },
      {
        name: "list: sort by name",
        app: () => listAccountsPage(kam, q({ sort: "name", dir: "asc" })),
        raw: rawList(scope, `a.name ASC, a.id ASC`, scopeArgs),
      },
      {
        name: "list: tier A + region 江苏",
        app: () => listAccountsPage(kam, q({ tier: "A", territoryId: jiangsu.id })),
        raw: async () => {
          const sub = await raw.query(
            `WITH RECURSIVE s AS (SELECT id FROM "Territory" WHERE id = $1 UNION ALL SELECT t.id FROM "Territory" t JOIN s ON t."parentId" = s.id) SELECT id FROM s`,
            [jiangsu.id],
          );
          const ids = sub.rows.map((r: { id: string }) => r.id);
          return rawList(
            `${scope} AND a.tier = 'A' AND a."territoryId" = ANY($3::text[])`,
            `a."compositeScore" DESC, a.id ASC`,
            [...scopeArgs, ids],
          )();
        },
      },
      {
        name: "list: text search 精工",
        app: () => listAccountsPage(kam, q({ q: "精工" })),
        raw: rawList(`${scope} AND a.name ILIKE $3`, `a."compositeScore" DESC, a.id ASC`, [
          ...scopeArgs,
          "%精工%",
        ]),
      },
      {
        name: "account page",
        app: () => getAccountDetail(kam, someAccount),
        raw: () =>
          Promise.all([
            raw.query(
              `SELECT a.*, u.name AS owner_name FROM "Account" a JOIN "User" u ON u.id = a."ownerId" WHERE a.id = $3 AND ${scope}`,
              [...scopeArgs, someAccount],
            ),
            raw.query(
              `SELECT * FROM "Contact" WHERE "accountId" = $1 AND "deletedAt" IS NULL ORDER BY influence DESC, name ASC`,
              [someAccount],
            ),
            raw.query(`SELECT * FROM "LifecycleChange" WHERE "accountId" = $1 ORDER BY "createdAt" DESC`, [
              someAccount,
            ]),
            raw.query(
              `SELECT * FROM "ScoreSnapshot" WHERE "accountId" = $1 ORDER BY "createdAt" ASC LIMIT 50`,
              [someAccount],
            ),
          ]),
      },
    ];

    const inScope = (await raw.query(`SELECT count(*)::int AS n FROM "Account" a WHERE ${scope}`, scopeArgs))
      .rows[0].n;
    console.log(
      `[bench] viewer: 王伟 (KAM, East China) — ${inScope} accounts in scope; ${RUNS} timed runs after 5 warm-ups\n`,
    );
    /**
     * Runs `app` once warm (so in-process caches such as the territory tree hold, as in steady
     * state), recording its SQL; returns a function that replays exactly that SQL.
     */
    async function sameSql(app: () => Promise<unknown>) {
      await app();
      recording = [];
      await app();
      const statements = recording;
      recording = null;
      return {
        statements: statements.length,
        replay: () => Promise.all(statements.map((st) => raw.query(st.query, st.params))),
      };
    }
    console.log(
      "same SQL = the statements the app sent, replayed through pg; hand SQL = written by hand with joins",
    );
    console.log(
      `${"query".padEnd(30)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"same p50".padStart(8)} ${"ratio".padStart(6)} ${"hand p50".padStart(8)} ${"ratio".padStart(6)}  verdict`,
    );
    let failures = 0;
    for (const c of cases) {
      const same = await sameSql(c.app);
      const app = await time(c.app);
      const replay = await time(same.replay);
      const hand = await time(c.raw);
      const ratio = app.p50 / replay.p50;
      const ok = (c.name.startsWith("list") ? app.p95 <= 100 : true) && ratio <= 2;
      if (!ok) failures++;
      const f = (n: number) => n.toFixed(1).padStart(8);
      const r = (n: number) => n.toFixed(2).padStart(6);
      console.log(
        `${c.name.padEnd(30)} ${f(app.p50)} ${f(app.p95)} ${f(replay.p50)} ${r(ratio)} ${f(hand.p50)} ${r(app.p50 / hand.p50)}  ${ok ? "PASS" : "FAIL"} (${same.statements} statements)`,
      );
    }
    await raw.end();
    await disconnectDb();
    console.log(
      `\n[bench] targets: list p95 ≤ 100 ms, app ≤ 2× the same SQL sent directly (p50) — ${failures ? `${failures} FAIL` : "all PASS"}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    process.exitCode = failures ? 1 : 0;
  } finally {
    await drop();
  }
}

await main();
