import "server-only";
import { db } from "@/lib/db";
import { closesAtFor, waveKeyOf } from "@/lib/domain/survey-rules";
import { mutate } from "../audit";
import { currentTemplateVersion, insertSurvey } from "./create";
import type { SatisfactionSettings } from "./settings";

// 渠道满意度定期调研: every signed distributor's contacts, once per period (quarterly by default), so
// each quarter's scorecard has answers to score. Idempotent: a survey is unique per distributor and
// wave key, and the query skips distributors already asked in this wave.

const BATCH = 200;

export async function runDistributorSurveyWave(
  now: Date,
  settings: SatisfactionSettings,
): Promise<{ processed: number; waveKey: string | null; missingTemplate?: string }> {
  const waveKey = waveKeyOf(now, settings.distributorWaveMonths);
  if (!waveKey) return { processed: 0, waveKey };
  const version = await currentTemplateVersion(db, { code: settings.distributorWaveTemplateCode });
  if (!version) return { processed: 0, waveKey, missingTemplate: settings.distributorWaveTemplateCode };
  let processed = 0;
  for (;;) {
    const distributors = await db.distributor.findMany({
      where: {
        stage: "SIGNED",
        deletedAt: null,
        surveys: { none: { waveKey } },
        contacts: { some: { deletedAt: null } },
      },
      select: {
        id: true,
        ownerId: true,
        teamId: true,
        contacts: { where: { deletedAt: null }, select: { id: true } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!distributors.length) break;
    processed += await mutate(
      null,
      async ({ tx, auditMany }) => {
        const entries = [];
        for (const d of distributors) {
          const survey = await insertSurvey(tx, {
            templateVersionId: version.id,
            distributor: d,
            recipients: d.contacts.map((c) => ({ contactId: c.id, locale: "zh_CN" as const })),
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
    if (distributors.length < BATCH) break;
  }
  return { processed, waveKey };
}
