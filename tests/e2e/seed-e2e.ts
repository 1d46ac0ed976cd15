import type { Db, Prisma } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart } from "@/lib/domain/calendar";
import { isoWeekday } from "@/lib/domain/visit-calendar";
import { lastCompleteQuarter } from "@/lib/domain/scorecard";
import { DEFAULT_VISIT_SETTINGS as S } from "@/lib/domain/visits";
import { recomputeAllContactDue, recomputeAllLastContacts } from "@/lib/data/visits/contact-due-sql";
import { seedDemo } from "@/prisma/seed";
import { accountRow, insertAccount } from "../factories/accounts";
import { seedSurveyLinksE2e } from "./survey-fixtures";
import { VISIT_E2E } from "./visit-fixtures";
import { makePlan, makeRecord } from "../factories/visits";

// The desktop and phone projects run side by side and change per-user state (saved language,
// sign-in counters). Each project therefore signs in as its own people: the demo users for the
// desktop, and "phone." twins with the same role, team and language for the phone. Tests that
// switch a user's language use a further set of "i18n." twins, so other tests in flight keep theirs.
export const PHONE_TWINS = [
  "usr_admin",
  "usr_director",
  "usr_east_manager",
  "usr_east_kam1",
  "usr_east_kam2",
  "usr_east_rep1",
  "usr_east_rep3",
  "usr_east_channel",
];

export const TWIN_PREFIXES = ["phone.", "i18n.", "phone.i18n."];

export async function seedE2e(db: Db): Promise<void> {
  await seedDemo(db);
  const originals = await db.user.findMany({ where: { id: { in: PHONE_TWINS } } });
  await db.user.createMany({
    data: TWIN_PREFIXES.flatMap((prefix) =>
      originals.map((u) => ({
        ...u,
        id: `${u.id}_${prefix.replaceAll(".", "_")}`,
        email: `${prefix}${u.email}`,
        createdAt: undefined,
        updatedAt: undefined,
      })),
    ),
  });
  // A channel manager's twins cover the same territories (they own no distributors: they see them
  // through the assignment).
  const assignments = await db.channelTerritoryAssignment.findMany({
    where: { userId: { in: PHONE_TWINS } },
  });
  await db.channelTerritoryAssignment.createMany({
    data: TWIN_PREFIXES.flatMap((prefix) =>
      assignments.map((a) => ({
        userId: `${a.userId}_${prefix.replaceAll(".", "_")}`,
        territoryId: a.territoryId,
      })),
    ),
  });
  await seedVisitPlanners(db);
  await seedVisitCalendarE2e(db);
  await seedReviewees(db);
  await seedSurveyLinksE2e(db, process.env.E2E_NEXTAUTH_SECRET ?? "keystone-e2e-secret-not-for-production");
  // Last: computes every account's contact due date, the ones added above included.
  await seedVisitAccounts(db);
}

/**
 * The visit-plan journey (visit-plans.spec.ts): a rep plans an A-tier visit and the team's manager
 * approves it, and both projects run it at once. The approver is the manager of the rep's team, so
 * each project gets a small team under East China managed by its own east manager (the demo one,
 * or the phone twin), with a rep and an A-tier account with one contact: neither project's bell
 * or inbox counts the other's plans.
 */
async function seedVisitPlanners(db: Db): Promise<void> {
  const source = await db.account.findFirstOrThrow({
    where: { teamId: "team_east", deletedAt: null },
    orderBy: { id: "asc" },
  });
  const rep = await db.user.findUniqueOrThrow({ where: { id: "usr_east_rep1" } });
  for (const prefix of ["", "phone."]) {
    const suffix = prefix.replaceAll(".", "_");
    const teamId = `team_east_plans${suffix && `_${suffix}`}`;
    const userId = `usr_east_planner${suffix && `_${suffix}`}`;
    await db.team.create({
      data: {
        id: teamId,
        name: `East visit planners${prefix ? " (phone)" : ""}`,
        parentId: "team_east",
        managerId: `usr_east_manager${suffix && `_${suffix}`}`,
      },
    });
    await db.user.create({
      data: {
        ...rep,
        id: userId,
        email: `${prefix}plans.rep@keystone.demo`,
        name: prefix ? "赵晨（手机）" : "赵晨",
        teamId,
        createdAt: undefined,
        updatedAt: undefined,
      },
    });
    const accountId = `acc_e2e_plans${suffix && `_${suffix}`}`;
    await db.account.create({
      data: {
        ...(source as Prisma.AccountCreateManyInput),
        id: accountId,
        name: `拜访计划测试客户${prefix ? "（手机）" : ""}有限公司`,
        creditCode: null,
        ownerId: userId,
        teamId,
        // Overridden, so a rescoring run by another spec (the admin's weights) leaves it A-tier.
        tier: "A",
        computedTier: "A",
        tierOverrideReason: "演练",
        createdAt: undefined,
        updatedAt: undefined,
      },
    });
    await db.contact.create({
      data: {
        accountId,
        name: prefix ? "钱总（手机）" : "钱总",
        title: "采购总监",
        buyingRole: "DECISION_MAKER",
      },
    });
  }
}

/**
 * For the visit-record journeys: each rep (desktop and phone twin) owns one account with a saved
 * location (the quick and offline logs) and three A-tier accounts created 40 days ago and never
 * contacted, so they are 26 days overdue. Every account's due date is then computed as the app does.
 */
async function seedVisitAccounts(db: Db) {
  const reps = await db.user.findMany({
    where: { id: { in: ["usr_east_rep1", "usr_east_rep1_phone_"] } },
    select: { id: true, teamId: true },
  });
  const longAgo = new Date(Date.now() - 40 * 86_400_000);
  await db.account.createMany({
    data: reps.flatMap((rep) => [
      accountRow({
        ownerId: rep.id,
        teamId: rep.teamId!,
        name: `${VISIT_E2E.visitAccount} ${rep.id}`,
        latitude: 31.2304,
        longitude: 121.4737,
      }),
      ...[1, 2, 3].map((n) =>
        accountRow({
          ownerId: rep.id,
          teamId: rep.teamId!,
          name: `${VISIT_E2E.overduePrefix}${n} ${rep.id}`,
          tier: "A",
          computedTier: "A",
          tierOverrideReason: "演练",
          createdAt: longAgo,
        }),
      ),
    ]),
  });
  // As the demo seed does: last contacts from the records seeded above, then every due date.
  await recomputeAllLastContacts(db);
  await recomputeAllContactDue(db, S);
}

// ── Visit calendar (tests/e2e/visit-calendar.spec.ts) ─────────────────────────────────────────
/** The people whose calendar, weekly log and feed the calendar spec opens (desktop and phone twins). */
export const CALENDAR_E2E_USERS = ["usr_east_rep1", "usr_east_kam2"] as const;
export const CALENDAR_E2E_ACCOUNT = "日历测试客户";
export const CALENDAR_E2E_TALK = "E2E 日历：技术交流，客户关注交期";

/**
 * For each calendar person (and their phone twin): an account of their own, two visit records this
 * week (today and — unless today is Monday — yesterday, China time), a plan tomorrow, and one next
 * week, all relative to the day the e2e database is seeded (the day the tests run).
 */
async function seedVisitCalendarE2e(db: Db): Promise<void> {
  const today = chinaDate(new Date());
  const hour = (day: string, h: number) => new Date(chinaDayStart(day).getTime() + h * 3_600_000);
  const ids = CALENDAR_E2E_USERS.flatMap((id) => [id, `${id}_phone_`]);
  for (const ownerId of ids) {
    const account = await insertAccount(db, { ownerId, name: `${CALENDAR_E2E_ACCOUNT}（${ownerId}）` });
    await makeRecord(db, {
      ownerId,
      accountId: account.id,
      visitedAt: hour(today, 9),
      talkingPoints: CALENDAR_E2E_TALK,
      place: "苏州工业园区",
    });
    if (isoWeekday(today) !== 1) {
      await makeRecord(db, {
        ownerId,
        accountId: account.id,
        visitedAt: hour(addDays(today, -1), 15),
        method: "PHONE",
        outcome: "NO_PROGRESS",
      });
    }
    await makePlan(db, { ownerId, accountId: account.id, plannedStart: hour(addDays(today, 1), 10) });
    await makePlan(db, {
      ownerId,
      accountId: account.id,
      plannedStart: hour(addDays(today, 7), 14),
      status: "SUBMITTED",
      purpose: "下周回访，确认报价",
    });
  }
}

// ── Performance reviews (tests/e2e/reviews.spec.ts) ──────────────────────────────────────────
/** The person each project's manager reviews: an English-speaking rep in a team under East China. */
export const REVIEWEE = {
  desktop: { id: "usr_e2e_reviewee", email: "review.rep@keystone.demo", name: "Emma Liu" },
  phone: { id: "usr_e2e_reviewee_phone", email: "phone.review.rep@keystone.demo", name: "Emma Liu (phone)" },
} as const;

/**
 * Each project's reviewee sits in a team of their own under East China (so the east manager and
 * the phone twin review them), owns an account and made visits in the last complete quarter, so
 * the scorecard a review freezes has figures in it.
 */
async function seedReviewees(db: Db): Promise<void> {
  const template = await db.user.findUniqueOrThrow({ where: { id: "usr_east_rep1" } });
  const today = chinaDate(new Date());
  const quarter = lastCompleteQuarter(today);
  for (const [project, person] of Object.entries(REVIEWEE)) {
    const teamId = `team_east_reviews_${project}`;
    await db.team.create({
      data: {
        id: teamId,
        name: `East reviews (${project})`,
        nameZh: `华东考核组（${project}）`,
        parentId: "team_east",
      },
    });
    await db.user.create({
      data: {
        ...template,
        ...person,
        teamId,
        locale: "en",
        jobTitle: "Sales rep",
        createdAt: undefined,
        updatedAt: undefined,
      },
    });
    const account = await insertAccount(db, { ownerId: person.id, name: `考核测试客户（${project}）` });
    for (const [n, outcome] of (["ADVANCED", "ADVANCED", "NO_PROGRESS", "ADVANCED"] as const).entries()) {
      await makeRecord(db, {
        ownerId: person.id,
        accountId: account.id,
        visitedAt: new Date(chinaDayStart(addDays(quarter.start, 10 + n * 20)).getTime() + 10 * 3_600_000),
        outcome,
      });
    }
  }
}
