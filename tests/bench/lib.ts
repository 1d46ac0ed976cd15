// Small helpers for the route benchmark (tests/bench/routes.ts). Database, port and migration
// helpers come from scripts/lib; only what the benchmark alone needs lives here.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import pg from "pg";

// ---------------------------------------------------------------------------------------------
// Processes

const groupLeaders = new WeakSet<ChildProcess>();

/**
 * Spawns a command in its own process group and resolves with its exit code. Unlike
 * scripts/lib/run.ts it hands the child to `onSpawn`, so an interrupted benchmark can stop a build
 * that is still running, together with any workers it started.
 */
export function runTracked(
  cmd: string,
  args: string[],
  opts: SpawnOptions,
  onSpawn: (child: ChildProcess) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...opts, detached: true });
    groupLeaders.add(child);
    onSpawn(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** SIGTERM a child (its whole process group when spawned detached), then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      // A negative pid signals the group, so any worker the server forked stops too.
      process.kill(groupLeaders.has(child) ? -child.pid! : child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Spawns a long-running child in its own process group and keeps the last lines of its output. */
export function spawnService(
  cmd: string,
  args: string[],
  opts: SpawnOptions,
): { child: ChildProcess; log: () => string } {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  groupLeaders.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, log: () => lines.join("\n") };
}

/** Polls `url` until it answers 200; fails early if the server process exits. */
export async function waitFor200(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    }
    // A timer of our own rather than AbortSignal.timeout() (unref'd, and gone with its signal): a
    // health check against a server still starting up was once seen to wait forever.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 2_000);
    try {
      const res = await fetch(url, { signal: abort.signal });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    } finally {
      clearTimeout(timer);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------------------------------------
// Throw-away database on an existing PostgreSQL server

/**
 * Starts creating database `name` on the server of `serverUrl` (through its `postgres` database).
 * `drop` waits for a creation still in flight, so an interrupt mid-CREATE leaves nothing behind.
 */
export function throwawayDatabase(
  serverUrl: string,
  name: string,
): { url: string; created: Promise<void>; drop: () => Promise<void> } {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const withAdmin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const created = withAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | null = null;
  return {
    url: url.toString(),
    created,
    drop: () =>
      (dropping ??= (async () => {
        await created.catch(() => {});
        // FORCE (PostgreSQL 13+) ends connections a killed server may have left behind.
        await withAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(
          async (error: { code?: string }) => {
            if (error.code !== "42601") throw error; // not a syntax error: a real failure
            await withAdmin(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
            );
            await withAdmin(`DROP DATABASE IF EXISTS "${name}"`);
          },
        );
      })()),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: cookies and sign-in

/** Just enough of a browser cookie store for one host: name → value, honouring deletions. */
export class CookieJar {
  private cookies = new Map<string, string>();

  update(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = header.split(";");
      const eq = pair.indexOf("=");
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = "", v = ""] = a.trim().split("=");
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** The hidden fields React renders into the sign-in form so it works without JavaScript. */
function hiddenFields(html: string): [string, string][] {
  const unescape = (v: string) =>
    v
      .replaceAll("&quot;", '"')
      .replaceAll("&#x27;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [
    unescape(m[1]!),
    unescape(m[2] ?? ""),
  ]);
}

/**
 * Signs in the way a browser does before the page's JavaScript has loaded: the sign-in page's form
 * (a server action, with its hidden fields) posted back with the e-mail and password; the answer
 * is a redirect that sets the session cookie.
 */
export async function signIn(base: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const page = await fetch(`${base}/login`);
  jar.update(page);
  const form = new FormData();
  for (const [name, value] of hiddenFields(await page.text())) form.append(name, value);
  form.set("email", email);
  form.set("password", password);
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, cookie: jar.header() },
    body: form,
  });
  jar.update(res);
  if (!jar.has("next-auth.session-token")) {
    throw new Error(`sign-in as ${email} failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  }
  // Confirm the cookie is accepted, not merely issued: the home page greets, not redirects.
  const home = await fetch(`${base}/`, { redirect: "manual", headers: { cookie: jar.header() } });
  if (home.status !== 200) throw new Error(`the session for ${email} was not accepted (HTTP ${home.status})`);
  return jar;
}

/** One page request as a signed-in browser makes it; keeps any cookie the server refreshes. */
export async function getPage(
  base: string,
  pathname: string,
  jar: CookieJar | null,
): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(base + pathname, {
    redirect: "manual", // a redirect to /login must show as 307, not as the sign-in page
    headers: {
      accept: "text/html,application/xhtml+xml,*/*;q=0.8",
      ...(jar ? { cookie: jar.header() } : {}),
    },
  });
  // The proxy refreshes the session cookie now and then; keep it like a browser would.
  jar?.update(res);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
}

/** The first `href` in `html` whose path matches `pattern` (how a bench finds a record to open). */
export function firstLink(html: string, pattern: RegExp): string | null {
  for (const m of html.matchAll(/href="([^"#?]+)[^"]*"/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (pattern.test(href)) return href;
  }
  return null;
}

/**
 * A page that rendered an error although its status may be 200: a streamed page whose server
 * component failed carries the error's digest in its RSC payload (the error boundary is drawn in
 * the browser), and the root error page says the service is unavailable.
 */
export function isErrorPage(body: string): boolean {
  return /:E\{\\?"digest\\?"/.test(body) || body.includes("Keystone is temporarily unavailable");
}

// ---------------------------------------------------------------------------------------------
// First-load JavaScript

const TAG = /<(script|link)\b([^>]*)>/gi;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const CHUNK_IN_PAYLOAD = /\/_next\/static\/[^"'\\\s<>]+?\.js/g;
const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    out[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? "").replace(/&amp;/g, "&");
  }
  return out;
}

export type PageScripts = {
  /** <script src>, script preload/modulepreload links, and chunks the inline RSC payload names. */
  loaded: string[];
  /** <script nomodule> (Next's legacy polyfills): modern browsers never fetch these. */
  nomodule: string[];
};

/** The /_next/ scripts a page's HTML makes a modern browser load. */
export function pageScripts(html: string, base: string): PageScripts {
  const loaded = new Set<string>();
  const nomodule = new Set<string>();
  const add = (set: Set<string>, ref: string) => {
    const url = new URL(ref, base);
    if (url.pathname.startsWith("/_next/")) set.add(url.toString());
  };
  for (const m of html.matchAll(TAG)) {
    const attrs = attributes(m[2]!);
    if (m[1]!.toLowerCase() === "script") {
      if (attrs.src) add("nomodule" in attrs ? nomodule : loaded, attrs.src);
    } else {
      const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
      const script = rel.includes("modulepreload") || (rel.includes("preload") && attrs.as === "script");
      if (attrs.href && script) add(loaded, attrs.href);
    }
  }
  // Client components' chunks named only in the inline RSC payload (e.g. an error boundary): React
  // loads every client reference in the payload while hydrating, so they are first-load JS too.
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (attributes(m[1]!).src) continue;
    for (const ref of m[2]!.matchAll(CHUNK_IN_PAYLOAD)) add(loaded, ref[0]);
  }
  for (const url of nomodule) loaded.delete(url);
  return { loaded: [...loaded], nomodule: [...nomodule] };
}

export type Asset = { url: string; raw: number; gzip: number };

/** Fetches each asset once per run (many routes share chunks) and measures it raw and gzip -9. */
export function assetMeter(): (url: string) => Promise<Asset> {
  const cache = new Map<string, Promise<Asset>>();
  return (url) => {
    let entry = cache.get(url);
    if (!entry) {
      entry = (async () => {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        return { url, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
      })();
      cache.set(url, entry);
    }
    return entry;
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

// ---------------------------------------------------------------------------------------------
// Files `next build` rewrites outside its output folder

/**
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include (re-formatting the file) and
 * points next-env.d.ts at `<distDir>/types`. For a side build that would leave everyone's type
 * check depending on .next-bench, so undo exactly that and nothing else: if nobody else touched
 * the file meanwhile, put the original bytes back; if someone did (another side build, an edit),
 * only take our own include entries out again.
 */
export function guardBuildRewrites(root: string, distDir: string): { restore: () => void } {
  const tsconfig = path.join(root, "tsconfig.json");
  const nextEnv = path.join(root, "next-env.d.ts");
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
  const tsconfigBefore = read(tsconfig);
  const nextEnvBefore = read(nextEnv);
  const ours = (entry: unknown) => typeof entry === "string" && entry.startsWith(`${distDir}/`);
  const hadOurs = (() => {
    try {
      return ((JSON.parse(tsconfigBefore ?? "{}") as { include?: unknown[] }).include ?? []).some(ours);
    } catch {
      return true; // unreadable as JSON: do not touch it later
    }
  })();

  return {
    restore() {
      const now = read(tsconfig);
      if (now !== null && now !== tsconfigBefore && !hadOurs) {
        try {
          const config = JSON.parse(now) as { include?: unknown[] };
          config.include = config.include?.filter((e) => !ours(e));
          const before = tsconfigBefore === null ? null : (JSON.parse(tsconfigBefore) as unknown);
          if (JSON.stringify(config) === JSON.stringify(before)) {
            fs.writeFileSync(tsconfig, tsconfigBefore!);
          } else if (now === JSON.stringify(JSON.parse(now), null, 2) + "\n") {
            // Next's own formatting: rewriting it changes only the lines we remove.
            fs.writeFileSync(tsconfig, JSON.stringify(config, null, 2) + "\n");
          } else {
            console.warn(`[bench] tsconfig.json: remove the ${distDir} include entries by hand`);
          }
        } catch {
          console.warn(
            `[bench] tsconfig.json is not plain JSON; remove the ${distDir} include entries by hand`,
          );
        }
      }
      // Another build may have pointed it elsewhere since; only undo our own pointer.
      const env = read(nextEnv);
      if (env !== null && env !== nextEnvBefore && env.includes(`./${distDir}/types/`)) {
        if (nextEnvBefore === null) fs.rmSync(nextEnv, { force: true });
        else fs.writeFileSync(nextEnv, nextEnvBefore);
      }
    },
  };
}
