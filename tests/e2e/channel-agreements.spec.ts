// The channel agreement journey (渠道协议, 返点结算): the East channel manager writes an agreement
// with rebate bands for a distributor in negotiation and signs it (the distributor becomes signed),
// changes its terms (version 2 appears, version 1 stays readable), computes last quarter's rebate
// statement and submits it; the East manager approves it — in English. Every save ends on the
// record's page with its confirmation shown there.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { formAlert, signInAs, signOut, switchLanguage, usersFor } from "./support";

// Two East distributors in negotiation with non-exclusive territories, one per project.
const DISTRIBUTOR = { desktop: "dst_008", phone: "dst_014" } as const;

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({
    path: `test-results/channel-agreements-${name}-${info.project.name}.png`,
    fullPage: true,
  });

/** The confirmation at the top of the record's page after a save (outside any form). */
const saved = (page: Page) => page.locator("main [role=status]").first();

test("a channel manager signs an agreement, changes its terms, and a manager approves its rebate", async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const users = usersFor(info);
  const distributorId = info.project.name === "phone" ? DISTRIBUTOR.phone : DISTRIBUTOR.desktop;

  // 1. The channel manager writes the draft: targets, two rebate bands, a product with its floor price.
  await signInAs(page, users.channel);
  await page.goto(`/channel-agreements/new?distributor=${distributorId}`);
  const form = page.getByRole("form", { name: "保存草稿" });
  await form.getByLabel("年度目标（元）").fill("4000000");
  for (const q of [1, 2, 3, 4]) await form.getByLabel(`第 ${q} 季度目标（元）`).fill("1000000");
  await form.getByLabel("第 1 档：达成率起点（%）").fill("80");
  await form.getByLabel("第 1 档：返点比例（%）").fill("1");
  await form.getByLabel("第 2 档：达成率起点（%）").fill("100");
  await form.getByLabel("第 2 档：返点比例（%）").fill("2");
  const product = form.locator('input[type="checkbox"][name^="product_"]').first();
  await product.check();
  const productId = (await product.getAttribute("name"))!.slice("product_".length);
  await form.locator(`input[name="floor_${productId}"]`).fill("1");
  await form.getByLabel("保证金（元）").fill("200000");
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/channel-agreements\/[^/?]+\?saved=created/);
  await expect(saved(page)).toContainText("已保存：协议草稿已创建为第 1 版");
  await expectNoSidewaysScroll(page);

  // 2. Signing makes it active and the distributor signed.
  await page.getByRole("form", { name: "签约" }).getByRole("button", { name: "签约" }).click();
  await expect(saved(page)).toContainText("已保存：协议已签约");
  await expect(page.getByTestId("distributor-stage")).toHaveText("经销商状态：已签约");
  await expect(page.locator("h1")).toContainText("生效");
  const agreementUrl = page.url().replace(/\?.*$/, "");

  // 3. New terms: version 2, with version 1 still readable beside what changed.
  await page.getByText("变更条款", { exact: true }).click();
  const change = page.getByRole("form", { name: "保存为新版本" });
  await change.getByLabel("保证金（元）").fill("300000");
  await change.getByLabel("变更内容与原因").fill("上调保证金");
  await change.getByRole("button", { name: "保存为新版本" }).click();
  await expect(page).toHaveURL(/\?saved=version2/);
  await expect(saved(page)).toContainText("已保存：新条款为第 2 版");
  const history = page.locator("ol").filter({ hasText: "第 1 版" });
  await expect(history.getByText("第 2 版", { exact: true })).toBeVisible();
  await history.getByText("第 1 版", { exact: true }).click();
  const v1 = history.locator("li").filter({ hasText: "第 1 版" });
  await expect(v1.getByText("¥200,000").first()).toBeVisible();
  await expect(history.locator("li").first()).toContainText("上调保证金");
  await expectNoSidewaysScroll(page);
  await shot(page, info, "agreement");

  // 4. Last quarter's rebate statement, computed from version 2's bands, submitted for approval.
  await page.goto(`/rebates?distributorId=${distributorId}`);
  const compute = page.getByRole("form", { name: "计算结算单" });
  await compute.getByLabel("经销商").selectOption(distributorId);
  await compute.getByRole("button", { name: "计算并保存草稿" }).click();
  await expect(page).toHaveURL(/\/rebates\/[^/?]+\?saved=computed/);
  await expect(saved(page)).toContainText("已保存：结算单已计算");
  await page.getByRole("form", { name: "提交审核" }).getByRole("button").click();
  await expect(saved(page)).toContainText("已保存：结算单已提交审核");
  const statementUrl = page.url().replace(/\?.*$/, "");
  await expectNoSidewaysScroll(page);
  await signOut(page);

  // 5. The manager approves it, in English.
  const manager = usersFor(info, "i18n").manager;
  await signInAs(page, manager);
  await switchLanguage(page, "en");
  await page.goto(statementUrl);
  await expect(page.getByText("Awaiting approval").first()).toBeVisible();
  const review = page.getByRole("form", { name: "Approval" });
  await review.getByLabel("Note").fill("OK");
  await review.getByRole("button", { name: "Approve" }).click();
  await expect(saved(page)).toContainText("Saved: the statement was approved.");
  await expect(page.locator("h1")).toContainText("Approved");
  await expect(page.getByRole("form", { name: "Approval" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await shot(page, info, "statement");

  // The agreement page in English shows both versions too.
  await page.goto(agreementUrl);
  await expect(page.getByText("Version 2", { exact: true }).first()).toBeVisible();
  await expect(formAlert(page)).toHaveCount(0);
  await switchLanguage(page, "zh-CN");
});
