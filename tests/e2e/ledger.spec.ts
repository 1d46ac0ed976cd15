import { expect, test, type Page } from "@playwright/test";
import { formatCsv } from "@/lib/domain/csv";
import { projectTag, runTag } from "./fixtures/account-csv";
import { signInAs, usersFor } from "./support";

// The sales ledger (销售台账): a manager imports the ERP's CSV (preview, result, the same file again
// is all unchanged) and filters the list to it; an account shows its revenue trend. Screenshots of
// the ledger, the import and the trend in both languages land in tests/e2e/screenshots/.

const ACCOUNT = { id: "acc_0025", name: "无锡锦程药业有限公司" };

async function check(page: Page, csv: string) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "ledger.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: /^(Check the file|校验文件)$/ }).click();
}

const shot = (page: Page, name: string, project: string) =>
  page.screenshot({ path: `tests/e2e/screenshots/ledger-${name}-${project}.png`, fullPage: true });

test("a manager imports a ledger CSV, re-imports it unchanged and filters the list to it", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const tag = runTag() + projectTag(info.project.name);
  const product = `E2E产品${tag}`;
  const csv = formatCsv(
    [
      ["类型", "单据号", "客户名称", "月份", "产品线", "金额（元）", "备注"],
      ["开票收入", `INV-E2E-${tag}-1`, ACCOUNT.name, "2026-03", product, "125000", "首批"],
      ["回款", `RCV-E2E-${tag}-1`, ACCOUNT.name, "2026-04", product, "118,750", ""],
      ["开票收入", `INV-E2E-${tag}-2`, ACCOUNT.name, "2026-13", product, "=1+1", ""],
    ],
    { bom: true },
  );
  await signInAs(page, usersFor(info).manager);
  await page.goto("/ledger/import");
  await expect(page.getByRole("heading", { level: 1, name: "导入销售台账" })).toBeVisible();
  await check(page, csv);
  await expect(page.getByTestId("total-new")).toHaveText("2", { timeout: 30_000 });
  await expect(page.getByTestId("total-error")).toHaveText("1");
  const problems = page.getByTestId("import-problems").locator(":scope > li");
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText("第 4 行");
  await expect(problems.first()).toContainText("月份");
  await shot(page, "import-preview", info.project.name);

  await page.getByRole("button", { name: "确认导入", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("新登记 2 条，更新 0 条，拒绝 1 行", {
    timeout: 30_000,
  });

  // The same file again: nothing new, nothing changed.
  await page.getByRole("button", { name: /另一个文件|Import another file/ }).click();
  await check(page, csv);
  await expect(page.getByTestId("total-unchanged")).toHaveText("2", { timeout: 30_000 });
  await expect(page.getByTestId("total-new")).toHaveText("0");

  // The list, filtered to the import's product line through the filter form.
  await page.goto("/ledger");
  await page.getByLabel("产品线").selectOption(product);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`product=`));
  const table = page.getByTestId("ledger-table");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("total-revenue")).toHaveText("¥125,000");
  await expect(page.getByTestId("total-collections")).toHaveText("¥118,750");
  await page.getByLabel("类型").selectOption("REVENUE");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("total-collections")).toHaveText("¥0");
  await shot(page, "list-filtered", info.project.name);

  // The export is exactly the filtered lines.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("ledger-export").click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const exported = Buffer.concat(chunks).toString("utf8").trim().split(/\r\n/);
  expect(exported).toHaveLength(2);
  expect(exported[1]).toContain(`INV-E2E-${tag}-1`);
});

test("the account page shows the revenue trend and links to its ledger lines", async ({ page }, info) => {
  await signInAs(page, usersFor(info).manager);
  await page.goto(`/accounts/${ACCOUNT.id}#revenue`);
  const section = page.locator("section#revenue");
  await expect(section.getByRole("heading", { name: "收入趋势" })).toBeVisible();
  await expect(section.getByTestId("revenue-trend-chart").locator(".recharts-wrapper")).toBeVisible({
    timeout: 20_000,
  });
  // The figures are there for screen readers too.
  await expect(section.locator("table caption")).toHaveText("每月开票收入与回款（按时间先后）");
  await expect(section.locator("table tbody tr")).toHaveCount(24);
  await section.scrollIntoViewIfNeeded();
  await shot(page, "account-trend", info.project.name);
  await section.getByRole("link", { name: "查看该客户的台账记录" }).click();
  await expect(page).toHaveURL(new RegExp(`/ledger\\?account=${ACCOUNT.id}`));
  await expect(page.getByTestId("ledger-narrowing")).toContainText(ACCOUNT.name);
  await shot(page, "list-account", info.project.name);
});

test("in English: the ledger and the trend read in the person's language", async ({ page }, info) => {
  await signInAs(page, usersFor(info).kamEn);
  await page.goto("/ledger?period=2026");
  await expect(page.getByRole("heading", { level: 1, name: "Sales ledger" })).toBeVisible();
  await expect(page.getByTestId("total-revenue")).toContainText("¥");
  // A KAM reads the ledger but does not keep it.
  await expect(page.getByRole("link", { name: "Book a line" })).toHaveCount(0);
  await shot(page, "list-en", info.project.name);
  expect((await page.goto("/ledger/import"))?.status()).toBe(404);
  await page.goto(`/accounts/${ACCOUNT.id}#revenue`);
  await expect(page.locator("section#revenue").getByRole("heading", { name: "Revenue trend" })).toBeVisible();
  await expect(page.getByTestId("revenue-trend-chart").locator(".recharts-wrapper")).toBeVisible({
    timeout: 20_000,
  });
  await page.locator("section#revenue").scrollIntoViewIfNeeded();
  await shot(page, "account-trend-en", info.project.name);
});

test("a crafted ledger CSV is reported row by row and its formula cells stay text in the export", async ({
  page,
}, info) => {
  test.skip(info.project.name !== "desktop", "one pass is enough");
  const tag = runTag() + projectTag(info.project.name);
  const product = `=HYPERLINK("http://evil.example","${tag}")`;
  const csv = formatCsv(
    [
      ["类型", "单据号", "客户名称", "月份", "产品线", "金额（元）", "备注"],
      ["开票收入", `INV-X-${tag}`, ACCOUNT.name, "2026-05", product, "100", "@SUM(A1)"],
      ["开票收入", `INV-Y-${tag}`, ACCOUNT.name, "2026-05", "密封件", "1e5", "\u202eabc"],
      ["开票收入", "=cmd|' /C calc'!A0", ACCOUNT.name, "2026-05", "密封件", "0x10", ""],
      ["开票收入", `INV-Z-${tag}`, `${ACCOUNT.name}\u200b`, "2026-02-30", "密封件", "100", ""],
    ],
    { bom: true },
  );
  await signInAs(page, usersFor(info).manager);
  await page.goto("/ledger/import");
  await check(page, csv);
  // Only the first row is bookable: an exponent amount, a formula as document number, a hex amount
  // and 30 February are each refused.
  await expect(page.getByTestId("total-new")).toHaveText("1", { timeout: 30_000 });
  await expect(page.getByTestId("total-error")).toHaveText("3");
  await page.getByRole("button", { name: "确认导入", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("新登记 1 条", { timeout: 30_000 });
  const response = await page.request.get(`/ledger/export?product=${encodeURIComponent(product)}`);
  const text = (await response.text()).replace(/^\uFEFF/, "");
  const line = text.trim().split(/\r\n/)[1]!;
  // The formula cell goes out with an apostrophe in front: a spreadsheet shows it as text.
  expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""${tag}"")"`);
  expect(line).toContain("'@SUM(A1)");
});
