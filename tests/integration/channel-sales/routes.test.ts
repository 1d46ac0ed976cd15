// The sales-report upload and progress endpoints through the real route pipeline: origin, session,
// capability, the kind and the token validated, the check and the import answered as JSON with
// translated messages, and a batch's progress only for the person who started it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { fakeRequest, signInFakeRequest } from "../../support/next-request";
import { csvBytes, SELL_OUT_HEADER, salesFixture, type SalesFixture } from "./support";

vi.mock("next/headers", async () => {
  const { fakeHeaders, fakeCookies } = await import("../../support/next-request");
  return { headers: fakeHeaders, cookies: fakeCookies };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslations } = await import("../../support/next-request");
  return { getTranslations: fakeTranslations };
});

const { POST: preview } = await import("@/app/(app)/channel-sales/import/preview/route");
const { POST: confirm } = await import("@/app/(app)/channel-sales/import/confirm/route");
const { GET: progress } = await import("@/app/api/channel-sales/batches/[batchId]/route");

const url = (path: string) => `http://localhost:3000${path}`;
function upload(
  path: string,
  bytes: Uint8Array,
  fields: Record<string, string>,
  origin = fakeRequest.origin,
) {
  const body = new FormData();
  body.append("file", new File([bytes.slice()], "report.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(url(path), { method: "POST", body, headers: { origin, host: "localhost:3000" } });
}

let f: SalesFixture;
beforeAll(async () => {
  f = await salesFixture();
});

describe("sales-report routes", () => {
  it("checks, imports once, and reports progress to the importer only", async () => {
    await signInFakeRequest("east.channel@keystone.demo");
    const day = addDays(chinaDate(new Date()), -2);
    const bytes = csvBytes(SELL_OUT_HEADER, [
      [f.seller.code, `R-${f.s}`, 1, day, "路由客户有限公司", "", f.cityA.name, f.product.code, 3, "100"],
      [f.seller.code, `R-${f.s}`, 2, day, "路由客户有限公司", "", f.cityB.name, f.product.code, 1, "100"],
    ]);
    const checked = await preview(upload("/channel-sales/import/preview", bytes, { kind: "SELL_OUT" }));
    expect(checked.status).toBe(200);
    const p = await checked.json();
    expect(p).toMatchObject({
      ok: true,
      total: 2,
      valid: 2,
      rejected: 0,
      detectionTotals: { CROSS_TERRITORY: 1 },
    });
    expect(p.detections[0]).toMatchObject({ row: 2, subject: f.cityA.name, affected: f.exclusive.name });

    const tampered = await confirm(
      upload("/channel-sales/import/confirm", bytes, { kind: "SELL_OUT", batch: p.batch, digest: "x" }),
    );
    expect(await tampered.json()).toMatchObject({ ok: false });

    const done = await confirm(
      upload("/channel-sales/import/confirm", bytes, { kind: "SELL_OUT", batch: p.batch, digest: p.digest }),
    );
    expect(done.status).toBe(200);
    const r = await done.json();
    expect(r).toMatchObject({ ok: true, created: 2, opened: [{ kind: "CROSS_TERRITORY" }] });
    expect(r.opened[0].number).toMatch(/^CC-\d{4}-\d{5}$/);

    const bar = await progress(new Request(url(`/api/channel-sales/batches/${p.batch}`)));
    expect(await bar.json()).toMatchObject({ status: "DONE", processed: 2, total: 2 });
    expect((await progress(new Request(url("/api/channel-sales/batches/not-a-uuid")))).status).toBe(404);

    await signInFakeRequest("north.channel@keystone.demo");
    expect((await progress(new Request(url(`/api/channel-sales/batches/${p.batch}`)))).status).toBe(404);
  });

  it("answers the row report with translated messages and refuses other origins, KAMs and bad kinds", async () => {
    await signInFakeRequest("east.channel@keystone.demo");
    const bad = csvBytes(SELL_OUT_HEADER, [
      [f.seller.code, "", "", "2026-02-30", "客户", "", "", "NOPE", "1", "1"],
    ]);
    const r = await (
      await preview(upload("/channel-sales/import/preview", bad, { kind: "SELL_OUT" }))
    ).json();
    expect(r).toMatchObject({ ok: true, rejected: 1, problems: [{ row: 2 }] });
    expect(r.problems[0].problems.length).toBeGreaterThan(0);
    expect(r.problems[0].problems[0].message).not.toMatch(/^channelSales\./);

    expect((await preview(upload("/channel-sales/import/preview", bad, { kind: "OTHER" }))).status).toBe(400);
    const evil = await preview(
      upload("/channel-sales/import/preview", bad, { kind: "SELL_OUT" }, "https://evil.example"),
    );
    expect(evil.status).toBe(403);
    await signInFakeRequest("east.kam1@keystone.demo");
    expect((await preview(upload("/channel-sales/import/preview", bad, { kind: "SELL_OUT" }))).status).toBe(
      403,
    );
  });
});
