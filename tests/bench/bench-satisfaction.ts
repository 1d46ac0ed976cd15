// Satisfaction bench data on top of the KPI bench data (20,000 accounts, 100,000 contacts, 200
// reps): the CSAT and NPS questionnaires, 100,000 surveys with 250,000 personal links and 200,000
// answers over three years, 50,000 complaints in every status with their SLA clocks (some breached
// and escalated) and timelines, service plans on the A-tier accounts, and then every account's
// health when this checkout can compute it (lib/data/health/recompute.ts). Rows are generated in
// Node (satisfaction-data.ts, seeded) and written with INSERT … SELECT FROM unnest($1::text[], …),
// 10,000 rows a statement. Dates are relative to the run's day.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { deriveSurveyToken, hashSurveyToken } from "@/lib/auth/survey-token";
import { seededRandom } from "@/lib/domain/random";
import {
  BENCH_TEMPLATES,
  CATEGORIES,
  CHANNELS,
  DAY,
  SERVICE_ITEMS,
  benchAnswer,
  benchComplaint,
} from "./satisfaction-data";

/** The links' secret on the bench database: with NEXTAUTH_SECRET set to it the app shows the same links. */
export const BENCH_SURVEY_SECRET = "keystone-bench-survey-secret-0000000000";

export type BenchSatisfactionOptions = {
  surveys?: number; // default 100,000
  responses?: number; // default 200,000 (of 2.5 links a survey, the rest unanswered)
  complaints?: number; // default 50,000
  days?: number; // default 1,095
};

type Column = [name: string, type: string];

/** INSERT … SELECT FROM unnest(…): one array parameter per column, `batch` rows a statement. */
export async function insertUnnest(
  client: pg.Client,
  table: string,
  columns: Column[],
  rows: unknown[][],
  batch = 10_000,
) {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c] ?? null));
    const select = columns.map((_, c) => `$${c + 1}::text[]`).join(", ");
    const casts = columns.map(([name, type]) => `u."${name}"::${type}`).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${columns.map(([n]) => `"${n}"`).join(", ")})
       SELECT ${casts} FROM unnest(${select}) AS u(${columns.map(([n]) => `"${n}"`).join(", ")})`,
      arrays,
    );
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const dateOnly = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const pad = (n: number, w = 6) => String(n).padStart(w, "0");
/** A deterministic 16-byte salt (base64url), so the same run gives the same links. */
export const benchSalt = (k: number) =>
  createHash("sha256").update(`bench-salt:${k}`).digest().subarray(0, 16).toString("base64url");

export type BenchSatisfactionResult = {
  surveys: number;
  invitations: number;
  responses: number;
  complaints: number;
  events: number;
  plans: number;
  items: number;
  deliveries: number;
  health: string;
  steps: [string, number][];
  seconds: number;
};

/** Deletes what fillBenchSatisfaction wrote (ids starting "bench_s" / "bench_c…"), children first. */
export async function clearBenchSatisfaction(client: pg.Client) {
  // Children go first, so the foreign-key triggers are off for the deletes: with them on, each of
  // the 200,000 answers deleted would scan "Complaint" (its "surveyResponseId" has no index).
  await client.query(`
    SET session_replication_role = replica;
    DELETE FROM "ComplaintEvent" WHERE id LIKE 'bench_cev_%';
    DELETE FROM "Complaint" WHERE id LIKE 'bench_cmp_%';
    DELETE FROM "SurveyResponse" WHERE id LIKE 'bench_rsp_%';
    DELETE FROM "SurveyInvitation" WHERE id LIKE 'bench_inv_%';
    DELETE FROM "Survey" WHERE id LIKE 'bench_srv_%';
    DELETE FROM "ServiceDelivery" WHERE id LIKE 'bench_sdl_%';
    DELETE FROM "ServiceItem" WHERE id LIKE 'bench_sit_%';
    DELETE FROM "ServicePlan" WHERE id LIKE 'bench_spl_%';
    DELETE FROM "HealthSnapshot" WHERE "accountId" LIKE 'bench_acc_%';
    UPDATE "Account" SET "healthScore" = NULL, "healthBand" = NULL, "healthComputedAt" = NULL
      WHERE id LIKE 'bench_acc_%' AND "healthComputedAt" IS NOT NULL;
    SET session_replication_role = DEFAULT;`);
}

export async function fillBenchSatisfaction(
  url: string,
  opts: BenchSatisfactionOptions = {},
): Promise<BenchSatisfactionResult> {
  const surveys = opts.surveys ?? 100_000;
  const responses = opts.responses ?? 200_000;
  const complaints = opts.complaints ?? 50_000;
  const days = opts.days ?? 1095;
  const started = performance.now();
  const steps: [string, number][] = [];
  const random = seededRandom(1313);
  const now = new Date(Math.floor(Date.now() / DAY) * DAY + 6 * 3600_000); // 14:00 in China, today
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    const s = (performance.now() - t) / 1000;
    steps.push([label, s]);
    console.log(`[bench:satisfaction] ${label}: ${s.toFixed(1)} s`);
  };
  try {
    const accounts = (
      await client.query<{ id: string; ownerId: string; teamId: string; tier: string; contacts: string[] }>(
        `SELECT a.id, a."ownerId", a."teamId", a.tier::text AS tier,
                array_agg(c.id ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL) AS contacts
         FROM "Account" a LEFT JOIN "Contact" c ON c."accountId" = a.id AND c."deletedAt" IS NULL
         WHERE a.id LIKE 'bench_acc_%' AND a."deletedAt" IS NULL
         GROUP BY a.id ORDER BY a.id`,
      )
    ).rows.filter((a) => a.contacts?.length);
    if (!accounts.length)
      throw new Error("no bench accounts with contacts: run npm run bench:kpi-seed first");
    const users = (
      await client.query<{ id: string; teamId: string; role: string }>(
        `SELECT id, "teamId", role::text AS role FROM "User" WHERE active AND "teamId" IS NOT NULL ORDER BY id`,
      )
    ).rows;
    const managerOf = new Map<string, string>();
    for (const u of users)
      if (u.role === "MANAGER" && !managerOf.has(u.teamId)) managerOf.set(u.teamId, u.id);
    const teamPeople = new Map<string, string[]>();
    for (const u of users) teamPeople.set(u.teamId, [...(teamPeople.get(u.teamId) ?? []), u.id]);
    const teams = [...teamPeople.keys()];
    // One rep of the 60-rep team works as a key-account manager (KAM), the bench's KAM viewer.
    await client.query(
      `UPDATE "User" SET role = 'KAM', "jobTitle" = '大客户经理' WHERE id = 'bench_rep_000'`,
    );
    const unhappy = (i: number) => i % 10 === 3;

    // 1. The questionnaires (kept if the app's own seed made them).
    const versionOf: Record<string, string> = {};
    await step("templates", async () => {
      for (const t of BENCH_TEMPLATES) {
        await client.query(
          `INSERT INTO "SurveyTemplate" (id, code, name, "nameEn", kind, "updatedAt")
           VALUES ($1, $2, $3, $4, $5::"SurveyKind", now()) ON CONFLICT (code) DO NOTHING`,
          [`bench_tpl_${t.code}`, t.code, t.name, t.nameEn, t.kind],
        );
        const tpl = (
          await client.query<{ id: string; currentVersion: number }>(
            `SELECT id, "currentVersion" FROM "SurveyTemplate" WHERE code = $1`,
            [t.code],
          )
        ).rows[0]!;
        await client.query(
          `INSERT INTO "SurveyTemplateVersion" (id, "templateId", number, "titleZh", "titleEn", questions)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT ("templateId", number) DO NOTHING`,
          [
            `bench_tpv_${t.code}`,
            tpl.id,
            tpl.currentVersion,
            t.titleZh,
            t.titleEn,
            JSON.stringify(t.questions),
          ],
        );
        versionOf[t.code] = (
          await client.query<{ id: string }>(
            `SELECT id FROM "SurveyTemplateVersion" WHERE "templateId" = $1 AND number = $2`,
            [tpl.id, tpl.currentVersion],
          )
        ).rows[0]!.id;
      }
    });

    // 2. Surveys, their links and the answers: survey s goes to account s mod N, 2 or 3 links each
    // (the account's first contacts); every fifth link is left unanswered.
    let invitationCount = 0;
    let responseCount = 0;
    await step("surveys, links, answers", async () => {
      const sRows: unknown[][] = [];
      const iRows: unknown[][] = [];
      const rRows: unknown[][] = [];
      // The share answered, spread evenly: link k is answered when ⌊(k+1)·f⌋ > ⌊k·f⌋.
      const f = Math.min(1, responses / (surveys * 2.5));
      for (let s = 0; s < surveys; s++) {
        const ai = (s * 7919) % accounts.length;
        const a = accounts[ai]!;
        const kind = s % 3 === 0 ? "CSAT" : "NPS";
        const ageDays = Math.floor(((s + 0.5) / surveys) * days * 0.98) + 1;
        const createdAt = new Date(now.getTime() - ageDays * DAY);
        const closesAt = new Date(createdAt.getTime() + 14 * DAY);
        const open = closesAt > now;
        const sid = `bench_srv_${pad(s)}`;
        sRows.push([
          sid,
          versionOf[kind === "CSAT" ? "csat" : "nps"],
          a.id,
          a.ownerId,
          a.teamId,
          s % 4 === 0 ? "WAVE" : "MANUAL",
          open ? "OPEN" : "CLOSED",
          iso(closesAt),
          open ? null : iso(closesAt),
          iso(createdAt),
          iso(createdAt),
        ]);
        const links = Math.min(a.contacts.length, 2 + (s % 2));
        for (let l = 0; l < links; l++) {
          const k = invitationCount++;
          const salt = benchSalt(k);
          const answered = Math.floor((k + 1) * f) > Math.floor(k * f) && responseCount < responses;
          const submittedAt = new Date(
            Math.min(createdAt.getTime() + random.int(1, 10 * 24) * 3600_000, now.getTime()),
          );
          const iid = `bench_inv_${pad(k, 7)}`;
          iRows.push([
            iid,
            sid,
            a.contacts[l],
            a.id,
            salt,
            hashSurveyToken(deriveSurveyToken(BENCH_SURVEY_SECRET, salt)),
            k % 10 === 0 ? "en" : "zh_CN",
            iso(closesAt),
            answered ? iso(submittedAt) : null,
            answered ? iso(submittedAt) : null,
            iso(createdAt),
          ]);
          if (!answered) continue;
          const r = benchAnswer(random, kind, unhappy(ai));
          rRows.push([
            `bench_rsp_${pad(responseCount++, 7)}`,
            iid,
            sid,
            a.id,
            a.teamId,
            a.ownerId,
            JSON.stringify(r.answers),
            r.csat,
            r.nps,
            r.verbatim,
            r.lowScore,
            iso(submittedAt),
            iso(submittedAt),
          ]);
        }
      }
      await insertUnnest(
        client,
        "Survey",
        [
          ["id", "text"],
          ["templateVersionId", "text"],
          ["accountId", "text"],
          ["ownerId", "text"],
          ["teamId", "text"],
          ["trigger", `"SurveyTrigger"`],
          ["status", `"SurveyStatus"`],
          ["closesAt", "timestamp(3)"],
          ["closedAt", "timestamp(3)"],
          ["createdAt", "timestamp(3)"],
          ["updatedAt", "timestamp(3)"],
        ],
        sRows,
      );
      await insertUnnest(
        client,
        "SurveyInvitation",
        [
          ["id", "text"],
          ["surveyId", "text"],
          ["contactId", "text"],
          ["accountId", "text"],
          ["tokenSalt", "text"],
          ["tokenHash", "text"],
          ["locale", `"Locale"`],
          ["expiresAt", "timestamp(3)"],
          ["openedAt", "timestamp(3)"],
          ["respondedAt", "timestamp(3)"],
          ["createdAt", "timestamp(3)"],
        ],
        iRows,
      );
      await insertUnnest(
        client,
        "SurveyResponse",
        [
          ["id", "text"],
          ["invitationId", "text"],
          ["surveyId", "text"],
          ["accountId", "text"],
          ["teamId", "text"],
          ["ownerId", "text"],
          ["answers", "jsonb"],
          ["csat", "int"],
          ["nps", "int"],
          ["verbatim", "text"],
          ["lowScore", "boolean"],
          ["submittedAt", "timestamp(3)"],
          ["updatedAt", "timestamp(3)"],
        ],
        rRows,
      );
    });

    // 3. Complaints and their timelines: account c·104729 mod N (unhappy accounts get three times
    // as many), ages spread over three years, more of them lately, handed over in a third of cases.
    let eventCount = 0;
    await step("complaints, timelines", async () => {
      const cRows: unknown[][] = [];
      const eRows: unknown[][] = [];
      for (let c = 0; c < complaints; c++) {
        let ai = (c * 104729) % accounts.length;
        if (c % 4 === 0) ai = Math.min(accounts.length - 1, ai - (ai % 10) + 3); // an unhappy one
        const a = accounts[ai]!;
        const ageDays = Math.floor(random.next() ** 1.3 * days); // denser lately: ~6 % in the last month
        const life = benchComplaint(random, now, ageDays);
        const people = teamPeople.get(a.teamId) ?? [a.ownerId];
        const handedOver = random.chance(0.33);
        const crossTeam = handedOver && random.chance(0.15);
        const handlerTeamId = crossTeam
          ? random.pick(teams.filter((t) => t !== a.teamId))
          : handedOver
            ? a.teamId
            : null;
        const handlerId = handlerTeamId ? random.pick(teamPeople.get(handlerTeamId) ?? people) : null;
        const escalatedToId = life.escalated ? (managerOf.get(a.teamId) ?? "usr_director") : null;
        const closed = life.status === "CLOSED";
        const id = `bench_cmp_${pad(c)}`;
        const category = CATEGORIES[random.int(0, CATEGORIES.length - 1)];
        cRows.push([
          id,
          `TS-${life.receivedAt.getUTCFullYear()}-B${pad(c)}`,
          a.id,
          a.teamId,
          a.ownerId,
          a.teamId,
          handlerId,
          handlerTeamId,
          random.pick(CHANNELS),
          category,
          life.severity,
          life.status,
          `${category === "DELIVERY" ? "交付延迟" : category === "QUALITY" ? "质量问题" : "客户反馈"} ${pad(c)}`,
          "客户原话：希望尽快给出处理方案。",
          `{${a.contacts[0]}}`,
          iso(life.receivedAt),
          iso(life.acknowledgedAt),
          iso(life.resolvedAt),
          iso(life.confirmedAt),
          iso(life.closedAt),
          life.reopened ? 1 : 0,
          iso(life.ackDueAt),
          iso(life.resolveDueAt),
          iso(life.ackBreachedAt),
          iso(life.resolveBreachedAt),
          escalatedToId,
          iso(life.escalated ? (life.ackBreachedAt ?? life.resolveBreachedAt) : null),
          life.resolvedAt ? "已更换批次并补发" : null,
          closed ? "来料检验漏检" : null,
          closed ? "增加来料抽检比例，月度复盘" : null,
          iso(life.receivedAt),
          iso(life.steps.at(-1)?.at ?? life.receivedAt),
        ]);
        const ev = (kind: string, from: string | null, to: string | null, at: Date, payload = "{}") =>
          eRows.push([`bench_cev_${pad(eventCount++, 7)}`, id, a.ownerId, kind, from, to, iso(at), payload]);
        ev("status", null, "RECEIVED", life.receivedAt);
        if (handlerId)
          ev("assign", null, null, life.receivedAt, JSON.stringify({ handlerId, handlerTeamId }));
        let previous = "RECEIVED";
        for (const s of life.steps) {
          if (s.kind === "escalate") ev("escalate", null, null, s.at, JSON.stringify({ to: escalatedToId }));
          else {
            ev(s.kind, previous, s.to, s.at);
            previous = s.to!;
          }
        }
      }
      await insertUnnest(
        client,
        "Complaint",
        [
          ["id", "text"],
          ["number", "text"],
          ["accountId", "text"],
          ["teamId", "text"],
          ["ownerId", "text"],
          ["ownerTeamId", "text"],
          ["handlerId", "text"],
          ["handlerTeamId", "text"],
          ["channel", `"ComplaintChannel"`],
          ["category", `"ComplaintCategory"`],
          ["severity", `"ComplaintSeverity"`],
          ["status", `"ComplaintStatus"`],
          ["title", "text"],
          ["customerWords", "text"],
          ["contactIds", "text[]"],
          ["receivedAt", "timestamp(3)"],
          ["acknowledgedAt", "timestamp(3)"],
          ["resolvedAt", "timestamp(3)"],
          ["confirmedAt", "timestamp(3)"],
          ["closedAt", "timestamp(3)"],
          ["reopenCount", "int"],
          ["ackDueAt", "timestamp(3)"],
          ["resolveDueAt", "timestamp(3)"],
          ["ackBreachedAt", "timestamp(3)"],
          ["resolveBreachedAt", "timestamp(3)"],
          ["escalatedToId", "text"],
          ["escalatedAt", "timestamp(3)"],
          ["resolution", "text"],
          ["rootCause", "text"],
          ["correctiveAction", "text"],
          ["createdAt", "timestamp(3)"],
          ["updatedAt", "timestamp(3)"],
        ],
        cRows,
      );
      await insertUnnest(
        client,
        "ComplaintEvent",
        [
          ["id", "text"],
          ["complaintId", "text"],
          ["actorId", "text"],
          ["kind", "text"],
          ["fromStatus", `"ComplaintStatus"`],
          ["toStatus", `"ComplaintStatus"`],
          ["createdAt", "timestamp(3)"],
          ["payload", "jsonb"],
        ],
        eRows,
      );
    });

    // 4. Service plans on the A-tier accounts: four items each, a year of deliveries (15 % late),
    // the next due date spread from a month overdue to three months ahead.
    let planCount = 0;
    let itemCount = 0;
    let deliveryCount = 0;
    await step("service plans", async () => {
      const pRows: unknown[][] = [];
      const itRows: unknown[][] = [];
      const dRows: unknown[][] = [];
      for (const a of accounts) {
        if (a.tier !== "A") continue;
        const pid = `bench_spl_${a.id.slice(10)}`;
        planCount++;
        pRows.push([pid, a.id, a.teamId, dateOnly(new Date(now.getTime() - 400 * DAY)), iso(now), iso(now)]);
        for (const item of SERVICE_ITEMS) {
          const itemId = `bench_sit_${pad(itemCount++, 6)}`;
          const nextDue = new Date(now.getTime() + random.int(-30, 90) * DAY);
          let due = new Date(nextDue.getTime() - item.days * DAY);
          let last: Date | null = null;
          for (
            let n = 0;
            n < Math.min(12, Math.floor(365 / item.days)) && due > new Date(now.getTime() - 365 * DAY);
            n++
          ) {
            const onTime = !random.chance(0.15);
            const delivered = new Date(
              due.getTime() + (onTime ? -random.int(0, 5) : random.int(1, 20)) * DAY,
            );
            last ??= delivered;
            dRows.push([
              `bench_sdl_${pad(deliveryCount++, 7)}`,
              itemId,
              a.id,
              dateOnly(due),
              dateOnly(delivered),
              onTime,
              a.ownerId,
              iso(delivered),
            ]);
            due = new Date(due.getTime() - item.days * DAY);
          }
          itRows.push([
            itemId,
            pid,
            a.id,
            a.teamId,
            item.name,
            a.ownerId,
            item.frequency,
            dateOnly(nextDue),
            last ? dateOnly(last) : null,
            iso(now),
            iso(now),
          ]);
        }
      }
      await insertUnnest(
        client,
        "ServicePlan",
        [
          ["id", "text"],
          ["accountId", "text"],
          ["teamId", "text"],
          ["agreedOn", "date"],
          ["createdAt", "timestamp(3)"],
          ["updatedAt", "timestamp(3)"],
        ],
        pRows,
      );
      await insertUnnest(
        client,
        "ServiceItem",
        [
          ["id", "text"],
          ["planId", "text"],
          ["accountId", "text"],
          ["teamId", "text"],
          ["name", "text"],
          ["ownerId", "text"],
          ["frequency", `"ServiceFrequency"`],
          ["nextDueOn", "date"],
          ["lastDeliveredOn", "date"],
          ["createdAt", "timestamp(3)"],
          ["updatedAt", "timestamp(3)"],
        ],
        itRows,
      );
      await insertUnnest(
        client,
        "ServiceDelivery",
        [
          ["id", "text"],
          ["itemId", "text"],
          ["accountId", "text"],
          ["dueOn", "date"],
          ["deliveredOn", "date"],
          ["onTime", "boolean"],
          ["recordedById", "text"],
          ["createdAt", "timestamp(3)"],
        ],
        dRows,
      );
    });
    await step("vacuum analyze", () =>
      client.query(
        `VACUUM ANALYZE "Survey", "SurveyInvitation", "SurveyResponse", "Complaint", "ComplaintEvent", "ServicePlan", "ServiceItem", "ServiceDelivery"`,
      ),
    );

    // 5. Every account's health, when this checkout computes it.
    let health = "not computed: lib/data/health/recompute.ts (recomputeHealthBatch) is not in this checkout";
    const recompute = await loadRecompute();
    if (recompute) {
      await step("health", async () => {
        process.env.DATABASE_URL = url;
        const r = await recompute({ now });
        health = `recomputeHealthBatch: ${JSON.stringify(r)}`;
      });
      await step("vacuum analyze accounts", () => client.query(`VACUUM ANALYZE "Account", "HealthSnapshot"`));
    }
    return {
      surveys,
      invitations: invitationCount,
      responses: responseCount,
      complaints,
      events: eventCount,
      plans: planCount,
      items: itemCount,
      deliveries: deliveryCount,
      health,
      steps,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

type Recompute = (opts: {
  batchSize?: number;
  now?: Date;
  onBatch?: (b: unknown) => void;
}) => Promise<unknown>;

/** recomputeHealthBatch from this checkout, or null while the health slice has not landed. */
export async function loadRecompute(): Promise<Recompute | null> {
  const file = path.join(process.cwd(), "lib/data/health/recompute.ts");
  if (!fs.existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { recomputeHealthBatch?: Recompute };
  return mod.recomputeHealthBatch ?? null;
}
