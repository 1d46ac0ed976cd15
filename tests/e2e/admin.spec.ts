import { expect, test, type Page } from "@playwright/test";
import { formAlert, signIn, signInAs, usersFor } from "./support";

const newUserForm = (page: Page) => page.getByRole("form", { name: "新建用户" });

async function createRep(page: Page, email: string, name: string) {
  await page.goto("/admin/users");
  const form = newUserForm(page);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(email);
  await form.locator('select[name="role"]').selectOption("REP");
  await form.locator('select[name="teamId"]').selectOption({ label: "华东大区" });
  await form.locator('input[name="password"]').fill("Solid-Password-2026");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(formAlert(page).filter({ hasText: `已添加 ${name}` })).toBeVisible();
}

test("bad input on the new-user form gets field errors in Chinese and keeps what was typed", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).admin);
  await page.goto("/admin/users");
  const form = newUserForm(page);
  await form.locator('input[name="email"]').fill("not-an-email");
  await form.locator('input[name="password"]').fill("password123");
  await form.locator('select[name="role"]').selectOption("KAM");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByText("部分字段需要修改")).toBeVisible();
  // Each error sits beside its field and is announced with it.
  const name = form.locator('input[name="name"]');
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("此项为必填项。").first()).toBeVisible();
  await expect(form.getByText("请输入有效的邮箱地址")).toBeVisible();
  await expect(form.getByText("该密码过于常见")).toBeVisible();
  await expect(form.getByText("经理、大客户经理和销售代表必须隶属于某个团队。")).toBeVisible();
  // Nothing typed is lost (except the password, which is never sent back).
  await expect(form.locator('input[name="email"]')).toHaveValue("not-an-email");
  await expect(form.locator('select[name="role"]')).toHaveValue("KAM");
  await expect(form.locator('input[name="password"]')).toHaveValue("");
});

test("an administrator adds a rep, who signs in; deactivating them ends that session at the next request", async ({
  page,
  browser,
}, info) => {
  const admin = usersFor(info).admin;
  const email = `leaver.${info.project.name}.${Date.now()}@keystone.demo`;
  const name = `离职测试${info.project.name === "phone" ? "乙" : "甲"}`;
  await signInAs(page, admin);
  await createRep(page, email, name);

  const other = await browser.newContext({ locale: "zh-CN" });
  const repPage = await other.newPage();
  await signIn(repPage, email, "Solid-Password-2026");
  await expect(repPage.locator("#greeting")).toContainText(name);

  await page.goto(`/admin/users?q=${encodeURIComponent(email)}&status=all`);
  await page.getByRole("link", { name }).click();
  await page.getByRole("form", { name: "停用" }).getByRole("button", { name: "停用" }).click();
  await expect(formAlert(page).filter({ hasText: `已停用 ${name}` })).toBeVisible();

  await repPage.reload();
  await expect(repPage).toHaveURL(/\/login/);
  await signIn(repPage, email, "Solid-Password-2026");
  await expect(formAlert(repPage)).toContainText("该账户已停用");
  await other.close();
});

test("two administrators editing the same user: the second save is refused, not silently lost", async ({
  page,
  browser,
}, info) => {
  const admin = usersFor(info).admin;
  const email = `conflict.${info.project.name}.${Date.now()}@keystone.demo`;
  await signInAs(page, admin);
  await createRep(page, email, `并发测试${info.project.name}`);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: `并发测试${info.project.name}` }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[^/?]+$/);
  const editUrl = page.url();

  const second = await page.context().newPage();
  await second.goto(editUrl);

  const first = page.getByRole("form", { name: "基本信息与登录" });
  await first.locator('input[name="name"]').fill("第一位管理员改的名字");
  await first.getByRole("button", { name: "保存" }).click();
  await expect(formAlert(page).filter({ hasText: "已保存" })).toBeVisible();

  const stale = second.getByRole("form", { name: "基本信息与登录" });
  await stale.locator('input[name="name"]').fill("第二位管理员改的名字");
  await stale.getByRole("button", { name: "保存" }).click();
  await expect(formAlert(second)).toContainText("其他人修改了这条记录");
  // The second person's typing is still there to re-apply.
  await expect(stale.locator('input[name="name"]')).toHaveValue("第二位管理员改的名字");
  await page.reload();
  await expect(page.getByRole("form", { name: "基本信息与登录" }).locator('input[name="name"]')).toHaveValue(
    "第一位管理员改的名字",
  );
  void browser;
});

test("the audit log shows who changed what", async ({ page }, info) => {
  await signInAs(page, usersFor(info).admin);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("登录");
});

test("administration pages are not found for other roles", async ({ page }, info) => {
  await signInAs(page, usersFor(info).kam);
  for (const path of ["/admin/users", "/admin/teams", "/admin/territories", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});
