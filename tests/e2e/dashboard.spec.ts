// The performance dashboard (业绩看板) end to end: a manager changes the period and the person and
// drills from stage conversion into the deals behind it (and exports them); the director compares
// the regions; a rep sees only their own figures, whatever the address says; English; and
// screenshots of the page on a desktop and a phone in both languages.
import { expect, test, type Page } from "@playwright/test";
import { signInAs, usersFor } from "./support";

/** Today in China, and the month before it as the period picker names it ("2026-11"). */
function previousMonthKey() {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, "0")}`;
}

const subtitle = (page: Page) => page.locator("main h1 + p");

test.describe("dashboard", () => {
  test("a manager changes period and person, and drills from conversion into the deals", async ({
    page,
  }, info) => {
    test.setTimeout(120_000);
    await signInAs(page, usersFor(info).manager);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "业绩看板" })).toBeVisible();
    await expect(subtitle(page)).toContainText("华东大区");

    // Another period and one person of the team: both land in the address.
    const month = previousMonthKey();
    await page.getByLabel("期间", { exact: true }).selectOption(month);
    await page.getByLabel("查看范围").selectOption("person:usr_east_rep1");
    await page.getByRole("button", { name: "查看", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?period=${month}&person=usr_east_rep1$`));
    await expect(subtitle(page)).toContainText("张磊");
    // A person's dashboard has no ranking of people.
    await expect(page.getByRole("heading", { name: "目标达成率排名" })).toHaveCount(0);

    // Back to the team for a quarter, then into the deals behind the first conversion stage.
    await page.getByLabel("查看范围").selectOption("team:team_east");
    await page.getByLabel("期间", { exact: true }).selectOption({ index: 13 }); // the current quarter (after 13 months)
    await page.getByRole("button", { name: "查看", exact: true }).click();
    await expect(page).toHaveURL(/period=\d{4}-Q[1-4]&team=team_east$/);
    const conversion = page.getByRole("region", { name: "阶段转化率" });
    const firstStage = conversion.getByRole("row").nth(1);
    // By position in the DOM: the bar's column is hidden on a phone, which drops it from the roles.
    const reached = (await firstStage.locator("td").nth(2).innerText()).trim();
    await firstStage.getByRole("link", { name: "1 确定对象" }).click();
    await expect(page).toHaveURL(
      /\/dashboard\/deals\?period=\d{4}-Q[1-4]&team=team_east&set=cohort&stage=TARGET$/,
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("本期新建并到达「1 确定对象」的商机");
    await expect(page.locator("main h1 + p")).toHaveText(`共 ${reached.replace(/,/g, "")} 条`);

    // The export is scoped like the page: the same number of rows (plus the header).
    const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
    expect(href).toMatch(
      /^\/dashboard\/deals\/export\?period=\d{4}-Q[1-4]&team=team_east&set=cohort&stage=TARGET$/,
    );
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split(/\r\n/);
    expect(lines[0]).toContain("商机");
    expect(lines.length - 1).toBe(Number(reached.replace(/,/g, "")));

    await page.getByRole("link", { name: /返回业绩看板/ }).click();
    await expect(page).toHaveURL(/\/dashboard\?period=\d{4}-Q[1-4]&team=team_east$/);
  });

  test("the director compares the regions and opens one", async ({ page }, info) => {
    await signInAs(page, usersFor(info).director);
    await page.goto("/dashboard");
    const teams = page.getByRole("region", { name: "按团队" });
    for (const region of ["华东大区", "华北大区", "华南大区"]) {
      await expect(teams.getByRole("link", { name: region })).toBeVisible();
    }
    await teams.getByRole("link", { name: "华北大区" }).click();
    await expect(page).toHaveURL(/team=team_north/);
    await expect(subtitle(page)).toContainText("华北大区");
    // A region without sub-teams: no breakdown, but its people are ranked.
    await expect(page.getByRole("region", { name: "按团队" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "目标达成率排名" })).toBeVisible();
    // Satisfaction and complaints, scoped like the rest: their links carry the region.
    const satisfaction = page.getByRole("region", { name: "客户满意度与投诉" });
    await expect(satisfaction.getByText("净推荐值 NPS", { exact: true })).toBeVisible();
    await expect(satisfaction.getByRole("link", { name: /查看超时投诉/ })).toHaveAttribute(
      "href",
      /^\/complaints\?breached=1&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&team=team_north$/,
    );
  });

  test("a rep sees only their own figures, whatever the address asks for", async ({ page }, info) => {
    const { rep } = usersFor(info);
    await signInAs(page, rep);
    await page.goto("/dashboard?team=team_north&person=usr_north_rep1");
    await expect(subtitle(page)).toContainText(rep.name);
    await expect(page.getByLabel("查看范围")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "目标达成率排名" })).toHaveCount(0);
    // The drill-down with a forged scope lists only the rep's own deals.
    await page.goto("/dashboard/deals?set=open&team=team_north");
    const owners = await page.locator("main tbody tr td:nth-child(3)").allInnerTexts();
    for (const owner of owners) expect(owner.trim()).toBe(rep.name);
  });

  test("English, and screenshots on a desktop and a phone in both languages", async ({ page }, info) => {
    test.setTimeout(120_000);
    const users = usersFor(info);
    const shoot = async (name: string) => {
      // The charts load lazily after the page is interactive.
      await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 30_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `tests/e2e/screenshots/${name}-${info.project.name}.png`,
        fullPage: true,
      });
    };
    await signInAs(page, users.manager);
    await page.goto("/dashboard");
    await shoot("dashboard-zh");
    await page.goto("/dashboard/deals?set=open");
    await page.screenshot({
      path: `tests/e2e/screenshots/dashboard-deals-zh-${info.project.name}.png`,
      fullPage: true,
    });

    await page.context().clearCookies();
    await signInAs(page, users.kamEn);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Performance dashboard" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Key figures" }).getByText("Revenue", { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Stage-to-stage conversion" })).toBeVisible();
    await shoot("dashboard-en");
  });
});
