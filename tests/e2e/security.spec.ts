import { expect, test } from "@playwright/test";
import { signInAs, usersFor } from "./support";

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

test("every kind of response carries the security headers", async ({ page, request }) => {
  const login = await request.get("/login");
  expectSecurityHeaders(login.headers());
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
  expectSecurityHeaders(health.headers());
  // A static asset of the page.
  await page.goto("/login");
  const src = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const asset = await request.get(src!);
  expectSecurityHeaders(asset.headers());
  // Scripts run only with this response's nonce.
  const csp = login.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
});

test("an API request without a session is refused", async ({ request }) => {
  const response = await request.get("/api/anything", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
});

test("a server action replayed from another origin is refused and changes nothing", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).rep3);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // Capture the language switch's action request instead of sending it…
  let captured: { url: string; headers: Record<string, string>; body: string | null } | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*");
  // …and replay it with the person's cookies, as a page on another site would.
  const { url, headers, body } = captured!;
  const forged = await page.request.fetch(url, {
    method: "POST",
    headers: { ...headers, origin: "https://evil.example" },
    data: body ?? "",
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // The same request from our own origin is accepted (so the refusal above was about the origin).
  const genuine = await page.request.fetch(url, { method: "POST", headers, data: body ?? "" });
  expect(genuine.status()).toBe(200);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
