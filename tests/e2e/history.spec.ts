// History people can read: a won demo customer's timeline tells its stage changes and agreement in
// sentences with who and when; the admin audit log finds it by name and shows 合作协议 and record
// names in Chinese; the home feed shows work, not sign-ins.
import { expect, test } from "@playwright/test";
import { formAlert, signIn, signInAs, usersFor } from "./support";

test.describe("history", () => {
  test("a won customer's timeline, the audit log search and the home feed", async ({ page }, info) => {
    test.setTimeout(120_000);
    const { kam, admin } = usersFor(info);

    // The KAM's home feed: work with record names, never their own sign-in.
    await signInAs(page, kam);
    const feed = page.getByTestId("home-feed");
    await expect(page.getByRole("heading", { name: "最近工作" })).toBeVisible();
    await expect(feed.locator("li").first()).toBeVisible();
    await expect(feed).not.toContainText("登录");
    await expect(feed.locator("a").first()).toBeVisible();
    await feed.screenshot({ path: `tests/e2e/screenshots/history-home-${info.project.name}.png` });

    // A seeded customer won through a deal: its agreement is on the agreements page.
    await page.goto("/agreements");
    const table = page.getByRole("table", { name: "合作协议" });
    const customer = table.getByRole("link").first();
    const name = (await customer.textContent())!.trim();
    await customer.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    // The activity section is a tap away on the account page: open it.
    await page.locator("#activity summary").click();
    const timeline = page.getByTestId("account-timeline");
    await expect(timeline).toBeVisible();
    await expect(timeline).toContainText(/开发项目“.+”赢单/);
    await expect(timeline).toContainText(/签订合作协议：.+至.+¥/);
    // Show the whole history, then see the stage changes and who made them.
    while (await page.getByRole("link", { name: "查看更早的动态" }).isVisible()) {
      await page.getByRole("link", { name: "查看更早的动态" }).click();
      await page.waitForLoadState("networkidle");
    }
    await expect(timeline).toContainText(/开发项目“.+”从.+推进到/);
    await expect(timeline).toContainText(/开发项目“.+”立项，进入确定开发对象/);
    await expect(timeline).toContainText(/新建客户档案“.+”/);
    await expect(timeline).not.toContainText("暂无动态");
    await expect(timeline).toBeVisible();
    await timeline.screenshot({ path: `tests/e2e/screenshots/history-timeline-${info.project.name}.png` });

    // The administrator searches the audit log by the customer's name, in Chinese.
    await page.context().clearCookies();
    await signInAs(page, admin);
    await page.goto("/admin/audit");
    await page.getByLabel("搜索").fill(name);
    await page.getByLabel("搜索").press("Enter");
    await expect(page).toHaveURL(/[?&]q=/);
    const log = page.getByRole("table", { name: "审计日志" });
    await expect(log).toContainText("合作协议");
    await expect(log).not.toContainText("CooperationAgreement");
    // The customer's name finds its deals' moves too, shown under the deal's title.
    await expect(log).toContainText(/开发项目“.+”赢单/);
    await expect(log.getByRole("link", { name }).first()).toBeVisible();
    // The search is kept in the URL: a reload shows the same rows.
    await page.reload();
    await expect(page.getByLabel("搜索")).toHaveValue(name);
    await page.screenshot({
      path: `tests/e2e/screenshots/history-audit-${info.project.name}.png`,
      fullPage: true,
    });
  });

  test("a person's job title is shown apart from their role", async ({ page, browser }, info) => {
    const { director, admin } = usersFor(info);
    // The sales director is 销售总监 (their title), whose role is 大客户部经理.
    await signInAs(page, director);
    await expect(page.locator("main")).toContainText("销售总监 · 大客户部经理");
    await expect(page.getByRole("button", { name: /林国栋/ })).toContainText("销售总监");

    // An administrator gives a new person a title; the user list and their own home page show it.
    await page.context().clearCookies();
    await signInAs(page, admin);
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "新建用户" });
    const email = `titled.${info.project.name}.${Date.now()}@keystone.demo`;
    const name = `职务测试${info.project.name === "phone" ? "乙" : "甲"}`;
    await form.locator('input[name="name"]').fill(name);
    await form.getByLabel("职务").fill("  华东区域销售代表 ");
    await form.locator('input[name="email"]').fill(email);
    await form.locator('select[name="role"]').selectOption("REP");
    await form.locator('select[name="teamId"]').selectOption({ label: "华东大区" });
    await form.locator('input[name="password"]').fill("Solid-Password-2026");
    await form.getByRole("button", { name: "新建用户" }).click();
    await expect(formAlert(page).filter({ hasText: `已添加 ${name}` })).toBeVisible();
    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("table")).toContainText("华东区域销售代表");

    const other = await browser.newContext({ locale: "zh-CN" });
    const theirs = await other.newPage();
    await signIn(theirs, email, "Solid-Password-2026");
    await expect(theirs.locator("main")).toContainText("华东区域销售代表 · 销售代表");
    await other.close();
  });
});
