// 经销商甄选与考评: the East channel manager scores a candidate against the evaluation model and
// compares two candidates side by side; the East manager (in English) finds the channel figures
// on the dashboard, drills into the quarter's scorecard ranking and opens one scorecard's
// workings. Desktop and phone run it at once with their own twins.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInAs, switchLanguage, usersFor } from "./support";

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({
    path: `tests/e2e/screenshots/scorecards-${name}-${info.project.name}.png`,
    fullPage: true,
  });

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

test("a channel manager scores a candidate and compares two side by side", async ({ page }, info) => {
  await signInAs(page, usersFor(info).channel);
  await page.goto("/distributors/selection");
  await expect(page.getByRole("heading", { level: 1, name: "经销商甄选" })).toBeVisible();
  const rows = page.getByTestId("candidates").locator("li");
  const name = (await rows.nth(0).getByRole("link").first().innerText()).trim();
  const other = (await rows.nth(1).getByRole("link").first().innerText()).trim();
  await rows.nth(0).getByRole("link", { name: "评估" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `评估 ${name}` })).toBeVisible();

  // Full marks on the measured criteria, 90 and 80 by judgement: 20+20+15+13.5+12+15 = 95.5 → 96.
  await page.getByLabel("资金实力 (20%)").fill("5000");
  await page.getByLabel("渠道网络覆盖 (20%)").fill("200");
  await page.getByLabel("销售团队 (15%)").fill("80");
  await page.getByLabel("商业信誉 (15%)").fill("90");
  await page.getByLabel("与我方产品的契合度 (15%)").fill("80");
  await page.getByLabel("付款条件 (15%)").fill("0");
  await page.getByLabel("备注").fill("实地考察后评估");
  await page.getByRole("button", { name: "保存评估" }).click();
  await expect(page.getByText("评估已保存：总分 96")).toBeVisible();
  await expect(page.getByTestId("evaluation-history").locator("li").first()).toContainText("96 分");
  await expectNoSidewaysScroll(page);
  await shot(page, info, "evaluation");

  await page.getByRole("link", { name: "全部候选经销商" }).click();
  await page.getByRole("checkbox", { name: `比较 ${name}` }).check();
  await page.getByRole("checkbox", { name: `比较 ${other}` }).check();
  await page.getByRole("button", { name: "比较", exact: true }).click();
  const comparison = page.getByTestId("comparison");
  await expect(comparison).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: other })).toBeVisible();
  await expect(comparison.getByTestId("compare-total").first()).toContainText("96");
  await expectNoSidewaysScroll(page);
  await shot(page, info, "compare");
});

test("a manager sees the channel figures and the quarter's ranking, in English", async ({ page }, info) => {
  await signInAs(page, usersFor(info, "i18n").manager);
  await switchLanguage(page, "en");
  try {
    await page.goto("/dashboard");
    const section = page.getByTestId("channel-figures");
    await expect(section.getByRole("heading", { name: "Channels" })).toBeVisible();
    for (const label of ["Sell-in", "Sell-out", "Target achievement", "Receivables", "Open conflicts"])
      await expect(section.getByText(label, { exact: true }).first()).toBeVisible();
    // Drill-downs into the other channel modules' lists.
    await expect(section.getByRole("link", { name: "Over 90 days" })).toHaveAttribute(
      "href",
      "/receivables/invoices?bucket=d90plus",
    );
    await expect(section.getByRole("link", { name: /Open\s*: Open conflicts/ })).toHaveAttribute(
      "href",
      "/channel-conflicts?status=open",
    );
    await expectNoSidewaysScroll(page);
    await section.screenshot({ path: `tests/e2e/screenshots/scorecards-dashboard-${info.project.name}.png` });

    await section.getByRole("link", { name: "Distributor scorecards" }).click();
    await expect(page).toHaveURL(/\/distributor-scorecards$/);
    await expect(page.getByRole("heading", { level: 1, name: "Distributor scorecards" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(/^(\d+|—)$/);
    await expectNoSidewaysScroll(page);
    await shot(page, info, "ranking");

    await table.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Workings" })).toBeVisible();
    await expect(page.getByTestId("factor-achievement")).toContainText("Target achievement");
    await expect(page.getByText(/Computed recommendation: /)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, info, "scorecard");
  } finally {
    await switchLanguage(page, "zh-CN");
  }
});

test("a channel manager surveys a distributor; its contact's answer counts on its page", async ({
  page,
  browser,
}, info) => {
  // Each project its own East distributor, so the two runs' surveys do not meet.
  const distributorId = info.project.name === "phone" ? "dst_003" : "dst_002";
  await signInAs(page, usersFor(info).channel);
  await page.goto(`/distributors/${distributorId}#satisfaction`);
  const section = page.locator("#satisfaction");
  await expect(section.getByRole("heading", { name: "渠道满意度" })).toBeVisible();
  await section.getByRole("link", { name: "发送调研" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "发送满意度调研" })).toBeVisible();
  await page.getByLabel("问卷").selectOption({ label: "经销商满意度调研" });
  await expect(page.getByRole("radio", { name: "全部联系人 (2)" })).toBeChecked();
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "生成链接" }).click();
  await expect(page).toHaveURL(/\/surveys\/[A-Za-z0-9_-]+$/);
  const people = page.getByTestId("survey-invitation");
  await expect(people).toHaveCount(2);
  const link = await people.first().getByRole("textbox").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await shot(page, info, "survey-sent");

  // The distributor's contact answers from the link, signed out (a browser of their own).
  const outsider = await browser.newContext();
  try {
    const answer = await outsider.newPage();
    await answer.goto(new URL(link).pathname);
    await expect(answer.getByRole("heading", { level: 1 })).toHaveText("经销商合作满意度调研");
    await answer
      .getByRole("group", { name: /整体合作满意/ })
      .getByText("5", { exact: true })
      .click();
    await answer
      .getByRole("group", { name: /推荐成为我司的经销商/ })
      .getByText("10", { exact: true })
      .click();
    await answer.getByText("返点结算速度", { exact: true }).click();
    await answer.getByRole("button", { name: "提交回答" }).click();
    await expect(answer.getByRole("heading", { name: "感谢您的反馈！" })).toBeVisible();
  } finally {
    await outsider.close();
  }

  // The survey and the distributor's page count the answer.
  await page.reload();
  await expect(people.first().getByText(/已于 .+ 回复/)).toBeVisible();
  await expect(page.getByTestId("figure-answers")).toContainText("1 / 2");
  await page.goto(`/distributors/${distributorId}#satisfaction`);
  await expect(section.locator("li").first()).toContainText("1 / 2");
  await expectNoSidewaysScroll(page);
  await section.screenshot({
    path: `tests/e2e/screenshots/scorecards-satisfaction-${info.project.name}.png`,
  });
});
