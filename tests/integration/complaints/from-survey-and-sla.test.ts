// A low survey answer opens one complaint however often (and however concurrently) it is asked;
// the administrator's SLA setting is checked, version-checked and audited, and applies to the next
// complaint recorded.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openComplaintFromSurvey } from "@/lib/data/complaints/from-survey";
import { listComplaintSla, updateComplaintSla } from "@/lib/data/complaints/sla-settings";
import { uniqueSuffix } from "../../factories/org";
import { outcome, viewerFor } from "../helpers";
import { accountWithContacts, record, region, type Region } from "./fixtures";

let east: Region;

beforeAll(async () => {
  east = await region("调研东区");
});

async function lowAnswer() {
  const { account, contacts } = await accountWithContacts(east.rep1.id);
  const s = uniqueSuffix();
  const template = await db.surveyTemplate.create({
    data: { code: `T-${s}`, name: "推荐意愿", nameEn: "NPS", kind: "NPS" },
  });
  const version = await db.surveyTemplateVersion.create({
    data: { templateId: template.id, number: 1, titleZh: "推荐意愿", titleEn: "NPS", questions: [] },
  });
  const survey = await db.survey.create({
    data: {
      templateVersionId: version.id,
      accountId: account.id,
      ownerId: account.ownerId,
      teamId: account.teamId,
      closesAt: new Date(Date.now() + 86_400_000),
    },
  });
  const invitation = await db.surveyInvitation.create({
    data: {
      surveyId: survey.id,
      contactId: contacts[0]!.id,
      accountId: account.id,
      tokenSalt: s,
      tokenHash: `hash-${s}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const response = await db.surveyResponse.create({
    data: {
      invitationId: invitation.id,
      surveyId: survey.id,
      accountId: account.id,
      teamId: account.teamId,
      ownerId: account.ownerId,
      answers: {},
      nps: 2,
      verbatim: "交付一拖再拖，不会再推荐你们。",
      lowScore: true,
    },
  });
  return { response, account, contact: contacts[0]! };
}

describe("openComplaintFromSurvey", () => {
  it("opens one complaint per response even when called concurrently", async () => {
    const { response, account, contact } = await lowAnswer();
    const results = await Promise.all([
      openComplaintFromSurvey({ surveyResponseId: response.id }),
      openComplaintFromSurvey({ surveyResponseId: response.id }),
      openComplaintFromSurvey({ surveyResponseId: response.id }),
    ]);
    const ids = new Set(results.map((r) => r?.complaintId));
    expect(ids.size).toBe(1);
    const rows = await db.complaint.findMany({ where: { surveyResponseId: response.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: "SURVEY",
      severity: "HIGH",
      ownerId: account.ownerId,
      accountId: account.id,
      contactIds: [contact.id],
      customerWords: "交付一拖再拖，不会再推荐你们。",
    });
    const told = await db.notification.findMany({ where: { entityId: rows[0]!.id } });
    expect(told.map((n) => [n.userId, n.kind])).toEqual([[account.ownerId, "complaint.assigned"]]);
  });

  it("answers null for an unknown response", async () => {
    expect(await openComplaintFromSurvey({ surveyResponseId: "nope" })).toBeNull();
  });
});

describe("the SLA setting", () => {
  it("is the administrator's, checked, version-checked and audited; new complaints use it", async () => {
    const admin = await viewerFor(
      (await db.user.findFirstOrThrow({ where: { role: "ADMIN", active: true } })).id,
    );
    expect(await outcome(listComplaintSla(east.manager))).toBe("FORBIDDEN");
    const rows = await listComplaintSla(admin);
    expect(rows.map((r) => r.severity)).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW"]);
    const low = rows.find((r) => r.severity === "LOW")!;
    const input = { severity: "LOW" as const, version: low.version, ackMinutes: 120, resolveMinutes: 60 };
    expect(await outcome(updateComplaintSla(admin, input))).toBe("VALIDATION");
    expect(await outcome(updateComplaintSla(east.manager, { ...input, resolveMinutes: 600 }))).toBe(
      "FORBIDDEN",
    );
    await updateComplaintSla(admin, {
      ...input,
      ackMinutes: low.ackMinutes,
      resolveMinutes: low.resolveMinutes + 60,
    });
    expect(await outcome(updateComplaintSla(admin, { ...input, resolveMinutes: 600 }))).toBe("CONFLICT");
    const audit = await db.auditLog.findMany({ where: { action: "complaintSla.update", entityId: "LOW" } });
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const t0 = new Date("2026-11-20T04:00:00Z");
    const { account } = await accountWithContacts(east.rep1.id);
    const c = await record(east.rep1, account.id, { severity: "LOW" }, t0);
    const row = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.resolveDueAt.getTime() - t0.getTime()).toBe((low.resolveMinutes + 60) * 60_000);
    // put it back for the other tests
    await updateComplaintSla(admin, {
      ...input,
      version: low.version + 1,
      ackMinutes: low.ackMinutes,
      resolveMinutes: low.resolveMinutes,
    });
  });
});
