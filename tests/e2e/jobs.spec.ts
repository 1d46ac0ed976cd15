import { expect, test } from "@playwright/test";
import { signInAs, usersFor } from "./support";

// 定时任务: an administrator sees the scheduled jobs and runs one now; the run shows in the history.
// The e2e server runs with KEYSTONE_JOBS=off, so every run here is the one the button made.
test("an administrator runs a scheduled job now and sees its run recorded", async ({ page }, info) => {
  // Desktop and phone run at the same time against one database: each runs its own job.
  const [name, label, every] =
    info.project.name === "phone"
      ? ["job-runs.prune", "清理 30 天前的运行记录", "每天"]
      : ["rate-limits.prune", "清理过期限流计数", "每小时"];
  await signInAs(page, usersFor(info).admin);
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "定时任务" })).toBeVisible();
  for (const title of ["投诉 SLA 超时升级", "按客户等级及向经销商定期发送满意度调研", "重算客户健康度"])
    await expect(page.getByText(title, { exact: true }).first()).toBeVisible();

  const row = page.locator(`tr[data-job="${name}"]`);
  await expect(row).toContainText(every);
  await row.getByRole("button", { name: `立即运行${label}` }).click();
  await expect(row.getByRole("status")).toContainText(`${label}已运行`);
  await expect(row).toContainText("成功");

  const runs = page.getByTestId("job-runs");
  await expect(runs.locator("tr", { hasText: label }).first()).toContainText("成功");
  await page.screenshot({ path: `test-results/jobs-${info.project.name}.png`, fullPage: true });
});
