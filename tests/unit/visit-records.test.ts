import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chinaDateTimeLocal,
  checkInDistance,
  checkInFlag,
  contactStatus,
  decodeRecordCursor,
  distanceMetres,
  encodeRecordCursor,
  followUpDueOn,
  followUpsCompletedBy,
  followUpState,
  MAX_PHOTO_BYTES,
  photoProblem,
  sniffPhotoType,
  tickableWork,
  ticksToApply,
} from "@/lib/domain/visit-records";
import { DEFAULT_VISIT_SETTINGS } from "@/lib/domain/visits";
import { createVisitRecordSchema } from "@/lib/validation/visit-records";

const at = (iso: string) => new Date(iso); // always with an explicit zone in these tests

describe("follow-up due date", () => {
  it("is the visit's China calendar day plus the follow-up days", () => {
    expect(followUpDueOn(at("2026-03-02T10:00:00+08:00"), 7)).toBe("2026-03-09");
  });

  it("counts from the China day: 23:30 UTC is already the next day in Beijing", () => {
    expect(followUpDueOn(at("2026-03-01T23:30:00Z"), 7)).toBe("2026-03-09");
    expect(followUpDueOn(at("2026-03-01T15:59:00Z"), 7)).toBe("2026-03-08");
  });

  it("crosses month and year ends", () => {
    expect(followUpDueOn(at("2026-12-28T09:00:00+08:00"), 7)).toBe("2027-01-04");
    expect(followUpDueOn(at("2028-02-25T09:00:00+08:00"), 7)).toBe("2028-03-03"); // leap year
  });
});

describe("which open follow-ups a record completes", () => {
  const open = (id: string, accountId: string, sourceVisitedAt: string, completedAt: Date | null = null) => ({
    id,
    accountId,
    completedAt,
    sourceVisitedAt: at(sourceVisitedAt),
  });
  const followUps = [
    open("f1", "acc1", "2026-03-01T10:00:00+08:00"),
    open("f2", "acc1", "2026-03-03T10:00:00+08:00"),
    open("f3", "acc2", "2026-03-01T10:00:00+08:00"),
    open("f4", "acc1", "2026-02-01T10:00:00+08:00", at("2026-02-05T10:00:00+08:00")),
  ];

  it("completes every open one on the same account whose visit came earlier", () => {
    expect(
      followUpsCompletedBy({ accountId: "acc1", visitedAt: at("2026-03-05T09:00:00+08:00") }, followUps),
    ).toEqual(["f1", "f2"]);
  });

  it("leaves other accounts' and already completed follow-ups alone", () => {
    const done = followUpsCompletedBy(
      { accountId: "acc2", visitedAt: at("2026-03-05T09:00:00+08:00") },
      followUps,
    );
    expect(done).toEqual(["f3"]);
  });

  it("does not let a record entered late for an earlier day complete a later visit's follow-up", () => {
    expect(
      followUpsCompletedBy({ accountId: "acc1", visitedAt: at("2026-03-02T09:00:00+08:00") }, followUps),
    ).toEqual(["f1"]);
  });

  it("reads a follow-up's state on a China calendar day", () => {
    expect(followUpState({ dueOn: "2026-03-08", completedAt: null }, "2026-03-09")).toBe("OVERDUE");
    expect(followUpState({ dueOn: "2026-03-09", completedAt: null }, "2026-03-09")).toBe("DUE_TODAY");
    expect(followUpState({ dueOn: "2026-03-10", completedAt: null }, "2026-03-09")).toBe("UPCOMING");
    expect(followUpState({ dueOn: "2026-03-01", completedAt: new Date() }, "2026-03-09")).toBe("DONE");
  });
});

describe("check-in distance", () => {
  const tiananmen = { latitude: 39.9087, longitude: 116.3975 };
  const shanghaiPeoplesSquare = { latitude: 31.2304, longitude: 121.4737 };

  it("is zero for the same point and symmetric", () => {
    expect(distanceMetres(tiananmen, tiananmen)).toBe(0);
    expect(distanceMetres(tiananmen, shanghaiPeoplesSquare)).toBe(
      distanceMetres(shanghaiPeoplesSquare, tiananmen),
    );
  });

  it("matches known distances (Beijing–Shanghai ≈ 1,067 km; 0.01° of latitude ≈ 1,112 m)", () => {
    const d = distanceMetres(tiananmen, shanghaiPeoplesSquare);
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
    expect(distanceMetres({ latitude: 30, longitude: 120 }, { latitude: 30.01, longitude: 120 })).toBe(1112);
  });

  it("is never negative nor more than half the earth's circumference (property)", () => {
    const point = fc.record({
      latitude: fc.double({ min: -90, max: 90, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceMetres(a, b);
        return d >= 0 && d <= 20_037_600;
      }),
    );
  });

  it("is stored only when both the check-in and the account have a location", () => {
    expect(checkInDistance(null, { latitude: 30, longitude: 120 })).toBeNull();
    expect(checkInDistance({ latitude: 30, longitude: 120 }, { latitude: null, longitude: null })).toBeNull();
    expect(checkInDistance({ latitude: 30, longitude: 120 }, { latitude: 30, longitude: 120 })).toBe(0);
  });

  it("is flagged when farther than the radius, not at the radius", () => {
    const checkInAt = new Date();
    expect(checkInFlag({ checkInAt: null, checkInDistanceM: null }, 1000)).toBe("NONE");
    expect(checkInFlag({ checkInAt, checkInDistanceM: null }, 1000)).toBe("NO_ACCOUNT_LOCATION");
    expect(checkInFlag({ checkInAt, checkInDistanceM: 1000 }, 1000)).toBe("NEAR");
    expect(checkInFlag({ checkInAt, checkInDistanceM: 1001 }, 1000)).toBe("FAR");
  });
});

describe("overdue accounts", () => {
  const settings = DEFAULT_VISIT_SETTINGS; // A 14, B 30, C 90 days
  const createdAt = at("2026-01-01T09:00:00+08:00");

  it("counts from the last contact, or the day the account was created", () => {
    const never = contactStatus(
      { tier: "A", lastContactAt: null, createdAt },
      settings,
      at("2026-01-16T09:00:00+08:00"),
    );
    expect(never).toEqual({ dueOn: "2026-01-15", daysOverdue: 1, overdue: true });
    const contacted = contactStatus(
      { tier: "A", lastContactAt: at("2026-01-10T09:00:00+08:00"), createdAt },
      settings,
      at("2026-01-16T09:00:00+08:00"),
    );
    expect(contacted).toEqual({ dueOn: "2026-01-24", daysOverdue: 0, overdue: false });
  });

  it("is not overdue on the due day itself", () => {
    const s = contactStatus(
      { tier: "A", lastContactAt: null, createdAt },
      settings,
      at("2026-01-15T23:59:00+08:00"),
    );
    expect(s.overdue).toBe(false);
  });

  it("follows tier changes: the same history is overdue as A and not as C", () => {
    const account = { lastContactAt: at("2026-01-10T09:00:00+08:00"), createdAt };
    const now = at("2026-02-20T09:00:00+08:00");
    expect(contactStatus({ ...account, tier: "A" }, settings, now).daysOverdue).toBe(27);
    expect(contactStatus({ ...account, tier: "B" }, settings, now).daysOverdue).toBe(11);
    expect(contactStatus({ ...account, tier: "C" }, settings, now).overdue).toBe(false);
  });

  it("uses China calendar days: a contact at 23:30 UTC counts for the next day in China", () => {
    const lastContactAt = at("2026-01-09T23:30:00Z"); // 2026-01-10 07:30 in Beijing
    const s = contactStatus(
      { tier: "A", lastContactAt, createdAt },
      settings,
      at("2026-01-24T12:00:00+08:00"),
    );
    expect(s).toEqual({ dueOn: "2026-01-24", daysOverdue: 0, overdue: false });
    // And "today" is China's: 2026-01-24 16:30 UTC is already the 25th in Beijing.
    expect(
      contactStatus({ tier: "A", lastContactAt, createdAt }, settings, at("2026-01-24T16:30:00Z"))
        .daysOverdue,
    ).toBe(1);
  });

  it("follows the admin's cadence", () => {
    const s = contactStatus(
      { tier: "B", lastContactAt: null, createdAt },
      { ...settings, cadenceDaysB: 7 },
      at("2026-01-10T09:00:00+08:00"),
    );
    expect(s).toEqual({ dueOn: "2026-01-08", daysOverdue: 2, overdue: true });
  });
});

describe("deal stage work a record may tick", () => {
  it("is the current stage's yes/no items while the deal is open", () => {
    expect(tickableWork({ stage: "CLOSING", status: "OPEN" })).toEqual([
      "seniorMeetingHeld",
      "siteAuditDone",
      "systemSupportArranged",
    ]);
    expect(tickableWork({ stage: "INFORMATION", status: "OPEN" })).toEqual([
      "informationSufficient",
      "needsClear",
    ]);
    expect(tickableWork({ stage: "VALUE", status: "OPEN" })).toEqual([]);
    expect(tickableWork({ stage: "CLOSING", status: "WON" })).toEqual([]);
  });

  it("applies only allowed, not yet done items, once each", () => {
    const deal = { stage: "CLOSING" as const, status: "OPEN" as const, siteAuditDone: true };
    expect(
      ticksToApply(deal, ["siteAuditDone", "seniorMeetingHeld", "seniorMeetingHeld", "needsClear", "x"]),
    ).toEqual(["seniorMeetingHeld"]);
    expect(ticksToApply({ stage: "INFORMATION", status: "LOST" }, ["needsClear"])).toEqual([]);
  });
});

describe("photos", () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);

  it("are recognised by their bytes, not by what the sender claims", () => {
    expect(sniffPhotoType(jpeg)).toBe("image/jpeg");
    expect(sniffPhotoType(png)).toBe("image/png");
    expect(sniffPhotoType(webp)).toBe("image/webp");
    expect(sniffPhotoType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffPhotoType(new TextEncoder().encode("GIF89a"))).toBeNull();
  });

  it("are refused when empty, too large or not an image", () => {
    expect(photoProblem(jpeg)).toBeNull();
    expect(photoProblem(new Uint8Array())).toBe("empty");
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(jpeg);
    expect(photoProblem(big)).toBe("tooLarge");
    expect(photoProblem(new TextEncoder().encode("<html>"))).toBe("type");
  });
});

describe("record list cursor", () => {
  it("round-trips and refuses anything else", () => {
    const c = { visitedAt: at("2026-03-01T10:00:00.123Z"), id: "cm123_abc-DEF" };
    expect(decodeRecordCursor(encodeRecordCursor(c))).toEqual(c);
    for (const bad of [
      "",
      "x",
      "abc",
      "1.",
      ".id",
      "1.a b",
      "1.' OR 1=1",
      "zzzzzzzzzzzzz.id",
      null,
      undefined,
    ])
      expect(decodeRecordCursor(bad)).toBeNull();
  });
});

describe("the record schema", () => {
  const base = {
    clientId: "3f2b8c1e-1111-4a2b-9c3d-123456789abc",
    accountId: "acc_1",
    method: "PHONE",
    talkingPoints: "电话沟通",
  };
  const jpegUrl = (extra = 0) =>
    `data:image/jpeg;base64,${Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(extra)]).toString("base64")}`;

  it("reads the visit time as Beijing time and refuses the future", () => {
    const r = createVisitRecordSchema.parse({ ...base, visitedAt: "2026-03-01T07:30" });
    expect(r.visitedAt?.toISOString()).toBe("2026-02-28T23:30:00.000Z");
    const future = createVisitRecordSchema.safeParse({
      ...base,
      visitedAt: chinaDateTimeLocal(new Date(Date.now() + 86_400_000)),
    });
    expect(future.success).toBe(false);
    for (const bad of ["2026-02-30T10:00", "2026-03-01T24:00", "2026-03-01 10:00", "yesterday"])
      expect(createVisitRecordSchema.safeParse({ ...base, visitedAt: bad }).success, bad).toBe(false);
  });

  it("takes photos by their bytes: a JPEG named PNG is stored as JPEG; HTML or oversized ones are refused", () => {
    const ok = createVisitRecordSchema.parse({
      ...base,
      photos: [{ data: jpegUrl().replace("image/jpeg", "image/png"), width: "10", height: "10" }],
    });
    expect(ok.photos[0]!.mimeType).toBe("image/jpeg");
    const html = `data:image/png;base64,${Buffer.from("<html><script>").toString("base64")}`;
    expect(
      createVisitRecordSchema.safeParse({ ...base, photos: [{ data: html, width: "1", height: "1" }] })
        .success,
    ).toBe(false);
    const big = { data: jpegUrl(MAX_PHOTO_BYTES), width: "1", height: "1" };
    expect(createVisitRecordSchema.safeParse({ ...base, photos: [big] }).success).toBe(false);
    const four = Array.from({ length: 4 }, () => ({ data: jpegUrl(), width: "1", height: "1" }));
    expect(createVisitRecordSchema.safeParse({ ...base, photos: four }).success).toBe(false);
  });

  it("needs both coordinates of a check-in or neither", () => {
    expect(createVisitRecordSchema.safeParse({ ...base, checkInLatitude: "31.2" }).success).toBe(false);
    expect(
      createVisitRecordSchema.safeParse({ ...base, checkInLatitude: "31.2", checkInLongitude: "121.4" })
        .success,
    ).toBe(true);
    expect(
      createVisitRecordSchema.safeParse({ ...base, checkInLatitude: "91", checkInLongitude: "121.4" })
        .success,
    ).toBe(false);
  });

  it("takes one ticked item or many, and only known ones", () => {
    expect(createVisitRecordSchema.parse({ ...base, tickWork: "siteAuditDone" }).tickWork).toEqual([
      "siteAuditDone",
    ]);
    expect(createVisitRecordSchema.safeParse({ ...base, tickWork: ["opportunity"] }).success).toBe(false);
  });
});
