// 客户健康度 and 服务计划 as people use them: a manager opens the at-risk list, sees an account with
// its reasons, opens it and reads the health panel; a KAM records a service delivery; the English
// pages read in English. Desktop and phone (the phone signs in as the "phone." twins).
import { expect, test } from "@playwright/test";
import { formAlert, signInAs, usersFor } from "./support";

test("the manager's at-risk list shows accounts with their reasons and opens the health panel", async ({
  page,
}, info) => {
  const users = usersFor(info);
  await signInAs(page, users.manager);
  // At risk and watch: the demo seed's spread always has some of these in the East region.
  await page.goto("/health?band=BOTH");
  await expect(page.getByRole("heading", { level: 1, name: "客户健康度" })).toBeVisible();
  const list = page.getByTestId("at-risk-list");
  const first = list.locator("> li").first();
  await expect(first.getByTestId("at-risk-reasons").locator("li").first()).toContainText(/−\d/);
  // Nothing sticks out sideways on a phone; a picture for people to look at (not committed).
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({
    path: `tests/e2e/screenshots/health-list-${info.project.name}.png`,
    fullPage: true,
  });
  const name = (await first.getByRole("link").first().textContent())!.trim();
  await first.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const panel = page.getByTestId("health-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByText("联系频率")).toBeVisible();
  await expect(panel.getByText(/关注|风险/).first()).toBeVisible();
  await panel.screenshot({ path: `tests/e2e/screenshots/health-panel-${info.project.name}.png` });
});

test("a KAM records a service delivery on the plan page", async ({ page }, info) => {
  const users = usersFor(info);
  // Desktop: 王伟 on his own A-tier account; phone: the manager twin on another of the team's.
  const phone = info.project.name === "phone";
  await signInAs(page, phone ? users.manager : users.kam);
  const account = phone ? "acc_0039" : "acc_0037";
  await page.goto(`/accounts/${account}`);
  const section = page.locator("#service");
  await expect(section.getByRole("heading", { name: "服务计划" })).toBeVisible();
  await section.getByRole("link", { name: "打开服务计划" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account}/service$`));
  const card = page.getByTestId("service-item").first();
  const due = (await card.locator("dd").nth(1).textContent())!.trim();
  await card.getByRole("textbox", { name: "备注" }).fill("按计划完成");
  await card.getByRole("button", { name: "登记交付" }).click();
  await expect(formAlert(page).filter({ hasText: "已登记交付" })).toBeVisible();
  // The item moved on to its next due date (the plan lists the earliest due first).
  await expect(page.getByTestId("service-item").first().locator("dd").nth(1)).not.toHaveText(due);
  await expect(page.getByTestId("plan-on-time")).toContainText("%");
  await page.screenshot({
    path: `tests/e2e/screenshots/service-plan-${info.project.name}.png`,
    fullPage: true,
  });
});

test("health and the service plan read in English", async ({ page }, info) => {
  const users = usersFor(info);
  await signInAs(page, users.kamEn);
  await page.goto("/health?band=BOTH");
  await expect(page.getByRole("heading", { level: 1, name: "Account health" })).toBeVisible();
  await page.goto("/accounts/acc_0029/service");
  await expect(page.getByRole("heading", { level: 1, name: /Service plan/ })).toBeVisible();
  await expect(page.getByText("On-time delivery rate").first()).toBeVisible();
});
