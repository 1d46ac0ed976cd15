// `npm run bench:lighthouse -- /visits/new`: a Lighthouse run (mobile form factor, Lighthouse's
// default simulated slow 4G and 4× CPU slowdown) of one page, signed in, in the machine's Chromium
// (/usr/bin/chromium, or CHROMIUM_PATH). Prints the performance and accessibility scores (the
// targets are ≥ 90 each; exits 1 below), the page's main metrics and any accessibility audit that
// failed. A report, not a test: the scores move with the machine's load.
//
//   npm run bench:lighthouse -- /visits/new
//       builds into .next-bench (--no-build reuses it), serves it on a fresh seeded database (a
//       throw-away one on DATABASE_URL's server, else embedded) and measures the page
//   npm run bench:lighthouse -- /visits/new --base=http://localhost:3000
//       measures a server already running (e.g. npm start)
//   --user=east.rep1@keystone.demo (who signs in; the demo password unless --password=)
//   --runs=3 (the median run's scores are printed, with every run's)
//   --json=report.json (the median run's full Lighthouse result)
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_PASSWORD } from "../../prisma/demo-org";
import { build, runBench, seededDatabase, serverEnv, serverPort, startServer } from "./harness";
import { signIn } from "./lib";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const page = process.argv.slice(2).find((a) => a.startsWith("/")) ?? "/visits/new";
const user = arg("user") ?? "east.rep1@keystone.demo";
const password = arg("password") ?? DEMO_PASSWORD;
const runs = Number(arg("runs") ?? 3);
const TARGET = 90;

type Run = {
  performance: number;
  accessibility: number;
  metrics: Record<string, string>;
  failedA11y: string[];
  lhr: unknown;
};

async function audit(url: string, cookie: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
    ],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error" },
      {
        extends: "lighthouse:default",
        settings: {
          formFactor: "mobile",
          onlyCategories: ["performance", "accessibility"],
          // The session: every request Lighthouse's Chromium makes carries the signed-in cookie.
          extraHeaders: { Cookie: cookie },
        },
      },
    );
    if (!result) throw new Error("Lighthouse returned no result");
    const lhr = result.lhr;
    // A page that redirected to sign-in would have been measured as the sign-in page: refuse that.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`${url} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
    }
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "—";
    const failedA11y = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter(
        (ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1,
      )
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]!.title}`);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      metrics: {
        FCP: metric("first-contentful-paint"),
        LCP: metric("largest-contentful-paint"),
        TBT: metric("total-blocking-time"),
        CLS: metric("cumulative-layout-shift"),
        SI: metric("speed-index"),
      },
      failedA11y,
      lhr,
    };
  } finally {
    await chrome.kill();
  }
}

async function main(): Promise<number> {
  let base = arg("base");
  if (!base) {
    const DIST_DIR = ".next-bench";
    const db = await seededDatabase(process.env.DATABASE_URL ?? null);
    const port = await serverPort();
    const env = serverEnv(db, port, DIST_DIR);
    await build(DIST_DIR, env);
    base = (await startServer(port, env)).base;
  }
  const jar = await signIn(base, user, password);
  const url = new URL(page, base).toString();
  console.log(`[lighthouse] ${url} as ${user}, mobile, ${runs} run(s)`);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await audit(url, jar.header());
    console.log(
      `[lighthouse] run ${i + 1}: performance ${run.performance}, accessibility ${run.accessibility}  ` +
        Object.entries(run.metrics)
          .map(([k, v]) => `${k} ${v}`)
          .join(", "),
    );
    results.push(run);
  }
  const median = [...results].sort((a, b) => a.performance - b.performance)[Math.floor(results.length / 2)]!;
  const jsonPath = arg("json");
  if (jsonPath) fs.writeFileSync(jsonPath, JSON.stringify(median.lhr, null, 2));
  console.log(
    `\nLighthouse (mobile) ${page}: performance ${median.performance}, accessibility ${median.accessibility}`,
  );
  for (const failed of median.failedA11y) console.log(`  accessibility audit failed: ${failed}`);
  const pass = median.performance >= TARGET && median.accessibility >= TARGET;
  console.log(`${pass ? "PASS" : "FAIL"}: target ≥ ${TARGET} for both`);
  return pass ? 0 : 1;
}

runBench(main);
