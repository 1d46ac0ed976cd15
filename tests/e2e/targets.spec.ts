// 销售目标 and 费用预算 in the browser: a manager sets a person's yearly revenue target, split by
// last year's months, and sees their team's sum of children move; a rep reads their own targets
// and cannot change them; the pages in English; screenshots of both pages in both languages.
// Each project sets a different person (the desktop's rep or the phone's twin), so the two never
// save the same target at once.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { chinaDate } from "@/lib/domain/calendar";
import { signInAs, switchLanguage, usersFor } from "./support";

const YEAR = Number(chinaDate(new Date()).slice(0, 4));

const personFor = (info: TestInfo) =>
  info.project.name === "phone" ? "usr_east_rep3_phone_" : "usr_east_rep3";

const row = (page: Page, subject: string) => page.locator(`tr[data-subject="${subject}"]`);

test("a manager splits a person's yearly revenue target by last year and the team's sum of children changes", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const person = personFor(info);
  await signInAs(page, usersFor(info).manager);
  await page.goto(`/targets?year=${YEAR}&metric=REVENUE`);
  await expect(page.getByRole("heading", { level: 1, name: "销售目标" })).toBeVisible();
  const teamSum = row(page, "team:team_east").locator('[data-cell="children-year"]');
  const before = (await teamSum.textContent()) ?? "";

  // Another region's people are not there, and their page answers "not found".
  await expect(row(page, "user:usr_north_rep1")).toHaveCount(0);
  // The manager's own row is read-only (their targets are set from above).
  const self = info.project.name === "phone" ? "usr_east_manager_phone_" : "usr_east_manager";
  await expect(row(page, `user:${self}`).getByRole("link", { name: "详情" })).toBeVisible();
  await expect(row(page, `user:${self}`).getByRole("link", { name: "设定" })).toHaveCount(0);

  await row(page, `user:${person}`).getByRole("link", { name: "设定" }).click();
  await expect(page.getByRole("heading", { name: "设定目标" })).toBeVisible();
  // A yearly figure unique to this run, in 万 as people type it.
  const wan = 1000 + (Date.now() % 900);
  await page.getByLabel("全年目标").fill(`${wan}万`);
  await page.getByRole("button", { name: "按上年各月比例分解" }).click();
  const full = new Intl.NumberFormat("zh-CN", {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  });
  await expect(page.getByTestId("months-total")).toHaveText(`各月合计 ${full.format(wan * 10_000)}`);
  // Any month can still be adjusted before saving: move ¥1万 from December to January.
  const dec = page.getByLabel("12月", { exact: true });
  const jan = page.getByLabel("1月", { exact: true });
  const yuan = (text: string) => Math.round(Number(text) * 100);
  const [janFen, decFen] = [yuan(await jan.inputValue()), yuan(await dec.inputValue())];
  await jan.fill(String((janFen + 1_000_000) / 100));
  await dec.fill(String((decFen - 1_000_000) / 100));
  await expect(page.getByTestId("months-total")).toHaveText(`各月合计 ${full.format(wan * 10_000)}`);
  await page.getByRole("button", { name: "保存目标" }).click();

  await expect(page).toHaveURL(new RegExp(`/targets\\?year=${YEAR}&metric=REVENUE`));
  await expect(row(page, `user:${person}`).locator('[data-cell="own-year"]')).toHaveText(`¥${wan}万`);
  await expect(teamSum).not.toHaveText(before);

  const response = await page.goto(`/targets/detail?subject=user:usr_north_rep1&year=${YEAR}&metric=REVENUE`);
  expect(response?.status()).toBe(404);
});

test("a rep sees their own targets read-only", async ({ page }, info) => {
  await signInAs(page, usersFor(info).rep);
  await page.goto(`/targets?year=${YEAR}&metric=VISITS`);
  await expect(page.getByText("您的月度目标，由您的上级设定。")).toBeVisible();
  const rows = page.locator("tr[data-subject]");
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("link", { name: "设定" })).toHaveCount(0);
  if (info.project.name === "desktop") {
    // The demo's rep has a visits target: a whole number, not "未设定".
    await expect(rows.locator('[data-cell="own-year"]')).toHaveText(/^\d[\d,]*$/);
  }
  await rows.getByRole("link", { name: "详情" }).click();
  await expect(page.getByText("此目标由您的上级设定，您可在此查看。")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存目标" })).toHaveCount(0);
  await expect(page.getByRole("table")).toBeVisible();
  // The expense budgets are a manager's page.
  expect((await page.goto("/budgets"))?.status()).toBe(404);
});

test("the targets page speaks English to a person who chose it", async ({ page }, info) => {
  await signInAs(page, usersFor(info).kamEn);
  await page.goto(`/targets?year=${YEAR}&metric=REVENUE`);
  await expect(page.getByRole("heading", { level: 1, name: "Sales targets" })).toBeVisible();
  await expect(page.getByText("Your targets by month. Your manager sets them.")).toBeVisible();
  await expect(page.getByLabel("Metric", { exact: true })).toHaveValue("REVENUE");
  await expect(page.getByRole("columnheader", { name: "Jan" })).toBeVisible();
});

test("screenshots of targets and budgets in both languages", async ({ page }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  await signInAs(page, usersFor(info, "i18n").director);
  for (const lang of ["zh-CN", "en"] as const) {
    if (lang === "en") await switchLanguage(page, "en");
    for (const [name, path] of [
      ["targets", `/targets?year=${YEAR}&metric=REVENUE`],
      ["targets-detail", `/targets/detail?subject=team:team_east&year=${YEAR}&metric=REVENUE`],
      ["budgets", `/budgets?year=${YEAR}`],
      ["budgets-detail", `/budgets/detail?team=team_north&year=${YEAR}&category=GIFT`],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await expect(page.locator("main table").first()).toBeVisible();
      await page.screenshot({ path: `tests/e2e/screenshots/${name}-${project}-${lang}.png`, fullPage: true });
    }
  }
  await switchLanguage(page, "zh-CN");
});
