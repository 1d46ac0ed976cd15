// Helpers of the satisfaction bench: the data layer's functions when this checkout has them, the
// row-id comparison of app and twin, fresh survey links, EXPLAIN summaries and a watcher of the
// longest open transaction.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { deriveSurveyToken, newTokenSalt } from "@/lib/auth/survey-token";
import { BENCH_SURVEY_SECRET } from "./bench-satisfaction";

type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** A function of this checkout, or why it cannot be timed yet (the slices land one by one). */
export async function optionalFn(relative: string, name: string): Promise<{ fn: AnyFn | null; why: string }> {
  const file = path.join(process.cwd(), relative);
  if (!fs.existsSync(file)) return { fn: null, why: `not built in this checkout (${relative})` };
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = mod[name];
  return typeof fn === "function"
    ? { fn: fn as AnyFn, why: "" }
    : { fn: null, why: `${relative} has no ${name}` };
}

/** The ids of a list result: an array of rows, or the first array of rows among its fields. */
export function idsOf(result: unknown): string[] | null {
  const rowsOf = (x: unknown): string[] | null =>
    Array.isArray(x) &&
    x.every((r) => r && typeof r === "object" && typeof (r as { id?: unknown }).id === "string")
      ? x.map((r) => (r as { id: string }).id)
      : null;
  const direct = rowsOf(result);
  if (direct) return direct;
  if (result && typeof result === "object")
    for (const key of ["rows", "items", "accounts", "complaints", "page", "list"]) {
      const inner = (result as Record<string, unknown>)[key];
      const ids = rowsOf(inner) ?? (inner && typeof inner === "object" ? idsOf(inner) : null);
      if (ids) return ids;
    }
  return null;
}

/** "same N rows" when the app and the twin return the same ids in the same order, else where they part. */
export async function checkSameRows(label: string, app: unknown, sql: { id: string }[]): Promise<string> {
  const a = idsOf(app);
  const s = sql.map((r) => r.id);
  if (!a)
    return `[bench:satisfaction] ${label}: app result has no rows with ids (${JSON.stringify(app).slice(0, 120)})`;
  const first = a.findIndex((id, i) => id !== s[i]);
  if (first === -1 && a.length === s.length)
    return `[bench:satisfaction] ${label}: app and SQL twin return the same ${a.length} rows`;
  const i = first === -1 ? Math.min(a.length, s.length) : first;
  const sameSet = a.length === s.length && [...a].sort().join() === [...s].sort().join();
  return `[bench:satisfaction] ${label}: DIFFERENT rows (app ${a.length}, SQL ${s.length}${sameSet ? ", same set, other order" : ""}); first difference at ${i}: app ${a[i]} vs SQL ${s[i]}`;
}

/** The plan's top lines, the slowest nodes and the execution time of one statement. */
export async function explainSummary(
  pool: pg.Pool,
  st: { text: string; values: unknown[] },
): Promise<string> {
  const plan = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values)).rows.map(
    (r: Record<string, string>) => r["QUERY PLAN"]!,
  );
  const nodes = plan
    .filter((l) => /actual time=/.test(l))
    .map((l) => ({ l: l.trim(), t: Number(/actual time=[\d.]+\.\.([\d.]+)/.exec(l)?.[1] ?? 0) }))
    .sort((a, b) => b.t - a.t)
    .slice(0, 4);
  return [
    `    EXPLAIN ${st.text.replace(/\s+/g, " ").slice(0, 100)}…`,
    ...plan.slice(0, 3).map((l) => `      ${l}`),
    "      slowest nodes:",
    ...nodes.map((n) => `        ${n.l.slice(0, 150)}`),
    ...plan.filter((l) => /Execution Time|Planning Time/.test(l)).map((l) => `      ${l}`),
  ].join("\n");
}

/**
 * `count` open NPS surveys with one fresh link each on bench accounts, and their tokens (derived
 * with NEXTAUTH_SECRET or the bench secret); `cleanup` deletes them and their answers.
 */
export async function seedFreshLinks(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = Date.now().toString(36);
  const tokens: string[] = [];
  try {
    const version = (
      await client.query<{ id: string }>(
        `SELECT v.id FROM "SurveyTemplateVersion" v JOIN "SurveyTemplate" t ON t.id = v."templateId"
         WHERE t.code = 'nps' AND v.number = t."currentVersion"`,
      )
    ).rows[0];
    if (!version) throw new Error("no NPS template: run npm run bench:satisfaction-seed first");
    const accounts = (
      await client.query<{ id: string; ownerId: string; teamId: string; contactId: string }>(
        `SELECT a.id, a."ownerId", a."teamId", (SELECT min(c.id) FROM "Contact" c WHERE c."accountId" = a.id) AS "contactId"
         FROM "Account" a WHERE a.id LIKE 'bench_acc_%' ORDER BY a.id LIMIT $1`,
        [count],
      )
    ).rows;
    const secret = process.env.NEXTAUTH_SECRET ?? BENCH_SURVEY_SECRET;
    const { hashSurveyToken } = await import("@/lib/auth/survey-token");
    for (const [i, a] of accounts.entries()) {
      const salt = newTokenSalt();
      const token = deriveSurveyToken(secret, salt);
      tokens.push(token);
      const sid = `bench_fresh_srv_${run}_${i}`;
      await client.query(
        `INSERT INTO "Survey" (id, "templateVersionId", "accountId", "ownerId", "teamId", status, "closesAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'OPEN', now() + interval '14 days', now())`,
        [sid, version.id, a.id, a.ownerId, a.teamId],
      );
      await client.query(
        `INSERT INTO "SurveyInvitation" (id, "surveyId", "contactId", "accountId", "tokenSalt", "tokenHash", "expiresAt")
         VALUES ($1, $2, $3, $4, $5, $6, now() + interval '14 days')`,
        [`bench_fresh_inv_${run}_${i}`, sid, a.contactId, a.id, salt, hashSurveyToken(token)],
      );
    }
  } finally {
    await client.end();
  }
  const cleanup = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const like = `bench_fresh_%_${run}_%`;
      await c.query(
        `DELETE FROM "SurveyResponse" WHERE "invitationId" IN (SELECT id FROM "SurveyInvitation" WHERE id LIKE $1)`,
        [like],
      );
      await c.query(`DELETE FROM "SurveyInvitation" WHERE id LIKE $1`, [like]);
      await c.query(`DELETE FROM "Survey" WHERE id LIKE $1`, [like]);
      await c.query(`DELETE FROM "RateLimitCounter" WHERE key LIKE 'bench-%'`);
      await c.query(`DELETE FROM "AuditLog" WHERE id LIKE 'bench_fresh_aud_%'`);
    } finally {
      await c.end();
    }
  };
  return { tokens, cleanup };
}

/**
 * Polls pg_stat_activity every 20 ms while `work` runs and returns the longest transaction other
 * sessions held open meanwhile (a stand-in for "no long locks": row locks live as long as theirs).
 */
export async function watchLongestTransaction<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ result: T; longestMs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let longestMs = 0;
  let stop = false;
  // Only transactions begun meanwhile: a seed or another bench may hold an older one.
  const since = (await client.query<{ t: Date }>(`SELECT clock_timestamp() AS t`)).rows[0]!.t;
  const poll = (async () => {
    while (!stop) {
      const r = await client.query<{ ms: number | null }>(
        `SELECT max(extract(epoch FROM clock_timestamp() - xact_start) * 1000)::float AS ms FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start >= $1 AND state <> 'idle'`,
        [since],
      );
      longestMs = Math.max(longestMs, r.rows[0]?.ms ?? 0);
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  try {
    const result = await work();
    return { result, longestMs };
  } finally {
    stop = true;
    await poll;
    await client.end();
  }
}

/**
 * The public survey page's first-load JavaScript: its HTML as the route handler (app/s/[token]/
 * route.ts, plain HTML with no framework bundle) serves it for a fresh link, every inline script and
 * every script file it names, gzip -9. Null while the route is not in this checkout.
 */
export async function surveyPageWeight(
  token: string,
): Promise<{ html: number; scripts: number; files: string[]; gzip: number } | null> {
  const route = await optionalFn("app/s/[token]/route.ts", "GET");
  if (!route.fn) return null;
  const res = (await route.fn(
    new Request(`http://localhost/s/${token}`, { headers: { "x-forwarded-for": "10.9.9.9" } }),
    { params: Promise.resolve({ token }) },
  )) as Response;
  const html = await res.text();
  if (res.status !== 200) throw new Error(`the survey page answered ${res.status} for a fresh link`);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const files = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const { gzipSync } = await import("node:zlib");
  let gzip = inline.reduce((n, s) => n + gzipSync(s, { level: 9 }).length, 0);
  for (const f of files) {
    const local = path.join(process.cwd(), ".next", f.replace(/^\/_next\//, ""));
    gzip += fs.existsSync(local) ? gzipSync(fs.readFileSync(local), { level: 9 }).length : NaN;
  }
  return { html: gzipSync(html, { level: 9 }).length, scripts: inline.length + files.length, files, gzip };
}
