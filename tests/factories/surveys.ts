// Survey links as the sending slice creates them (template version → survey → invitation with a
// salt and the token's hash), written directly: for tests, the e2e seed and the benchmark, which
// need working tokens without going through the sending screens.
import { deriveSurveyToken, hashSurveyToken, newTokenSalt } from "@/lib/auth/survey-token";
import type { Prisma } from "@/lib/db";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import { contactRow } from "./accounts";
import { uniqueSuffix } from "./org";

type Client = Pick<
  Prisma.TransactionClient,
  "user" | "account" | "contact" | "surveyTemplate" | "surveyTemplateVersion" | "survey" | "surveyInvitation"
>;

/** The standard NPS questionnaire: the score and an optional reason. */
export const NPS_QUESTIONS: SurveyQuestion[] = [
  {
    key: "nps",
    type: "NPS",
    required: true,
    labelZh: "您有多大可能向朋友或同事推荐我们？",
    labelEn: "How likely are you to recommend us to a friend or colleague?",
  },
  {
    key: "reason",
    type: "TEXT",
    required: false,
    labelZh: "您给出这个分数的主要原因是什么？",
    labelEn: "What is the main reason for your score?",
  },
];

/** Every question type once (for the page's rendering and validation). */
export const ALL_TYPES_QUESTIONS: SurveyQuestion[] = [
  ...NPS_QUESTIONS,
  {
    key: "csat",
    type: "CSAT",
    required: true,
    labelZh: "您对我们的服务满意吗？",
    labelEn: "How satisfied are you with our service?",
  },
  {
    key: "speed",
    type: "SCALE",
    required: false,
    min: 1,
    max: 7,
    labelZh: "交付速度",
    labelEn: "Delivery speed",
  },
  {
    key: "channel",
    type: "SINGLE",
    required: false,
    labelZh: "您通常如何联系我们？",
    labelEn: "How do you usually reach us?",
    options: [
      { key: "phone", labelZh: "电话", labelEn: "Phone" },
      { key: "wechat", labelZh: "微信", labelEn: "WeChat" },
    ],
  },
  {
    key: "topics",
    type: "MULTIPLE",
    required: false,
    labelZh: "哪些方面需要改进？",
    labelEn: "What should we improve?",
    options: [
      { key: "quality", labelZh: "质量", labelEn: "Quality" },
      { key: "delivery", labelZh: "交付", labelEn: "Delivery" },
      { key: "price", labelZh: "价格", labelEn: "Price" },
    ],
  },
];

export type SurveyLinkInput = {
  ownerId: string;
  /** Another link on an existing survey (a second contact); otherwise a new survey is made. */
  surveyId?: string;
  accountId?: string;
  contactId?: string;
  locale?: "zh_CN" | "en";
  questions?: SurveyQuestion[];
  title?: { zh: string; en: string };
  status?: "OPEN" | "CLOSED";
  closesAt?: Date;
  expiresAt?: Date;
  revokedAt?: Date | null;
  /** A fixed salt gives a known token (the e2e seed); a fresh one otherwise. */
  salt?: string;
  secret?: string;
  contactName?: string;
};

export type SurveyLinkFixture = {
  token: string;
  invitationId: string;
  surveyId: string;
  accountId: string;
  contactId: string;
  teamId: string;
};

const DAY = 86_400_000;

export async function insertSurveyLink(client: Client, input: SurveyLinkInput): Promise<SurveyLinkFixture> {
  const now = Date.now();
  const owner = await client.user.findUniqueOrThrow({
    where: { id: input.ownerId },
    select: { teamId: true },
  });
  const teamId = owner.teamId!;
  let surveyId = input.surveyId;
  let accountId = input.accountId;
  if (surveyId) {
    const survey = await client.survey.findUniqueOrThrow({
      where: { id: surveyId },
      select: { accountId: true },
    });
    // The fixture makes account surveys only.
    accountId = survey.accountId!;
  } else {
    accountId ??= (
      await client.account.create({
        data: {
          name: `调研测试客户 ${uniqueSuffix()}有限公司`,
          accountType: "END_CUSTOMER",
          ownerId: input.ownerId,
          teamId,
        },
        select: { id: true },
      })
    ).id;
    const code = `test-${uniqueSuffix()}`;
    const template = await client.surveyTemplate.create({
      data: { code, name: "客户满意度调研", nameEn: "Customer satisfaction survey", kind: "NPS" },
      select: { id: true },
    });
    const version = await client.surveyTemplateVersion.create({
      data: {
        templateId: template.id,
        number: 1,
        titleZh: input.title?.zh ?? "客户满意度调研",
        titleEn: input.title?.en ?? "Customer satisfaction survey",
        introZh: "感谢您抽出一分钟时间。",
        introEn: "Thank you for taking a minute.",
        questions: (input.questions ?? NPS_QUESTIONS) as unknown as Prisma.InputJsonArray,
      },
      select: { id: true },
    });
    surveyId = (
      await client.survey.create({
        data: {
          templateVersionId: version.id,
          accountId,
          ownerId: input.ownerId,
          teamId,
          status: input.status ?? "OPEN",
          closesAt: input.closesAt ?? new Date(now + 14 * DAY),
          ...(input.status === "CLOSED" ? { closedAt: new Date(now) } : {}),
        },
        select: { id: true },
      })
    ).id;
  }
  const contactId =
    input.contactId ??
    (
      await client.contact.create({
        data: contactRow({ accountId, ...(input.contactName ? { name: input.contactName } : {}) }),
        select: { id: true },
      })
    ).id;
  const salt = input.salt ?? newTokenSalt();
  const token = deriveSurveyToken(
    input.secret ?? process.env.NEXTAUTH_SECRET ?? "survey-fixture-secret",
    salt,
  );
  const invitation = await client.surveyInvitation.create({
    data: {
      surveyId,
      contactId,
      accountId,
      tokenSalt: salt,
      tokenHash: hashSurveyToken(token),
      locale: input.locale ?? "zh_CN",
      expiresAt: input.expiresAt ?? new Date(now + 14 * DAY),
      revokedAt: input.revokedAt ?? null,
    },
    select: { id: true },
  });
  return { token, invitationId: invitation.id, surveyId, accountId, contactId, teamId };
}
