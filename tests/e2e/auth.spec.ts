import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { E2E_SECRET } from "../../playwright.config";
import {
  closeNavigation,
  formAlert,
  openNavigation,
  ROLE_LABELS,
  signIn,
  signInAs,
  signOut,
  switchLanguage,
  usersFor,
} from "./support";

for (const key of ["admin", "director", "kam", "rep", "channel"] as const) {
  test(`${key} signs in, sees their home page, switches language and signs out`, async ({ page }, info) => {
    const user = usersFor(info, "i18n")[key];
    await signInAs(page, user);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.locator("#greeting")).toContainText(user.name);
    await expect(page.locator("main").getByText(ROLE_LABELS["zh-CN"][user.role]).first()).toBeVisible();
    // Navigation shows only what this role may use (on a phone it is behind the menu button).
    const nav = await openNavigation(page);
    await expect(nav.getByRole("link", { name: "首页" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(user.role === "ADMIN" ? 1 : 0);
    await closeNavigation(page);

    await switchLanguage(page, "en");
    await expect(page.locator("#greeting")).toContainText(/Good (morning|afternoon|evening)/);
    await expect(page.locator("main").getByText(ROLE_LABELS.en[user.role]).first()).toBeVisible();
    // The choice is saved on the user: it survives a fresh sign-in.
    await signOut(page);
    await signInAs(page, user);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await switchLanguage(page, "zh-CN");
    await signOut(page);
    await expect(formAlert(page)).toContainText("您已退出登录");
    // Signed out means signed out: the home page sends you back to sign in.
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a user whose saved language is English gets English after signing in", async ({ page }, info) => {
  await signInAs(page, usersFor(info).kamEn);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("main").getByText("Key-account manager").first()).toBeVisible();
});

test("a wrong password is refused with a clear message and the e-mail stays filled in", async ({
  page,
}, info) => {
  const { rep } = usersFor(info);
  await signIn(page, rep.email, "not-the-password");
  await expect(formAlert(page)).toContainText("邮箱与密码不匹配");
  await expect(page.locator('input[name="email"]')).toHaveValue(rep.email);
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures are throttled with the wait in the message", async ({ page }, info) => {
  test.skip(
    info.project.name !== "desktop",
    "one run is enough: failures also count against the shared test IP",
  );
  for (let i = 0; i < 5; i++) {
    await signIn(page, "north.rep2@keystone.demo", `wrong-${i}`);
    await expect(formAlert(page)).toBeVisible();
  }
  await expect(formAlert(page)).toContainText(/登录失败次数过多，请等待 \d+ 秒后再试/);
});

test("a session idle for more than 30 minutes is ended with an explanation", async ({
  page,
  context,
  baseURL,
}) => {
  const now = Date.now();
  const token = await encode({
    secret: E2E_SECRET,
    token: {
      uid: "usr_east_rep2",
      tv: 0,
      sid: "an-ended-session",
      signedInAt: now - 40 * 60_000,
      lastSeenAt: now - 31 * 60_000,
      name: "刘洋",
    },
  });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?reason=idle/);
  await expect(formAlert(page)).toContainText("30 分钟未操作");
});

test("a forged or foreign-secret session cookie is not accepted", async ({ page, context, baseURL }) => {
  const now = Date.now();
  const token = await encode({
    secret: "someone-elses-secret",
    token: { uid: "usr_admin", tv: 0, sid: "forged", signedInAt: now, lastSeenAt: now },
  });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login/);
});
