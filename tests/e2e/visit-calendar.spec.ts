// The visit calendar in the browser: the month (a grid on a desktop, an agenda on a phone) in
// Chinese and English, the weekly contact log of the week's visits, and the iCalendar feed — its
// URL serves a calendar a library parses, and stops once revoked. Rows come from seed-e2e.ts.
import ICAL from "ical.js";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { CALENDAR_E2E_ACCOUNT, CALENDAR_E2E_TALK } from "./seed-e2e";
import { signInAs, usersFor } from "./support";

const isPhone = (info: TestInfo) => info.project.name === "phone";

/** The calendar's events as shown at this size: the agenda on a phone, the month grid on a desktop. */
function monthEvents(page: Page, info: TestInfo) {
  return isPhone(info) ? page.getByTestId("calendar-agenda") : page.getByTestId("calendar-month");
}

test("the month in Chinese: a grid on a desktop, an agenda on a phone, each item opening its plan or visit", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).rep);
  await page.goto("/visits/calendar?view=month");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("拜访日历");
  const events = monthEvents(page, info);
  await expect(events).toBeVisible();
  if (isPhone(info)) await expect(page.getByTestId("calendar-month")).toBeHidden();
  else await expect(page.getByTestId("calendar-agenda")).toBeHidden();

  const visit = events.getByRole("link", { name: new RegExp(`拜访记录：${CALENDAR_E2E_ACCOUNT}`) }).first();
  await expect(visit).toBeVisible();
  await expect(visit).toHaveAttribute("href", /^\/visits\/[A-Za-z0-9_-]+$/);
  await expect(events.getByRole("link", { name: /拜访计划：/ }).first()).toHaveAttribute(
    "href",
    /^\/visits\/plans\/[A-Za-z0-9_-]+$/,
  );

  await page.screenshot({
    path: `tests/e2e/screenshots/visit-calendar-month-${info.project.name}.png`,
    fullPage: true,
  });

  // The view is in the URL: switching to the week keeps the day.
  await page.getByRole("navigation", { name: "日历视图" }).getByRole("link", { name: "周" }).click();
  await expect(page).toHaveURL(/view=week/);
  await expect(
    page.getByRole("link", { name: new RegExp(`拜访记录：${CALENDAR_E2E_ACCOUNT}`) }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: `tests/e2e/screenshots/visit-calendar-week-${info.project.name}.png`,
    fullPage: true,
  });
});

test("the calendar in English", async ({ page }, info) => {
  await signInAs(page, usersFor(info).kamEn);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/visits/calendar?view=month");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Visit calendar");
  const events = monthEvents(page, info);
  await expect(
    events.getByRole("link", { name: new RegExp(`^Visit: ${CALENDAR_E2E_ACCOUNT}`) }).first(),
  ).toBeVisible();
  await expect(events.getByRole("link", { name: /^Plan: / }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Subscribe from your phone's calendar" })).toBeVisible();
  await expect(page.getByText(/Add Subscribed Calendar/)).toBeVisible();
});

test("the weekly contact log shows the week's visits, and the rep's summary is saved", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).rep);
  await page.goto("/visits/weekly");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("客户联络表");
  // The phone shows the week as a list, a desktop as a table: whichever is on screen has the visit.
  await expect(page.getByText(CALENDAR_E2E_TALK).filter({ visible: true })).toHaveCount(1);
  // At least the seeded visit (the visit-records journeys log more for the same rep in the same run).
  await expect(page.getByTestId("weekly-counts")).toContainText(/拜访 [1-9]\d* 次/);
  await expect(page.getByRole("heading", { name: "下周拜访计划" })).toBeVisible();
  await expect(page.getByText("下周回访，确认报价").filter({ visible: true })).toHaveCount(1);

  const summary = `本周小结 ${info.project.name} ${Date.now()}`;
  await page.getByLabel("本周小结").fill(summary);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("本周小结")).toHaveValue(summary);
  await page.screenshot({
    path: `tests/e2e/screenshots/visit-weekly-${info.project.name}.png`,
    fullPage: true,
  });

  // Printed, the log is the page alone: no navigation, header or buttons; the saved texts show.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.getByText(summary).filter({ visible: true })).toHaveCount(1);
  await page.screenshot({
    path: `tests/e2e/screenshots/visit-weekly-print-${info.project.name}.png`,
    fullPage: true,
  });
  await page.emulateMedia({ media: "screen" });

  // The previous week has other visits (or none), and its own URL.
  await page.getByRole("link", { name: /上一周/ }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByText(CALENDAR_E2E_TALK)).toHaveCount(0);
});

test("the feed URL serves a valid calendar and stops after it is revoked", async ({ page }, info) => {
  await signInAs(page, usersFor(info).rep);
  await page.goto("/visits/calendar");
  await page.getByRole("button", { name: /生成我的订阅地址|重新生成地址/ }).click();
  const field = page.getByTestId("feed-url");
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);

  // The route reads no session (a phone's calendar app has none): the token is the credential.
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const summaries = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c).summary);
  expect(summaries.some((s) => s.startsWith(`拜访：${CALENDAR_E2E_ACCOUNT}`))).toBe(true);
  expect(summaries.some((s) => s.startsWith(`拜访计划：${CALENDAR_E2E_ACCOUNT}`))).toBe(true);

  await page.getByRole("button", { name: "停用订阅" }).click();
  await expect(page.getByText("订阅已停用，原地址不再可用。")).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);
});

test("the manager's view of the day lists the rep's visit today, linking to it", async ({ page }, info) => {
  await signInAs(page, usersFor(info).manager);
  await page.goto("/visits/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("团队今日");
  const rep = page.getByTestId("team-person").filter({ has: page.getByRole("heading", { name: "张磊" }) });
  await expect(rep.getByRole("link", { name: new RegExp(CALENDAR_E2E_ACCOUNT) }).first()).toHaveAttribute(
    "href",
    /^\/visits\/[A-Za-z0-9_-]+$/,
  );
  await expect(page.getByRole("link", { name: "待审批事项" })).toHaveAttribute("href", "/visits/approvals");
  await page.screenshot({
    path: `tests/e2e/screenshots/visit-team-${info.project.name}.png`,
    fullPage: true,
  });
});
