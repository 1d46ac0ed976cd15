// Reads the V8 CPU profiles a server wrote (node --cpu-prof) and prints where its time went: self
// time by part of the stack (React, Next, Prisma, the pg driver, i18n, the session, GC, sockets…),
// the app's own functions with what they call, and the hottest functions. Open the .cpuprofile
// files in Chrome DevTools (Performance › Load profile) for the full call tree.
//
//   npx tsx tests/bench/profile.ts <folder of .cpuprofile files> [rows]
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

// Bundled server chunks (and Next's precompiled runtime) come with source maps: a frame in one is
// credited to its original file.
const maps = new Map<string, SourceMap | null>();
function originalFile(url: string, line: number, column: number): string | null {
  if (!url.startsWith("file://") || !url.endsWith(".js")) return null;
  const file = fileURLToPath(url);
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const entry = map?.findEntry(line, column) as { originalSource?: string } | undefined;
  if (!entry?.originalSource) return null;
  return path.relative(path.dirname(file), entry.originalSource).replace(/^(\.\.\/)+/, "");
}

/** The package a path lies in: the last node_modules/<name> (pnpm nests them). */
function packageOf(file: string): string | undefined {
  return /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(decodeURIComponent(file))?.[1];
}

/** The part of the stack a frame belongs to, from its package (or, in a bundle, its source). */
function partOf(url: string, file: string): string | null {
  if (url.startsWith("wasm://")) return "Prisma query compiler (WebAssembly)";
  if (url.startsWith("node:internal/crypto/hkdf")) return "session cookie (next-auth JWE: HKDF, jose)";
  if (url === "node:zlib" || url.startsWith("node:internal/zlib")) return "gzip of responses";
  if (/^node:(net|internal\/stream_base_commons|internal\/net)/.test(url))
    return "sockets (writing responses)";
  if (/^node:(stream|internal\/streams|internal\/webstreams)/.test(url)) return "node streams";
  if (/^node:(internal\/process|internal\/timers|timers|async_hooks|internal\/async_hooks)/.test(url))
    return "event loop, promises, async hooks";
  if (url.startsWith("node:")) return "node, other";
  if (/react-dom-server/.test(file)) return "React: HTML rendering (SSR)";
  if (/react-server-dom-[^/]*-server/.test(file)) return "React: server components (RSC payload)";
  if (/react-server-dom-[^/]*-client/.test(file)) return "React: reading the RSC payload for SSR";
  const raw = packageOf(url);
  const pkg = raw && raw !== "next" ? raw : (packageOf(file) ?? raw);
  if (pkg) {
    if (pkg.startsWith("@prisma/") || pkg === "prisma") return "Prisma client";
    if (/^(pg|pg-pool|pg-protocol|pg-types|postgres-.*)$/.test(pkg)) return "pg driver";
    // formatjs's own source maps lose their folder once bundled: node_modules/core.ts, formatters.ts.
    if (/^(use-intl|next-intl|intl-messageformat|@formatjs\/.*|[\w-]+\.ts)$/.test(pkg))
      return "i18n (next-intl, formatjs)";
    if (/^(next-auth|jose|@panva\/hkdf)$/.test(pkg)) return "session cookie (next-auth JWE: HKDF, jose)";
    if (pkg === "next" || pkg === "@next/env") return "Next.js server";
    if (/^(react|react-dom)$/.test(pkg)) return "React: HTML rendering (SSR)";
    return `other packages (${pkg})`;
  }
  if (/(^|\/)lib\/db\//.test(file)) return "Prisma client";
  if (/(^|\/)(lib\/auth\/|proxy\.ts)/.test(file)) return "session cookie (next-auth JWE: HKDF, jose)";
  if (/(^|\/)lib\/i18n\//.test(file)) return "i18n (next-intl, formatjs)";
  if (/(^|\/)(app|components|lib)\//.test(file)) return "the app's own code";
  if (/client-engine-runtime|src\/runtime\//.test(file)) return "Prisma client";
  if (file.startsWith("file://") || file.includes("[turbopack]") || file.startsWith("src/"))
    return "Next.js server";
  return null;
}

export function summariseProfiles(dir: string, top = 15): void {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : [];
  if (!files.length) {
    console.log(`[bench] no CPU profile in ${dir}`);
    return;
  }
  for (const name of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

    type Frame = { part: string; key: string; app: boolean };
    const frames = new Map<number, Frame>();
    const frameOf = (id: number): Frame => {
      let f = frames.get(id);
      if (f) return f;
      const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
      const file = originalFile(url, lineNumber, columnNumber) ?? url;
      const where = file.replace(/^.*?node_modules\//, "").replace(/^file:\/\//, "");
      const key = `${functionName || "(anonymous)"}  ${where}${url ? `:${lineNumber + 1}` : ""}`;
      let part = partOf(url, file);
      if (functionName === "(garbage collector)") part = "V8 garbage collection";
      else if (!part && parent.has(id) && !functionName.startsWith("(")) part = frameOf(parent.get(id)!).part;
      f = { part: part ?? "V8 and native, other", key, app: part === "the app's own code" };
      frames.set(id, f);
      return f;
    };

    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    let busy = 0;
    const parts = new Map<string, number>();
    const hottest = new Map<string, number>();
    const appInclusive = new Map<string, number>();
    for (const [id, t] of self) {
      if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
      busy += t;
      const f = frameOf(id);
      parts.set(f.part, (parts.get(f.part) ?? 0) + t);
      hottest.set(f.key, (hottest.get(f.key) ?? 0) + t);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const g = frameOf(at);
        if (g.app) seen.add(g.key);
      }
      for (const k of seen) appInclusive.set(k, (appInclusive.get(k) ?? 0) + t);
    }

    const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
    const secs = (t: number) => `${(t / 1e6).toFixed(1).padStart(5)} s`;
    const list = (title: string, m: Map<string, number>, n: number) => {
      console.log(title);
      for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
        console.log(`  ${pct(t)} ${secs(t)}  ${k}`);
      }
    };
    console.log(`\nCPU profile ${path.join(dir, name)}: ${secs(busy).trim()} busy`);
    list("Where the time went (self time by part of the stack):", parts, 30);
    list("The app's own functions (with what they call):", appInclusive, top);
    list("Hottest functions (self time):", hottest, top);
  }
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  summariseProfiles(process.argv[2] ?? ".", Number(process.argv[3] ?? 15));
}
