// `npm run bench`: a speed-budget report for key routes on a production build (not a test).
// Builds into .next-bench (never the developer's .next), runs it against a fresh seeded database,
// signs in over HTTP like a browser, then measures per route the first-load JavaScript (gzip -9
// of every /_next/ script the HTML makes a modern browser load: script tags, script preloads and
// chunks named in the inline RSC payload; <script nomodule> polyfills are listed but not counted)
// and the server response time. Exits 1 when a budget fails, so CI can run it.
//
//   npm run bench                      build, then measure (embedded in-memory database)
//   npm run bench -- --no-build        reuse an existing .next-bench
//   npm run bench -- --runs=50         timed requests per route (default 30)
//   DATABASE_URL=postgresql://… npm run bench   use a throw-away database on that server
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { prismaClientMissing, ROOT } from "../../scripts/lib/env";
import { npx } from "../../scripts/lib/run";
import { DEMO_PASSWORD } from "../../prisma/demo-org";
import {
  assetMeter,
  guardBuildRewrites,
  kB,
  percentile,
  runTracked,
  pageScripts,
  signIn,
  spawnService,
  stopProcess,
  throwawayDatabase,
  waitFor200,
  type Asset,
  type CookieJar,
} from "./lib";

// ---------------------------------------------------------------------------------------------
// What to measure. Add routes here; add a budget when a route must stay small.

/** Who requests the route: signed out, or one of the demo users signed in. */
const USERS = {
  ADMIN: "admin@keystone.demo",
  KAM: "east.kam1@keystone.demo",
} as const;
type UserKey = keyof typeof USERS;

const ROUTES: { path: string; user: UserKey | null }[] = [
  { path: "/login", user: null },
  { path: "/", user: "KAM" },
  { path: "/", user: "ADMIN" },
  { path: "/admin/users", user: "ADMIN" },
  { path: "/admin/teams", user: "ADMIN" },
  { path: "/admin/territories", user: "ADMIN" },
  { path: "/admin/audit", user: "ADMIN" },
  { path: "/api/health", user: null },
];

/** First-load JS budgets, kB (1000 bytes) after gzip -9, per path (every user measured on it). */
const JS_BUDGETS_KB_GZIP: Record<string, number> = {
  "/login": 150,
  "/": 150,
};

const DIST_DIR = ".next-bench";
const WARMUP_RUNS = 5;
const TIMED_RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 30);

// ---------------------------------------------------------------------------------------------
// Clean-up: registered as resources appear, run in reverse order once, on success, error or signal.

type Cleanup = { label: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | null = null;
let interrupted = false;

/** Registers a clean-up step; returns a function that unregisters it (when done another way). */
function onCleanup(label: string, run: Cleanup["run"]): () => void {
  const entry = { label, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    // Pop one at a time: steps registered or unregistered meanwhile are honoured.
    for (let step = cleanups.pop(); step; step = cleanups.pop()) {
      try {
        await step.run();
      } catch (error) {
        console.error(
          `[bench] clean-up "${step.label}" failed:`,
          error instanceof Error ? error.message : error,
        );
      }
    }
  })();
  return cleaning;
}

/** Called before starting anything new, so nothing starts once a clean-up is under way. */
function notInterrupted(): void {
  if (interrupted) throw new Error("interrupted");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return; // a second Ctrl-C while cleaning up: let the clean-up finish
    interrupted = true;
    console.error(`\n[bench] ${signal}: cleaning up…`);
    void cleanUp().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------

type Result = {
  path: string;
  user: string;
  status: number | "ERR";
  error?: string;
  assets: Asset[]; // first-load JS
  nomodule: Asset[]; // legacy polyfills, reported but not counted
  times: number[]; // ms, ascending
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function getDatabase(): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `keystone_bench_${Date.now()}`;
    // Registered before it exists: an interrupt during CREATE must still drop it.
    const tmp = throwawayDatabase(serverUrl, name);
    onCleanup(`drop database ${name}`, () =>
      tmp.drop().then(() => console.log(`[bench] dropped database ${name}`)),
    );
    await tmp.created;
    console.log(`[bench] database: throw-away ${name} on ${new URL(serverUrl).host}`);
    return tmp.url;
  }
  const starting = startEmbeddedDatabase({ dataDir: null });
  onCleanup("stop embedded database", async () => {
    const embedded = await starting.catch(() => null);
    if (embedded) await embedded.stop().then(() => console.log("[bench] embedded database stopped"));
  });
  const embedded = await starting;
  console.log(`[bench] database: embedded PGlite in memory on port ${embedded.port}`);
  return embedded.url;
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  if (process.argv.includes("--no-build") && fs.existsSync(buildId)) {
    const age = Date.now() - fs.statSync(buildId).mtimeMs;
    console.log(
      `[bench] build: skipped (--no-build); reusing ${DIST_DIR} built ${Math.round(age / 60_000)} min ago`,
    );
    return;
  }
  if (process.argv.includes("--no-build"))
    console.log(`[bench] --no-build, but ${DIST_DIR} has no build yet`);
  console.log(`[bench] building the production app into ${DIST_DIR}…`);
  const guard = guardBuildRewrites(ROOT, DIST_DIR);
  let child: ChildProcess | null = null;
  // Registered in this order so that on interrupt the build stops before the files are restored.
  const unregisterRestore = onCleanup("restore tsconfig.json / next-env.d.ts", () => guard.restore());
  const unregisterStop = onCleanup("stop build", async () => {
    if (child) await stopProcess(child);
  });
  notInterrupted();
  const started = performance.now();
  // Spawn Next's CLI with node directly (not via npx) so the pid we stop is the build itself.
  const code = await runTracked(
    process.execPath,
    [nextBin(), "build"],
    { cwd: ROOT, env },
    (c) => (child = c),
  );
  unregisterStop();
  unregisterRestore();
  guard.restore();
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  console.log(`[bench] build: ${seconds(performance.now() - started)}`);
}

const nextBin = () => path.join(ROOT, "node_modules/next/dist/bin/next");

async function measure(
  base: string,
  route: (typeof ROUTES)[number],
  jar: CookieJar | null,
  meter: (url: string) => Promise<Asset>,
): Promise<Result> {
  const result: Result = {
    path: route.path,
    user: route.user ?? "signed out",
    status: "ERR",
    assets: [],
    nomodule: [],
    times: [],
  };
  const get = async () => {
    if (interrupted) throw new Error("interrupted");
    const res = await fetch(base + route.path, {
      redirect: "manual", // a redirect to /login must show as 307, not as the sign-in page
      headers: {
        accept: "text/html,application/xhtml+xml,*/*;q=0.8",
        ...(jar ? { cookie: jar.header() } : {}),
      },
    });
    // The proxy refreshes the session cookie now and then; keep it like a browser would.
    jar?.update(res);
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
  };
  try {
    const first = await get();
    result.status = first.status;
    if (first.status !== 200) return result;
    if (first.type.includes("html")) {
      const scripts = pageScripts(first.body, base);
      result.assets = await Promise.all(scripts.loaded.map(meter));
      result.nomodule = await Promise.all(scripts.nomodule.map(meter));
    }
    for (let i = 0; i < WARMUP_RUNS; i++) await get();
    for (let i = 0; i < TIMED_RUNS; i++) {
      const t0 = performance.now();
      // Time to the whole body: pages stream, and the user waits for all of it.
      const { status } = await get();
      result.times.push(performance.now() - t0);
      if (status !== 200) throw new Error(`answered ${status} on timed request ${i + 1}`);
    }
    result.times.sort((a, b) => a - b);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    result.status = "ERR";
  }
  return result;
}

function report(results: Result[]): boolean {
  const sum = (assets: Asset[], key: "raw" | "gzip") => assets.reduce((n, a) => n + a[key], 0);
  const rows = results.map((r) => {
    const ok = r.status === 200;
    const ms = (p: number) => (ok && r.times.length ? percentile(r.times, p).toFixed(1) : "—");
    return [
      r.path,
      r.user,
      String(r.status),
      ok ? String(r.assets.length) : "—",
      ok ? kB(sum(r.assets, "gzip")) : "—",
      ok ? kB(sum(r.assets, "raw")) : "—",
      ms(50),
      ms(95),
      ok && r.times.length ? r.times[r.times.length - 1]!.toFixed(1) : "—",
    ];
  });
  const header = [
    "route",
    "user",
    "status",
    "scripts",
    "JS gzip kB",
    "JS raw kB",
    "p50 ms",
    "p95 ms",
    "max ms",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  // Timings are only as quiet as the machine: show how busy it was.
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(
    `\nRoutes (${TIMED_RUNS} timed requests each after ${WARMUP_RUNS} warm-up, sequential; kB = 1000 bytes;`,
  );
  console.log(`load average ${load} on ${os.cpus().length} CPUs)\n`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.error) console.log(`  ${r.path} (${r.user}): ${r.error}`);
  const polyfills = new Map(results.flatMap((r) => r.nomodule.map((a) => [a.url, a] as const)));
  for (const a of polyfills.values()) {
    const name = new URL(a.url).pathname.replace("/_next/static/", "");
    console.log(
      `  not counted: <script nomodule> ${name} ${kB(a.gzip)} kB gzip (${kB(a.raw)} raw), skipped by modern browsers`,
    );
  }

  // The largest chunks across all pages: where to look first when a budget fails.
  const seen = new Map<string, { asset: Asset; routes: Set<string> }>();
  for (const r of results) {
    for (const a of r.assets) {
      const entry = seen.get(a.url) ?? { asset: a, routes: new Set<string>() };
      entry.routes.add(r.path);
      seen.set(a.url, entry);
    }
  }
  const top = [...seen.values()].sort((a, b) => b.asset.gzip - a.asset.gzip).slice(0, 8);
  if (top.length) {
    console.log("\nLargest scripts (gzip kB / raw kB, routes loading them):");
    for (const { asset, routes } of top) {
      const name = new URL(asset.url).pathname.replace("/_next/static/", "");
      console.log(
        `  ${kB(asset.gzip).padStart(6)}  ${kB(asset.raw).padStart(7)}  ${name}  [${[...routes].join(", ")}]`,
      );
    }
  }

  console.log("\nBudgets (first-load JS, gzip):");
  let allPass = true;
  for (const r of results) {
    const budget = JS_BUDGETS_KB_GZIP[r.path];
    if (budget === undefined) continue;
    const gzipKb = sum(r.assets, "gzip") / 1000;
    const pass = r.status === 200 && gzipKb <= budget;
    allPass &&= pass;
    const detail =
      r.status !== 200
        ? `status ${r.status}, cannot measure (budget ${budget} kB)`
        : `${gzipKb.toFixed(1)} kB ${pass ? "≤" : ">"} ${budget} kB`;
    console.log(`  ${pass ? "PASS" : "FAIL"}  ${r.path} (${r.user})  ${detail}`);
  }
  return allPass;
}

async function main(): Promise<number> {
  const started = performance.now();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!Number.isInteger(TIMED_RUNS) || TIMED_RUNS < 1) throw new Error("--runs must be a positive integer");
  if (prismaClientMissing()) await npx(["prisma", "generate"], { cwd: ROOT });

  const url = await getDatabase();
  await migrateDeploy(url);
  const { seedIfEmpty } = await import("../../prisma/seed");
  if (!(await seedIfEmpty(url))) throw new Error("the fresh database already had users");
  console.log("[bench] demo data seeded");

  const port = await freePort();
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: crypto.randomUUID(),
    NEXTAUTH_URL: base,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  // Built with the benchmark's database in the environment, in case a page is rendered at build time.
  await build(env);

  notInterrupted();
  const server = spawnService(process.execPath, [nextBin(), "start", "-p", String(port)], { cwd: ROOT, env });
  onCleanup("stop next start", () =>
    stopProcess(server.child).then(() => console.log("[bench] server stopped")),
  );
  try {
    const waited = await waitFor200(`${base}/api/health`, server.child);
    console.log(`[bench] next start on ${base}: healthy after ${seconds(waited)}`);
  } catch (error) {
    console.error(server.log());
    throw error;
  }

  const jars = new Map<UserKey, CookieJar>();
  for (const key of Object.keys(USERS) as UserKey[]) {
    jars.set(key, await signIn(base, USERS[key], DEMO_PASSWORD));
    console.log(`[bench] signed in as ${key} (${USERS[key]})`);
  }

  const meter = assetMeter();
  const results: Result[] = [];
  for (const route of ROUTES) {
    results.push(await measure(base, route, route.user ? jars.get(route.user)! : null, meter));
  }
  if (interrupted) return 130;
  const pass = report(results);
  if (results.some((r) => r.status === "ERR" || r.status >= 500)) {
    console.log("\nServer log (last lines):\n" + server.log().split("\n").slice(-30).join("\n"));
  }
  console.log(
    `\n[bench] ${pass ? "all budgets pass" : "BUDGET FAILED"} — total run ${seconds(performance.now() - started)}`,
  );
  return pass ? 0 : 1;
}

main()
  .catch((error) => {
    // After an interrupt, failures are just the clean-up pulling resources away.
    if (!interrupted) console.error("[bench] failed:", error instanceof Error ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await cleanUp();
    process.exit(interrupted ? 130 : code);
  });
