// `npm run bench:survey-answer`: a contact's survey answer at scale (a report, not a test). Times
// submitSurveyAnswer — rate limits, token lookup, validation, the response, the link and the audit
// row in one transaction — against a hand-written SQL twin doing the same reads and writes through
// pg, and prints p50/p95 and the ratio app/SQL; then the public page's load and its JavaScript.
// Targets (issue 13): answer p95 ≤ 100 ms, ≤ 2× SQL; the page's first-load JavaScript ≤ 100 kB gzip.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/keystone_bench npm run bench:survey-answer
//   … -- --runs=200                     timed answers per side (default 100, after 10 warm-ups)
//
// Works on any migrated database with one user in a team: it makes its own survey and links (one
// survey, a contact and a link per answer) and deletes them again afterwards.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { createTranslator } from "use-intl/core";
import pg from "pg";
import { renderSurveyForm } from "@/components/survey-public/page";
import { hashSurveyToken } from "@/lib/auth/survey-token";
import { db, disconnectDb } from "@/lib/db";
import { submitSurveyAnswer } from "@/lib/data/surveys/answer";
import { loadPublicSurvey } from "@/lib/data/surveys/public";
import { fixedWindow, SURVEY_RATE_RULES } from "@/lib/domain/survey-public";
import { isLowScore } from "@/lib/domain/satisfaction";
import { checkAnswers, scoresOf } from "@/lib/domain/surveys";
import { messagesFor } from "@/lib/i18n/messages";
import { insertSurveyLink, NPS_QUESTIONS, type SurveyLinkFixture } from "../factories/surveys";
import { kB, percentile } from "./lib";

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 100);
const WARMUP = 10;
const TARGET_MS = 100;
const MAX_RATIO = 2;
const JS_BUDGET_KB = 100;

const answerOf = (i: number) => ({
  nps: String(i % 11),
  reason: `第 ${i} 份回答：交付及时，售后响应可以更快。`,
});
/** A different client address per answer, as many contacts answering from their own phones. */
const addressOf = (i: number, side: number) => `10.${side}.${Math.floor(i / 250)}.${i % 250}`;

/** The same reads and writes as submitSurveyAnswer, by hand. */
async function sqlTwin(pool: pg.Pool, token: string, raw: Record<string, string>, ip: string, now: Date) {
  const tokenHash = hashSurveyToken(token);
  const window = (rule: (typeof SURVEY_RATE_RULES)[keyof typeof SURVEY_RATE_RULES], subject: string) => {
    const { start, end } = fixedWindow(now, rule.windowMs);
    return [`${rule.name}:${subject}:${start.getTime()}`, start, end];
  };
  await pool.query(
    `INSERT INTO "RateLimitCounter" ("key","count","windowStart","expiresAt") VALUES ($1,1,$2,$3), ($4,1,$5,$6)
     ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1 RETURNING "key", "count"`,
    [
      ...window(SURVEY_RATE_RULES.submitPerAddress, ip),
      ...window(SURVEY_RATE_RULES.submitPerToken, tokenHash),
    ],
  );
  const [link, settings] = await Promise.all([
    pool.query(
      `SELECT i.id, i."accountId", i."openedAt", i."respondedAt", s.id AS "surveyId", s."teamId", s."ownerId",
              v.questions, r.id AS "responseId", r.answers AS "beforeAnswers", r.csat AS "beforeCsat",
              r.nps AS "beforeNps", r.verbatim AS "beforeVerbatim", r."lowScore" AS "beforeLow", r.version AS "beforeVersion"
         FROM "SurveyInvitation" i JOIN "Survey" s ON s.id = i."surveyId"
         JOIN "SurveyTemplateVersion" v ON v.id = s."templateVersionId"
         LEFT JOIN "SurveyResponse" r ON r."invitationId" = i.id
        WHERE i."tokenHash" = $1 AND i."revokedAt" IS NULL AND i."expiresAt" > $2
          AND s.status = 'OPEN' AND s."closesAt" > $2 AND s."deletedAt" IS NULL`,
      [tokenHash, now],
    ),
    pool.query(`SELECT "lowCsatAtMost", "lowNpsAtMost" FROM "SatisfactionSettings" WHERE id = 'default'`),
  ]);
  const row = link.rows[0];
  const checked = checkAnswers(row.questions, raw);
  if (!checked.ok) throw new Error("the twin's answer is invalid");
  const scores = scoresOf(row.questions, checked.answers);
  const low = isLowScore(scores, settings.rows[0] ?? { lowCsatAtMost: 2, lowNpsAtMost: 6 });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const before = await client.query(
      `SELECT answers, csat, nps, verbatim, "lowScore", version FROM "SurveyResponse" WHERE "invitationId" = $1`,
      [row.id],
    );
    const saved = await client.query(
      `INSERT INTO "SurveyResponse" (id, "invitationId", "surveyId", "accountId", "teamId", "ownerId", answers, csat, nps, verbatim, "lowScore", "submittedAt", "updatedAt")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12)
       ON CONFLICT ("invitationId") DO UPDATE SET answers = EXCLUDED.answers, csat = EXCLUDED.csat, nps = EXCLUDED.nps,
         verbatim = EXCLUDED.verbatim, "lowScore" = EXCLUDED."lowScore", version = "SurveyResponse".version + 1, "updatedAt" = EXCLUDED."updatedAt"
       RETURNING id, version`,
      [
        randomUUID(),
        row.id,
        row.surveyId,
        row.accountId,
        row.teamId,
        row.ownerId,
        JSON.stringify(checked.answers),
        scores.csat,
        scores.nps,
        scores.verbatim,
        low,
        now,
      ],
    );
    await client.query(
      `UPDATE "SurveyInvitation" SET "respondedAt" = COALESCE("respondedAt", $2), "openedAt" = COALESCE("openedAt", $2) WHERE id = $1`,
      [row.id, now],
    );
    await client.query(
      `INSERT INTO "AuditLog" (id, "actorId", action, entity, "entityId", before, after) VALUES ($1, NULL, 'survey.answer', 'SurveyResponse', $2, $3, $4)`,
      [
        randomUUID(),
        saved.rows[0].id,
        before ? JSON.stringify(before) : null,
        JSON.stringify({ ...checked.answers, ...scores, lowScore: low }),
      ],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database to measure.");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const owner = await db.user.findFirstOrThrow({
    where: { teamId: { not: null }, active: true },
    select: { id: true },
  });
  const total = 2 * (RUNS + WARMUP) + 1;
  console.log(`[survey-answer] making ${total} links on one survey …`);
  const first = await insertSurveyLink(db, { ownerId: owner.id, questions: NPS_QUESTIONS });
  const links: SurveyLinkFixture[] = [first];
  for (let i = 1; i < total; i++)
    links.push(await insertSurveyLink(db, { ownerId: owner.id, surveyId: first.surveyId }));
  const app: number[] = [];
  const edit: number[] = [];
  const sql: number[] = [];
  try {
    for (let i = 0; i < RUNS + WARMUP; i++) {
      // Interleaved, so both sides see the same database state and machine load.
      const a = links[1 + 2 * i]!;
      const b = links[2 + 2 * i]!;
      // The follow-on work (low score, health) runs after the reply, as the route's after() does.
      const followOns: (() => Promise<void>)[] = [];
      const afterResponse = (task: () => Promise<void>) => void followOns.push(task);
      let t = performance.now();
      const outcome = await submitSurveyAnswer({
        token: a.token,
        raw: answerOf(i),
        ip: addressOf(i, 1),
        afterResponse,
      });
      const appMs = performance.now() - t;
      for (const task of followOns.splice(0)) await task();
      if (outcome.kind !== "saved") throw new Error(`submitSurveyAnswer said ${outcome.kind}`);
      t = performance.now();
      await sqlTwin(pool, b.token, answerOf(i), addressOf(i, 2), new Date());
      const sqlMs = performance.now() - t;
      t = performance.now();
      await submitSurveyAnswer({ token: a.token, raw: answerOf(i + 1), ip: addressOf(i, 3), afterResponse });
      const editMs = performance.now() - t;
      for (const task of followOns.splice(0)) await task();
      if (i >= WARMUP) {
        app.push(appMs);
        sql.push(sqlMs);
        edit.push(editMs);
      }
    }
    const pageTimes: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const t = performance.now();
      await loadPublicSurvey(links[1 + 2 * i]!.token, new Date());
      if (i >= WARMUP) pageTimes.push(performance.now() - t);
    }

    const [appS, sqlS, editS, pageS] = [stats(app), stats(sql), stats(edit), stats(pageTimes)];
    const ratio = appS.p95 / sqlS.p95;
    const answers = await db.surveyResponse.count();
    console.log(
      `\n[survey-answer] ${RUNS} timed runs per side; ${answers.toLocaleString("en")} survey answers in the database\n`,
    );
    console.log("operation                 p50 ms   p95 ms");
    console.log(
      `submitSurveyAnswer (new) ${appS.p50.toFixed(1).padStart(7)} ${appS.p95.toFixed(1).padStart(8)}`,
    );
    console.log(
      `submitSurveyAnswer (edit)${editS.p50.toFixed(1).padStart(7)} ${editS.p95.toFixed(1).padStart(8)}`,
    );
    console.log(
      `raw SQL twin (new)       ${sqlS.p50.toFixed(1).padStart(7)} ${sqlS.p95.toFixed(1).padStart(8)}`,
    );
    console.log(
      `page data (loadPublicSurvey) ${pageS.p50.toFixed(1).padStart(3)} ${pageS.p95.toFixed(1).padStart(8)}`,
    );
    console.log(
      `\napp/SQL at p95: ${ratio.toFixed(2)}× (target ≤ ${MAX_RATIO}×) ${ratio <= MAX_RATIO ? "PASS" : "FAIL"}; ` +
        `answer p95 ${appS.p95.toFixed(1)} ms (target ≤ ${TARGET_MS}) ${appS.p95 <= TARGET_MS ? "PASS" : "FAIL"}`,
    );

    // The page as served (app/s/[token]/route.ts renders this HTML): its only JavaScript is inline.
    const survey = await loadPublicSurvey(first.token, new Date());
    const t = createTranslator({
      locale: "zh-CN",
      messages: messagesFor("zh-CN") as never,
      namespace: "surveyPublic" as never,
    });
    const page = renderSurveyForm({
      survey: survey!,
      t: t as unknown as (key: string, values?: Record<string, string | number>) => string,
      action: `/s/${first.token}`,
      values: {},
      editing: false,
    });
    const external = page.match(/<script[^>]*\ssrc=/g)?.length ?? 0;
    const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
    const jsGzip = inline ? gzipSync(inline, { level: 9 }).length : 0;
    const htmlGzip = gzipSync(page, { level: 9 }).length;
    console.log(
      `\nsurvey page /s/<token>: first-load JavaScript ${kB(jsGzip)} kB gzip (${external} script files, ` +
        `${inline.length} bytes inline; budget ${JS_BUDGET_KB} kB) ${jsGzip / 1000 <= JS_BUDGET_KB && external === 0 ? "PASS" : "FAIL"}; ` +
        `whole HTML ${kB(htmlGzip)} kB gzip, no other file to fetch`,
    );
  } finally {
    await cleanUp(links);
    await pool.end();
    await disconnectDb();
  }
}

/** Removes what the run made: answers and their audit rows, links, contacts, the survey. */
async function cleanUp(links: SurveyLinkFixture[]) {
  const invitationIds = links.map((l) => l.invitationId);
  const responses = await db.surveyResponse.findMany({
    where: { invitationId: { in: invitationIds } },
    select: { id: true },
  });
  await db.auditLog.deleteMany({
    where: { entity: "SurveyResponse", entityId: { in: responses.map((r) => r.id) } },
  });
  await db.surveyResponse.deleteMany({ where: { invitationId: { in: invitationIds } } });
  await db.surveyInvitation.deleteMany({ where: { id: { in: invitationIds } } });
  await db.contact.deleteMany({ where: { id: { in: links.map((l) => l.contactId) } } });
  const survey = await db.survey.findUnique({
    where: { id: links[0]!.surveyId },
    select: { templateVersion: { select: { id: true, templateId: true } } },
  });
  await db.survey.deleteMany({ where: { id: links[0]!.surveyId } });
  if (survey) {
    await db.surveyTemplateVersion.deleteMany({ where: { id: survey.templateVersion.id } });
    await db.surveyTemplate.deleteMany({ where: { id: survey.templateVersion.templateId } });
  }
  await db.account.deleteMany({ where: { id: links[0]!.accountId } });
  await db.rateLimitCounter.deleteMany({ where: { key: { startsWith: "survey-submit-ip:10." } } });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
