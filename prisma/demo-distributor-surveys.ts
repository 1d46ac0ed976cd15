// Demo distributor satisfaction (渠道满意度调研): the channel questionnaire, and the quarterly wave to
// each signed or suspended distributor's contacts over the last four quarters and the current one
// (its links still open) — most answered, a few unhappy. The scorecards seed runs after this
// and scores satisfaction from these answers. Bulk inserts, deterministic (seeded random).
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { deriveSurveyToken, hashSurveyToken } from "@/lib/auth/survey-token";
import { chinaDate, chinaDayStart, addDays } from "@/lib/domain/calendar";
import { previousQuarter, quarterOf, type Quarter } from "@/lib/domain/distributor-scorecard";
import { isLowScore } from "@/lib/domain/satisfaction";
import { seededRandom } from "@/lib/domain/random";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import { insertJson } from "./demo-visits";

const DAY = 86_400_000;
const LOW = { lowCsatAtMost: 2, lowNpsAtMost: 6 };

export const CHANNEL_QUESTIONS: SurveyQuestion[] = [
  {
    key: "csat",
    type: "CSAT",
    required: true,
    labelZh: "您对与我司的整体合作满意吗？",
    labelEn: "Overall, how satisfied are you with working with us?",
  },
  {
    key: "nps",
    type: "NPS",
    required: true,
    labelZh: "您有多大可能向同行推荐成为我司的经销商？",
    labelEn: "How likely are you to recommend becoming our distributor to a peer?",
  },
  {
    key: "improve",
    type: "MULTIPLE",
    required: false,
    labelZh: "哪些方面需要我们改进？（可多选）",
    labelEn: "What should we improve? (choose any)",
    options: [
      { key: "delivery", labelZh: "供货及时性", labelEn: "On-time supply" },
      { key: "rebate", labelZh: "返点结算速度", labelEn: "Rebate settlement" },
      { key: "support", labelZh: "市场支持", labelEn: "Marketing support" },
      { key: "pricing", labelZh: "价格体系", labelEn: "Price structure" },
      { key: "credit", labelZh: "信用额度与账期", labelEn: "Credit and payment terms" },
    ],
  },
  {
    key: "comment",
    type: "TEXT",
    required: false,
    labelZh: "其他意见或建议",
    labelEn: "Anything else you would like to tell us?",
  },
];

const PRAISE = ["渠道经理响应及时，返点结算准确。", "今年供货稳定，市场支持到位。", "政策透明，合作顺畅。"];
const GRIEVANCE = [
  "返点结算太慢，资金压力大。",
  "区域内窜货问题处理不够及时。",
  "旺季经常断货，影响终端客户。",
];

export async function seedDemoDistributorSurveys(
  tx: Tx,
  args: { now?: Date } = {},
): Promise<Record<string, number>> {
  const r = seededRandom(1406);
  const now = args.now ?? new Date();
  const secret = process.env.NEXTAUTH_SECRET;
  const created = new Date(now.getTime() - 400 * DAY);
  await insertJson(tx, "SurveyTemplate", [
    {
      id: "stpl_channel",
      code: "channel",
      name: "经销商满意度调研",
      nameEn: "Distributor satisfaction survey",
      kind: "CUSTOM",
      currentVersion: 1,
      version: 1,
      createdAt: created,
      updatedAt: created,
    },
  ]);
  await insertJson(tx, "SurveyTemplateVersion", [
    {
      id: "stv_channel_1",
      templateId: "stpl_channel",
      number: 1,
      titleZh: "经销商合作满意度调研",
      titleEn: "How is our partnership going?",
      introZh: "感谢您一直以来的合作！约两分钟，您的意见将用于改进渠道政策。",
      introEn: "Thank you for the partnership. About two minutes; your answers shape our channel policy.",
      questions: CHANNEL_QUESTIONS,
      createdAt: created,
    },
  ]);

  const distributors = await tx.distributor.findMany({
    where: { deletedAt: null, stage: { in: ["SIGNED", "SUSPENDED"] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      ownerId: true,
      teamId: true,
      contacts: { where: { deletedAt: null }, orderBy: { id: "asc" }, select: { id: true } },
    },
  });
  // The current quarter (still open) and the four before it, oldest first.
  const quarters: Quarter[] = [];
  for (let q = quarterOf(chinaDate(now)), k = 0; k < 5; k++, q = previousQuarter(q)) quarters.unshift(q);

  const surveys: object[] = [];
  const invitations: object[] = [];
  const responses: object[] = [];
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}${String(++seq).padStart(5, "0")}`;
  for (const d of distributors) {
    if (!d.contacts.length) continue;
    // A distributor that is struggling says so in most quarters.
    const grumpy = r.next() < 0.15;
    for (const q of quarters) {
      // Past quarters' in their third week; the current quarter's a few days ago (its links open).
      const current = q === quarters[quarters.length - 1];
      const quarterStart = chinaDayStart(q.start).getTime() + 2 * 3_600_000;
      const sentAt = current
        ? new Date(Math.max(quarterStart, now.getTime() - r.int(3, 9) * DAY))
        : new Date(chinaDayStart(addDays(q.start, 14 + r.int(0, 6))).getTime() + 2 * 3_600_000);
      if (sentAt >= now) continue;
      const closesAt = new Date(sentAt.getTime() + 21 * DAY);
      const closed = closesAt <= now;
      const surveyId = nextId("svy_dst_");
      surveys.push({
        id: surveyId,
        templateVersionId: "stv_channel_1",
        distributorId: d.id,
        ownerId: d.ownerId,
        teamId: d.teamId,
        // The quarterly wave (lib/data/surveys/distributor-waves.ts), keyed as the job keys it.
        sentById: null,
        trigger: "WAVE",
        waveKey: q.key,
        status: closed ? "CLOSED" : "OPEN",
        closesAt,
        closedAt: closed ? closesAt : null,
        version: 1,
        createdAt: sentAt,
        updatedAt: closed ? closesAt : sentAt,
      });
      for (const c of d.contacts) {
        const invitationId = nextId("sinv_dst_");
        const tokenSalt = createHash("sha256")
          .update(`demo-distributor-survey:${invitationId}`)
          .digest("base64url")
          .slice(0, 22);
        const tokenHash = secret
          ? hashSurveyToken(deriveSurveyToken(secret, tokenSalt))
          : createHash("sha256").update(`unopenable:${tokenSalt}`).digest("hex");
        // Answers arrive within the link's three weeks (never after now, so within the quarter).
        const answered = r.next() < (closed ? 0.8 : 0.45);
        const respondedAt = answered
          ? new Date(Math.min(sentAt.getTime() + (0.3 + r.next() * 12) * DAY, now.getTime() - 3_600_000))
          : null;
        invitations.push({
          id: invitationId,
          surveyId,
          distributorContactId: c.id,
          distributorId: d.id,
          tokenSalt,
          tokenHash,
          locale: "zh_CN",
          expiresAt: closesAt,
          openedAt: respondedAt,
          respondedAt,
          createdAt: sentAt,
        });
        if (!respondedAt) continue;
        const unhappy = r.next() < (grumpy ? 0.6 : 0.1);
        const csat = unhappy ? r.pick([1, 2, 3]) : r.pick([3, 4, 4, 5, 5]);
        const nps = unhappy ? r.int(2, 6) : r.pick([7, 8, 8, 9, 9, 10]);
        const comment = r.next() < 0.6 ? r.pick(unhappy ? GRIEVANCE : PRAISE) : null;
        const answers = {
          csat,
          nps,
          improve: unhappy ? [r.pick(["rebate", "delivery", "credit"])] : [r.pick(["support", "pricing"])],
          ...(comment ? { comment } : {}),
        };
        responses.push({
          id: nextId("sres_dst_"),
          invitationId,
          surveyId,
          distributorId: d.id,
          teamId: d.teamId,
          ownerId: d.ownerId,
          answers,
          csat,
          nps,
          verbatim: comment,
          lowScore: isLowScore({ csat, nps }, LOW),
          submittedAt: respondedAt,
          updatedAt: respondedAt,
          version: 1,
        });
      }
    }
  }
  await insertJson(tx, "Survey", surveys);
  await insertJson(tx, "SurveyInvitation", invitations);
  await insertJson(tx, "SurveyResponse", responses);
  return {
    distributorSurveys: surveys.length,
    distributorSurveyResponses: responses.length,
  };
}
