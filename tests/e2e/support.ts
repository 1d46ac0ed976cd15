import { randomBytes } from "node:crypto";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo-org";

const BASE = {
  admin: { email: "admin@keystone.demo", name: "周敏", role: "ADMIN" },
  director: { email: "director@keystone.demo", name: "林国栋", role: "MANAGER" },
  manager: { email: "east.manager@keystone.demo", name: "陈建华", role: "MANAGER" },
  kam: { email: "east.kam1@keystone.demo", name: "王伟", role: "KAM" },
  kamEn: { email: "east.kam2@keystone.demo", name: "李娜", role: "KAM" }, // saved language: English
  rep: { email: "east.rep1@keystone.demo", name: "张磊", role: "REP" },
  rep3: { email: "east.rep3@keystone.demo", name: "杨静", role: "REP" },
  channel: { email: "east.channel@keystone.demo", name: "钱志远", role: "CHANNEL_MANAGER" }, // 渠道经理, East China
} as const;

export type E2eUser = (typeof BASE)[keyof typeof BASE];

/**
 * The people a test signs in as: the phone project uses its "phone." twins, and tests that change
 * a user's saved language use the "i18n." set (see seed-e2e.ts).
 */
export function usersFor(info: TestInfo, set: "default" | "i18n" = "default"): typeof BASE {
  const prefix = (info.project.name === "phone" ? "phone." : "") + (set === "i18n" ? "i18n." : "");
  if (!prefix) return BASE;
  return Object.fromEntries(
    Object.entries(BASE).map(([k, u]) => [k, { ...u, email: `${prefix}${u.email}` }]),
  ) as unknown as typeof BASE;
}

export const ROLE_LABELS = {
  "zh-CN": {
    ADMIN: "系统管理员",
    MANAGER: "大客户部经理",
    KAM: "大客户经理",
    REP: "销售代表",
    CHANNEL_MANAGER: "渠道经理",
  },
  en: {
    ADMIN: "Administrator",
    MANAGER: "Manager",
    KAM: "Key-account manager",
    REP: "Sales rep",
    CHANNEL_MANAGER: "Channel manager",
  },
} as const;

export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

export async function signInAs(page: Page, user: { email: string }) {
  await signIn(page, user.email);
  await expect(page.locator("#greeting")).toBeVisible();
}

/** The message a form shows (not Next's route announcer, which is also role=alert). */
export const formAlert = (page: Page) => page.locator("form [role=alert], form [role=status]");

/** Opens the account menu (the same control on a phone and a desktop) and signs out. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu|账户菜单/i }).click();
  await page.getByRole("menuitem", { name: /Sign out|退出登录/ }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

export async function switchLanguage(page: Page, to: "en" | "zh-CN") {
  await page
    .getByRole("group", { name: /Language|语言/ })
    .getByRole("button", { name: to === "en" ? "English" : "简体中文" })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}

/** The main navigation: the sidebar on a desktop, the slide-in menu (opened here) on a phone. */
export async function openNavigation(page: Page) {
  const menuButton = page.getByRole("button", { name: /打开菜单|Open menu/ });
  if (await menuButton.isVisible()) {
    await menuButton.click();
    return page.getByRole("dialog").getByRole("navigation");
  }
  return page.locator("aside").getByRole("navigation");
}

export async function closeNavigation(page: Page) {
  if (await page.getByRole("dialog").isVisible()) await page.keyboard.press("Escape");
}

/**
 * Something unique to this project and run, to name the records a test creates. Random characters
 * come first: account names sharing their first eight characters are "similar", and the
 * new-account form would stop to ask whether the new one is a duplicate.
 */
export function uniqueTag(info: TestInfo): string {
  const project = info.project.name === "phone" ? "P" : "D";
  return `${project}${randomBytes(4).toString("hex").toUpperCase()}${Date.now().toString(36).toUpperCase()}`;
}

/**
 * Counts what a person does in this tab — clicks (pointer presses), fields typed into or chosen,
 * and pages visited (loads and client-side navigations) — across navigations, to measure how long a journey is. Call before the journey;
 * read with `interactionCounts`.
 */
export async function countInteractions(page: Page) {
  await page.addInitScript(() => {
    const KEY = "keystone-e2e-interactions";
    const read = () => JSON.parse(sessionStorage.getItem(KEY) ?? '{"clicks":0,"fields":0,"pages":0}');
    const bump = (what: "clicks" | "fields" | "pages") => {
      const counts = read();
      counts[what] += 1;
      sessionStorage.setItem(KEY, JSON.stringify(counts));
    };
    bump("pages");
    // Client-side navigations are page changes too (the URL's path changes, not just its hash).
    const push = history.pushState.bind(history);
    history.pushState = (data, unused, url) => {
      const before = location.pathname;
      push(data, unused, url);
      if (location.pathname !== before) bump("pages");
    };
    let lastField: EventTarget | null = null;
    document.addEventListener("pointerdown", (e) => e.isTrusted && bump("clicks"), true);
    document.addEventListener(
      "input",
      (e) => {
        const el = e.target as HTMLInputElement;
        if (el.type === "checkbox" || el.type === "radio") return; // a click, counted as one
        if (el !== lastField) bump("fields");
        lastField = el;
      },
      true,
    );
  });
}

export async function interactionCounts(
  page: Page,
): Promise<{ clicks: number; fields: number; pages: number }> {
  return page.evaluate(() =>
    JSON.parse(sessionStorage.getItem("keystone-e2e-interactions") ?? '{"clicks":0,"fields":0,"pages":0}'),
  );
}
