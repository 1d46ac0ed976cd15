// submitSurveyAnswer and the shared rate limits against the real database: one answer per link,
// edits until the survey closes, the same "gone" for every unusable link, limits that two app
// processes count together, and nothing saved when anything is refused.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb, db } from "@/lib/db";
import { hashSurveyToken } from "@/lib/auth/survey-token";
import { pruneRateLimits, takeRateLimit } from "@/lib/data/rate-limits";
import { submitSurveyAnswer } from "@/lib/data/surveys/answer";
import { SURVEY_RATE_RULES } from "@/lib/domain/survey-public";
import { ALL_TYPES_QUESTIONS, insertSurveyLink } from "../../factories/surveys";

const answered: string[] = [];
vi.mock("@/lib/data/surveys/low-score", () => ({
  onSurveyAnswered: async (responseId: string) => {
    answered.push(responseId);
  },
}));

const OWNER = "usr_east_kam1";
const DAY = 86_400_000;
let addressSerial = 0;
/** A fresh client address per test, so one test's counts do not limit another. */
const freshIp = () => `198.51.100.${++addressSerial}`;

const responsesOf = (invitationId: string) => db.surveyResponse.findMany({ where: { invitationId } });

beforeEach(() => {
  answered.length = 0;
});

describe("one answer per link", () => {
  it("saves the answer with its scores, owner and team, marks the link and audits it; the second submit edits", async () => {
    const link = await insertSurveyLink(db, { ownerId: OWNER });
    const ip = freshIp();
    const first = await submitSurveyAnswer({ token: link.token, raw: { nps: "3", reason: "交期太慢" }, ip });
    expect(first).toMatchObject({ kind: "saved", version: 1, edited: false });
    const [row] = await responsesOf(link.invitationId);
    expect(row).toMatchObject({
      nps: 3,
      csat: null,
      verbatim: "交期太慢",
      lowScore: true,
      ownerId: OWNER,
      teamId: link.teamId,
      surveyId: link.surveyId,
      accountId: link.accountId,
      answers: { nps: 3, reason: "交期太慢" },
    });
    const invitation = await db.surveyInvitation.findUniqueOrThrow({ where: { id: link.invitationId } });
    expect(invitation.respondedAt).not.toBeNull();
    expect(invitation.openedAt).not.toBeNull();
    expect(answered).toEqual([row!.id]);

    const second = await submitSurveyAnswer({ token: link.token, raw: { nps: "9" }, ip });
    expect(second).toMatchObject({ kind: "saved", version: 2, edited: true, responseId: row!.id });
    const rows = await responsesOf(link.invitationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nps: 9, verbatim: null, lowScore: false, version: 2 });
    const audits = await db.auditLog.findMany({
      where: { entityId: row!.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["survey.answer", null],
      ["survey.answer", null],
    ]);
    expect(audits[1]!.before).toMatchObject({ nps: 3, version: 1 });
  });

  it("makes one row when two submissions race on one link", async () => {
    const link = await insertSurveyLink(db, { ownerId: OWNER });
    const results = await Promise.all(
      [5, 10].map((nps) =>
        submitSurveyAnswer({ token: link.token, raw: { nps: String(nps) }, ip: freshIp() }),
      ),
    );
    expect(results.every((r) => r.kind === "saved")).toBe(true);
    const rows = await responsesOf(link.invitationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.version).toBe(2);
  });

  it("refuses invalid answers per question and saves nothing", async () => {
    const link = await insertSurveyLink(db, { ownerId: OWNER, questions: ALL_TYPES_QUESTIONS });
    const outcome = await submitSurveyAnswer({
      token: link.token,
      raw: {
        nps: "0x9",
        csat: ["4", "5"],
        speed: "9e0",
        channel: ["phone", "wechat"],
        topics: ["quality", '\'; DROP TABLE "SurveyResponse"; --'],
        reason: "好".repeat(2001),
      },
      ip: freshIp(),
    });
    expect(outcome).toEqual({
      kind: "invalid",
      problems: {
        nps: "invalid",
        csat: "invalid",
        speed: "invalid",
        channel: "invalid",
        topics: "invalid",
        reason: "tooLong",
      },
    });
    expect(await responsesOf(link.invitationId)).toHaveLength(0);
    expect(answered).toEqual([]);
  });

  it("uses the administrator's low-score thresholds", async () => {
    await db.satisfactionSettings.upsert({
      where: { id: "default" },
      create: { lowCsatAtMost: 3, lowNpsAtMost: 4 },
      update: { lowCsatAtMost: 3, lowNpsAtMost: 4 },
    });
    try {
      const link = await insertSurveyLink(db, { ownerId: OWNER, questions: ALL_TYPES_QUESTIONS });
      await submitSurveyAnswer({ token: link.token, raw: { nps: "5", csat: "3" }, ip: freshIp() });
      const [row] = await responsesOf(link.invitationId);
      expect(row).toMatchObject({ csat: 3, nps: 5, lowScore: true });
      const other = await insertSurveyLink(db, { ownerId: OWNER, questions: ALL_TYPES_QUESTIONS });
      await submitSurveyAnswer({ token: other.token, raw: { nps: "5", csat: "4" }, ip: freshIp() });
      expect((await responsesOf(other.invitationId))[0]).toMatchObject({ lowScore: false });
    } finally {
      await db.satisfactionSettings.update({
        where: { id: "default" },
        data: { lowCsatAtMost: 2, lowNpsAtMost: 6 },
      });
    }
  });
});

describe("links that cannot take an answer", () => {
  it("refuses an edit after the survey closed and keeps the answer", async () => {
    const link = await insertSurveyLink(db, { ownerId: OWNER });
    await submitSurveyAnswer({ token: link.token, raw: { nps: "8" }, ip: freshIp() });
    await db.survey.update({
      where: { id: link.surveyId },
      data: { status: "CLOSED", closedAt: new Date() },
    });
    expect(await submitSurveyAnswer({ token: link.token, raw: { nps: "0" }, ip: freshIp() })).toEqual({
      kind: "closed",
    });
    const rows = await responsesOf(link.invitationId);
    expect(rows.map((r) => [r.nps, r.version])).toEqual([[8, 1]]);
  });

  it("answers unknown, malformed, revoked, expired and closed-unanswered links alike, saving nothing", async () => {
    const past = new Date(Date.now() - DAY);
    const expired = await insertSurveyLink(db, { ownerId: OWNER, expiresAt: past });
    const revoked = await insertSurveyLink(db, { ownerId: OWNER, revokedAt: past });
    const closed = await insertSurveyLink(db, { ownerId: OWNER, closesAt: past });
    const deleted = await insertSurveyLink(db, { ownerId: OWNER });
    await db.survey.update({ where: { id: deleted.surveyId }, data: { deletedAt: past } });
    const tokens = [
      expired.token,
      revoked.token,
      closed.token,
      deleted.token,
      "A".repeat(43), // the right shape, but no such link
      "../../etc/passwd",
      "x".repeat(5000),
      "' OR 1=1 --",
      "",
      `${expired.token.slice(0, 42)}\u0000`,
    ];
    for (const token of tokens) {
      expect(await submitSurveyAnswer({ token, raw: { nps: "9" }, ip: freshIp() })).toEqual({ kind: "gone" });
    }
    const ids = [expired, revoked, closed, deleted].map((l) => l.invitationId);
    expect(await db.surveyResponse.count({ where: { invitationId: { in: ids } } })).toBe(0);
  });

  it("does not open one survey's link with another's answers after its close (a token only opens its own link)", async () => {
    const open = await insertSurveyLink(db, { ownerId: OWNER });
    const closedSurvey = await insertSurveyLink(db, { ownerId: OWNER, status: "CLOSED" });
    expect(await submitSurveyAnswer({ token: closedSurvey.token, raw: { nps: "1" }, ip: freshIp() })).toEqual(
      {
        kind: "gone",
      },
    );
    expect(await responsesOf(closedSurvey.invitationId)).toHaveLength(0);
    expect(await responsesOf(open.invitationId)).toHaveLength(0);
  });
});

describe("rate limits", () => {
  it("limits submissions per token, whatever the address, and saves nothing over the limit", async () => {
    const link = await insertSurveyLink(db, { ownerId: OWNER });
    const { limit } = SURVEY_RATE_RULES.submitPerToken;
    for (let i = 0; i < limit; i++) {
      const r = await submitSurveyAnswer({ token: link.token, raw: { nps: String(i % 11) }, ip: freshIp() });
      expect(r.kind).toBe("saved");
    }
    const over = await submitSurveyAnswer({ token: link.token, raw: { nps: "10" }, ip: freshIp() });
    expect(over.kind).toBe("rateLimited");
    if (over.kind === "rateLimited") expect(over.retryAfterSeconds).toBeGreaterThan(0);
    const [row] = await responsesOf(link.invitationId);
    expect(row!.version).toBe(limit);
    // The counter is keyed by the token's hash: the table never holds a working token.
    const keys = await db.rateLimitCounter.findMany({
      where: { key: { contains: hashSurveyToken(link.token) } },
    });
    expect(keys).toHaveLength(1);
    expect(await db.rateLimitCounter.count({ where: { key: { contains: link.token } } })).toBe(0);
  });

  it("limits submissions per address across links", async () => {
    const ip = freshIp();
    const { limit } = SURVEY_RATE_RULES.submitPerAddress;
    const now = new Date();
    for (let i = 0; i < limit; i++) await takeRateLimit(SURVEY_RATE_RULES.submitPerAddress, ip, now);
    const link = await insertSurveyLink(db, { ownerId: OWNER });
    expect((await submitSurveyAnswer({ token: link.token, raw: { nps: "9" }, ip, now })).kind).toBe(
      "rateLimited",
    );
    expect(await responsesOf(link.invitationId)).toHaveLength(0);
    // Another address is not affected.
    expect(
      (await submitSurveyAnswer({ token: link.token, raw: { nps: "9" }, ip: freshIp(), now })).kind,
    ).toBe("saved");
  });

  it("two app processes counting at once agree on the count", async () => {
    const second = createDb(process.env.DATABASE_URL!, 4);
    try {
      const rule = { name: "test-race", limit: 25, windowMs: 60_000 };
      const ip = freshIp();
      const now = new Date();
      const checks = await Promise.all(
        Array.from({ length: 40 }, (_, i) => takeRateLimit(rule, ip, now, i % 2 ? second : db)),
      );
      expect(checks.map((c) => c.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(checks.filter((c) => c.allowed)).toHaveLength(25);
    } finally {
      await second.$disconnect();
    }
  });

  it("starts a new count in the next window and prunes ended windows only", async () => {
    const rule = { name: "test-window", limit: 1, windowMs: 60_000 };
    const ip = freshIp();
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    expect((await takeRateLimit(rule, ip, t0)).allowed).toBe(true);
    expect((await takeRateLimit(rule, ip, new Date(t0.getTime() + 59_999))).allowed).toBe(false);
    expect((await takeRateLimit(rule, ip, new Date(t0.getTime() + 60_000))).allowed).toBe(true);
    const mine = { key: { startsWith: `test-window:${ip}:` } };
    expect(await db.rateLimitCounter.count({ where: mine })).toBe(2);
    const result = await pruneRateLimits(new Date(t0.getTime() + 60_000));
    expect(result.processed).toBeGreaterThanOrEqual(1);
    const left = await db.rateLimitCounter.findMany({ where: mine });
    expect(left.map((r) => r.windowStart.getTime())).toEqual([t0.getTime() + 60_000]);
    // Idempotent: running again at the same moment removes nothing of this subject.
    await pruneRateLimits(new Date(t0.getTime() + 60_000));
    expect(await db.rateLimitCounter.count({ where: mine })).toBe(1);
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});
