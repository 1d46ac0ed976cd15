// The pipeline settings on PostgreSQL: defaults, the admin's, versioned and audited.
import { describe, expect, it } from "vitest";
import { listRenewals } from "@/lib/data/deals/agreements";
import { getPipelineSettings, updatePipelineSettings } from "@/lib/data/deals/settings";
import { db } from "@/lib/db";
import { DEFAULT_PIPELINE_SETTINGS } from "@/lib/domain/pipeline";
import { AppError } from "@/lib/errors";
import { outcome, viewerFor } from "../helpers";

describe("pipeline settings", () => {
  it("settings default to 30 stale days, decision makers at strength 4 and a 60-day renewal window", async () => {
    expect(DEFAULT_PIPELINE_SETTINGS).toEqual({
      staleDays: 30,
      minDecisionMakerStrength: 4,
      renewalWindowDays: 60,
    });
    expect(await getPipelineSettings()).toMatchObject(DEFAULT_PIPELINE_SETTINGS);
  });

  it("pipeline settings are the admin's, versioned and audited", async () => {
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const before = await getPipelineSettings();
    expect(
      await outcome(
        updatePipelineSettings(manager, { ...DEFAULT_PIPELINE_SETTINGS, version: before.version }),
      ),
    ).toBe("FORBIDDEN");
    const saved = await updatePipelineSettings(admin, {
      staleDays: 21,
      minDecisionMakerStrength: 4,
      renewalWindowDays: 45,
      version: before.version,
    });
    try {
      expect(saved).toMatchObject({ staleDays: 21, renewalWindowDays: 45, version: before.version + 1 });
      expect(await getPipelineSettings()).toMatchObject({ staleDays: 21, renewalWindowDays: 45 });
      expect((await listRenewals(admin)).windowDays).toBe(45);
      expect(
        await outcome(
          updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, version: before.version }),
        ),
      ).toBe("CONFLICT");
      const last = await db.auditLog.findFirstOrThrow({
        where: { entity: "PipelineSettings" },
        orderBy: { createdAt: "desc" },
      });
      expect(last).toMatchObject({ action: "pipeline.settings", entityId: "default", actorId: admin.id });
      expect(last.before).toMatchObject({ staleDays: 30, renewalWindowDays: 60 });
      expect(last.after).toMatchObject({ staleDays: 21, renewalWindowDays: 45, version: before.version + 1 });
    } finally {
      await updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, version: saved.version });
    }
    expect(await getPipelineSettings()).toMatchObject(DEFAULT_PIPELINE_SETTINGS);
  });

  it("two admins saving the settings for the first time at once: the second gets CONFLICT, not a database error", async () => {
    const admin = await viewerFor("usr_admin");
    const kept = await getPipelineSettings();
    // No settings row yet, as on a database that was never seeded: both forms show the defaults at version 0.
    await db.pipelineSettings.deleteMany();
    try {
      const results = await Promise.all(
        [25, 35].map((staleDays) =>
          updatePipelineSettings(admin, { ...DEFAULT_PIPELINE_SETTINGS, staleDays, version: 0 }).then(
            () => "OK",
            (e: unknown) => (e instanceof AppError ? e.code : String((e as { code?: string }).code ?? e)),
          ),
        ),
      );
      expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    } finally {
      const { staleDays, minDecisionMakerStrength, renewalWindowDays } = kept;
      const values = { staleDays, minDecisionMakerStrength, renewalWindowDays };
      await db.pipelineSettings.upsert({
        where: { id: "default" },
        create: { id: "default", ...values },
        update: values,
      });
    }
  });
});
