import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { DEFAULT_PIPELINE_SETTINGS, type PipelineSettings } from "@/lib/domain/pipeline";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { mutate } from "../audit";
import { processCache } from "../process-cache";
import { updateVersioned } from "../versioning";

// The pipeline settings (one row, the admin's): stale-card days, the decision-maker strength the
// 关系建立 gate needs, and the renewal window.

type Client = Prisma.TransactionClient | typeof db;

export async function getPipelineSettings(
  client: Client = db,
): Promise<PipelineSettings & { version: number }> {
  const row = await client.pipelineSettings.findUnique({ where: { id: "default" } });
  return row ?? { ...DEFAULT_PIPELINE_SETTINGS, version: 0 };
}

// The board and every move read the settings; they change a few times a year (see process-cache.ts).
const settingsCache = processCache({ ttlMs: 30_000, load: () => getPipelineSettings() });

export const cachedPipelineSettings = () => settingsCache.get();

export async function updatePipelineSettings(viewer: Viewer, input: PipelineSettings & { version: number }) {
  assertCapability(viewer, "admin.pipeline");
  settingsCache.clear();
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await getPipelineSettings(tx);
    const data = {
      staleDays: input.staleDays,
      minDecisionMakerStrength: input.minDecisionMakerStrength,
      renewalWindowDays: input.renewalWindowDays,
    };
    if (before.version === 0) {
      // First save: the row does not exist yet; the form was showing the defaults (version 0).
      if (input.version !== 0 && input.version !== 1) throw new AppError("CONFLICT");
      // Two first saves at once: the second insert waits for the first to commit, then finds its row.
      const { count } = await tx.pipelineSettings.createMany({
        data: [{ id: "default", ...data }],
        skipDuplicates: true,
      });
      if (count === 0) throw new AppError("CONFLICT");
    } else {
      await updateVersioned(tx.pipelineSettings, { where: { id: "default" }, version: input.version, data });
    }
    const after = await getPipelineSettings(tx);
    await audit({
      action: "pipeline.settings",
      entity: "PipelineSettings",
      entityId: "default",
      before,
      after,
    });
    return after;
  }).finally(() => settingsCache.clear());
}
