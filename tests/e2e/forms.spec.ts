import { expect, test, type Page } from "@playwright/test";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { signInAs, uniqueTag, usersFor } from "./support";

// Forms: amounts typed the way people say them (元, 万, 亿; k/M in English) and shown the way the
// language writes them; the live credit-code check naming an account that already holds the code;
// messages under a field that never move the submit button; notes that grow as they are typed;
// English screens in English; list pages that prefetch only what a person is likely to open.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid credit code nobody holds (Nanjing division, random organisation code). */
function freshCreditCode(): string {
  const body = `91320100${Array.from({ length: 9 }, () => ALPHABET[Math.floor(Math.random() * 31)]).join("")}`;
  return body + creditCodeCheckChar(body);
}

/** The credit code and name of the first account on the person's list. */
async function someVisibleAccount(page: Page, codeLabel: string) {
  await page.goto("/accounts");
  const href = await page.locator('table tbody a[href^="/accounts/"]').first().getAttribute("href");
  await page.goto(href!);
  const name = (await page.locator("h1").first().innerText()).trim();
  const code = (await page.locator(`dt:text-is("${codeLabel}") + dd`).first().innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{18}$/);
  return { href: href!, name, code };
}

test("a new account: a taken credit code links to its account, the button stays put, amounts in 万 are read", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).kam);
  const existing = await someVisibleAccount(page, "统一社会信用代码");

  await page.goto("/accounts/new");
  const form = page.getByRole("form", { name: "新建客户" });
  const submit = form.getByRole("button", { name: "创建客户" });
  const code = form.getByLabel("统一社会信用代码");

  // The code of an account the person may open: named, with a link to it, before saving.
  await code.fill(existing.code);
  const yBefore = (await submit.boundingBox())!.y;
  await form.getByLabel("企业名称").click(); // leaving the field checks it
  const taken = form.getByText(/^已登记：/);
  await expect(taken).toBeVisible();
  await expect(taken.getByRole("link", { name: existing.name })).toHaveAttribute("href", existing.href);
  await expect(code).toHaveAttribute("aria-invalid", "true");
  // The message took the line kept for it: nothing below moved.
  expect((await submit.boundingBox())!.y).toBe(yBefore);

  // A fresh code is valid.
  const fresh = freshCreditCode();
  await code.fill(fresh);
  await form.getByLabel("企业名称").click();
  await expect(form.getByText(`代码有效：${fresh}`)).toBeVisible();
  expect((await submit.boundingBox())!.y).toBe(yBefore);

  // A long note grows as it is typed.
  const notes = form.getByLabel("股东背景");
  const short = (await notes.boundingBox())!.height;
  await notes.fill(
    ["国有控股 51%", "员工持股平台 19%", "战略投资人 30%", "2019 年完成混改", "2023 年引入产业基金"].join(
      "\n",
    ),
  );
  expect((await notes.boundingBox())!.height).toBeGreaterThan(short + 30);

  const name = `${uniqueTag(info)}表单测试有限公司`;
  await form.getByLabel("企业名称").fill(name);
  await form.getByLabel("年营业收入（元）").fill("1.8亿元");
  await submit.click();
  await expect(page.locator("h1")).toHaveText(name);
  await expect(page.locator('dt:text-is("年营业收入（元）") + dd')).toHaveText("¥180,000,000");
});

test("English: amounts typed as 1.8M, shown as ¥1,800,000; the credit-code check and pages speak English", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).kamEn);
  const existing = await someVisibleAccount(page, "Unified social credit code");

  await page.goto("/accounts/new");
  await expect(page.getByText("Create the customer profile.")).toBeVisible();
  const form = page.getByRole("form", { name: "New account" });
  await expect(form.getByText("In yuan per year, e.g. 1,250,000 or 1.25M.")).toBeVisible();
  await form.getByLabel("Unified social credit code").fill(existing.code);
  await form.getByLabel("Company name").click();
  await expect(form.getByText(/^Already registered: .+\. Open it instead/)).toBeVisible();
  await form.getByLabel("Unified social credit code").fill("");

  const name = `${uniqueTag(info)} Forms English Co., Ltd.`;
  await form.getByLabel("Company name").fill(name);
  await form.getByLabel("Annual revenue (yuan)").fill("1.8M");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("h1")).toHaveText(name);
  await expect(page.locator('dt:text-is("Annual revenue (yuan)") + dd')).toHaveText("¥1,800,000");

  // No Chinese terms inside English sentences.
  await page.goto("/agreements");
  await expect(
    page.getByText(
      "The cooperation agreements of the accounts you see. Those ending soon are listed first for renewal.",
    ),
  ).toBeVisible();

  // The board's value filter takes "500k" (it used to be a number field that refused 50万).
  await page.goto("/pipeline?view=list&valueMin=500k");
  await expect(page).toHaveURL(/valueMin=500k/);
  await expect(page.locator("#pipeline-value-min")).toHaveValue("500000");
});

test("English tables fit a 1,440 px screen", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "a desktop width");
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, usersFor(info).kamEn);
  for (const path of ["/accounts", "/pipeline?view=list"]) {
    await page.goto(path);
    const table = page.locator("main table").first();
    await expect(table).toBeVisible();
    const overflow = await table.evaluate((t) => {
      const box = t.parentElement!;
      return box.scrollWidth - box.clientWidth;
    });
    await page.screenshot({ path: `tests/e2e/screenshots/forms-en-1440${path.replace(/[/?=]/g, "-")}.png` });
    expect(overflow, `${path} is wider than its space by ${overflow}px`).toBeLessThanOrEqual(1);
  }
});

test("list pages prefetch only what a person is likely to open", async ({ page }, info) => {
  await signInAs(page, usersFor(info).kam);
  for (const path of ["/accounts", "/pipeline?view=list"]) {
    // Start on a page without a list and let its own prefetches finish before counting.
    await page.goto("/accounts/new");
    await page.waitForLoadState("networkidle");
    const prefetches: URL[] = [];
    const count = (request: { headers(): Record<string, string>; url(): string }) => {
      if (request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()));
    };
    page.on("request", count);
    await page.goto(path);
    await expect(page.locator("main table").first()).toBeVisible();
    // Viewport prefetching happens once the page is idle: scroll the whole list past, then wait.
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(2500);
    page.off("request", count);
    const list = new URL(path, "http://x").pathname;
    // The list's own links: a record in a row, or the list sorted or paged otherwise.
    const ofTheList = prefetches.filter(
      (u) =>
        /^\/(accounts|deals)\/(?!new$|import$|segments$)[^/]+$/.test(u.pathname) ||
        (u.pathname === list && [...u.searchParams.keys()].some((k) => k !== "_rsc" && k !== "view")),
    );
    const report = prefetches.map((u) => u.pathname + u.search).join("\n");
    console.log(
      `${info.project.name} ${path}: ${prefetches.length} prefetches, ${ofTheList.length} of the list`,
    );
    // At most the next page; every row and column header used to be fetched (34–51 per view). The
    // shell's navigation is prefetched too (it grows with the app, and again as the page settles):
    // apart from it, only a few of the page's own links.
    const nav = new Set(
      await page
        .locator("nav a[href^='/']")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!)),
    );
    const beyondNav = prefetches.filter((u) => !nav.has(u.pathname));
    expect(ofTheList.length, report).toBeLessThanOrEqual(1);
    expect(beyondNav.length, report).toBeLessThanOrEqual(6);
  }
});
