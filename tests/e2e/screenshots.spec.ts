import { expect, test } from "@playwright/test";
import { signInAs, usersFor } from "./support";

// Screenshots for people to look at (tests/e2e/screenshots/, not committed): the home page of a
// manager in Chinese on a desktop, and of a key-account manager in English on a phone.
test("home page screenshots", async ({ page }, info) => {
  const USERS = usersFor(info);
  if (info.project.name === "desktop") {
    await signInAs(page, USERS.manager);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  } else {
    await signInAs(page, USERS.kamEn);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
  // Nothing may stick out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `tests/e2e/screenshots/home-${info.project.name}.png`, fullPage: true });
});

test("the phone menu opens and navigates with the keyboard", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "the slide-in menu exists on narrow screens only");
  await signInAs(page, usersFor(info).admin);
  await page.getByRole("button", { name: /打开菜单|Open menu/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/menu-phone.png" });
  await dialog.getByRole("link", { name: "审计日志" }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  await expect(dialog).toBeHidden();
});
