// The admin's visit settings save: admin only, versioned, audited, and a cadence change moves every
// account's contact due date in the same transaction.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getVisitSettings } from "@/lib/data/visits/settings";
import { saveVisitSettings } from "@/lib/data/visits/settings-save";
import { fromDbDate } from "@/lib/domain/calendar";
import { contactDueOn } from "@/lib/domain/visits";
import { visitSettingsSchema } from "@/lib/validation/visit-plans";
import { accountFixture, outcome, viewerFor } from "../helpers";

const form = (version: number, fields: Record<string, string | string[]> = {}) =>
  visitSettingsSchema.parse({
    version: String(version),
    approvalTiers: ["A"],
    approvalCostThreshold: "2000",
    approvalForHosting: "on",
    directorThreshold: "20000",
    giftApprovalThreshold: "500",
    giftYearCapPerContact: "2000",
    giftYearCapPerAccount: "10000",
    followUpDays: "7",
    cadenceDaysA: "14",
    cadenceDaysB: "30",
    cadenceDaysC: "90",
    checkInRadiusM: "1000",
    ...fields,
  });

describe("visit settings save", () => {
  it("is the admin's; a cadence change recomputes every account's due date", async () => {
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture("usr_east_rep1");
    await db.account.update({ where: { id: account.id }, data: { tier: "A" } });
    const start = await getVisitSettings();

    expect(await outcome(saveVisitSettings(manager, form(start.version)))).toBe("FORBIDDEN");

    // Thresholds only: due dates stay as they were.
    await db.account.update({ where: { id: account.id }, data: { contactDueOn: null } });
    const first = await saveVisitSettings(admin, form(start.version, { giftApprovalThreshold: "800" }));
    expect(first.giftApprovalThreshold).toBe(80_000n);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).contactDueOn).toBeNull();

    const second = await saveVisitSettings(
      admin,
      form(first.version, { cadenceDaysA: "7", approvalTiers: ["A", "B"] }),
    );
    try {
      expect(second).toMatchObject({ cadenceDaysA: 7, approvalTiers: ["A", "B"] });
      const row = await db.account.findUniqueOrThrow({ where: { id: account.id } });
      expect(fromDbDate(row.contactDueOn!)).toBe(contactDueOn({ ...row, tier: "A" }, second));
      expect(await outcome(saveVisitSettings(admin, form(first.version)))).toBe("CONFLICT");
      const audit = await db.auditLog.findMany({ where: { action: "visits.settings" } });
      expect(audit.length).toBeGreaterThanOrEqual(2);
    } finally {
      await saveVisitSettings(admin, form(second.version));
    }
  });
});
