// The channel conflict journey (渠道冲突): the East channel manager opens a seeded cross-territory
// case (区域窜货) that waits in negotiation and, talks having failed, escalates it to mediation (调解);
// a manager — in English — records the cause analysis and resolves it with a rebate deduction and
// a prevention note (防范机制), which then shows among the lessons learned. Each project works its
// own seeded case, and every step looks at the case's state first, so a retry picks up wherever an
// earlier attempt left it (a case already resolved is reopened by the manager and resolved again).
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { signInAs, switchLanguage, uniqueTag, usersFor } from "./support";

// prisma/demo-channel-conflicts.ts: 无锡华拓 → 南京 (desktop), 上海申联 → 杭州 (phone).
const CASE = { desktop: "ccf_east_wuxi", phone: "ccf_east_hangzhou" };

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

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({
    path: `test-results/channel-conflicts-${name}-${info.project.name}.png`,
    fullPage: true,
  });

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

test("a channel manager escalates a cross-territory case; a manager resolves it and the lesson is kept", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(150_000);
  const id = CASE[info.project.name === "phone" ? "phone" : "desktop"];
  const tag = uniqueTag(info);
  const status = (p: Page) => p.getByTestId("conflict-status");

  // 1. The channel manager (zh-CN) finds the queue's counts and opens the case.
  await signInAs(page, usersFor(info).channel);
  await page.goto("/channel-conflicts?kind=CROSS_TERRITORY");
  await expect(page.getByTestId("conflict-counts")).toContainText("协商");
  await expectNoSidewaysScroll(page);
  await shot(page, info, "queue");
  await page.goto(`/channel-conflicts/${id}`);
  await expect(page.getByTestId("conflict-offending")).toBeVisible();
  await expect(page.getByTestId("conflict-affected")).not.toHaveText("—");
  if ((await status(page).textContent()) === "协商") {
    const form = page.getByRole("form", { name: "提交调解" });
    await form.getByLabel("本阶段未能解决的原因").fill(`双方就窜货货值未达成一致 ${tag}`);
    await form.getByRole("button", { name: "提交调解" }).click();
    await expect(status(page)).toHaveText("调解");
  }
  // Mediation decisions are a manager's: the channel manager is offered no resolve form now.
  await expect(page.getByRole("form", { name: "解决" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await shot(page, info, "mediation");

  // 2. The manager, reading English, records the cause and resolves with a rebate deduction.
  const { context, page: manager } = await personPage(browser, info);
  await signInAs(manager, usersFor(info, "i18n").manager);
  await switchLanguage(manager, "en");
  await manager.goto(`/channel-conflicts/${id}`);
  if ((await status(manager).textContent()) === "Resolved") {
    const reopen = manager.getByRole("form", { name: "Reopen", exact: true });
    await reopen.getByLabel("Why the decision is taken up again").fill(`Retry ${tag}`);
    await reopen.getByRole("button", { name: "Reopen case" }).click();
    await expect(status(manager)).toHaveText("Mediation");
  }
  await expect(status(manager)).toHaveText("Mediation");
  const cause = manager.getByRole("form", { name: "Cause analysis", exact: true });
  await cause.getByLabel("Cause analysis").fill(`Quarter-end push for the rebate tier ${tag}`);
  await cause.getByRole("button", { name: "Save cause analysis" }).click();
  await expect(manager.getByTestId("conflict-cause")).toContainText(tag);

  const resolve = manager.getByRole("form", { name: "Resolve", exact: true });
  await resolve.getByLabel("Outcome", { exact: true }).selectOption("REBATE_DEDUCTION");
  await resolve.getByRole("button", { name: "Resolve case" }).click();
  // The deduction needs its amount: refused with the field named, nothing lost.
  await expect(resolve.getByText("A rebate deduction or a compensation needs its amount.")).toBeVisible();
  await resolve.getByLabel("Amount (yuan)").fill("12,000");
  await resolve.getByLabel(/^Prevention note/).fill(`Monthly cross-territory sell-out audit ${tag}`);
  await resolve.getByRole("button", { name: "Resolve case" }).click();
  await expect(status(manager)).toHaveText("Resolved");
  await expect(manager.getByTestId("conflict-outcome")).toHaveText("Rebate deduction");
  await expect(manager.getByTestId("conflict-prevention")).toContainText(tag);
  await expectNoSidewaysScroll(manager);
  await shot(manager, info, "resolved-en");

  // 3. The prevention note is now a lesson learned, found by its words.
  await manager.goto(`/channel-conflicts/lessons?q=${encodeURIComponent(tag)}`);
  await expect(manager.getByTestId("lessons")).toContainText(`Monthly cross-territory sell-out audit ${tag}`);
  await expectNoSidewaysScroll(manager);
  await shot(manager, info, "lessons-en");
  await context.close();
});
