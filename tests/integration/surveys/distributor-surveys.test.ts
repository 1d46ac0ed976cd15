// 渠道满意度调研: the survey capability sent to a distributor's contacts — who may send and read it
// (the distributor's channel scope), the answer through the public link, a low score telling the
// channel manager (no account follow-up or complaint), and the key-account figures left alone.
import { beforeAll, describe, expect, it } from "vitest";
import { deriveSurveyToken } from "@/lib/auth/survey-token";
import { db } from "@/lib/db";
import { satisfactionScores } from "@/lib/data/kpi/satisfaction";
import { submitSurveyAnswer } from "@/lib/data/surveys/answer";
import { distributorSatisfaction } from "@/lib/data/surveys/distributor-results";
import { runSurveyWaves } from "@/lib/data/surveys/jobs";
import { getSurvey, listSurveys } from "@/lib/data/surveys/results";
import { getSatisfactionSettings } from "@/lib/data/surveys/settings";
import { revokeInvitation } from "@/lib/data/surveys/send";
import { sendDistributorSurvey, type SendDistributorSurveyInput } from "@/lib/data/surveys/send-distributor";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { quarterPeriod } from "@/lib/domain/kpi-period";
import { waveKeyOf } from "@/lib/domain/survey-rules";
import { distributorRow } from "../../factories/channel";
import { outcome, viewerFor } from "../helpers";

let distributor: { id: string; contacts: { id: string }[] };
let input: SendDistributorSurveyInput;

beforeAll(async () => {
  distributor = await db.distributor.findFirstOrThrow({
    where: { ownerId: "usr_east_channel", stage: "SIGNED", deletedAt: null, contacts: { some: {} } },
    select: { id: true, contacts: { where: { deletedAt: null }, select: { id: true } } },
    orderBy: { id: "asc" },
  });
  input = {
    distributorId: distributor.id,
    templateId: "stpl_channel",
    audience: "allContacts",
    contactIds: [],
    closesOn: addDays(chinaDate(new Date()), 10),
    locale: "zh-CN",
  };
});

const tokenOf = async (surveyId: string, n = 0) => {
  const links = await db.surveyInvitation.findMany({ where: { surveyId }, orderBy: { id: "asc" } });
  return { id: links[n]!.id, token: deriveSurveyToken(process.env.NEXTAUTH_SECRET!, links[n]!.tokenSalt) };
};

describe("sending to a distributor", () => {
  it("the distributor's channel manager sends to each of its contacts; others cannot", async () => {
    const east = await viewerFor("usr_east_channel");
    const { surveyId } = await sendDistributorSurvey(east, input);
    const survey = await db.survey.findUniqueOrThrow({
      where: { id: surveyId },
      include: { invitations: true },
    });
    expect(survey).toMatchObject({
      distributorId: distributor.id,
      accountId: null,
      ownerId: "usr_east_channel",
    });
    expect(survey.invitations.map((i) => i.distributorContactId).sort()).toEqual(
      distributor.contacts.map((c) => c.id).sort(),
    );
    expect(survey.invitations.every((i) => i.contactId === null && i.distributorId === distributor.id)).toBe(
      true,
    );
    expect(await db.auditLog.count({ where: { entityId: surveyId, action: "survey.send" } })).toBe(1);

    // Another region's channel manager: not found. A KAM who sees the team's distributors: forbidden.
    expect(await outcome(sendDistributorSurvey(await viewerFor("usr_north_channel"), input))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(sendDistributorSurvey(await viewerFor("usr_east_kam1"), input))).toBe("FORBIDDEN");
    // Someone else's contact is as unknown as an invented id; a past closing day is refused.
    const stranger = await db.distributorContact.findFirstOrThrow({
      where: { distributorId: { not: distributor.id }, deletedAt: null },
    });
    expect(
      await outcome(
        sendDistributorSurvey(east, {
          ...input,
          audience: "chosen",
          contactIds: [distributor.contacts[0]!.id, stranger.id],
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(sendDistributorSurvey(east, { ...input, closesOn: chinaDate(new Date()) }))).toBe(
      "VALIDATION",
    );
  });

  it("reads by the distributor's scope, answers through the link, and scores the distributor's page", async () => {
    const east = await viewerFor("usr_east_channel");
    const { surveyId } = await sendDistributorSurvey(east, input);
    const before = await distributorSatisfaction(east, distributor.id);
    const { token } = await tokenOf(surveyId);
    const saved = await submitSurveyAnswer({ token, raw: { csat: "5", nps: "9" }, ip: "10.77.0.1" });
    expect(saved.kind).toBe("saved");
    const response = await db.surveyResponse.findFirstOrThrow({ where: { surveyId } });
    expect(response).toMatchObject({ distributorId: distributor.id, accountId: null, csat: 5, nps: 9 });

    const detail = await getSurvey(east, surveyId);
    expect(detail.party).toMatchObject({ kind: "distributor", id: distributor.id });
    expect(detail.canEdit).toBe(true);
    expect(detail.survey.invitations.every((i) => i.person.name.length > 0)).toBe(true);
    expect(await outcome(getSurvey(await viewerFor("usr_north_channel"), surveyId))).toBe("NOT_FOUND");
    // The east manager sees the team's distributors and their surveys, read-only for a KAM.
    expect((await getSurvey(await viewerFor("usr_east_kam1"), surveyId)).canEdit).toBe(false);

    const after = await distributorSatisfaction(east, distributor.id);
    expect(after.figures.responded).toBe(before.figures.responded + 1);
    expect(after.surveys[0]!.id).toBe(surveyId);
    expect(await outcome(distributorSatisfaction(await viewerFor("usr_north_channel"), distributor.id))).toBe(
      "NOT_FOUND",
    );
    // The account survey list (and its figures) stay the key accounts'.
    const list = await listSurveys(await viewerFor("usr_admin"), {});
    expect(list.rows.every((r) => r.account !== null)).toBe(true);

    // Revoking a link follows the same scope.
    const second = await tokenOf(surveyId, 1);
    expect(await outcome(revokeInvitation(await viewerFor("usr_north_channel"), { id: second.id }))).toBe(
      "NOT_FOUND",
    );
    await revokeInvitation(east, { id: second.id });
    expect(
      (await submitSurveyAnswer({ token: second.token, raw: { csat: "4" }, ip: "10.77.0.2" })).kind,
    ).toBe("gone");
  });

  it("a low score tells the channel manager once; no account follow-up or complaint", async () => {
    const east = await viewerFor("usr_east_channel");
    const { surveyId } = await sendDistributorSurvey(east, input);
    const { token } = await tokenOf(surveyId);
    const notes = () =>
      db.notification.count({
        where: { userId: "usr_east_channel", kind: "survey.lowScore", entityId: surveyId },
      });
    await submitSurveyAnswer({ token, raw: { csat: "1", nps: "2" }, ip: "10.77.0.3" });
    const response = await db.surveyResponse.findFirstOrThrow({ where: { surveyId } });
    expect(response.lowScore).toBe(true);
    expect(await notes()).toBe(1);
    // Edited, still low: no second notification.
    await submitSurveyAnswer({ token, raw: { csat: "2", nps: "3" }, ip: "10.77.0.3" });
    expect(await notes()).toBe(1);
    expect(await db.followUp.count({ where: { surveyResponseId: response.id } })).toBe(0);
    expect(await db.complaint.count({ where: { surveyResponseId: response.id } })).toBe(0);
    // Raised again: the flag follows.
    await submitSurveyAnswer({ token, raw: { csat: "5", nps: "10" }, ip: "10.77.0.3" });
    expect((await db.surveyResponse.findUniqueOrThrow({ where: { id: response.id } })).lowScore).toBe(false);
  });

  it("distributors' answers stay out of the key-account satisfaction figures", async () => {
    const today = chinaDate(new Date());
    const period = quarterPeriod(
      Number(today.slice(0, 4)),
      Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1,
    );
    const channelAnswers = await db.surveyResponse.count({
      where: { ownerId: "usr_east_channel", distributorId: { not: null } },
    });
    expect(channelAnswers).toBeGreaterThan(0);
    // The channel manager owns no account: every answer they own is a distributor's.
    const scores = await satisfactionScores(
      { kind: "person", userId: "usr_east_channel", teamId: "team_east" },
      period,
    );
    expect(scores).toEqual({ csat: null, nps: null });
  });

  it("the wave asks each signed distributor with contacts once per period", async () => {
    const home = await db.distributor.findUniqueOrThrow({ where: { id: distributor.id } });
    const make = async (stage: "SIGNED" | "SUSPENDED", contacts: number) => {
      const d = await db.distributor.create({
        data: distributorRow({
          territoryId: home.territoryId,
          ownerId: home.ownerId,
          teamId: home.teamId,
          stage,
          contacts: { create: Array.from({ length: contacts }, (_, k) => ({ name: `联系人${k + 1}` })) },
        }),
      });
      return d.id;
    };
    const [signed, suspended, silent] = [
      await make("SIGNED", 2),
      await make("SUSPENDED", 1),
      await make("SIGNED", 0),
    ];
    const now = new Date();
    const waveKey = waveKeyOf(now, (await getSatisfactionSettings()).distributorWaveMonths)!;
    const first = await runSurveyWaves(now);
    expect(first.processed).toBeGreaterThan(0);
    const asked = await db.survey.findMany({
      where: { distributorId: { in: [signed, suspended, silent] } },
      include: { invitations: true },
    });
    expect(asked.map((x) => [x.distributorId, x.trigger, x.waveKey, x.invitations.length])).toEqual([
      [signed, "WAVE", waveKey, 2],
    ]);
    // Run again (the hourly job): nobody is asked twice.
    await runSurveyWaves(now);
    expect(await db.survey.count({ where: { distributorId: signed } })).toBe(1);
  });

  it("the database holds one party per survey, invitation and answer", async () => {
    const account = await db.account.findFirstOrThrow({ where: { deletedAt: null } });
    await expect(
      db.survey.create({
        data: {
          templateVersionId: "stv_channel_1",
          accountId: account.id,
          distributorId: distributor.id,
          ownerId: "usr_east_channel",
          teamId: "team_east",
          closesAt: new Date(Date.now() + 86_400_000),
        },
      }),
    ).rejects.toThrow();
    await expect(
      db.survey.create({
        data: {
          templateVersionId: "stv_channel_1",
          ownerId: "usr_east_channel",
          teamId: "team_east",
          closesAt: new Date(Date.now() + 86_400_000),
        },
      }),
    ).rejects.toThrow();
  });
});
