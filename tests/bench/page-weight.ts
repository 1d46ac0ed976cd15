// `npm run bench:weight -- /visits/new`: the first-load JavaScript (gzip -9) of a route, read from a
// production build's manifests — no server needed. It counts the framework's root chunks
// (build-manifest.json rootMainFiles) plus every chunk the route's client-reference manifest lists
// for its layouts, error boundaries and page (not the not-found and global-error pages, loaded
// only when shown); the legacy nomodule polyfills are left out, as modern
// browsers skip them. `npm run bench` measures the same from the served HTML (the authority for
// budgets); this is the quick check while working on one page.
//
//   npm run bench:weight -- /visits/new               the route in .next (or $NEXT_DIST_DIR)
//   npm run bench:weight -- /visits/new --dist=.next-bench --budget=150
//   npm run bench:weight -- --all                     every page route, heaviest first
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const distDir = path.resolve(arg("dist") ?? process.env.NEXT_DIST_DIR ?? ".next");
const budget = arg("budget") ? Number(arg("budget")) : null;
const route = process.argv.slice(2).find((a) => a.startsWith("/"));
const all = process.argv.includes("--all");

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/** The route ("/accounts/[accountId]") of a manifest key ("/(app)/accounts/[accountId]/page"). */
const routeOf = (key: string) => key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";

function pageManifests(): Map<string, ClientManifest> {
  const found = new Map<string, ClientManifest>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === "page_client-reference-manifest.js") {
        // The manifest is a script that assigns globalThis.__RSC_MANIFEST[key]; run it in a sandbox.
        const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
        vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
        for (const [key, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
          found.set(routeOf(key), manifest);
        }
      }
    }
  };
  walk(path.join(distDir, "server/app"));
  return found;
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function size(file: string) {
  let s = sizes.get(file);
  if (!s) {
    const body = fs.readFileSync(path.join(distDir, file.replace(/^\/?_next\//, "")));
    s = { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
    sizes.set(file, s);
  }
  return s;
}

// Loaded only when rendered (a missing page, a crashed root layout): not first-load JS, and not
// counted by `npm run bench` either, which reads the served HTML.
const ON_DEMAND = /\/(not-found|global-error)$/;

function firstLoad(manifest: ClientManifest, rootMain: string[]) {
  const files = new Set(rootMain);
  for (const [entry, chunks] of Object.entries(manifest.entryJSFiles ?? {})) {
    if (!ON_DEMAND.test(entry)) for (const c of chunks) files.add(c);
  }
  const list = [...files].map((f) => ({ file: f, ...size(f) }));
  return { list, gzip: list.reduce((n, f) => n + f.gzip, 0), raw: list.reduce((n, f) => n + f.raw, 0) };
}

if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir} (run next build, or pass --dist=.next-bench).`);
  process.exit(1);
}
if (!route && !all) {
  console.error("Usage: npm run bench:weight -- /route [--dist=DIR] [--budget=kB] | --all");
  process.exit(1);
}
const buildManifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};
const manifests = pageManifests();
const kB = (bytes: number) => (bytes / 1000).toFixed(1);

if (all) {
  const rows = [...manifests].map(([r, m]) => ({ route: r, ...firstLoad(m, buildManifest.rootMainFiles) }));
  rows.sort((a, b) => b.gzip - a.gzip);
  for (const r of rows)
    console.log(`${kB(r.gzip).padStart(7)} kB gzip  ${kB(r.raw).padStart(8)} kB raw  ${r.route}`);
  process.exit(0);
}
const manifest = manifests.get(route!);
if (!manifest) {
  console.error(`${route} is not a page of this build. Pages: ${[...manifests.keys()].sort().join(", ")}`);
  process.exit(1);
}
const result = firstLoad(manifest, buildManifest.rootMainFiles);
console.log(`First-load JavaScript of ${route} (${path.relative(process.cwd(), distDir) || distDir}):`);
for (const f of [...result.list].sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${kB(f.gzip).padStart(7)} kB gzip  ${kB(f.raw).padStart(8)} kB raw  ${f.file}`);
}
console.log(`  ${kB(result.gzip).padStart(7)} kB gzip  ${kB(result.raw).padStart(8)} kB raw  total`);
if (budget !== null) {
  const pass = result.gzip / 1000 <= budget;
  console.log(`${pass ? "PASS" : "FAIL"}: ${kB(result.gzip)} kB ${pass ? "≤" : ">"} ${budget} kB`);
  process.exit(pass ? 0 : 1);
}
