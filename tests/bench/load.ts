// `npm run bench:load`: many signed-in people using Keystone at once (a report, not a test).
// Builds into .next-bench (shared with `npm run bench`), starts the production server on a fresh
// seeded database, signs in N sessions spread over the demo users, and lets each cycle through the
// main pages with no think time: home, the account list, one of its accounts, the board, one of its
// deals, agreements. Prints pages/s, p50/p95/p99 and errors per page (any answer but a 200 — a 500,
// a redirect to sign-in — or a 200 page that rendered an error), the server's CPU time per page
// and the load average, then the targets: p95 ≤ 500 ms with 25 users (a machine-dependent figure,
// reported only) and no errors (exit 1 otherwise).
//
//   npm run bench:load                         25 users for 60 s; on a throw-away database on
//                                              DATABASE_URL's server, then on embedded PGlite
//   npm run bench:load -- --users=50 --duration=30   (or LOAD_USERS, LOAD_DURATION in seconds)
//   npm run bench:load -- --db=postgres        only one database: postgres | embedded | both
//   npm run bench:load -- --restart-db         PostgreSQL run on a private cluster (pg-cluster.ts)
//                                              restarted half-way, and what users saw around it
//   npm run bench:load -- --profile            the server runs with --cpu-prof; prints its hottest
//                                              functions; the profile stays in .next-profiles/
//   npm run bench:load -- --db=postgres --compare=KEYSTONE_QUERY_PLAN_CACHE=0
//                                              a second server with those variables beside the
//                                              first, users dealt to each: an A/B on one machine
//   npm run bench:load -- --node-args="--max-semi-space-size=32"   flags for the server's node
//   npm run bench:load -- --no-build           reuse .next-bench
//   BENCH_PORT=3242                            serve on that port (default: a free one)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-org";
import { ROOT } from "../../scripts/lib/env";
import {
  build,
  interrupted,
  notInterrupted,
  onCleanup,
  runBench,
  seconds,
  seededDatabase,
  serverEnv,
  serverPort,
  startServer,
  type BenchServer,
} from "./harness";
import { firstLink, getPage, isErrorPage, percentile, signIn, type CookieJar } from "./lib";
import { startPrivateCluster, type PrivateCluster } from "./pg-cluster";
import { summariseProfiles } from "./profile";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const USERS = Number(arg("users") ?? process.env.LOAD_USERS ?? 25);
const DURATION_S = Number(arg("duration") ?? process.env.LOAD_DURATION ?? 60);
const RESTART = process.argv.includes("--restart-db");
const PROFILE = process.argv.includes("--profile");
/**
 * --compare="NAME=value …": a second server with those environment variables runs beside the first
 * on the same database, the users dealt to each in turn, so both meet the same machine at the same
 * time (e.g. --compare=KEYSTONE_QUERY_PLAN_CACHE=0). PostgreSQL only.
 */
const COMPARE = Object.fromEntries(
  (arg("compare") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
);
/** Extra flags for the server's node, to try runtime settings (e.g. --max-semi-space-size=32). */
const NODE_ARGS = (arg("node-args") ?? "").split(/\s+/).filter(Boolean);
const DIST_DIR = ".next-bench";
const TARGET_P95_MS = 500;

/** The pages each user cycles through; records are found on the list pages (no seed ids here). */
const ID = "[A-Za-z0-9_-]+";
const PAGES: { label: string; path?: string; from?: string; open?: RegExp }[] = [
  { label: "home", path: "/" },
  { label: "accounts", path: "/accounts" },
  { label: "account", from: "/accounts", open: new RegExp(`^/accounts/(?!new$|import$|segments$)${ID}$`) },
  { label: "board", path: "/pipeline" },
  { label: "deal", from: "/pipeline", open: new RegExp(`^/deals/${ID}$`) },
  { label: "agreements", path: "/agreements" },
];

/** A server under load: the one being measured, or (--compare) its variant beside it. */
type Target = { name: string; server: BenchServer };
type Session = {
  email: string;
  jar: CookieJar;
  paths: { label: string; path: string }[];
  target: number;
};
type Sample = {
  target: number;
  label: string;
  start: number;
  end: number;
  status: number | "ERR";
  error: boolean;
  bytes: number;
};

/**
 * Signs in `count` sessions over the demo users in turn, dealt to the targets in turn, and finds
 * each one's account and deal.
 */
async function signInSessions(targets: Target[], count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  const found = new Map<string, Session["paths"]>();
  for (let i = 0; i < count; i++) {
    notInterrupted();
    const target = i % targets.length;
    const base = targets[target]!.server.base;
    // Side by side, each server gets the same people: user n goes to both before user n + 1.
    const email = DEMO_USERS[Math.floor(i / targets.length) % DEMO_USERS.length]!.email;
    const jar = await signIn(base, email, DEMO_PASSWORD);
    let paths = found.get(email);
    if (!paths) {
      paths = [];
      for (const page of PAGES) {
        if (page.path) {
          paths.push({ label: page.label, path: page.path });
          continue;
        }
        const list = await getPage(base, page.from!, jar);
        const href = list.status === 200 ? firstLink(list.body, page.open!) : null;
        // A person with no deal in scope simply does not open one.
        if (href) paths.push({ label: page.label, path: href });
      }
      found.set(email, paths);
    }
    sessions.push({ email, jar, paths, target });
  }
  return sessions;
}

/** One user's loop: the next page as soon as the last one has arrived, until `until`. */
async function runUser(base: string, session: Session, offset: number, until: number, out: Sample[]) {
  const target = session.target;
  for (let i = offset; performance.now() < until && !interrupted(); i++) {
    const page = session.paths[i % session.paths.length]!;
    const start = performance.now();
    let status: Sample["status"] = "ERR";
    let error = true;
    let bytes = 0;
    try {
      const res = await getPage(base, page.path, session.jar);
      status = res.status;
      bytes = Buffer.byteLength(res.body);
      // A redirect (to the sign-in page) is as much a failure for the person as a 500.
      error = res.status !== 200 || isErrorPage(res.body);
    } catch {
      // refused or reset: counted as an error
    }
    out.push({ target, label: page.label, start, end: performance.now(), status, error, bytes });
  }
}

/** CPU milliseconds used so far by the processes of the server's group (Linux /proc; else NaN). */
function groupCpuMs(pgid: number): number {
  if (!fs.existsSync("/proc/self/stat")) return NaN;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

type RunResult = {
  name: string;
  samples: Sample[];
  t0: number;
  seconds: number;
  targets: string[];
  /** Server CPU per target. */
  cpuMs: number[];
  /** The embedded database's CPU (its own process), when it has one. */
  dbCpuMs: number;
  load: [number, number];
  restart?: { at: number; ms: number };
};

async function loadRun(
  name: string,
  targets: Target[],
  cluster: PrivateCluster | null,
  dbPid: number | undefined,
): Promise<RunResult> {
  const sessions = await signInSessions(targets, USERS);
  console.log(
    `[bench] ${name}: ${sessions.length} sessions signed in over ${new Set(sessions.map((s) => s.email)).size} users`,
  );
  const baseOf = (s: Session) => targets[s.target]!.server.base;
  // Warm-up, not counted: one round of every page per session (JIT, caches, pool connections).
  await Promise.all(
    sessions.map(async (s) => {
      for (const p of s.paths) await getPage(baseOf(s), p.path, s.jar).catch(() => null);
    }),
  );
  notInterrupted();

  const samples: Sample[] = [];
  const loadBefore = os.loadavg()[0]!;
  const cpu = () => targets.map((t) => groupCpuMs(t.server.child.pid!));
  const dbCpu = () => (dbPid ? groupCpuMs(dbPid) : NaN);
  const cpuBefore = cpu();
  const dbCpuBefore = dbCpu();
  const t0 = performance.now();
  const until = t0 + DURATION_S * 1000;
  let restart: RunResult["restart"];
  const restarting = cluster
    ? (async () => {
        await new Promise((r) => setTimeout(r, (DURATION_S * 1000) / 2));
        if (interrupted()) return;
        const at = performance.now();
        console.log(`[bench] ${name}: restarting PostgreSQL (pg_ctl restart -m fast)…`);
        const { ms } = await cluster.restart();
        restart = { at, ms };
        console.log(`[bench] ${name}: PostgreSQL back after ${ms.toFixed(0)} ms`);
      })()
    : Promise.resolve();
  await Promise.all([...sessions.map((s, i) => runUser(baseOf(s), s, i, until, samples)), restarting]);
  const elapsed = (performance.now() - t0) / 1000;
  const cpuAfter = cpu();
  return {
    name,
    samples,
    t0,
    seconds: elapsed,
    targets: targets.map((t) => t.name),
    cpuMs: cpuAfter.map((ms, i) => ms - cpuBefore[i]!),
    dbCpuMs: dbCpu() - dbCpuBefore,
    load: [loadBefore, os.loadavg()[0]!],
    restart,
  };
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function report(run: RunResult): void {
  const ms = (xs: number[], p: number) => (xs.length ? percentile(xs, p).toFixed(0) : "—");
  const row = (label: string, xs: Sample[]) => {
    const times = xs.map((s) => s.end - s.start).sort((a, b) => a - b);
    const errors = xs.filter((s) => s.error);
    const statuses = [...new Set(errors.map((s) => String(s.status)))].join(",");
    return [
      label,
      String(xs.length),
      (xs.length / run.seconds).toFixed(1),
      ms(times, 50),
      ms(times, 95),
      ms(times, 99),
      times.length ? times[times.length - 1]!.toFixed(0) : "—",
      xs.length ? (xs.reduce((n, s) => n + s.bytes, 0) / xs.length / 1000).toFixed(0) : "—",
      errors.length ? `${errors.length} (${statuses})` : "0",
    ];
  };
  console.log(
    `\n${run.name}: ${USERS} users, no think time, ${run.seconds.toFixed(1)} s; load average ${run.load[0].toFixed(1)} → ${run.load[1].toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  const labels = [...new Set(PAGES.map((p) => p.label))];
  run.targets.forEach((target, i) => {
    const mine = run.samples.filter((s) => s.target === i);
    if (run.targets.length > 1) console.log(`\n${target}:`);
    table(
      ["page", "requests", "pages/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "HTML kB", "errors"],
      [
        ...labels.map((l) =>
          row(
            l,
            mine.filter((s) => s.label === l),
          ),
        ),
        row("all", mine),
      ],
    );
    const cpuMs = run.cpuMs[i]!;
    console.log(
      `server CPU ${(cpuMs / 1000).toFixed(1)} s = ${(cpuMs / Math.max(1, mine.length)).toFixed(1)} ms per page (${((cpuMs / 1000 / run.seconds) * 100).toFixed(0)}% of one core)`,
    );
  });
  if (!Number.isNaN(run.dbCpuMs)) {
    console.log(
      `embedded database CPU ${(run.dbCpuMs / 1000).toFixed(1)} s = ${(run.dbCpuMs / Math.max(1, run.samples.length)).toFixed(1)} ms per page (${((run.dbCpuMs / 1000 / run.seconds) * 100).toFixed(0)}% of one core)`,
    );
  }
  if (run.targets.length > 1) {
    const perPage = run.cpuMs.map(
      (ms, i) => ms / Math.max(1, run.samples.filter((s) => s.target === i).length),
    );
    console.log(
      `\nCPU per page, ${run.targets[1]} / ${run.targets[0]}: ${(perPage[1]! / perPage[0]!).toFixed(2)} (same time, same machine, same database)`,
    );
  }
  if (run.restart) {
    const { at, ms: took } = run.restart;
    // What people saw around the restart: requests still running 1 s before it began, or started
    // before 5 s after the server was back.
    const near = run.samples.filter((s) => s.end >= at - 1000 && s.start <= at + took + 5000);
    const errors = near.filter((s) => s.error);
    const slowest = Math.max(0, ...near.map((s) => s.end - s.start));
    console.log(
      `restart at ${seconds(at - run.t0)}: pg_ctl restart took ${took.toFixed(0)} ms; ${near.length} requests around it (1 s before to 5 s after), ${errors.length} errors, slowest ${slowest.toFixed(0)} ms`,
    );
    for (const e of errors) {
      console.log(
        `  error: ${e.label} status ${e.status}, started ${((e.start - at) / 1000).toFixed(2)} s from the restart, took ${(e.end - e.start).toFixed(0)} ms`,
      );
    }
  }
  const all = run.samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  const errors = run.samples.filter((s) => s.error).length;
  console.log(
    `target p95 ≤ ${TARGET_P95_MS} ms with ${USERS} users: ${p95 <= TARGET_P95_MS ? "MET" : "NOT MET"} (${p95.toFixed(0)} ms); errors: ${errors === 0 ? "none" : `${errors} — FAIL`}`,
  );
}

async function main(): Promise<number> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!Number.isInteger(USERS) || USERS < 1) throw new Error("--users must be a positive integer");
  if (!(DURATION_S > 0)) throw new Error("--duration must be a positive number of seconds");
  const which = arg("db") ?? (RESTART ? "postgres" : process.env.DATABASE_URL ? "both" : "embedded");
  const kinds = which === "both" ? ["postgres", "embedded"] : [which];
  if (kinds.some((k) => k !== "postgres" && k !== "embedded"))
    throw new Error(`--db=${which}: postgres, embedded or both`);
  if (Object.keys(COMPARE).length && kinds.includes("embedded")) {
    // Two app processes on one PGlite would interleave their statements (one session for all).
    throw new Error("--compare runs on PostgreSQL only: add --db=postgres");
  }
  if (kinds.includes("postgres") && !RESTART && !process.env.DATABASE_URL) {
    throw new Error(
      "--db=postgres needs DATABASE_URL (a server to make a throw-away database on) or --restart-db",
    );
  }

  let built = false;
  const runs: RunResult[] = [];
  for (const kind of kinds) {
    notInterrupted();
    let cluster: PrivateCluster | null = null;
    if (kind === "postgres" && RESTART) {
      const starting = startPrivateCluster();
      onCleanup("stop the private PostgreSQL cluster", async () => {
        await (await starting.catch(() => null))?.stop();
        console.log("[bench] private PostgreSQL cluster stopped and removed");
      });
      cluster = await starting;
      console.log(
        `[bench] private PostgreSQL cluster on ${new URL(cluster.url).host} (it will be restarted)`,
      );
    }
    const db = await seededDatabase(kind === "embedded" ? null : (cluster?.url ?? process.env.DATABASE_URL!));
    const port = await serverPort();
    const env = serverEnv(db, port, DIST_DIR);
    if (!built) await build(DIST_DIR, env);
    built = true;
    // Outside the build folder, which the next build empties (.next-* is git-ignored).
    const profileDir = path.join(ROOT, ".next-profiles", `${kind}-${Date.now()}`);
    const nodeArgs = [...NODE_ARGS, ...(PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])];
    const targets: Target[] = [{ name: "as built", server: await startServer(port, env, nodeArgs) }];
    if (Object.keys(COMPARE).length) {
      const port2 = process.env.BENCH_PORT ? port + 1 : await serverPort();
      targets.push({
        name: Object.entries(COMPARE)
          .map(([k, v]) => `${k}=${v}`)
          .join(" "),
        server: await startServer(port2, { ...serverEnv(db, port2, DIST_DIR), ...COMPARE }, NODE_ARGS),
      });
    }
    try {
      runs.push(
        await loadRun(
          `${kind === "postgres" ? "PostgreSQL" : "embedded PGlite"} (${db.label})`,
          targets,
          cluster,
          db.pid,
        ),
      );
    } finally {
      // The profile is written when the server exits.
      for (const t of targets) await t.server.stop();
    }
    if (interrupted()) return 130;
    report(runs[runs.length - 1]!);
    if (PROFILE) summariseProfiles(profileDir);
    const errors = runs[runs.length - 1]!.samples.filter((s) => s.error).length;
    if (errors) {
      for (const t of targets) {
        console.log(
          `\nServer log, ${t.name} (last lines):\n` + t.server.log().split("\n").slice(-20).join("\n"),
        );
      }
    }
  }
  return runs.some((r) => r.samples.some((s) => s.error)) ? 1 : 0;
}

runBench(main);
