import "server-only";
import type { Tx } from "@/lib/db";
import { newInvitationSecret } from "./links";

export type DbLocale = "zh_CN" | "en";
export type SurveyTriggerKind = "MANUAL" | "DEAL_WON" | "COMPLAINT_CLOSED" | "WAVE";

// The one way a survey is written, whoever sends it (a person, a trigger, a wave) and to whom (an
// account's contacts or a distributor's): the survey and one invitation (personal link) per person,
// in the caller's transaction.

type Party = { id: string; ownerId: string; teamId: string };

export type NewSurvey = {
  templateVersionId: string;
  recipients: readonly { contactId: string; locale: DbLocale }[];
  closesAt: Date;
  trigger: SurveyTriggerKind;
  sentById: string | null;
  dealId?: string | null;
  complaintId?: string | null;
  waveKey?: string | null;
  now: Date;
} & ({ account: Party; distributor?: never } | { distributor: Party; account?: never });

export async function insertSurvey(tx: Tx, input: NewSurvey) {
  const party = input.account ?? input.distributor;
  const survey = await tx.survey.create({
    data: {
      templateVersionId: input.templateVersionId,
      accountId: input.account?.id ?? null,
      distributorId: input.distributor?.id ?? null,
      ownerId: party.ownerId,
      teamId: party.teamId,
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
      // `contactId` is the party's kind of contact: Contact of an account, DistributorContact.
      ...(input.account
        ? { contactId: r.contactId, accountId: input.account.id }
        : { distributorContactId: r.contactId, distributorId: input.distributor.id }),
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
