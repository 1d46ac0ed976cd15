// What the HTTP benchmarks (routes.ts, load.ts) share: clean-up on success, error or Ctrl-C; a
// fresh seeded database; a production build in its own folder; `next start` on it.
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { prismaClientMissing, ROOT } from "../../scripts/lib/env";
import { npx, SERVER_NODE_ARGS } from "../../scripts/lib/run";
import {
  guardBuildRewrites,
  runTracked,
  spawnService,
  stopProcess,
  throwawayDatabase,
  waitFor200,
} from "./lib";

// ---------------------------------------------------------------------------------------------
// Clean-up: registered as resources appear, run in reverse order once, on success, error or signal.

type Cleanup = { label: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | null = null;
let interruptedBy: NodeJS.Signals | null = null;

export const interrupted = () => interruptedBy !== null;

/** Registers a clean-up step; returns a function that unregisters it (when done another way). */
export function onCleanup(label: string, run: Cleanup["run"]): () => void {
  const entry = { label, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export function cleanUp(): Promise<void> {
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
export function notInterrupted(): void {
  if (interruptedBy) throw new Error("interrupted");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interruptedBy) return; // a second Ctrl-C while cleaning up: let the clean-up finish
    interruptedBy = signal;
    console.error(`\n[bench] ${signal}: cleaning up…`);
    void cleanUp().then(() => process.exit(130));
  });
}

/** Runs `main`, then the clean-up, and exits with its code (130 after an interrupt). */
export function runBench(main: () => Promise<number>): void {
  main()
    .catch((error) => {
      // After an interrupt, failures are just the clean-up pulling resources away.
      if (!interruptedBy) console.error("[bench] failed:", error instanceof Error ? error.message : error);
      return 1;
    })
    .then(async (code) => {
      await cleanUp();
      process.exit(interruptedBy ? 130 : code);
    });
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Database

export type BenchDatabase = {
  url: string;
  kind: "postgres" | "embedded";
  label: string;
  /** The embedded database's own process (for its CPU time). */
  pid?: number;
};

/**
 * A fresh, migrated database with the demo company: a throw-away database on the PostgreSQL
 * server of `serverUrl`, or (null) an in-memory embedded PGlite. Dropped or stopped at clean-up.
 */
export async function seededDatabase(serverUrl: string | null): Promise<BenchDatabase> {
  if (prismaClientMissing()) await npx(["prisma", "generate"], { cwd: ROOT });
  let db: BenchDatabase;
  if (serverUrl) {
    const name = `keystone_bench_${Date.now()}`;
    // Registered before it exists: an interrupt during CREATE must still drop it.
    const tmp = throwawayDatabase(serverUrl, name);
    onCleanup(`drop database ${name}`, () =>
      tmp.drop().then(() => console.log(`[bench] dropped database ${name}`)),
    );
    await tmp.created;
    db = { url: tmp.url, kind: "postgres", label: `throw-away ${name} on ${new URL(serverUrl).host}` };
  } else {
    // In a process of its own, as npm start serves it: not on the load generator's event loop.
    const service = spawnService(process.execPath, ["--import", "tsx", "tests/bench/embedded-server.ts"], {
      cwd: ROOT,
      env: process.env,
    });
    onCleanup("stop embedded database", () =>
      stopProcess(service.child).then(() => console.log("[bench] embedded database stopped")),
    );
    const started = performance.now();
    let url: string | undefined;
    while (!(url = /^url=(.+)$/m.exec(service.log())?.[1])) {
      notInterrupted();
      if (service.child.exitCode !== null || performance.now() - started > 60_000) {
        throw new Error(`the embedded database did not start:\n${service.log()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    db = {
      url,
      kind: "embedded",
      label: `embedded PGlite in memory on port ${new URL(url).port}`,
      pid: service.child.pid,
    };
  }
  console.log(`[bench] database: ${db.label}`);
  await migrateDeploy(db.url, { quiet: true });
  const { seedIfEmpty } = await import("../../prisma/seed");
  if (!(await seedIfEmpty(db.url))) throw new Error("the fresh database already had users");
  console.log("[bench] demo data seeded");
  return db;
}

// ---------------------------------------------------------------------------------------------
// Build and server

const nextBin = () => path.join(ROOT, "node_modules/next/dist/bin/next");

/** The environment of a production server on `port` over `db` (built with the same). */
export function serverEnv(db: BenchDatabase, port: number, distDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    // PGlite serves every socket from one session: one connection and one server process, as
    // scripts/start.ts runs it. On PostgreSQL the server starts one worker per core, as npm start
    // does (BENCH_WORKERS overrides, e.g. 1 to measure a single process).
    ...(db.kind === "embedded"
      ? { DATABASE_POOL_MAX: "1", WEB_CONCURRENCY: "1" }
      : process.env.BENCH_WORKERS
        ? { WEB_CONCURRENCY: process.env.BENCH_WORKERS }
        : {}),
    NEXTAUTH_SECRET: crypto.randomUUID(),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
}

/** `next build` into `distDir`, unless --no-build and a build is there. */
export async function build(distDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  if (process.argv.includes("--no-build") && fs.existsSync(buildId)) {
    const age = Date.now() - fs.statSync(buildId).mtimeMs;
    console.log(
      `[bench] build: skipped (--no-build); reusing ${distDir} built ${Math.round(age / 60_000)} min ago`,
    );
    return;
  }
  if (process.argv.includes("--no-build")) console.log(`[bench] --no-build, but ${distDir} has no build yet`);
  console.log(`[bench] building the production app into ${distDir}…`);
  const guard = guardBuildRewrites(ROOT, distDir);
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

export type BenchServer = { base: string; child: ChildProcess; log: () => string; stop: () => Promise<void> };

/**
 * Keystone's server (scripts/server.ts: Next.js behind the client-address check, as `npm start`
 * runs it) on `port` with `env` (and `nodeArgs` for node itself, e.g. --cpu-prof, which
 * NODE_OPTIONS refuses); resolves once /api/health answers 200.
 */
export async function startServer(
  port: number,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<BenchServer> {
  notInterrupted();
  const base = `http://localhost:${port}`;
  const server = spawnService(
    process.execPath,
    [...SERVER_NODE_ARGS, ...nodeArgs, "--import", "tsx", "scripts/server.ts"],
    {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production", PORT: String(port) },
    },
  );
  const unregister = onCleanup("stop the server", () =>
    stopProcess(server.child).then(() => console.log("[bench] server stopped")),
  );
  try {
    const waited = await waitFor200(`${base}/api/health`, server.child);
    console.log(`[bench] server on ${base}: healthy after ${seconds(waited)}`);
  } catch (error) {
    console.error(server.log());
    throw error;
  }
  return {
    base,
    ...server,
    stop: async () => {
      unregister();
      await stopProcess(server.child);
    },
  };
}

/** A port for the server: BENCH_PORT when set (a session given its own ports), else a free one. */
export async function serverPort(): Promise<number> {
  return process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : freePort();
}
