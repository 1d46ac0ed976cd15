// Rows other slices own (complaints, survey answers), written directly: health must read whatever
// is in the database, so these tests do not depend on the complaint and survey code.
import { db } from "@/lib/db";
import { uniqueSuffix } from "../../factories/org";

export async function insertComplaint(
  account: { id: string; ownerId: string; teamId: string },
  fields: {
    severity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
    breached?: boolean;
    status?: "RECEIVED" | "CLOSED";
  } = {},
) {
  const now = new Date();
  return db.complaint.create({
    data: {
      number: `TS-T-${uniqueSuffix()}`,
      accountId: account.id,
      teamId: account.teamId,
      ownerId: account.ownerId,
      channel: "CALL",
      category: "QUALITY",
      severity: fields.severity ?? "HIGH",
      status: fields.status ?? "RECEIVED",
      title: "到货批次不良率偏高",
      customerWords: "上批货有 3% 的不良，影响了产线",
      ackDueAt: now,
      resolveDueAt: now,
      resolveBreachedAt: fields.breached ? now : null,
    },
  });
}

/** A survey answered by one contact of the account with these scores (template and survey made here). */
export async function insertSurveyAnswer(
  account: { id: string; ownerId: string; teamId: string },
  scores: { csat?: number | null; nps?: number | null },
  submittedAt = new Date(),
) {
  const suffix = uniqueSuffix();
  const template = await db.surveyTemplate.create({
    data: { code: `t-${suffix}`, name: "满意度", nameEn: "Satisfaction", kind: "CSAT" },
  });
  const version = await db.surveyTemplateVersion.create({
    data: { templateId: template.id, number: 1, titleZh: "满意度", titleEn: "Satisfaction", questions: [] },
  });
  const survey = await db.survey.create({
    data: {
      templateVersionId: version.id,
      accountId: account.id,
      ownerId: account.ownerId,
      teamId: account.teamId,
      closesAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  const contact = await db.contact.create({
    data: { accountId: account.id, name: `联系人 ${suffix}`, buyingRole: "USER", stance: "NEUTRAL" },
  });
  const invitation = await db.surveyInvitation.create({
    data: {
      surveyId: survey.id,
      contactId: contact.id,
      accountId: account.id,
      tokenSalt: suffix,
      tokenHash: `hash-${suffix}`,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  return db.surveyResponse.create({
    data: {
      invitationId: invitation.id,
      surveyId: survey.id,
      accountId: account.id,
      teamId: account.teamId,
      ownerId: account.ownerId,
      answers: {},
      csat: scores.csat ?? null,
      nps: scores.nps ?? null,
      submittedAt,
    },
  });
}

export async function healthOf(accountId: string) {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { healthScore: true, healthBand: true },
  });
  const snapshots = await db.healthSnapshot.findMany({
    where: { accountId },
    orderBy: { computedAt: "desc" },
  });
  const factors = (snapshots[0]?.factors ?? []) as {
    factor: string;
    points: number;
    max: number;
    detail: { key: string };
  }[];
  return {
    ...account,
    snapshots: snapshots.length,
    factor: (name: string) => factors.find((f) => f.factor === name),
  };
}
