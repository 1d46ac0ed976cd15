// Demo satisfaction surveys (满意度调研): the three questionnaires (CSAT, NPS, a custom annual one
// with two versions), and a year of surveys to the demo customers — quarterly waves to A-tier
// accounts, a CSAT survey after each won deal, a few annual ones sent by hand — about 70 % answered,
// with Chinese (and some English) verbatims, some low scores (so LOW_SCORE follow-ups exist) and
// the current wave's links still open. Bulk inserts, deterministic (seeded random).
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { deriveSurveyToken, hashSurveyToken } from "@/lib/auth/survey-token";
import { addDays, chinaDate, toDbDate } from "@/lib/domain/calendar";
import { isLowScore } from "@/lib/domain/satisfaction";
import { seededRandom } from "@/lib/domain/random";
import { waveKeyOf } from "@/lib/domain/survey-rules";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import { insertJson } from "./demo-visits";

const DAY = 86_400_000;
const LOW = { lowCsatAtMost: 2, lowNpsAtMost: 6 };

const CSAT_QUESTIONS: SurveyQuestion[] = [
  {
    key: "csat",
    type: "CSAT",
    required: true,
    labelZh: "您对本次合作的整体满意度如何？",
    labelEn: "How satisfied are you with this engagement overall?",
  },
  {
    key: "comment",
    type: "TEXT",
    required: false,
    labelZh: "请告诉我们您的意见或建议",
    labelEn: "Tell us what we could do better",
  },
];
const NPS_QUESTIONS: SurveyQuestion[] = [
  {
    key: "nps",
    type: "NPS",
    required: true,
    labelZh: "您有多大可能向同行推荐我们？",
    labelEn: "How likely are you to recommend us to a peer?",
  },
  {
    key: "comment",
    type: "TEXT",
    required: false,
    labelZh: "您给出这个分数的主要原因是什么？",
    labelEn: "What is the main reason for your score?",
  },
];
const annualQuestions = (v: 1 | 2): SurveyQuestion[] => [
  {
    key: "csat",
    type: "CSAT",
    required: true,
    labelZh: "您对我们过去一年服务的整体满意度？",
    labelEn: "Overall, how satisfied were you with our service this year?",
  },
  {
    key: "nps",
    type: "NPS",
    required: true,
    labelZh: "您有多大可能向同行推荐我们？",
    labelEn: "How likely are you to recommend us to a peer?",
  },
  {
    key: "strengths",
    type: "MULTIPLE",
    required: false,
    labelZh: v === 1 ? "我们做得好的方面" : "您认为我们做得最好的方面（可多选）",
    labelEn: v === 1 ? "What we do well" : "What do we do best? (choose any)",
    options: [
      { key: "quality", labelZh: "产品质量", labelEn: "Product quality" },
      { key: "delivery", labelZh: "交付及时", labelEn: "On-time delivery" },
      { key: "service", labelZh: "服务响应", labelEn: "Service response" },
      { key: "price", labelZh: "价格合理", labelEn: "Fair prices" },
    ],
  },
  {
    key: "response",
    type: "SCALE",
    required: false,
    min: 1,
    max: 10,
    labelZh: "问题响应速度（1–10）",
    labelEn: "Speed of response to issues (1–10)",
  },
  {
    key: "comment",
    type: "TEXT",
    required: false,
    labelZh: "明年您希望我们改进什么？",
    labelEn: "What should we improve next year?",
  },
];

const PRAISE_ZH = [
  "交付一直很准时，项目经理沟通及时，值得信赖。",
  "技术支持响应快，现场工程师很专业。",
  "产品质量稳定，今年没有出现批量问题。",
  "客户经理很用心，季度复盘对我们帮助很大。",
  "整体合作顺畅，希望明年在价格上再有些支持。",
];
const COMPLAINT_ZH = [
  "最近两批货都延期了，影响了我们的生产计划，希望尽快改进。",
  "售后响应太慢，问题拖了一周多才有人处理。",
  "对账单经常出错，财务部门意见很大。",
  "价格今年涨得太多，我们在考虑其他供应商。",
];
const PRAISE_EN = [
  "Deliveries were on time and the account team is responsive.",
  "Solid product quality; the quarterly review was useful.",
];
const COMPLAINT_EN = [
  "Support took too long to respond to our last two tickets.",
  "Invoices needed correcting several times.",
];

export type DemoSurveysResult = {
  surveyTemplates: number;
  surveys: number;
  surveyInvitations: number;
  surveyResponses: number;
};

export async function seedDemoSurveys(tx: Tx, args: { now?: Date } = {}): Promise<DemoSurveysResult> {
  const rand = seededRandom(20261204);
  const r = rand.next;
  const now = args.now ?? new Date();
  const secret = process.env.NEXTAUTH_SECRET;
  const pick = <T>(items: readonly T[]) => items[Math.floor(r() * items.length)]!;
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}${String(++seq).padStart(6, "0")}`;

  // Questionnaires.
  const created = new Date(now.getTime() - 400 * DAY);
  const templates = [
    {
      id: "stpl_csat",
      code: "csat",
      name: "客户满意度（CSAT）",
      nameEn: "Customer satisfaction (CSAT)",
      kind: "CSAT",
      currentVersion: 1,
    },
    {
      id: "stpl_nps",
      code: "nps",
      name: "净推荐值（NPS）",
      nameEn: "Net Promoter Score (NPS)",
      kind: "NPS",
      currentVersion: 1,
    },
    {
      id: "stpl_annual",
      code: "annual",
      name: "年度客户满意度调研",
      nameEn: "Annual customer survey",
      kind: "CUSTOM",
      currentVersion: 2,
    },
  ];
  const versions = [
    {
      id: "stv_csat_1",
      templateId: "stpl_csat",
      number: 1,
      titleZh: "合作满意度调研",
      titleEn: "How did we do?",
      introZh: "感谢您的合作！只需一分钟。",
      introEn: "Thank you for working with us. It takes a minute.",
      questions: CSAT_QUESTIONS,
    },
    {
      id: "stv_nps_1",
      templateId: "stpl_nps",
      number: 1,
      titleZh: "客户推荐意愿调研",
      titleEn: "Would you recommend us?",
      introZh: "您的意见帮助我们做得更好。",
      introEn: "Your view helps us improve.",
      questions: NPS_QUESTIONS,
    },
    {
      id: "stv_annual_1",
      templateId: "stpl_annual",
      number: 1,
      titleZh: "年度客户满意度调研",
      titleEn: "Annual customer survey",
      introZh: null,
      introEn: null,
      questions: annualQuestions(1),
    },
    {
      id: "stv_annual_2",
      templateId: "stpl_annual",
      number: 2,
      titleZh: "年度客户满意度调研",
      titleEn: "Annual customer survey",
      introZh: "约三分钟，感谢您的宝贵意见。",
      introEn: "About three minutes. Thank you for your time.",
      questions: annualQuestions(2),
    },
  ];
  await insertJson(
    tx,
    "SurveyTemplate",
    templates.map((t) => ({ ...t, createdAt: created, updatedAt: created, version: t.currentVersion })),
  );
  await insertJson(
    tx,
    "SurveyTemplateVersion",
    versions.map((v) => ({ ...v, createdAt: created })),
  );

  const accounts = await tx.account.findMany({
    where: { deletedAt: null, lifecycle: "CUSTOMER" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      tier: true,
      ownerId: true,
      teamId: true,
      contacts: {
        where: { deletedAt: null },
        orderBy: { id: "asc" },
        select: { id: true, buyingRole: true, email: true, name: true },
      },
      deals: {
        where: { status: "WON", deletedAt: null, closedAt: { not: null } },
        select: { id: true, closedAt: true },
      },
    },
  });

  type Plan = {
    account: (typeof accounts)[number];
    versionId: string;
    trigger: string;
    sentAt: Date;
    waveKey?: string;
    dealId?: string;
    contactIds: string[];
  };
  const plans: Plan[] = [];
  const deciders = (a: (typeof accounts)[number]) => {
    const d = a.contacts.filter((c) => c.buyingRole === "DECISION_MAKER");
    return (d.length ? d : a.contacts.slice(0, 1)).map((c) => c.id);
  };
  for (const a of accounts) {
    if (!a.contacts.length) continue;
    if (a.tier === "A")
      for (let q = 3; q >= 0; q--) {
        // The first days of each of the last four quarters (the current one still open).
        const sentAt = new Date(now.getTime() - (q * 91 + Math.floor(r() * 5) + (q === 0 ? 3 : 10)) * DAY);
        const waveKey = waveKeyOf(sentAt, 3)!;
        if (plans.some((p) => p.account.id === a.id && p.waveKey === waveKey)) continue;
        plans.push({
          account: a,
          versionId: "stv_nps_1",
          trigger: "WAVE",
          sentAt,
          waveKey,
          contactIds: deciders(a),
        });
      }
    for (const d of a.deals) {
      if (d.closedAt! < new Date(now.getTime() - 365 * DAY)) continue;
      const sentAt = new Date(Math.min(d.closedAt!.getTime() + DAY, now.getTime() - DAY));
      plans.push({
        account: a,
        versionId: "stv_csat_1",
        trigger: "DEAL_WON",
        sentAt,
        dealId: d.id,
        contactIds: deciders(a),
      });
    }
    if (a.tier === "B" && r() < 0.4) {
      const sentAt = new Date(now.getTime() - Math.floor(30 + r() * 300) * DAY);
      const versionId = sentAt < new Date(now.getTime() - 180 * DAY) ? "stv_annual_1" : "stv_annual_2";
      plans.push({
        account: a,
        versionId,
        trigger: "MANUAL",
        sentAt,
        contactIds: a.contacts.slice(0, 3).map((c) => c.id),
      });
    }
  }

  const surveys: object[] = [];
  const invitations: object[] = [];
  const responses: object[] = [];
  const followUps: object[] = [];
  for (const p of plans) {
    const surveyId = nextId("svy_seed_");
    const closesAt = new Date(p.sentAt.getTime() + 14 * DAY);
    const closed = closesAt <= now;
    surveys.push({
      id: surveyId,
      templateVersionId: p.versionId,
      accountId: p.account.id,
      ownerId: p.account.ownerId,
      teamId: p.account.teamId,
      sentById: p.trigger === "MANUAL" ? p.account.ownerId : null,
      trigger: p.trigger,
      dealId: p.dealId ?? null,
      waveKey: p.waveKey ?? null,
      status: closed ? "CLOSED" : "OPEN",
      closesAt,
      closedAt: closed ? closesAt : null,
      version: 1,
      createdAt: p.sentAt,
      updatedAt: closed ? closesAt : p.sentAt,
    });
    const questions = versions.find((v) => v.id === p.versionId)!.questions;
    for (const contactId of p.contactIds) {
      const contact = p.account.contacts.find((c) => c.id === contactId)!;
      const english = /^[A-Za-z]/.test(contact.name);
      const invitationId = nextId("sinv_seed_");
      const tokenSalt = createHash("sha256")
        .update(`demo-survey:${invitationId}:${r()}`)
        .digest("base64url")
        .slice(0, 22);
      const tokenHash = secret
        ? hashSurveyToken(deriveSurveyToken(secret, tokenSalt))
        : createHash("sha256").update(`unopenable:${tokenSalt}`).digest("hex");
      const answers = r() < (closed ? 0.72 : 0.4);
      const respondedAt = answers
        ? new Date(Math.min(p.sentAt.getTime() + (0.2 + r() * 9) * DAY, now.getTime() - 3_600_000))
        : null;
      invitations.push({
        id: invitationId,
        surveyId,
        contactId,
        accountId: p.account.id,
        tokenSalt,
        tokenHash,
        locale: english ? "en" : "zh_CN",
        expiresAt: closesAt,
        remindedAt: !answers && closed ? new Date(p.sentAt.getTime() + 5 * DAY) : null,
        openedAt: respondedAt ?? (r() < 0.3 ? new Date(p.sentAt.getTime() + DAY) : null),
        respondedAt,
        createdAt: p.sentAt,
      });
      if (!respondedAt) continue;
      const unhappy = r() < 0.14;
      const nps = unhappy ? Math.floor(r() * 7) : pick([7, 8, 8, 9, 9, 9, 10, 10]);
      const csat = unhappy ? pick([1, 2, 2, 3]) : pick([4, 4, 5, 5, 5, 3]);
      const comment =
        r() < 0.65
          ? pick(english ? (unhappy ? COMPLAINT_EN : PRAISE_EN) : unhappy ? COMPLAINT_ZH : PRAISE_ZH)
          : null;
      const given: Record<string, unknown> = {};
      for (const q of questions) {
        if (q.type === "NPS") given[q.key] = nps;
        else if (q.type === "CSAT") given[q.key] = csat;
        else if (q.type === "SCALE") given[q.key] = unhappy ? 3 : 8;
        else if (q.type === "MULTIPLE") given[q.key] = unhappy ? ["price"] : ["quality", "service"];
        else if (comment) given[q.key] = comment;
      }
      const scored = { csat: "csat" in given ? csat : null, nps: "nps" in given ? nps : null };
      const lowScore = isLowScore(scored, LOW);
      const responseId = nextId("sres_seed_");
      responses.push({
        id: responseId,
        invitationId,
        surveyId,
        accountId: p.account.id,
        teamId: p.account.teamId,
        ownerId: p.account.ownerId,
        answers: given,
        ...scored,
        verbatim: comment,
        lowScore,
        submittedAt: respondedAt,
        updatedAt: respondedAt,
        version: 1,
      });
      if (lowScore) {
        const dueOn = addDays(chinaDate(respondedAt), 2);
        const old = dueOn < addDays(chinaDate(now), -20);
        followUps.push({
          id: nextId("fu_seed_low_"),
          accountId: p.account.id,
          ownerId: p.account.ownerId,
          teamId: p.account.teamId,
          reason: "LOW_SCORE",
          surveyResponseId: responseId,
          note: [
            scored.csat != null ? `CSAT ${scored.csat}` : null,
            scored.nps != null ? `NPS ${scored.nps}` : null,
          ]
            .filter(Boolean)
            .join(" · "),
          dueOn: toDbDate(dueOn),
          completedAt: old ? new Date(respondedAt.getTime() + 2 * DAY) : null,
          version: 1,
          createdAt: respondedAt,
        });
      }
    }
  }
  await insertJson(tx, "Survey", surveys);
  await insertJson(tx, "SurveyInvitation", invitations);
  await insertJson(tx, "SurveyResponse", responses);
  await insertJson(tx, "FollowUp", followUps);
  return {
    surveyTemplates: templates.length,
    surveys: surveys.length,
    surveyInvitations: invitations.length,
    surveyResponses: responses.length,
  };
}
