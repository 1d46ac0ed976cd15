import "server-only";
import { db } from "@/lib/db";
import {
  automaticRecipients,
  closesAtFor,
  reminderDue,
  waveKeyOf,
  type Tier,
} from "@/lib/domain/survey-rules";
import type { JobResult } from "@/lib/jobs/types";
import { mutate, writeAudit } from "../audit";
import { currentTemplateVersion, insertSurvey } from "./create";
import { runDistributorSurveyWave } from "./distributor-waves";
import { getSatisfactionSettings, type SatisfactionSettings } from "./settings";

// The scheduled survey work (lib/jobs runs each on its interval). Every job is idempotent: a wave is
// unique per account and period, a reminder is marked per invitation, closing is a state change.

const WAVE_BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * Periodic waves: per tier (SatisfactionSettings.waveMonths*), one survey per account and wave; and
 * to the signed distributors (distributor-waves.ts), one per distributor and wave.
 */
export async function runSurveyWaves(now: Date): Promise<JobResult> {
  const settings = await getSatisfactionSettings();
  const accounts = await runAccountWaves(now, settings);
  const distributors = await runDistributorSurveyWave(now, settings);
  return {
    processed: accounts.processed + distributors.processed,
    detail: { ...accounts.detail, distributors },
  };
}

async function runAccountWaves(now: Date, settings: SatisfactionSettings) {
  const waves = (["A", "B", "C"] as const)
    .map((tier) => ({ tier, waveKey: waveKeyOf(now, settings[`waveMonths${tier}`]) }))
    .filter((w): w is { tier: Tier; waveKey: string } => w.waveKey !== null);
  if (!waves.length) return { processed: 0, detail: { waves: [] } };
  const version = await currentTemplateVersion(db, { code: settings.waveTemplateCode });
  if (!version) return { processed: 0, detail: { missingTemplate: settings.waveTemplateCode } };
  let processed = 0;
  for (const { tier, waveKey } of waves) {
    // Customers of the tier not yet surveyed in this wave, a batch at a time.
    for (;;) {
      const accounts = await db.account.findMany({
        where: {
          tier,
          lifecycle: "CUSTOMER",
          deletedAt: null,
          surveys: { none: { waveKey } },
          contacts: { some: { deletedAt: null, buyingRole: "DECISION_MAKER" } },
        },
        select: { id: true, ownerId: true, teamId: true },
        orderBy: { id: "asc" },
        take: WAVE_BATCH,
      });
      if (!accounts.length) break;
      const contacts = await db.contact.findMany({
        where: {
          accountId: { in: accounts.map((a) => a.id) },
          deletedAt: null,
          buyingRole: "DECISION_MAKER",
        },
        select: { id: true, accountId: true, buyingRole: true, email: true },
      });
      const sent = await mutate(
        null,
        async ({ tx, auditMany }) => {
          const entries = [];
          for (const account of accounts) {
            const recipients = automaticRecipients(contacts.filter((c) => c.accountId === account.id));
            const survey = await insertSurvey(tx, {
              templateVersionId: version.id,
              account,
              recipients: recipients.map((contactId) => ({ contactId, locale: "zh_CN" as const })),
              closesAt: closesAtFor(now, settings),
              trigger: "WAVE",
              sentById: null,
              waveKey,
              now,
            });
            entries.push({ action: "survey.wave", entity: "Survey", entityId: survey.id, after: survey });
          }
          await auditMany(entries);
          return entries.length;
        },
        { timeoutMs: 60_000 },
      );
      processed += sent;
      if (accounts.length < WAVE_BATCH) break;
    }
  }
  return { processed, detail: { waves: waves.map((w) => `${w.tier}:${w.waveKey}`) } };
}

/**
 * Reminds of links unanswered after N days, once per invitation (remindedAt): the survey's owner gets
 * one bell notification per survey naming how many people have not answered (they nudge them in
 * WeChat or by phone; the links themselves are on the survey page).
 */
export async function runSurveyReminders(now: Date): Promise<JobResult> {
  const settings = await getSatisfactionSettings();
  if (settings.reminderAfterDays <= 0) return { processed: 0 };
  const candidates = await db.surveyInvitation.findMany({
    where: {
      respondedAt: null,
      remindedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
      createdAt: { lte: new Date(now.getTime() - settings.reminderAfterDays * DAY_MS) },
      survey: {
        status: "OPEN",
        deletedAt: null,
        OR: [{ account: { deletedAt: null } }, { distributor: { deletedAt: null } }],
      },
    },
    select: {
      id: true,
      createdAt: true,
      respondedAt: true,
      remindedAt: true,
      revokedAt: true,
      expiresAt: true,
      surveyId: true,
      survey: {
        select: {
          ownerId: true,
          account: { select: { name: true } },
          distributor: { select: { name: true } },
        },
      },
    },
    take: 5000,
  });
  const due = candidates.filter((i) => reminderDue(i, settings, now));
  if (!due.length) return { processed: 0 };
  const bySurvey = new Map<string, typeof due>();
  for (const i of due) bySurvey.set(i.surveyId, [...(bySurvey.get(i.surveyId) ?? []), i]);
  await db.$transaction(async (tx) => {
    // The job runner's lease keeps a second runner out; the remindedAt condition keeps a rerun out.
    await tx.surveyInvitation.updateMany({
      where: { id: { in: due.map((i) => i.id) }, remindedAt: null },
      data: { remindedAt: now },
    });
    for (const [surveyId, invitations] of bySurvey) {
      const { survey } = invitations[0]!;
      await tx.notification.create({
        data: {
          userId: survey.ownerId,
          kind: "survey.reminder",
          entity: "Survey",
          entityId: surveyId,
          actorId: null,
          // The party's name, an account's or a distributor's.
          payload: {
            accountName: (survey.account ?? survey.distributor)!.name,
            count: invitations.length,
          },
        },
      });
    }
    await writeAudit(tx, null, {
      action: "survey.remind",
      entity: "SurveyInvitation",
      entityId: due[0]!.id,
      after: { invitationIds: due.map((i) => i.id), remindedAt: now },
    });
  });
  return { processed: due.length, detail: { surveys: bySurvey.size } };
}

/** Closes surveys past closesAt (their links stop taking answers). */
export async function runSurveyExpiry(now: Date): Promise<JobResult> {
  const due = await db.survey.findMany({
    where: { status: "OPEN", closesAt: { lte: now } },
    select: { id: true },
    take: 5000,
  });
  if (!due.length) return { processed: 0 };
  const ids = due.map((s) => s.id);
  const closed = await mutate(null, async ({ tx, audit }) => {
    const { count } = await tx.survey.updateMany({
      where: { id: { in: ids }, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now, version: { increment: 1 } },
    });
    await audit({
      action: "survey.close",
      entity: "Survey",
      entityId: ids[0]!,
      after: { surveyIds: ids, closedAt: now },
    });
    return count;
  });
  return { processed: closed };
}
