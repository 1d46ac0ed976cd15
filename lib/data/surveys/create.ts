import "server-only";
import type { Tx } from "@/lib/db";
import { newInvitationSecret } from "./links";

export type DbLocale = "zh_CN" | "en";
export type SurveyTriggerKind = "MANUAL" | "DEAL_WON" | "COMPLAINT_CLOSED" | "WAVE";

// The one way a survey is written, whoever sends it (a person, a trigger, a wave): the survey and
// one invitation (personal link) per contact, in the caller's transaction.

export type NewSurvey = {
  templateVersionId: string;
  account: { id: string; ownerId: string; teamId: string };
  recipients: readonly { contactId: string; locale: DbLocale }[];
  closesAt: Date;
  trigger: SurveyTriggerKind;
  sentById: string | null;
  dealId?: string | null;
  complaintId?: string | null;
  waveKey?: string | null;
  now: Date;
};

export async function insertSurvey(tx: Tx, input: NewSurvey) {
  const survey = await tx.survey.create({
    data: {
      templateVersionId: input.templateVersionId,
      accountId: input.account.id,
      ownerId: input.account.ownerId,
      teamId: input.account.teamId,
      sentById: input.sentById,
      trigger: input.trigger,
      dealId: input.dealId ?? null,
      complaintId: input.complaintId ?? null,
      waveKey: input.waveKey ?? null,
      closesAt: input.closesAt,
      createdAt: input.now,
    },
  });
  await tx.surveyInvitation.createMany({
    data: input.recipients.map((r) => ({
      surveyId: survey.id,
      contactId: r.contactId,
      accountId: input.account.id,
      locale: r.locale,
      expiresAt: input.closesAt,
      createdAt: input.now,
      ...newInvitationSecret(),
    })),
  });
  return survey;
}

/** The template version a new survey uses: the template's current one (null if deleted or missing). */
export async function currentTemplateVersion(tx: Tx, where: { id: string } | { code: string }) {
  const template = await tx.surveyTemplate.findFirst({ where: { ...where, deletedAt: null } });
  if (!template) return null;
  return tx.surveyTemplateVersion.findUnique({
    where: { templateId_number: { templateId: template.id, number: template.currentVersion } },
  });
}
