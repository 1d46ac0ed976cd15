import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { canDo } from "@/lib/domain/access";
import { chinaDayStart, addDays, type IsoDate } from "@/lib/domain/calendar";
import { csatPercent, netPromoterScore, responseRate } from "@/lib/domain/satisfaction";
import { questionResults, satisfactionFigures } from "@/lib/domain/survey-results";
import type { SurveyAnswers, SurveyQuestion } from "@/lib/domain/surveys";
import { scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { scopeSql } from "../scope-sql";
import { canChangeSurveyOf, partyOf, SURVEY_PARTY_SELECT, surveyScopeWhere } from "./party";

// Survey results for staff: the list and figures over the accounts the viewer may see (a
// distributor's surveys are on its page: distributor-results.ts), one survey's answers question by
// question (an account's or a distributor's), an account's satisfaction on its page.

export const SURVEY_PAGE_SIZE = 50;
export type SurveyFilter = {
  trigger?: "MANUAL" | "DEAL_WON" | "COMPLAINT_CLOSED" | "WAVE";
  status?: "OPEN" | "CLOSED";
  from?: IsoDate;
  to?: IsoDate;
  page?: number;
};

function surveyWhere(viewer: Viewer, f: SurveyFilter): Prisma.SurveyWhereInput {
  return {
    deletedAt: null,
    account: { deletedAt: null, ...scopeWhere(viewer) },
    ...(f.trigger ? { trigger: f.trigger } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.from || f.to
      ? {
          createdAt: {
            ...(f.from ? { gte: chinaDayStart(f.from) } : {}),
            ...(f.to ? { lt: chinaDayStart(addDays(f.to, 1)) } : {}),
          },
        }
      : {}),
  };
}

export async function listSurveys(viewer: Viewer, f: SurveyFilter) {
  const where = surveyWhere(viewer, f);
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    db.survey.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SURVEY_PAGE_SIZE,
      take: SURVEY_PAGE_SIZE,
      select: {
        id: true,
        trigger: true,
        status: true,
        createdAt: true,
        closesAt: true,
        waveKey: true,
        account: { select: { id: true, name: true } },
        templateVersion: { select: { titleZh: true, titleEn: true } },
        _count: { select: { invitations: { where: { revokedAt: null } }, responses: true } },
      },
    }),
    db.survey.count({ where }),
  ]);
  return { rows, total, page };
}

/**
 * The figures over the filtered surveys, overall and by month sent (China time): links sent,
 * answers, CSAT % and NPS. One pass in SQL, as the bench data holds hundreds of thousands of answers.
 */
export async function surveyFigures(viewer: Viewer, f: SurveyFilter) {
  const conditions = [
    Prisma.sql`s."deletedAt" IS NULL`,
    Prisma.sql`a."deletedAt" IS NULL`,
    scopeSql(viewer, "a"),
  ];
  if (f.trigger) conditions.push(Prisma.sql`s."trigger"::text = ${f.trigger}`);
  if (f.status) conditions.push(Prisma.sql`s."status"::text = ${f.status}`);
  if (f.from) conditions.push(Prisma.sql`s."createdAt" >= ${chinaDayStart(f.from)}`);
  if (f.to) conditions.push(Prisma.sql`s."createdAt" < ${chinaDayStart(addDays(f.to, 1))}`);
  const rows = await db.$queryRaw<
    {
      month: string;
      sent: number;
      responded: number;
      satisfied: number;
      csatAnswers: number;
      promoters: number;
      passives: number;
      detractors: number;
    }[]
  >(Prisma.sql`
    SELECT to_char(s."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
      count(i.id) FILTER (WHERE i."revokedAt" IS NULL)::int AS sent,
      count(r.id)::int AS responded,
      count(r.id) FILTER (WHERE r.csat >= 4)::int AS satisfied,
      count(r.csat)::int AS "csatAnswers",
      count(r.id) FILTER (WHERE r.nps >= 9)::int AS promoters,
      count(r.id) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives,
      count(r.id) FILTER (WHERE r.nps <= 6)::int AS detractors
    FROM "Survey" s
    JOIN "Account" a ON a.id = s."accountId"
    JOIN "SurveyInvitation" i ON i."surveyId" = s.id
    LEFT JOIN "SurveyResponse" r ON r."invitationId" = i.id
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY 1 ORDER BY 1`);
  const total = rows.reduce(
    (t, r) => ({
      sent: t.sent + r.sent,
      responded: t.responded + r.responded,
      satisfied: t.satisfied + r.satisfied,
      csatAnswers: t.csatAnswers + r.csatAnswers,
      promoters: t.promoters + r.promoters,
      passives: t.passives + r.passives,
      detractors: t.detractors + r.detractors,
    }),
    { sent: 0, responded: 0, satisfied: 0, csatAnswers: 0, promoters: 0, passives: 0, detractors: 0 },
  );
  return { total: figuresOf(total), months: rows.map((r) => ({ month: r.month, ...figuresOf(r) })) };
}

function figuresOf(x: {
  sent: number;
  responded: number;
  satisfied: number;
  csatAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
}) {
  return {
    sent: x.sent,
    responded: x.responded,
    responseRate: responseRate(x.responded, x.sent),
    csat: csatPercent(x.satisfied, x.csatAnswers),
    csatAnswers: x.csatAnswers,
    nps: netPromoterScore(x),
    npsAnswers: x.promoters + x.passives + x.detractors,
  };
}

/** One survey with its links, answers and per-question results; NOT_FOUND outside the viewer's scope. */
export async function getSurvey(viewer: Viewer, id: string) {
  const person = { select: { id: true, name: true, title: true, email: true } };
  const found = await db.survey.findFirst({
    where: { id, deletedAt: null, ...(await surveyScopeWhere(viewer)) },
    include: {
      ...SURVEY_PARTY_SELECT,
      templateVersion: { include: { template: { select: { code: true, name: true, nameEn: true } } } },
      invitations: {
        orderBy: { createdAt: "asc" },
        include: {
          contact: person,
          distributorContact: person,
          response: {
            select: {
              id: true,
              csat: true,
              nps: true,
              verbatim: true,
              lowScore: true,
              submittedAt: true,
              answers: true,
            },
          },
        },
      },
    },
  });
  if (!found) throw notFound("survey");
  // Each link with its person, whichever kind of contact the party has.
  const invitations = found.invitations.map(({ contact, distributorContact, ...inv }) => ({
    ...inv,
    person: (contact ?? distributorContact)!,
  }));
  const survey = { ...found, invitations };
  const questions = survey.templateVersion.questions as unknown as SurveyQuestion[];
  const responses = invitations.flatMap((i) => (i.response ? [i.response] : []));
  return {
    survey,
    party: partyOf(found),
    questions,
    canEdit: await canChangeSurveyOf(viewer, found),
    figures: satisfactionFigures(invitations.filter((i) => !i.revokedAt).length, responses),
    results: questionResults(
      questions,
      responses.map((r) => r.answers as SurveyAnswers),
    ),
  };
}

/** The account page's satisfaction: figures of the last year, by quarter, latest verbatims, open links. */
export async function accountSatisfaction(viewer: Viewer, accountId: string, now = new Date()) {
  const account = await db.account.findFirst({
    // A deleted account's page still shows its history (and offers restore).
    where: { id: accountId, ...scopeWhere(viewer) },
    select: { id: true, ownerId: true, teamId: true },
  });
  if (!account) throw notFound("account");
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const [responses, sent, surveys, verbatims] = await Promise.all([
    db.surveyResponse.findMany({
      where: { accountId, submittedAt: { gte: since }, survey: { deletedAt: null } },
      select: { csat: true, nps: true, submittedAt: true },
      orderBy: { submittedAt: "asc" },
    }),
    db.surveyInvitation.count({
      where: { accountId, revokedAt: null, createdAt: { gte: since }, survey: { deletedAt: null } },
    }),
    db.survey.findMany({
      where: { accountId, deletedAt: null },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: {
        id: true,
        status: true,
        trigger: true,
        createdAt: true,
        closesAt: true,
        templateVersion: { select: { titleZh: true, titleEn: true } },
        _count: { select: { invitations: { where: { revokedAt: null } }, responses: true } },
      },
    }),
    db.surveyResponse.findMany({
      where: { accountId, verbatim: { not: null }, survey: { deletedAt: null } },
      orderBy: { submittedAt: "desc" },
      take: 3,
      select: {
        id: true,
        surveyId: true,
        verbatim: true,
        csat: true,
        nps: true,
        submittedAt: true,
        invitation: { select: { contact: { select: { name: true } } } },
      },
    }),
  ]);
  const latest = [...responses].reverse();
  return {
    canSend: canDo(viewer, "edit", account),
    figures: satisfactionFigures(sent, responses),
    latestCsat: latest.find((r) => r.csat != null)?.csat ?? null,
    latestNps: latest.find((r) => r.nps != null)?.nps ?? null,
    surveys,
    verbatims,
  };
}
