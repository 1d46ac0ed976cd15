// Satisfaction surveys against the real database: scope, sending and its tokens, triggers, waves,
// reminders, closing, low scores and settings — each job run twice to show the second changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deriveSurveyToken, hashSurveyToken } from "@/lib/auth/survey-token";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { runSurveyExpiry, runSurveyReminders, runSurveyWaves } from "@/lib/data/surveys/jobs";
import { onSurveyAnswered } from "@/lib/data/surveys/low-score";
import { getSurvey, listSurveys, surveyFigures } from "@/lib/data/surveys/results";
import { revokeInvitation, sendSurvey } from "@/lib/data/surveys/send";
import { getSatisfactionSettings, saveSatisfactionSettings } from "@/lib/data/surveys/settings";
import { getTemplate, updateTemplate } from "@/lib/data/surveys/templates";
import { sendSurveyForTrigger } from "@/lib/data/surveys/triggers";
import { waveKeyOf } from "@/lib/domain/survey-rules";
import { accountFixture, outcome, viewerFor } from "../helpers";

const SECRET = "integration-survey-secret-0123456789";

async function customerWithDeciders(ownerId: string, tier: "A" | "B" | "C" = "A") {
  const account = await accountFixture(ownerId);
  await db.account.update({ where: { id: account.id }, data: { tier, lifecycle: "CUSTOMER" } });
  const [boss, buyer] = await Promise.all([
    db.contact.create({
      data: { accountId: account.id, name: "王总", buyingRole: "DECISION_MAKER", email: "wang@example.cn" },
    }),
    db.contact.create({ data: { accountId: account.id, name: "李工", buyingRole: "USER" } }),
  ]);
  return { account, boss, buyer };
}

const templateId = async (code: string) =>
  (await db.surveyTemplate.findUniqueOrThrow({ where: { code } })).id;

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= SECRET;
});

describe("sending a survey", () => {
  it("creates one invitation per decision maker whose derived token hashes to tokenHash", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const { account, boss } = await customerWithDeciders(kam.id);
    const closesOn = addDays(chinaDate(new Date()), 10);
    const { surveyId } = await sendSurvey(kam, {
      accountId: account.id,
      templateId: await templateId("nps"),
      audience: "decisionMakers",
      contactIds: [],
      closesOn,
      locale: "en",
    });
    const invitations = await db.surveyInvitation.findMany({ where: { surveyId } });
    expect(invitations.map((i) => i.contactId)).toEqual([boss.id]);
    const [inv] = invitations;
    expect(inv!.locale).toBe("en");
    expect(hashSurveyToken(deriveSurveyToken(process.env.NEXTAUTH_SECRET!, inv!.tokenSalt))).toBe(
      inv!.tokenHash,
    );
    expect(inv!.tokenSalt).not.toBe(inv!.tokenHash);
    // The survey page shows it to its sender; the audit trail names the survey, never the salt.
    const detail = await getSurvey(kam, surveyId);
    expect(detail.figures).toMatchObject({ sent: 1, responded: 0, responseRate: 0 });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: surveyId, action: "survey.send" },
    });
    expect(JSON.stringify(audit.after)).not.toContain(inv!.tokenSalt);
  });

  it("refuses people who may not edit the account, strangers' contacts and bad dates", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const { account, buyer } = await customerWithDeciders(kam.id);
    const tpl = await templateId("csat");
    const base = {
      accountId: account.id,
      templateId: tpl,
      audience: "chosen" as const,
      contactIds: [buyer.id],
      closesOn: addDays(chinaDate(new Date()), 5),
      locale: "zh-CN" as const,
    };
    expect(await outcome(sendSurvey(await viewerFor("usr_east_rep1"), base))).toBe("FORBIDDEN");
    expect(await outcome(sendSurvey(await viewerFor("usr_north_manager"), base))).toBe("NOT_FOUND");
    const other = await customerWithDeciders("usr_east_kam1");
    expect(await outcome(sendSurvey(kam, { ...base, contactIds: [other.boss.id] }))).toBe("VALIDATION");
    expect(await outcome(sendSurvey(kam, { ...base, contactIds: [buyer.id, other.boss.id] }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(sendSurvey(kam, { ...base, closesOn: chinaDate(new Date()) }))).toBe("VALIDATION");
    expect(await outcome(sendSurvey(kam, base))).toBe("OK");
  });

  it("is not found from another region, and lists only surveys of visible accounts", async () => {
    // One whose account is still East's and not deleted (other files of the run move and delete accounts).
    const east = await db.survey.findFirstOrThrow({
      where: { teamId: "team_east", deletedAt: null, account: { teamId: "team_east", deletedAt: null } },
    });
    expect(await outcome(getSurvey(await viewerFor("usr_north_manager"), east.id))).toBe("NOT_FOUND");
    expect(await outcome(getSurvey(await viewerFor("usr_east_manager"), east.id))).toBe("OK");
    const north = await listSurveys(await viewerFor("usr_north_manager"), {});
    expect(north.total).toBeGreaterThan(0);
    const accountTeams = await db.account.findMany({
      where: { id: { in: north.rows.map((r) => r.account!.id) } },
      select: { teamId: true },
    });
    expect(accountTeams.every((a) => a.teamId === "team_north")).toBe(true);
    const figures = await surveyFigures(await viewerFor("usr_admin"), {});
    expect(figures.total.sent).toBeGreaterThan(figures.total.responded);
    expect(figures.months.length).toBeGreaterThan(3);
  });

  it("revokes a link once, only for someone who may edit", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const { account } = await customerWithDeciders(kam.id);
    const { surveyId } = await sendSurvey(kam, {
      accountId: account.id,
      templateId: await templateId("nps"),
      audience: "decisionMakers",
      contactIds: [],
      closesOn: addDays(chinaDate(new Date()), 3),
      locale: "zh-CN",
    });
    const inv = await db.surveyInvitation.findFirstOrThrow({ where: { surveyId } });
    expect(await outcome(revokeInvitation(await viewerFor("usr_north_kam1"), { id: inv.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(revokeInvitation(await viewerFor("usr_east_rep1"), { id: inv.id }))).toBe(
      "FORBIDDEN",
    );
    await revokeInvitation(kam, { id: inv.id });
    const revoked = await db.surveyInvitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(revoked.revokedAt).not.toBeNull();
    await revokeInvitation(kam, { id: inv.id });
    expect((await db.surveyInvitation.findUniqueOrThrow({ where: { id: inv.id } })).revokedAt).toEqual(
      revoked.revokedAt,
    );
  });
});

describe("triggers and jobs", () => {
  it("sends one survey per won deal, and none when the administrator switched it off", async () => {
    const { account } = await customerWithDeciders("usr_east_kam1", "B");
    const input = {
      accountId: account.id,
      trigger: "DEAL_WON" as const,
      dealId: `deal-${account.id}`,
      actorId: null,
    };
    const [first, second] = await Promise.all([sendSurveyForTrigger(input), sendSurveyForTrigger(input)]);
    expect(first).not.toBeNull();
    expect(second).toEqual(first);
    expect(await sendSurveyForTrigger(input)).toEqual(first);
    expect(await db.survey.count({ where: { dealId: input.dealId } })).toBe(1);
    const survey = await db.survey.findUniqueOrThrow({
      where: { id: first!.surveyId },
      include: { templateVersion: { include: { template: true } } },
    });
    expect(survey.templateVersion.template.code).toBe("csat");
    expect(
      await sendSurveyForTrigger({ ...input, trigger: "COMPLAINT_CLOSED", dealId: undefined }),
    ).toBeNull(); // no complaint id
    const admin = await viewerFor("usr_admin");
    const settings = await getSatisfactionSettings();
    const { version: _v, ...values } = settings;
    const off = await saveSatisfactionSettings(admin, {
      ...values,
      version: settings.version,
      surveyOnDealWon: false,
    });
    expect(await sendSurveyForTrigger({ ...input, dealId: `${input.dealId}-off` })).toBeNull();
    await saveSatisfactionSettings(admin, { ...values, version: off.version, surveyOnDealWon: true });
    const nobody = await accountFixture("usr_east_kam1");
    expect(await sendSurveyForTrigger({ ...input, accountId: nobody.id, dealId: "deal-nobody" })).toBeNull();
  });

  it("runs a wave once per account and period", async () => {
    const { account } = await customerWithDeciders("usr_east_kam1", "A");
    const now = new Date();
    const first = await runSurveyWaves(now);
    const waveKey = waveKeyOf(now, (await getSatisfactionSettings()).waveMonthsA)!;
    expect(first.processed).toBeGreaterThan(0);
    expect(await db.survey.count({ where: { accountId: account.id, waveKey } })).toBe(1);
    expect((await runSurveyWaves(now)).processed).toBe(0);
    expect(await db.survey.count({ where: { accountId: account.id, trigger: "WAVE" } })).toBe(1);
  });

  it("reminds each unanswered link once and closes surveys past their date", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const { account } = await customerWithDeciders(kam.id, "C");
    const sentAt = new Date(Date.now() - 6 * 86_400_000);
    const { surveyId } = await sendSurvey(
      kam,
      {
        accountId: account.id,
        templateId: await templateId("csat"),
        audience: "decisionMakers",
        contactIds: [],
        closesOn: addDays(chinaDate(sentAt), 10),
        locale: "zh-CN",
      },
      sentAt,
    );
    const now = new Date();
    expect((await runSurveyReminders(now)).processed).toBeGreaterThan(0);
    const inv = await db.surveyInvitation.findFirstOrThrow({ where: { surveyId } });
    expect(inv.remindedAt).toEqual(now);
    expect(await db.notification.count({ where: { entityId: surveyId, kind: "survey.reminder" } })).toBe(1);
    expect((await runSurveyReminders(now)).processed).toBe(0);

    await db.survey.update({ where: { id: surveyId }, data: { closesAt: new Date(now.getTime() - 1000) } });
    expect((await runSurveyExpiry(now)).processed).toBeGreaterThanOrEqual(1);
    expect((await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).status).toBe("CLOSED");
    expect((await runSurveyExpiry(now)).processed).toBe(0);
  });
});

describe("low scores", () => {
  it("give the account's owner one LOW_SCORE follow-up and one notification, however often answered", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const { account } = await customerWithDeciders(kam.id, "B");
    const { surveyId } = await sendSurvey(kam, {
      accountId: account.id,
      templateId: await templateId("nps"),
      audience: "decisionMakers",
      contactIds: [],
      closesOn: addDays(chinaDate(new Date()), 5),
      locale: "zh-CN",
    });
    const inv = await db.surveyInvitation.findFirstOrThrow({ where: { surveyId } });
    const response = await db.surveyResponse.create({
      data: {
        invitationId: inv.id,
        surveyId,
        accountId: account.id,
        teamId: account.teamId,
        ownerId: account.ownerId,
        answers: { nps: 3 },
        nps: 3,
      },
    });
    const now = new Date("2026-12-02T10:00:00+08:00");
    await onSurveyAnswered(response.id, now);
    await onSurveyAnswered(response.id, now);
    const followUps = await db.followUp.findMany({ where: { surveyResponseId: response.id } });
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ reason: "LOW_SCORE", ownerId: account.ownerId, note: "NPS 3" });
    expect(chinaDate(followUps[0]!.dueOn)).toBe("2026-12-04");
    expect(await db.notification.count({ where: { entityId: surveyId, kind: "survey.lowScore" } })).toBe(1);
    expect((await db.surveyResponse.findUniqueOrThrow({ where: { id: response.id } })).lowScore).toBe(true);

    // A good answer leaves no task.
    const happy = await db.surveyResponse.update({
      where: { id: response.id },
      data: { nps: 9, lowScore: false },
    });
    await onSurveyAnswered(happy.id, now);
    expect((await db.surveyResponse.findUniqueOrThrow({ where: { id: happy.id } })).lowScore).toBe(false);
  });
});

describe("settings and questionnaires", () => {
  it("save version-checked: a stale edit is refused", async () => {
    const admin = await viewerFor("usr_admin");
    const before = await getSatisfactionSettings();
    const { version: _v, ...values } = before;
    const saved = await saveSatisfactionSettings(admin, {
      ...values,
      version: before.version,
      reminderAfterDays: 4,
    });
    expect(saved.reminderAfterDays).toBe(4);
    expect(await outcome(saveSatisfactionSettings(admin, { ...values, version: before.version }))).toBe(
      "CONFLICT",
    );
    expect(
      await outcome(
        saveSatisfactionSettings(await viewerFor("usr_east_manager"), { ...values, version: saved.version }),
      ),
    ).toBe("FORBIDDEN");
    await saveSatisfactionSettings(admin, { ...values, version: saved.version });
  });

  it("keep old wording: a changed questionnaire is a new version, an unchanged save is not", async () => {
    const admin = await viewerFor("usr_admin");
    const id = await templateId("csat");
    const { template, version } = await getTemplate(admin, id);
    const input = {
      id,
      code: template.code,
      name: template.name,
      nameEn: template.nameEn,
      titleZh: version.titleZh,
      titleEn: version.titleEn,
      introZh: version.introZh,
      introEn: version.introEn,
      questions: version.questions,
    };
    const same = await updateTemplate(admin, { ...input, version: template.version });
    expect(same.currentVersion).toBe(template.currentVersion);
    const changed = await updateTemplate(admin, {
      ...input,
      version: template.version + 1,
      questions: version.questions.map((q) => (q.type === "TEXT" ? { ...q, labelEn: "Anything else?" } : q)),
    });
    expect(changed.currentVersion).toBe(template.currentVersion + 1);
    const old = await db.surveyTemplateVersion.findUniqueOrThrow({
      where: { templateId_number: { templateId: id, number: template.currentVersion } },
    });
    expect(JSON.stringify(old.questions)).not.toContain("Anything else?");
    expect(await outcome(updateTemplate(admin, { ...input, version: template.version, questions: [] }))).toBe(
      "VALIDATION",
    );
  });
});
