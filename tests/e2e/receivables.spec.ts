// The receivables journey (信用与应收账款): the East manager reads the ageing (账龄), drills from the
// "over 90 days" bucket into its overdue invoices and opens one; the East channel manager — in
// English — records a payment (回款) against an invoice and sees its open balance drop. Desktop and
// phone pay different demo invoices (both kept unpaid past 90 days by prisma/demo-receivables.ts),
// so the two projects never race for one invoice's version.
import { expect, test, type Page } from "@playwright/test";
import { signInAs, switchLanguage, usersFor } from "./support";

async function expectNoSidewaysScroll(page: Page) {
  const excess = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(excess, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** "¥1,234" / "CN¥1,234" → 1234 (whole yuan, as the pages show money). */
const yuan = (text: string) => Number(text.replace(/[^\d.-]/g, ""));

test("the manager drills from the ageing into the invoices over 90 days and opens one", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).manager);
  await page.goto("/receivables");
  await expect(page.getByRole("heading", { level: 1, name: "应收账款" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "应收账款账龄分布" })).toBeVisible();
  await expect(page.locator("main table tbody tr").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath("receivables-dashboard.png"), fullPage: true });

  const over90 = page.locator('a[data-bucket="d90plus"]');
  await expect(over90).toContainText("90 天以上");
  expect(yuan((await over90.locator("span").nth(1).textContent()) ?? "")).toBeGreaterThan(0);
  await over90.click();
  await expect(page).toHaveURL(/\/receivables\/invoices\?bucket=d90plus/);
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeVisible();
  // Every invoice listed is more than 90 days past its due date.
  for (const text of await rows.locator("td:nth-child(4)").allTextContents()) {
    expect(Number(/逾期 (\d+) 天/.exec(text)?.[1])).toBeGreaterThan(90);
  }
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath("receivables-over-90.png"), fullPage: true });

  const first = rows.first().getByRole("link").first();
  const number = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: number })).toBeVisible();
  await expect(page.getByText(/逾期 \d+ 天/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "回款核销记录" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("the channel manager records a payment against an invoice and sees the balance drop, in English", async ({
  page,
}, info) => {
  const invoice = info.project.name === "phone" ? "inv_dst_004_7" : "inv_dst_001_7";
  await signInAs(page, usersFor(info, "i18n").channel);
  await switchLanguage(page, "en");

  await page.goto(`/receivables/invoices/${invoice}`);
  const open = page.getByTestId("invoice-open");
  const before = yuan((await open.textContent()) ?? "");
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  expect(before).toBeGreaterThan(100);
  await page.getByRole("link", { name: "Record a payment" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Record a payment" })).toBeVisible();
  const form = page.getByRole("form", { name: "Record a payment" });
  await expect(form.getByLabel("The amounts I enter below")).toBeChecked();
  await form.getByLabel("Amount received (yuan)").fill("100");
  // The invoice came along: its line is filled with its open balance; pay part of it.
  const line = form.getByLabel(`Allocate to ${number} (yuan)`);
  expect(yuan(await line.inputValue())).toBe(before);
  await line.fill("100");
  await form.getByLabel("Method").fill("Bank transfer");
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath("receivables-payment.png"), fullPage: true });
  await form.getByRole("button", { name: "Record payment" }).click();

  await expect(page).toHaveURL(new RegExp(`/receivables/invoices/${invoice}\\?paid=HK-`));
  await expect(page.getByText(/Payment HK-\d{4}-\d{6} recorded\./)).toBeVisible();
  await expect.poll(async () => yuan((await open.textContent()) ?? "")).toBe(before - 100);
  await expect(page.getByRole("heading", { name: "Payments allocated" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath("receivables-paid.png"), fullPage: true });
});
