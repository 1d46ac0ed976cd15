// `npm test`: everything, in order of speed — format, lint, type check, unit tests, integration
// tests on a real PostgreSQL (TEST_DATABASE_URL, else embedded), then a production build and
// Playwright end-to-end tests in Chromium. Prints a summary line with the totals.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { seedE2e } from "../tests/e2e/seed-e2e";
import { createTestDatabase } from "../tests/support/test-database";
import { prismaClientMissing, ROOT } from "./lib/env";
import { npx, run } from "./lib/run";

type Step = {
  name: string;
  seconds: number;
  ok: boolean;
  passed?: number;
  failed?: number;
  skipped?: number;
};
const steps: Step[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wanted = (name: string) => only.length === 0 || only.includes(name);

async function step(name: string, fn: () => Promise<Partial<Step> | void>) {
  if (!wanted(name)) return;
  console.log(`\n━━ ${name} ━━`);
  const start = Date.now();
  let result: Partial<Step> | void = {};
  let ok = true;
  try {
    result = await fn();
  } catch (error) {
    ok = false;
    console.error(`✗ ${name}: ${error instanceof Error ? error.message : error}`);
  }
  steps.push({
    name,
    seconds: (Date.now() - start) / 1000,
    ok: ok && (result?.failed ?? 0) === 0,
    ...result,
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "keystone-test-"));

async function vitest(project: string): Promise<Partial<Step>> {
  const report = path.join(tmp, `${project}.json`);
  const code = await run(
    "npx",
    [
      "--no-install",
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { cwd: ROOT },
  );
  const json = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
  const counts = json
    ? {
        passed: json.numPassedTests,
        failed: json.numFailedTests,
        skipped: json.numPendingTests + json.numTodoTests,
      }
    : { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function playwright(): Promise<Partial<Step>> {
  const database = await createTestDatabase("e2e");
  try {
    const db = createDb(database.url, 2);
    await seedE2e(db);
    await db.$disconnect();
    const env = {
      ...process.env,
      E2E_DATABASE_URL: database.url,
      // One connection to the embedded database (see scripts/start.ts).
      ...(database.kind === "embedded" ? { DATABASE_POOL_MAX: "1" } : {}),
      NEXT_DIST_DIR: ".next-e2e",
      NEXTAUTH_SECRET: "build-time-placeholder",
    };
    // Always test a build of the current sources.
    fs.rmSync(path.join(ROOT, ".next-e2e"), { recursive: true, force: true });
    await npx(["next", "build"], { cwd: ROOT, env });
    const report = path.join(tmp, "e2e.json");
    const code = await run("npx", ["--no-install", "playwright", "test"], {
      cwd: ROOT,
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    });
    const json = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
    const s = json?.stats;
    const counts = s
      ? { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped }
      : { passed: 0, failed: 1 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    await database.drop();
  }
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (prismaClientMissing()) await npx(["prisma", "generate"], { cwd: ROOT });
  await step("format", () => npx(["prettier", "--check", "."], { cwd: ROOT }));
  await step("lint", () => npx(["eslint", ".", "--max-warnings", "0"], { cwd: ROOT }));
  await step("typecheck", () => npx(["tsc", "--noEmit"], { cwd: ROOT }));
  await step("unit", () => vitest("unit"));
  await step("integration", () => vitest("integration"));
  await step("e2e", playwright);

  console.log("\n━━ summary ━━");
  for (const s of steps) {
    const counts =
      s.passed !== undefined
        ? `  ${s.passed} passed, ${s.failed ?? 0} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`
        : "";
    console.log(`${s.ok ? "✓" : "✗"} ${s.name.padEnd(12)} ${s.seconds.toFixed(1).padStart(6)} s${counts}`);
  }
  const passed = steps.reduce((n, s) => n + (s.passed ?? 0), 0);
  const failed = steps.reduce((n, s) => n + (s.failed ?? 0) + (s.ok || s.failed ? 0 : 1), 0);
  const seconds = steps.reduce((n, s) => n + s.seconds, 0);
  console.log(`total time ${seconds.toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
