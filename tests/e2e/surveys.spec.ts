// The satisfaction-survey journey for staff: a key-account manager sends an NPS survey to an
// account's decision makers, copies one person's link and shows its QR code; the results read in
// Chinese and (for a colleague who reads English) in English. Desktop: the account's KAM; phone:
// the team's manager (the phone's KAM twin owns no account of the demo data).
import { expect, test, type Page } from "@playwright/test";
import { signInAs, usersFor } from "./support";

const ACCOUNT_ID = "acc_0022";

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

test("a KAM sends an NPS survey to the decision makers, copies a link and sees its QR code", async ({
  page,
  context,
}, info) => {
  const users = usersFor(info);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, info.project.name === "phone" ? users.manager : users.kam);
  await page.goto(`/surveys/new?account=${ACCOUNT_ID}`);
  await expect(page.getByRole("heading", { name: "发送满意度调研" })).toBeVisible();
  await page.getByLabel("问卷").selectOption({ label: "净推荐值（NPS）" });
  await expect(page.getByRole("radio", { name: /全部决策者/ })).toBeChecked();
  await page.getByRole("button", { name: "生成链接" }).click();
  await expect(page).toHaveURL(/\/surveys\/[A-Za-z0-9_-]+$/);
  const people = page.getByTestId("survey-invitation");
  await expect(people.first()).toBeVisible();
  await expect(page.getByTestId("no-smtp")).toBeVisible();
  await expectNoSidewaysScroll(page);

  await people.first().getByRole("button", { name: "复制链接" }).click();
  await expect(people.first().getByRole("status")).toHaveText("已复制");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(people.first().getByRole("textbox")).toHaveValue(copied);

  await people.first().getByText("显示二维码").click();
  await expect(people.first().getByTestId("survey-qr").locator("svg")).toBeVisible();
  await page.screenshot({ path: `test-results/surveys-${info.project.name}-sent.png`, fullPage: true });

  // The account page shows the open survey in its satisfaction section.
  await page.goto(`/accounts/${ACCOUNT_ID}#satisfaction`);
  await expect(
    page
      .locator("#satisfaction")
      .getByText(/进行中 · \d+ 人未回复/)
      .first(),
  ).toBeVisible();
});

test("the results read in Chinese and in English", async ({ page }, info) => {
  const users = usersFor(info);
  await signInAs(page, users.manager);
  await page.goto("/surveys");
  await expect(page.getByRole("heading", { name: "满意度调研", level: 1 })).toBeVisible();
  await expect(page.getByTestId("figure-nps")).toContainText(/-?\d/);
  await expectNoSidewaysScroll(page);
  await page.locator('main a[href^="/surveys/svy_"]').first().click();
  await expect(page.getByRole("heading", { name: "逐题结果" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.context().clearCookies();
  await signInAs(page, users.kamEn);
  await page.goto("/surveys");
  await expect(page.getByRole("heading", { name: "Satisfaction surveys", level: 1 })).toBeVisible();
  await expect(page.getByTestId("figure-csat")).toContainText("CSAT");
  await page.screenshot({ path: `test-results/surveys-${info.project.name}-en.png`, fullPage: true });
  await expectNoSidewaysScroll(page);
});
