// The route-handler pipeline (lib/actions/route.ts) with real handlers and the real database:
// origin, session, and errors as the HTTP statuses people's browsers (and scripts) act on.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { routeHandler } from "@/lib/actions/route";
import { notFound } from "@/lib/errors";
import { fakeRequest, signInFakeRequest } from "../support/next-request";

vi.mock("next/headers", async () => {
  const { fakeHeaders, fakeCookies } = await import("../support/next-request");
  return { headers: fakeHeaders, cookies: fakeCookies };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslations } = await import("../support/next-request");
  return { getTranslations: fakeTranslations };
});

const { GET: exportAccounts } = await import("@/app/api/accounts/export/route");
const { POST: previewImport } = await import("@/app/(app)/accounts/import/preview/route");

const url = (path: string) => `http://localhost:3000${path}`;
function upload(csv: string, origin = fakeRequest.origin) {
  const body = new FormData();
  body.append("file", new File([csv], "accounts.csv", { type: "text/csv" }));
  return new Request(url("/accounts/import/preview"), {
    method: "POST",
    body,
    headers: { origin, host: "localhost:3000" },
  });
}

describe("route handlers", () => {
  beforeAll(async () => {
    await signInFakeRequest("east.kam1@keystone.demo");
  });

  it("the export answers a signed-in person with their scoped CSV", async () => {
    const response = await exportAccounts(new Request(url("/api/accounts/export?tier=A")));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so Excel reads the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toMatch(/^企业名称,/);
  });

  it("refuses an upload from another origin with 403 before reading it", async () => {
    const response = await previewImport(upload("企业名称\n测试", "https://evil.example"));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "INVALID_ORIGIN" });
  });

  it("answers 401 without a session, with the message in the person's language", async () => {
    const saved = fakeRequest.cookie;
    fakeRequest.cookie = "";
    try {
      const response = await exportAccounts(new Request(url("/api/accounts/export")));
      expect(response.status).toBe(401);
      expect((await response.json()).message).toContain("登录");
    } finally {
      fakeRequest.cookie = saved;
    }
  });

  it("answers a record outside the person's scope with 404, as pages do", async () => {
    const handler = routeHandler(async () => {
      throw notFound("account");
    });
    const response = await handler(new Request(url("/api/x")));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("turns a unique-index race into 409 with the duplicate code, and a bug into a logged 500", async () => {
    const race = routeHandler(async () => {
      throw Object.assign(new Error("dup"), { code: "P2002", meta: { target: ["creditCode"] } });
    });
    expect((await race(new Request(url("/api/x")))).status).toBe(409);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = routeHandler(async () => {
      throw new TypeError("boom");
    });
    const response = await bug(new Request(url("/api/x")));
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("checks an upload through the same pipeline", async () => {
    const response = await previewImport(upload("企业名称,统一社会信用代码\n路由测试有限公司,\n"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
