// A customer's contact answers a satisfaction survey (满意度调研) from their personal link, without
// signing in: in Chinese with JavaScript, in English with JavaScript switched off (the page is a
// plain HTML form). Both answer the NPS question with a comment, see the thanks, and edit. Links come
// from seed-e2e.ts (survey-fixtures.ts); each project answers its own.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_SECRET } from "../../playwright.config";
import { SURVEY_E2E_TITLE, surveyE2eToken } from "./survey-fixtures";

const SHOTS = "/tmp/shots-public";

/** Nothing may make the page wider than the screen (375 px on the phone). */
async function expectNoOverflow(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

function watchPolicyViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("in Chinese: a contact answers the NPS question with a comment, sees thanks and edits", async ({
  page,
}, info) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const violations = watchPolicyViolations(page);
  const token = surveyE2eToken(E2E_SECRET, info.project.name, "zh_CN");
  const response = await page.goto(`/s/${token}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("same-origin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SURVEY_E2E_TITLE.zh);
  await expect(page.getByText("Keystone诚邀您参与满意度调研")).toBeVisible();
  await expectNoOverflow(page);
  await page.screenshot({ path: `${SHOTS}/zh-form-${info.project.name}.png`, fullPage: true });

  // Sent without a score: the question says what is missing.
  await page.getByRole("button", { name: "提交回答" }).click();
  await expect(page.getByText("请回答此题。")).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("有几道题需要再看一下");

  const nps = page.getByRole("group", { name: /您有多大可能向朋友或同事推荐我们/ });
  await expect(nps.getByText("0 = 完全不可能")).toBeVisible();
  await nps.getByText("6", { exact: true }).click();
  await expect(nps.getByRole("radio", { name: "6", exact: true })).toBeChecked();
  // Keyboard: arrow keys move along the 0–10 group.
  await nps.getByRole("radio", { name: "6", exact: true }).press("ArrowRight");
  await expect(nps.getByRole("radio", { name: "7", exact: true })).toBeChecked();
  const reason = page.getByLabel("您给出这个分数的主要原因是什么？");
  await reason.fill("交付及时，希望售后响应再快一些");
  // The character count follows what is typed (the page's one small script).
  await expect(page.getByText("15 / 2000")).toBeVisible();
  await expectNoOverflow(page);
  await page.getByRole("button", { name: "提交回答" }).click();

  await expect(page.getByRole("heading", { name: "感谢您的反馈！" })).toBeVisible();
  await expectNoOverflow(page);
  await page.screenshot({ path: `${SHOTS}/zh-thanks-${info.project.name}.png`, fullPage: true });

  await page.getByRole("link", { name: "修改我的回答" }).click();
  await expect(page.getByRole("radio", { name: "7", exact: true })).toBeChecked();
  await expect(reason).toHaveValue("交付及时，希望售后响应再快一些");
  await page.getByRole("group", { name: /推荐/ }).getByText("9", { exact: true }).click();
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("heading", { name: "感谢您的反馈！" })).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe("with JavaScript switched off", () => {
  test.use({ javaScriptEnabled: false });

  test("in English: the same journey works as a plain HTML form", async ({ page }, info) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const token = surveyE2eToken(E2E_SECRET, info.project.name, "en");
    await page.goto(`/s/${token}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SURVEY_E2E_TITLE.en);
    await expect(page.getByText("A short survey from Keystone")).toBeVisible();
    const nps = page.getByRole("group", { name: /How likely are you to recommend us/ });
    await expect(nps.getByText("0 = not at all likely")).toBeVisible();
    await expect(nps.getByText("10 = extremely likely")).toBeVisible();
    await nps.getByText("10", { exact: true }).click();
    await page
      .getByLabel("What is the main reason for your score?")
      .fill("Fast delivery and a helpful team.");
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/en-form-${info.project.name}.png`, fullPage: true });
    await page.getByRole("button", { name: "Send my answers" }).click();

    await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
    await page.getByRole("link", { name: "Change my answers" }).click();
    await expect(page.getByRole("radio", { name: "10", exact: true })).toBeChecked();
    await page
      .getByRole("group", { name: /recommend/ })
      .getByText("8", { exact: true })
      .click();
    await page.getByRole("button", { name: "Save my changes" }).click();
    await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/en-thanks-${info.project.name}.png`, fullPage: true });

    // A link that does not exist says only that it cannot be opened, in both languages.
    const missing = await page.goto(`/s/${"A".repeat(43)}`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "此链接无法打开" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "This link can't be opened" })).toBeVisible();
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/gone-${info.project.name}.png`, fullPage: true });
  });
});
