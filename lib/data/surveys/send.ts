import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { addDays, chinaDate, chinaDayStart, type IsoDate } from "@/lib/domain/calendar";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { currentTemplateVersion, insertSurvey, type DbLocale } from "./create";
import { canChangeSurveyOf, SURVEY_PARTY_SELECT, surveyScopeWhere } from "./party";

/** The furthest a person may set a survey's closing date. */
export const MAX_OPEN_DAYS = 90;

export type SendSurveyInput = {
  accountId: string;
  templateId: string;
  /** "decisionMakers": every decision maker of the account; "chosen": `contactIds`. */
  audience: "decisionMakers" | "chosen";
  contactIds: string[];
  closesOn: IsoDate;
  locale: "zh-CN" | "en";
};

/** The end of the closing day (China time), if the day is tomorrow or later and within MAX_OPEN_DAYS. */
export function closingInstant(closesOn: IsoDate, now: Date): Date {
  const today = chinaDate(now);
  if (closesOn <= today || closesOn > addDays(today, MAX_OPEN_DAYS))
    throw new AppError("VALIDATION", "closing date", { closesOn: ["surveys.errors.closesOn"] });
  return chinaDayStart(addDays(closesOn, 1));
}

/**
 * 发送满意度调研: a person who may edit the account sends a template to some of its contacts. Each
 * gets a personal link valid until the end of the closing day (China time).
 */
export async function sendSurvey(viewer: Viewer, input: SendSurveyInput, now = new Date()) {
  const account = await db.account.findFirst({
    where: { id: input.accountId, deletedAt: null, ...scopeWhere(viewer) },
    select: { id: true, name: true, ownerId: true, teamId: true },
  });
  assertRecord(viewer, "edit", account, "account");
  const closesAt = closingInstant(input.closesOn, now);
  const contacts = await db.contact.findMany({
    where: {
      accountId: account.id,
      deletedAt: null,
      ...(input.audience === "decisionMakers"
        ? { buyingRole: "DECISION_MAKER" }
        : { id: { in: input.contactIds } }),
    },
    select: { id: true },
  });
  if (!contacts.length)
    throw new AppError("VALIDATION", "no contacts", {
      contactIds: [
        input.audience === "decisionMakers" ? "surveys.errors.noDecisionMakers" : "surveys.errors.noContacts",
      ],
    });
  if (input.audience === "chosen" && contacts.length !== new Set(input.contactIds).size)
    throw notFound("contact");
  return writeSentSurvey(viewer, {
    templateId: input.templateId,
    account,
    contactIds: contacts.map((c) => c.id),
    locale: input.locale,
    closesAt,
    now,
  });
}

type Party = { id: string; ownerId: string; teamId: string };

/**
 * What sending by hand shares, whoever the party: the template's current version, the survey with
 * a link per person (their Contact or DistributorContact ids), audited as sent by `viewer`.
 */
export function writeSentSurvey(
  viewer: Viewer,
  input: {
    templateId: string;
    contactIds: string[];
    locale: "zh-CN" | "en";
    closesAt: Date;
    now: Date;
  } & ({ account: Party; distributor?: never } | { distributor: Party; account?: never }),
) {
  const { templateId, contactIds, locale, ...rest } = input;
  const dbLocale: DbLocale = locale === "en" ? "en" : "zh_CN";
  return mutate(viewer, async ({ tx, audit }) => {
    const version = await currentTemplateVersion(tx, { id: templateId });
    if (!version) throw new AppError("VALIDATION", "template", { templateId: ["surveys.errors.template"] });
    const survey = await insertSurvey(tx, {
      ...rest,
      templateVersionId: version.id,
      recipients: contactIds.map((contactId) => ({ contactId, locale: dbLocale })),
      trigger: "MANUAL",
      sentById: viewer.id,
    });
    await audit({
      action: "survey.send",
      entity: "Survey",
      entityId: survey.id,
      after: { ...survey, contactIds },
    });
    return { surveyId: survey.id };
  });
}

/** The invitation with its survey, if the viewer may change the survey's account or distributor. */
async function invitationForChange(viewer: Viewer, invitationId: string) {
  const invitation = await db.surveyInvitation.findFirst({
    where: { id: invitationId, survey: { deletedAt: null, ...(await surveyScopeWhere(viewer)) } },
    include: { survey: { include: SURVEY_PARTY_SELECT } },
  });
  if (!invitation) throw notFound("invitation");
  if (!(await canChangeSurveyOf(viewer, invitation.survey))) throw forbidden();
  return invitation;
}

/** Revokes one personal link: it stops opening the survey at once (an answer already given stays). */
export async function revokeInvitation(viewer: Viewer, input: { id: string }, now = new Date()) {
  const invitation = await invitationForChange(viewer, input.id);
  if (invitation.revokedAt) return { surveyId: invitation.surveyId };
  return mutate(viewer, async ({ tx, audit }) => {
    await tx.surveyInvitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    // The salt (with the server secret) is the link itself: it stays out of the audit trail.
    const { survey: _survey, tokenSalt: _salt, tokenHash: _hash, ...before } = invitation;
    await audit({
      action: "survey.revokeLink",
      entity: "SurveyInvitation",
      entityId: invitation.id,
      before,
      after: { ...before, revokedAt: now },
    });
    return { surveyId: invitation.surveyId };
  });
}

export { invitationForChange };
