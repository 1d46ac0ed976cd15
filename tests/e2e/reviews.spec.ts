// The review journey (绩效考核 → 绩效反馈与改进): the team's manager (in Chinese) opens a review of a
// rep from the rep's scorecard, writes the feedback and shares it; the rep (who reads English) is
// notified, reads it and answers; the manager sees the answer. Each project reviews its own rep
// (seedReviewees in seed-e2e.ts), so desktop and phone never meet. Screenshots of the scorecard and
// the review in both languages, and of the print view, go to tests/e2e/screenshots/.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { REVIEWEE } from "./seed-e2e";
import { signInAs, usersFor } from "./support";

async function personPage(browser: Browser, info: TestInfo) {
  const use = info.project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    userAgent: use.userAgent,
    locale: use.locale,
    timezoneId: use.timezoneId,
  });
  return { context, page: await context.newPage() };
}

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: `tests/e2e/screenshots/reviews-${name}-${info.project.name}.png`, fullPage: true });

test("a manager reviews a rep, shares it, the rep answers and the manager reads the answer", async ({
  page: manager,
  browser,
}, info) => {
  const phone = info.project.name === "phone";
  const reviewee = phone ? REVIEWEE.phone : REVIEWEE.desktop;
  await signInAs(manager, usersFor(info).manager);

  // The rep's scorecard for the last complete quarter, frozen into a new review.
  await manager.goto(`/reviews/scorecard?person=${reviewee.id}`);
  await expect(manager.getByRole("heading", { name: "考核表" })).toBeVisible();
  const table = manager.getByTestId("scorecard-table");
  await expect(table).toContainText("拜访量×成功率");
  await expect(table).toContainText("未计量"); // no revenue target for this rep: not measured, not 0
  if (phone) await expectNoSidewaysScroll(manager);
  await shot(manager, info, "scorecard-zh");
  await manager.getByRole("button", { name: "发起考核" }).click();
  const existing = manager.getByRole("link", { name: "打开已有的考核" });
  await expect(manager.getByTestId("review").or(existing)).toBeVisible();
  if (await existing.isVisible()) await existing.click(); // a retry finds the review the first try opened
  await expect(manager).toHaveURL(/\/reviews\/[^/]+$/);
  const reviewUrl = new URL(manager.url()).pathname;
  await expect(manager.getByText("草稿", { exact: true })).toBeVisible();

  // Feedback: strengths, gaps, rating, improvement plan; saved, then shared.
  await manager.getByLabel("优点", { exact: true }).fill("客户联络及时，拜访后的回访做得扎实。");
  await manager.getByLabel("不足", { exact: true }).fill("新客户开发偏少，销售目标尚未设定。");
  await manager.getByLabel("评级", { exact: true }).selectOption("GOOD");
  await manager
    .getByLabel("改进计划", { exact: true })
    .fill("1. 每月新增两家目标客户拜访；\n2. 与经理共同制定下季度销售目标。");
  await manager.getByRole("button", { name: "保存草稿" }).click();
  await expect(manager.getByText("草稿已保存。")).toBeVisible();
  await manager.getByRole("button", { name: "发送给本人" }).click();
  await expect(manager.getByText("待回复", { exact: true })).toBeVisible();
  await expect(manager.getByText(`等待${reviewee.name}回复。`)).toBeVisible();
  await shot(manager, info, "review-shared-zh");

  // The rep is told, reads it in English and answers.
  const { context, page: rep } = await personPage(browser, info);
  try {
    await signInAs(rep, { email: reviewee.email });
    await rep.goto("/notifications");
    const note = rep
      .getByTestId("notification-list")
      .getByRole("link", { name: /shared your performance review/ });
    await expect(note).toBeVisible();
    await note.click();
    await expect(rep).toHaveURL(new RegExp(`${reviewUrl}$`));
    await expect(rep.getByText("客户联络及时，拜访后的回访做得扎实。")).toBeVisible();
    await expect(rep.getByText("Good", { exact: true })).toBeVisible();
    await expect(rep.getByTestId("scorecard-table")).toContainText("Visits × success rate");
    if (phone) await expectNoSidewaysScroll(rep);
    await shot(rep, info, "review-en");
    await rep.getByLabel("Your answer").fill("Agreed. I will visit two new target accounts a month.");
    await rep.getByRole("button", { name: "Send answer" }).click();
    // The answer form gives way to the answer itself.
    await expect(rep.getByText("Answered", { exact: true })).toBeVisible();
    await expect(rep.getByText(`${reviewee.name}'s answer`)).toBeVisible();
    // A rep cannot open a review of anyone.
    await rep.goto("/reviews");
    await expect(rep.getByRole("button", { name: "Open review" })).toHaveCount(0);
    await expect(rep.getByRole("heading", { name: "My reviews" })).toBeVisible();
  } finally {
    await context.close();
  }

  // The manager reads the answer; the review prints cleanly.
  await manager.goto(reviewUrl);
  await expect(manager.getByText("已回复", { exact: true })).toBeVisible();
  await expect(manager.getByText("Agreed. I will visit two new target accounts a month.")).toBeVisible();
  await manager.emulateMedia({ media: "print" });
  await expect(manager.getByRole("button", { name: "打印" })).toBeHidden();
  await shot(manager, info, "review-print");
  await manager.emulateMedia({ media: "screen" });
});

test("the indicator system adds to 100 per role; a KAM reads her answered review in English", async ({
  page,
  browser,
}, info) => {
  await signInAs(page, usersFor(info).admin);
  await page.goto("/admin/scorecards");
  await expect(page.getByTestId("indicator-table")).toContainText("销售目标达成率");
  for (const role of ["manager", "kam", "rep"])
    await expect(page.getByTestId(`total-${role}`)).toHaveText("100");
  await expect(page.getByText(/权重合计为/)).toHaveCount(0);
  if (info.project.name === "phone") await expectNoSidewaysScroll(page);
  await shot(page, info, "indicators-zh");

  const { context, page: kam } = await personPage(browser, info);
  try {
    await signInAs(kam, usersFor(info).kamEn);
    await kam.goto("/reviews");
    await expect(kam.getByRole("heading", { name: "My reviews" })).toBeVisible();
    await shot(kam, info, "list-en");
    // The phone twin has no reviews of her own; the demo one has her answered Q review.
    if (info.project.name !== "phone") {
      await kam
        .getByRole("link", { name: /^Q\d \d{4}$/ })
        .first()
        .click();
      await expect(kam).toHaveURL(/\/reviews\/prv_east_2$/);
      await expect(kam.getByRole("heading", { name: "Performance review: 李娜" })).toBeVisible();
      await expect(kam.getByText("李娜's answer")).toBeVisible();
      await shot(kam, info, "demo-review-en");
    }
  } finally {
    await context.close();
  }
});
