// The installable app: the manifest and its icons, the service worker a production build
// registers, the offline page it shows for a page the network cannot fetch, and that it keeps no
// signed-in page in its caches.
import { expect, test, type Page } from "@playwright/test";
import { signInAs, usersFor } from "./support";

/** Waits until the page's service worker is active and controls the page. */
async function workerReady(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
    return { scope: registration.scope, script: registration.active?.scriptURL ?? null };
  });
}

test("the manifest is valid JSON whose icons load, with a maskable one in both sizes", async ({
  request,
}) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ start_url: "/", display: "standalone", theme_color: "#3730a3" });
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toContain(icon.type);
  }
  const sizes = (purpose: string) =>
    manifest.icons
      .filter((i) => (i.purpose ?? "any") === purpose && i.type === "image/png")
      .map((i) => i.sizes);
  expect(sizes("any")).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(sizes("maskable")).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});

test("a production build registers the service worker for the whole app", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#3730a3");
  const worker = await workerReady(page);
  expect(new URL(worker.scope).pathname).toBe("/");
  expect(new URL(worker.script!).pathname).toBe("/sw.js");
});

test("a page opened without a network shows the offline page, and no signed-in page is cached", async ({
  page,
  context,
}, info) => {
  await signInAs(page, usersFor(info).rep);
  await workerReady(page);
  await page.goto("/accounts"); // one more signed-in page through the worker
  await context.setOffline(true);
  try {
    await page.goto("/visits/new");
    await expect(page.getByRole("heading", { name: "网络已断开" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
    await expect(page.getByText("等待发送的拜访记录会在网络恢复后自动发送")).toBeVisible();
    // Fits the phone: no sideways scrolling, and the one control is a full-size tap target.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
    expect(
      (await page.getByRole("link", { name: /Try again/ }).boundingBox())!.height,
    ).toBeGreaterThanOrEqual(44);
  } finally {
    await context.setOffline(false);
  }
  // Back online, "Try again" reloads the page that was asked for.
  await page.getByRole("link", { name: /Try again/ }).click();
  await expect(page).toHaveURL(/\/visits\/new$/);
  await expect(page.getByRole("heading", { name: "网络已断开" })).toHaveCount(0);

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys()) {
      for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain("/offline.html");
  expect(cached.some((p) => p.startsWith("/_next/static/"))).toBe(true);
  // Only the shell: no page, RSC payload or API answer.
  for (const path of cached) {
    expect(path, path).toMatch(
      /^\/(_next\/static\/|icons\/|icon|apple-touch-icon|manifest\.webmanifest|offline\.html)/,
    );
  }
});
