import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { DEFAULT_VISIT_SETTINGS, type VisitSettings } from "@/lib/domain/visits";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { mutate } from "../audit";
import { processCache } from "../process-cache";
import { updateVersioned } from "../versioning";

// The visit settings (one row, the admin's): which plans and requests need approval, the director's
// threshold, gift caps, follow-up days, the contact cadence per tier and the check-in radius.

type Client = Prisma.TransactionClient | typeof db;

export async function getVisitSettings(client: Client = db): Promise<VisitSettings & { version: number }> {
  const row = await client.visitSettings.findUnique({ where: { id: "default" } });
  if (!row) return { ...DEFAULT_VISIT_SETTINGS, version: 0 };
  const { id: _id, updatedAt: _updatedAt, ...settings } = row;
  return settings;
}

// Every save of a plan or record reads the settings; they change a few times a year.
const settingsCache = processCache({ ttlMs: 30_000, load: () => getVisitSettings() });

export const cachedVisitSettings = () => settingsCache.get();

/**
 * Saves the settings. `afterSave` runs in the same transaction with the old and new settings, so a
 * cadence change can recompute every account's due date before the change commits.
 */
export async function updateVisitSettings(
  viewer: Viewer,
  input: VisitSettings & { version: number },
  afterSave?: (tx: Prisma.TransactionClient, before: VisitSettings, after: VisitSettings) => Promise<void>,
) {
  assertCapability(viewer, "admin.visits");
  settingsCache.clear();
  return mutate(
    viewer,
    async ({ tx, audit }) => {
      const before = await getVisitSettings(tx);
      const { version, ...data } = input;
      if (before.version === 0) {
        // First save: the form was showing the defaults (version 0).
        if (version !== 0 && version !== 1) throw new AppError("CONFLICT");
        const { count } = await tx.visitSettings.createMany({
          data: [{ id: "default", ...data }],
          skipDuplicates: true,
        });
        if (count === 0) throw new AppError("CONFLICT");
      } else {
        await updateVersioned(tx.visitSettings, { where: { id: "default" }, version, data });
      }
      const after = await getVisitSettings(tx);
      await afterSave?.(tx, before, after);
      await audit({ action: "visits.settings", entity: "VisitSettings", entityId: "default", before, after });
      return after;
    },
    { timeoutMs: 60_000 },
  ).finally(() => settingsCache.clear());
}
