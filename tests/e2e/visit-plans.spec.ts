// The approval journey (客户拜访计划 → 审批): a rep plans a visit to an A-tier account with a gift
// request, the team's manager sees the bell count rise and approves both from the inbox in one tap
// each, and the rep is told of both decisions. Each project has its own rep, team and manager (see
// seedVisitPlanners in seed-e2e.ts), so the counts are the project's own.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { signInAs, uniqueTag, usersFor } from "./support";

function journeyPeople(info: TestInfo) {
  const phone = info.project.name === "phone";
  return {
    rep: { email: `${phone ? "phone." : ""}plans.rep@keystone.demo` },
    manager: usersFor(info).manager,
    accountId: phone ? "acc_e2e_plans_phone_" : "acc_e2e_plans",
    contact: phone ? "钱总（手机）" : "钱总",
  };
}

/** The unread count the header's bell announces ("通知，3 条未读"; just "通知" when none). */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "";
  return Number(/(\d+)/.exec(label)?.[1] ?? 0);
}

/** A second person in the same test: a browser context like the project's (phone or desktop). */
async function personPage(browser: Browser, info: TestInfo) {
  const use = info.project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    userAgent: use.userAgent,
    locale: use.locale,
    timezoneId: use.timezoneId,
  });
  return { context, page: await context.newPage() };
}

async function expectNoSidewaysScroll(page: Page) {
  const excess = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(excess, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

test("a rep plans an A-tier visit with a gift, the manager approves both from the inbox, the rep is told", async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const people = journeyPeople(info);
  const tag = uniqueTag(info);
  const purpose = `年度合作回顾 ${tag}`;
  const { context: repContext, page: rep } = await personPage(browser, info);
  const { context: managerContext, page: manager } = await personPage(browser, info);

  await signInAs(manager, people.manager);
  const before = await bellCount(manager);

  // The rep plans the visit: an A-tier account, so it goes to the team's manager.
  await signInAs(rep, people.rep);
  expect(await bellCount(rep)).toBe(0);
  await rep.goto(`/visits/plans/new?account=${people.accountId}`);
  await rep.getByLabel("拜访目的").fill(purpose);
  await rep.getByLabel("拜访目标").fill("确认明年框架协议的续签意向");
  await rep.getByLabel("预计费用（元）").fill("1500");
  await rep.getByRole("checkbox", { name: new RegExp(people.contact) }).check();
  await rep.getByRole("button", { name: "提交", exact: true }).click();
  await expect(rep).toHaveURL(/\/visits\/plans\/[\w-]+$/);
  await expect(rep.getByRole("heading", { level: 1, name: purpose })).toBeVisible();
  await expect(rep.getByText("待审批").first()).toBeVisible();
  await expect(rep.getByText("审批人：陈建华")).toBeVisible();
  if (info.project.name === "phone") await expectNoSidewaysScroll(rep);
  const planUrl = rep.url();

  // A gift for the contact: the year's totals sit beside the form, and a value above the yearly
  // cap per contact (¥2,000) is warned about as it is typed.
  await rep.getByRole("link", { name: "添加礼品馈赠申请" }).click();
  await expect(rep.getByRole("heading", { level: 1, name: "礼品馈赠申请" })).toBeVisible();
  await expect(rep.getByTestId("gift-totals")).toContainText("本客户：¥0");
  await rep.getByLabel("礼品名称及数量").fill(`茶叶礼盒两盒 ${tag}`);
  await rep.getByLabel("受礼人").selectOption({ label: people.contact });
  await rep.getByLabel("礼品价值（元）").fill("2500");
  await expect(rep.getByTestId("gift-cap-warning")).toContainText("超过上限 ¥2,000");
  await rep.getByLabel("礼品价值（元）").fill("1800");
  await expect(rep.getByTestId("gift-cap-warning")).toHaveCount(0);
  await rep.getByLabel("申请理由").fill("年度拜访，感谢一年来的支持");
  await rep.getByRole("button", { name: "提交申请" }).click();
  await expect(rep).toHaveURL(/\/visits\/requests\/[\w-]+$/);
  await expect(rep.getByText("待审批").first()).toBeVisible();
  await expect(rep.getByTestId("gift-totals")).toContainText("本客户：¥1,800");
  if (info.project.name === "phone") await expectNoSidewaysScroll(rep);

  // The manager's bell counts both; the inbox approves each in one tap.
  await manager.reload();
  expect(await bellCount(manager)).toBe(before + 2);
  await manager.getByTestId("notification-bell").click();
  await expect(manager).toHaveURL(/\/notifications$/);
  await expect(manager.getByTestId("notification-list")).toContainText(
    `提交了拜访计划，等待您审批：${purpose}`,
  );
  await manager.goto("/visits/approvals");
  const plan = manager.getByTestId("pending-plan").filter({ hasText: purpose });
  await plan.getByRole("button", { name: `批准：${purpose}` }).click();
  await expect(manager.getByTestId("pending-plan").filter({ hasText: purpose })).toHaveCount(0);
  const gift = manager.getByTestId("pending-request").filter({ hasText: tag });
  await expect(gift).toContainText("¥1,800");
  await gift.getByRole("button", { name: /^批准：/ }).click();
  await expect(manager.getByTestId("pending-request").filter({ hasText: tag })).toHaveCount(0);
  if (info.project.name === "phone") await expectNoSidewaysScroll(manager);
  // Deciding them settles the manager's own notifications.
  await manager.reload();
  expect(await bellCount(manager)).toBe(before);

  // The rep is told of both decisions, and the plan reads approved.
  await rep.goto("/");
  expect(await bellCount(rep)).toBe(2);
  await rep.getByTestId("notification-bell").click();
  const notes = rep.getByTestId("notification-list");
  await expect(notes).toContainText(`陈建华批准了您的拜访计划：${purpose}`);
  await expect(notes).toContainText("陈建华批准了您的礼品馈赠申请");
  await rep.getByRole("button", { name: "全部标为已读" }).click();
  await expect(rep.getByTestId("notification-bell")).toHaveAttribute("aria-label", "通知");
  await rep.goto(planUrl);
  await expect(rep.getByText("已批准").first()).toBeVisible();
  await expect(rep.getByRole("link", { name: "填写拜访记录" })).toHaveAttribute(
    "href",
    /\/visits\/new\?plan=/,
  );

  await repContext.close();
  await managerContext.close();
});

test("a returned plan shows the manager's comment and can be edited and submitted again", async ({
  browser,
}, info) => {
  test.setTimeout(90_000);
  const people = journeyPeople(info);
  const purpose = `技术交流 ${uniqueTag(info)}`;
  const { context: repContext, page: rep } = await personPage(browser, info);
  const { context: managerContext, page: manager } = await personPage(browser, info);

  await signInAs(rep, people.rep);
  await rep.goto(`/visits/plans/new?account=${people.accountId}`);
  await rep.getByLabel("拜访目的").fill(purpose);
  await rep.getByRole("button", { name: "提交", exact: true }).click();
  await expect(rep).toHaveURL(/\/visits\/plans\/[\w-]+$/);
  const planUrl = rep.url();

  await signInAs(manager, people.manager);
  await manager.goto("/visits/approvals");
  const plan = manager.getByTestId("pending-plan").filter({ hasText: purpose });
  // Returning needs a comment.
  await plan.getByRole("button", { name: `退回：${purpose}` }).click();
  await expect(plan.locator("[data-field-message]").filter({ hasText: /\S/ })).toBeVisible();
  await plan.getByLabel("审批意见").fill("请补充拜访目标");
  await plan.getByRole("button", { name: `退回：${purpose}` }).click();
  await expect(manager.getByTestId("pending-plan").filter({ hasText: purpose })).toHaveCount(0);

  await rep.goto(planUrl);
  await expect(rep.getByText("已退回").first()).toBeVisible();
  await expect(rep.getByText("审批意见：请补充拜访目标")).toBeVisible();
  await rep.getByRole("link", { name: "修改", exact: true }).click();
  await rep.getByLabel("拜访目标").fill("了解新产线的技术需求");
  await rep.getByRole("button", { name: "提交", exact: true }).click();
  await expect(rep).toHaveURL(planUrl);
  await expect(rep.getByText("待审批").first()).toBeVisible();
  await expect(rep.getByText("了解新产线的技术需求")).toBeVisible();

  await repContext.close();
  await managerContext.close();
});
