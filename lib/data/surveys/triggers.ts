import "server-only";
import { db, Prisma } from "@/lib/db";
import { automaticRecipients, closesAtFor, triggerEnabled } from "@/lib/domain/survey-rules";
import { writeAudit } from "../audit";
import { currentTemplateVersion, insertSurvey } from "./create";
import { getSatisfactionSettings } from "./settings";

/** The questionnaire a trigger sends: the CSAT one (how did we do), else the wave template. */
export const TRIGGER_TEMPLATE_CODE = "csat";

// CONTRACT (owned by the surveys slice): sends the trigger's survey to the account's decision makers
// in its own transaction, after the caller's change committed. Idempotent per deal / complaint;
// returns null when the settings switch the trigger off or the account has no contact to ask.
// Never throws into the caller: the deal is won, the complaint closed, whatever happens here.
export async function sendSurveyForTrigger(input: {
  accountId: string;
  trigger: "DEAL_WON" | "COMPLAINT_CLOSED";
  dealId?: string;
  complaintId?: string;
  contactIds?: readonly string[];
  actorId: string | null;
  now?: Date;
}): Promise<{ surveyId: string } | null> {
  try {
    return await send(input);
  } catch (error) {
    console.error("[surveys] trigger survey not sent", input.trigger, error);
    return null;
  }
}

async function send(input: Parameters<typeof sendSurveyForTrigger>[0]) {
  const now = input.now ?? new Date();
  const settings = await getSatisfactionSettings();
  if (!triggerEnabled(input.trigger, settings)) return null;
  const source =
    input.trigger === "DEAL_WON"
      ? { dealId: input.dealId ?? null }
      : { complaintId: input.complaintId ?? null };
  if (!Object.values(source)[0]) return null;
  const account = await db.account.findFirst({
    where: { id: input.accountId, deletedAt: null },
    select: { id: true, ownerId: true, teamId: true },
  });
  if (!account) return null;
  const contacts = await db.contact.findMany({
    where: { accountId: account.id, deletedAt: null },
    select: { id: true, buyingRole: true, email: true },
  });
  const recipients = automaticRecipients(contacts, input.contactIds);
  if (!recipients.length) return null;
  // Not mutate(): finding the survey already sent is a normal outcome that writes no audit row.
  const result = await db.$transaction(async (tx) => {
    // Two callers for the same deal (a double click, a retried request) queue here; the second
    // finds the first one's survey.
    const key = `survey-trigger:${input.trigger}:${Object.values(source)[0]}`;
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
    const existing = await tx.survey.findFirst({
      where: { trigger: input.trigger, ...source },
      select: { id: true },
    });
    if (existing) return { surveyId: existing.id };
    const version =
      (await currentTemplateVersion(tx, { code: TRIGGER_TEMPLATE_CODE })) ??
      (await currentTemplateVersion(tx, { code: settings.waveTemplateCode }));
    if (!version) return null;
    const survey = await insertSurvey(tx, {
      templateVersionId: version.id,
      account,
      recipients: recipients.map((contactId) => ({ contactId, locale: "zh_CN" as const })),
      closesAt: closesAtFor(now, settings),
      trigger: input.trigger,
      sentById: input.actorId,
      ...source,
      now,
    });
    await writeAudit(tx, input.actorId, {
      action: "survey.trigger",
      entity: "Survey",
      entityId: survey.id,
      after: { ...survey, contactIds: recipients },
    });
    return { surveyId: survey.id };
  });
  return result ? { surveyId: result.surveyId } : null;
}
