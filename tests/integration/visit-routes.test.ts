// The visit records' route handlers on the real database: the JSON save the offline queue replays
// (origin, session, validation, one record per clientId) and the photo route (scope, headers).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { accountFixture } from "./helpers";
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

const { POST: saveRecord } = await import("@/app/api/visits/records/route");
const { GET: getPhoto } = await import("@/app/api/visits/photos/[photoId]/route");

const url = (path: string) => `http://localhost:3000${path}`;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0]);

function post(body: unknown, origin = fakeRequest.origin) {
  return saveRecord(
    new Request(url("/api/visits/records"), {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { origin, host: "localhost:3000", "content-type": "application/json" },
    }),
  );
}

const photo = (id: string) =>
  getPhoto(new Request(url(`/api/visits/photos/${id}`)), { params: Promise.resolve({ photoId: id }) });

describe("POST /api/visits/records", () => {
  let accountId: string;
  beforeAll(async () => {
    await signInFakeRequest("east.rep3@keystone.demo");
    accountId = (await accountFixture("usr_east_rep3")).id;
  });

  it("saves once per clientId: 201, then 200 with the same record, one row and one audit row", async () => {
    const body = {
      clientId: randomUUID(),
      accountId,
      method: "IN_PERSON",
      talkingPoints: "离线保存后重新发送",
      photos: [{ data: `data:image/jpeg;base64,${JPEG.toString("base64")}`, width: "2", height: "2" }],
    };
    const first = await post(body);
    expect(first.status).toBe(201);
    const { id } = await first.json();
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, id, created: false });
    expect(await db.visitRecord.count({ where: { clientId: body.clientId } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: id } })).toBe(1);
    expect(await db.visitPhoto.count({ where: { recordId: id } })).toBe(1);
  });

  it("answers bad input with 400 and field errors in the person's language", async () => {
    const response = await post({
      clientId: randomUUID(),
      accountId,
      method: "TELEPATHY",
      talkingPoints: "",
    });
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.code).toBe("VALIDATION");
    expect(Object.keys(json.fieldErrors)).toEqual(expect.arrayContaining(["method", "talkingPoints"]));
    expect((await post("{not json")).status).toBe(400);
  });

  it("refuses another origin (403) and another team's account (404)", async () => {
    const body = { clientId: randomUUID(), accountId, method: "PHONE", talkingPoints: "x" };
    expect((await post(body, "https://evil.example")).status).toBe(403);
    const north = await accountFixture("usr_north_rep1");
    expect((await post({ ...body, accountId: north.id })).status).toBe(404);
    expect(await db.visitRecord.count({ where: { clientId: body.clientId } })).toBe(0);
  });
});

describe("GET /api/visits/photos/[photoId]", () => {
  it("serves the bytes with their type, nosniff and a private cache; another team gets 404", async () => {
    await signInFakeRequest("east.rep3@keystone.demo");
    const account = await accountFixture("usr_east_rep3");
    const saved = await post({
      clientId: randomUUID(),
      accountId: account.id,
      method: "IN_PERSON",
      talkingPoints: "带照片",
      photos: [{ data: `data:image/png;base64,${JPEG.toString("base64")}`, width: "2", height: "2" }],
    });
    const { id } = await saved.json();
    const { id: photoId } = await db.visitPhoto.findFirstOrThrow({ where: { recordId: id } });

    const ok = await photo(photoId);
    expect(ok.status).toBe(200);
    // Sent as PNG, stored and served as what the bytes are.
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("cache-control")).toMatch(/^private/);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(JPEG);

    await signInFakeRequest("north.rep1@keystone.demo");
    expect((await photo(photoId)).status).toBe(404);
    expect((await photo("../../etc/passwd")).status).toBe(404);
  });
});
