// Satisfaction figures' own small organisation: region R with teams A and B, a rep in each, their
// accounts, survey answers and complaints around March 2025 (China calendar). Every figure the
// tests expect is computed by hand in the comments beside the rows.
import { db } from "@/lib/db";
import { uniqueSuffix } from "../../factories/org";

export const china = (local: string) => new Date(`${local}+08:00`);

export type SatisfactionOrg = Awaited<ReturnType<typeof makeSatisfactionOrg>>;

export async function makeSatisfactionOrg() {
  const s = uniqueSuffix();
  const root = await db.team.create({ data: { id: `sr_${s}`, name: `SAT Region ${s}` } });
  const teamA = await db.team.create({ data: { id: `sa_${s}`, name: `SAT A ${s}`, parentId: root.id } });
  const teamB = await db.team.create({ data: { id: `sb_${s}`, name: `SAT B ${s}`, parentId: root.id } });
  const user = (id: string, role: "MANAGER" | "REP", teamId: string) =>
    db.user.create({
      data: {
        id: `${id}_${s}`,
        email: `${id.toLowerCase()}.${s}@sat.test`,
        name: `${id} ${s}`,
        role,
        teamId,
        passwordHash: "x",
      },
    });
  const mgrR = await user("satMgrR", "MANAGER", root.id);
  const repA = await user("satRepA", "REP", teamA.id);
  const repA2 = await user("satRepA2", "REP", teamA.id);
  const repB = await user("satRepB", "REP", teamB.id);
  await db.team.update({ where: { id: root.id }, data: { managerId: mgrR.id } });

  const account = (
    ownerId: string,
    teamId: string,
    healthScore: number | null,
    healthBand: "HEALTHY" | "WATCH" | "AT_RISK" | null,
  ) =>
    db.account.create({
      data: {
        name: `满意度客户 ${ownerId} ${healthScore}`,
        ownerId,
        teamId,
        tier: "A",
        lifecycle: "CUSTOMER",
        healthScore,
        healthBand,
      },
    });
  // Health: team A 40 (at risk) and 80, one unscored → mean 60, 1 at risk; B 20 (at risk).
  const accA = await account(repA.id, teamA.id, 40, "AT_RISK");
  await account(repA.id, teamA.id, 80, "HEALTHY");
  await account(repA2.id, teamA.id, null, null);
  const accB = await account(repB.id, teamB.id, 20, "AT_RISK");

  const template = await db.surveyTemplate.create({
    data: { code: `sat-${s}`, name: "满意度", nameEn: "Satisfaction", kind: "CSAT" },
  });
  const version = await db.surveyTemplateVersion.create({
    data: { templateId: template.id, number: 1, titleZh: "调研", titleEn: "Survey", questions: [] },
  });
  let n = 0;
  async function answer(
    acc: { id: string; ownerId: string; teamId: string },
    at: string,
    csat: number | null,
    nps: number | null,
  ) {
    const contact = await db.contact.create({ data: { accountId: acc.id, name: `联系人 ${s} ${n}` } });
    const survey = await db.survey.create({
      data: {
        templateVersionId: version.id,
        accountId: acc.id,
        ownerId: acc.ownerId,
        teamId: acc.teamId,
        closesAt: china("2025-12-31T00:00:00"),
      },
    });
    const invitation = await db.surveyInvitation.create({
      data: {
        surveyId: survey.id,
        contactId: contact.id,
        accountId: acc.id,
        tokenSalt: `salt-${s}-${n}`,
        tokenHash: `hash-${s}-${n++}`,
        expiresAt: china("2025-12-31T00:00:00"),
      },
    });
    await db.surveyResponse.create({
      data: {
        invitationId: invitation.id,
        surveyId: survey.id,
        accountId: acc.id,
        ownerId: acc.ownerId,
        teamId: acc.teamId,
        answers: {},
        csat,
        nps,
        submittedAt: china(at),
      },
    });
  }
  // Team A, March: CSAT 5, 2, 4 → 2 of 3 satisfied = 66.7 %; NPS 10, 3, 8 → (1 − 1) / 3 = 0.
  await answer(accA, "2025-03-05T10:00:00", 5, 10);
  await answer(accA, "2025-03-20T10:00:00", 2, 3);
  await answer(accA, "2025-03-31T23:30:00", 4, 8);
  // An NPS-only answer without CSAT does not dilute CSAT: NPS 9 → promoters 2 of 4 → 25.
  await answer(accA, "2025-03-25T09:00:00", null, 9);
  // April 1st, 00:10 China time: outside March.
  await answer(accA, "2025-04-01T00:10:00", 1, 0);
  // Team A, February: CSAT 3 → 0 %; NPS 6 → −100.
  await answer(accA, "2025-02-14T10:00:00", 3, 6);
  // Team B, March: CSAT 1, NPS 0 — never in team A's figures.
  await answer(accB, "2025-03-10T10:00:00", 1, 0);

  let c = 0;
  const complaint = (
    acc: { id: string; ownerId: string; teamId: string },
    data: {
      category: "QUALITY" | "DELIVERY" | "SERVICE" | "PRICE";
      status: "RECEIVED" | "INVESTIGATING" | "RESOLVED" | "CLOSED";
      receivedAt: string;
      ackDueAt: string;
      acknowledgedAt?: string;
      resolveDueAt: string;
      resolvedAt?: string;
      deleted?: boolean;
    },
  ) =>
    db.complaint.create({
      data: {
        number: `TS-IT-${s}-${c++}`,
        accountId: acc.id,
        teamId: acc.teamId,
        ownerId: acc.ownerId,
        channel: "CALL",
        category: data.category,
        severity: "HIGH",
        status: data.status,
        title: "投诉",
        customerWords: "……",
        receivedAt: china(data.receivedAt),
        ackDueAt: china(data.ackDueAt),
        acknowledgedAt: data.acknowledgedAt ? china(data.acknowledgedAt) : null,
        resolveDueAt: china(data.resolveDueAt),
        resolvedAt: data.resolvedAt ? china(data.resolvedAt) : null,
        deletedAt: data.deleted ? new Date() : null,
      },
    });
  // Team A. Received in March: c1, c2, c3 (QUALITY 2, DELIVERY 1). Due in March: c1 (met),
  // c2 (acknowledged late: missed), c4 (met) → 2 of 3. Open now: c2, c3.
  await complaint(accA, {
    category: "QUALITY",
    status: "CLOSED",
    receivedAt: "2025-03-03T09:00:00",
    ackDueAt: "2025-03-03T12:00:00",
    acknowledgedAt: "2025-03-03T10:00:00",
    resolveDueAt: "2025-03-06T09:00:00",
    resolvedAt: "2025-03-05T09:00:00",
  });
  await complaint(accA, {
    category: "DELIVERY",
    status: "RESOLVED",
    receivedAt: "2025-03-10T09:00:00",
    ackDueAt: "2025-03-10T12:00:00",
    acknowledgedAt: "2025-03-10T14:00:00",
    resolveDueAt: "2025-03-12T09:00:00",
    resolvedAt: "2025-03-11T09:00:00",
  });
  await complaint(accA, {
    category: "QUALITY",
    status: "INVESTIGATING",
    receivedAt: "2025-03-28T09:00:00",
    ackDueAt: "2025-03-28T12:00:00",
    acknowledgedAt: "2025-03-28T10:00:00",
    resolveDueAt: "2025-04-02T09:00:00",
  });
  await complaint(accA, {
    category: "SERVICE",
    status: "CLOSED",
    receivedAt: "2025-02-25T09:00:00",
    ackDueAt: "2025-02-25T12:00:00",
    acknowledgedAt: "2025-02-25T10:00:00",
    resolveDueAt: "2025-03-02T09:00:00",
    resolvedAt: "2025-03-01T09:00:00",
  });
  // Deleted: counts nowhere.
  await complaint(accA, {
    category: "QUALITY",
    status: "RECEIVED",
    receivedAt: "2025-03-15T09:00:00",
    ackDueAt: "2025-03-15T12:00:00",
    resolveDueAt: "2025-03-18T09:00:00",
    deleted: true,
  });
  // Team B: received and due in March, never resolved (missed); open.
  await complaint(accB, {
    category: "PRICE",
    status: "INVESTIGATING",
    receivedAt: "2025-03-11T09:00:00",
    ackDueAt: "2025-03-11T12:00:00",
    acknowledgedAt: "2025-03-11T10:00:00",
    resolveDueAt: "2025-03-13T09:00:00",
  });

  return { root, teamA, teamB, mgrR, repA, repA2, repB };
}
