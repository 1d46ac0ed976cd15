// The sales-report journey (销售报表): the East channel manager imports a distributor's sell-out
// report holding one planted cross-territory sale (区域窜货); the check flags it before anything is
// written, the import opens a conflict case, and the confirmation lists the case's number (its
// page belongs to the conflicts module). Then the same lines in English, flagged in the list.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { runTag } from "./fixtures/account-csv";
import { SELLERS, sellOutReport } from "./fixtures/channel-sell-out";
import { signInAs, switchLanguage, usersFor } from "./support";

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: `test-results/channel-sales-${name}-${info.project.name}.png`, fullPage: true });

test("a channel manager imports a sell-out report and a cross-territory sale opens a conflict case", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  // The i18n twin: this journey switches the saved language to English at the end.
  const user = usersFor(info, "i18n").channel;
  const tag = `${runTag()}${info.project.name === "phone" ? "P" : "D"}`;
  const report = sellOutReport(info.project.name, tag, addDays(chinaDate(new Date()), -1));
  const seller = info.project.name === "phone" ? SELLERS.phone : SELLERS.desktop;

  await signInAs(page, user);
  await switchLanguage(page, "zh-CN");
  await page.goto("/channel-sales");
  await expect(page.getByRole("heading", { level: 1, name: "销售报表" })).toBeVisible();
  await page.getByRole("link", { name: "导入报表" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "导入销售报表" })).toBeVisible();

  await page.getByLabel("报表", { exact: true }).selectOption("SELL_OUT");
  await page
    .getByLabel("CSV 文件")
    .setInputFiles({ name: `出货-${tag}.csv`, mimeType: "text/csv", buffer: report.csv });
  await page.getByRole("button", { name: "校验文件" }).click();

  // The check: four valid rows, nothing written yet, the planted sale flagged.
  await expect(page.getByTestId("preview-summary")).toContainText("共 4 行");
  const conflicts = page.getByTestId("import-conflicts");
  const flagged = conflicts.getByRole("row").filter({ hasText: "区域窜货" });
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText(String(report.plantedRow));
  await expect(flagged).toContainText("杭州西湖智控设备有限公司");
  await expect(flagged).toContainText(seller.name);
  await expectNoSidewaysScroll(page);
  await shot(page, info, "preview");

  await page.getByRole("button", { name: "导入 4 行" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 4 行明细");
  const opened = page.getByTestId("opened-case");
  await expect(opened).toHaveCount(1);
  await expect(opened).toContainText("区域窜货");
  const link = opened.getByRole("link", { name: /^CC-\d{4}-\d{5}$/ });
  await expect(link).toHaveAttribute("href", /^\/channel-conflicts\/[^/]+$/);
  const number = (await link.textContent())!.trim();
  await expectNoSidewaysScroll(page);
  await shot(page, info, "imported");

  // Importing the same file again adds nothing.
  await page.getByRole("button", { name: "导入其他文件" }).click();
  await page
    .getByLabel("CSV 文件")
    .setInputFiles({ name: `出货-${tag}.csv`, mimeType: "text/csv", buffer: report.csv });
  await page.getByRole("button", { name: "校验文件" }).click();
  await expect(page.getByTestId("preview-summary")).toContainText("4 行此前已导入");
  await expect(page.getByRole("button", { name: "导入 0 行" })).toBeDisabled();

  // In English: the lines in conflict cases, the planted one among them with its case number.
  await switchLanguage(page, "en");
  await page.goto(`/channel-sales?flagged=1&q=${encodeURIComponent(`E2E丙电子${tag}`)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sales reports" })).toBeVisible();
  const line = page.getByRole("row").filter({ hasText: `E2E丙电子${tag}` });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(`${number} · Cross-territory sale`);
  await expect(page.getByRole("heading", { name: "Recent imports" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, info, "lines-en");
  await page.goto("/channel-sales/inventory");
  await expect(page.getByRole("heading", { level: 1, name: "Channel inventory" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, info, "inventory-en");
  await switchLanguage(page, "zh-CN");
});
