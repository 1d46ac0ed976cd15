import type { Db } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart } from "@/lib/domain/calendar";
import { isoWeekday } from "@/lib/domain/visit-calendar";
import { seedDemo } from "@/prisma/seed";
import { insertAccount } from "../factories/accounts";
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
  await seedVisitCalendarE2e(db);
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
