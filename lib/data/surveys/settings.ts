import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { mutate } from "../audit";
import { processCache } from "../process-cache";
import { updateVersioned } from "../versioning";

// The administrator's satisfaction settings (/admin/satisfaction): one row, "default". Before the
// first save the schema's defaults apply (version 0), so every reader gets a complete object.

export type SatisfactionSettingsValues = {
  companyName: string;
  companyNameZh: string;
  linkValidDays: number;
  reminderAfterDays: number;
  surveyOnDealWon: boolean;
  surveyOnComplaintClosed: boolean;
  waveMonthsA: number;
  waveMonthsB: number;
  waveMonthsC: number;
  waveTemplateCode: string;
  distributorWaveMonths: number;
  distributorWaveTemplateCode: string;
  lowCsatAtMost: number;
  lowNpsAtMost: number;
  lowScoreCreatesComplaint: boolean;
};
export type SatisfactionSettings = SatisfactionSettingsValues & { version: number };

export const DEFAULT_SATISFACTION_SETTINGS: SatisfactionSettingsValues = {
  companyName: "Keystone",
  companyNameZh: "Keystone",
  linkValidDays: 14,
  reminderAfterDays: 5,
  surveyOnDealWon: true,
  surveyOnComplaintClosed: true,
  waveMonthsA: 3,
  waveMonthsB: 6,
  waveMonthsC: 0,
  waveTemplateCode: "nps",
  distributorWaveMonths: 3,
  distributorWaveTemplateCode: "channel",
  lowCsatAtMost: 2,
  lowNpsAtMost: 6,
  lowScoreCreatesComplaint: false,
};

type Client = Prisma.TransactionClient | typeof db;

export async function getSatisfactionSettings(client: Client = db): Promise<SatisfactionSettings> {
  const row = await client.satisfactionSettings.findUnique({ where: { id: "default" } });
  if (!row) return { ...DEFAULT_SATISFACTION_SETTINGS, version: 0 };
  const { id: _id, updatedAt: _updatedAt, ...settings } = row;
  return settings;
}

// Every answer and trigger reads the settings; they change a few times a year.
const cache = processCache({ ttlMs: 30_000, load: () => getSatisfactionSettings() });
export const cachedSatisfactionSettings = () => cache.get();

/** The admin's save, version-checked (two admins editing at once: the second is told) and audited. */
export async function saveSatisfactionSettings(
  viewer: Viewer,
  input: SatisfactionSettingsValues & { version: number },
): Promise<SatisfactionSettings> {
  assertCapability(viewer, "admin.satisfaction");
  cache.clear();
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await getSatisfactionSettings(tx);
    const { version, ...data } = input;
    if (before.version === 0) {
      if (version !== 0) throw new AppError("CONFLICT");
      const { count } = await tx.satisfactionSettings.createMany({
        data: [{ id: "default", ...data }],
        skipDuplicates: true,
      });
      if (count === 0) throw new AppError("CONFLICT");
    } else {
      await updateVersioned(tx.satisfactionSettings, { where: { id: "default" }, version, data });
    }
    const after = await getSatisfactionSettings(tx);
    await audit({
      action: "satisfaction.settings",
      entity: "SatisfactionSettings",
      entityId: "default",
      before,
      after,
    });
    return after;
  }).finally(() => cache.clear());
}
