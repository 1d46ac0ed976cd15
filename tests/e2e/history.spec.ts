// History people can read: a won demo customer's timeline tells its stage changes and agreement in
// sentences with who and when; the admin audit log finds it by name and shows 合作协议 and record
// names in Chinese; the home feed shows work, not sign-ins.
import { expect, test } from "@playwright/test";
import { signInAs, usersFor } from "./support";

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
    const timeline = page.getByTestId("account-timeline");
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
});
