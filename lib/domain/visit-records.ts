// Visit records (客户拜访记录表): the rules a saved record sets off — the follow-up (回访) it creates
// and the ones it completes, the check-in distance and its flag, the overdue reading of an account,
// which of a linked deal's stage work a record may tick, and what a photo may be. Pure: instants and
// settings are passed in; dates are China calendar dates (IsoDate).
import { addDays, chinaDate, type IsoDate } from "./calendar";
import type { DealStage, DealStatus } from "./pipeline";
import { contactDueOn, daysOverdue, type Tier, type VisitSettings } from "./visits";

// ── Follow-ups (回访) ──────────────────────────────────────────────────────────────────────────

/** The day a record's follow-up is due: the visit's day in China plus the admin's follow-up days. */
export function followUpDueOn(visitedAt: Date, followUpDays: number): IsoDate {
  return addDays(chinaDate(visitedAt), followUpDays);
}

export type OpenFollowUp = {
  id: string;
  accountId: string;
  completedAt: Date | null;
  /** When the visit that created it took place. */
  sourceVisitedAt: Date;
};

/**
 * The open follow-ups a new record completes: every open one on the same account whose visit came
 * before this one — a call or a visit, by anyone (the customer has been heard again). A record
 * entered late for an earlier day does not complete a follow-up of a later visit.
 */
export function followUpsCompletedBy(
  record: { accountId: string; visitedAt: Date },
  open: readonly OpenFollowUp[],
): string[] {
  return open
    .filter(
      (f) =>
        f.accountId === record.accountId &&
        f.completedAt === null &&
        f.sourceVisitedAt.getTime() < record.visitedAt.getTime(),
    )
    .map((f) => f.id);
}

export type FollowUpState = "DONE" | "OVERDUE" | "DUE_TODAY" | "UPCOMING";

/** Where a follow-up stands on `today` (a China calendar date). */
export function followUpState(
  f: { dueOn: IsoDate; completedAt: Date | null },
  today: IsoDate,
): FollowUpState {
  if (f.completedAt) return "DONE";
  return f.dueOn < today ? "OVERDUE" : f.dueOn === today ? "DUE_TODAY" : "UPCOMING";
}

// ── Check-in (签到) ────────────────────────────────────────────────────────────────────────────

export type Coordinates = { latitude: number; longitude: number };

const EARTH_RADIUS_M = 6_371_008.8; // the mean radius (IUGG)

/** Great-circle distance between two points in metres (haversine), rounded to the metre. */
export function distanceMetres(a: Coordinates, b: Coordinates): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

export type CheckInFlag = "NONE" | "NO_ACCOUNT_LOCATION" | "NEAR" | "FAR";

/**
 * How a check-in reads: none taken; taken but the account has no saved location to compare with;
 * within the admin's radius; or farther than it (flagged for the manager).
 */
export function checkInFlag(
  record: { checkInAt: Date | null; checkInDistanceM: number | null },
  radiusM: number,
): CheckInFlag {
  if (!record.checkInAt) return "NONE";
  if (record.checkInDistanceM === null) return "NO_ACCOUNT_LOCATION";
  return record.checkInDistanceM > radiusM ? "FAR" : "NEAR";
}

/** The distance to store with a check-in: null when either point is missing. */
export function checkInDistance(
  checkIn: Partial<Coordinates> | null,
  account: { latitude: number | null; longitude: number | null },
): number | null {
  if (checkIn?.latitude == null || checkIn.longitude == null) return null;
  if (account.latitude === null || account.longitude === null) return null;
  return distanceMetres(
    { latitude: checkIn.latitude, longitude: checkIn.longitude },
    { latitude: account.latitude, longitude: account.longitude },
  );
}

// ── Overdue accounts (该联系却没联系) ──────────────────────────────────────────────────────────

type Cadence = Pick<VisitSettings, "cadenceDaysA" | "cadenceDaysB" | "cadenceDaysC">;

/**
 * An account's contact reading on `now`: when the next contact is due and how many days it is past
 * that (0 when not overdue). The stored Account.contactDueOn is this same due date.
 */
export function contactStatus(
  account: { tier: Tier; lastContactAt: Date | null; createdAt: Date },
  settings: Cadence,
  now: Date,
): { dueOn: IsoDate; daysOverdue: number; overdue: boolean } {
  const dueOn = contactDueOn(account, settings);
  const days = Math.max(0, daysOverdue(dueOn, chinaDate(now)));
  return { dueOn, daysOverdue: days, overdue: days > 0 };
}

// ── Deal stage work a record may tick ───────────────────────────────────────────────────────────

/**
 * The yes/no items of each stage's work (the gate's checklist) that a visit can settle: a record
 * linked to an open deal may tick those of the deal's current stage — e.g. after the site audit
 * visit, 现场审核 is done. The other items need figures or lists and are edited on the deal.
 */
export const TICKABLE_WORK = {
  TARGET: [],
  INFORMATION: ["informationSufficient", "needsClear"],
  VALUE: [],
  RELATIONSHIP: [],
  CLOSING: ["seniorMeetingHeld", "siteAuditDone", "systemSupportArranged"],
} as const satisfies Record<DealStage, readonly string[]>;

export type TickableWork = (typeof TICKABLE_WORK)[DealStage][number];
export const ALL_TICKABLE_WORK: readonly TickableWork[] = [
  ...TICKABLE_WORK.INFORMATION,
  ...TICKABLE_WORK.CLOSING,
];

/** The items a record may tick on this deal: its current stage's, while it is open. */
export function tickableWork(deal: { stage: DealStage; status: DealStatus }): readonly TickableWork[] {
  return deal.status === "OPEN" ? TICKABLE_WORK[deal.stage] : [];
}

/**
 * The ticks that apply: requested, allowed on the deal now, and not already done (a tick only sets
 * an item; a visit never un-ticks what someone recorded). Empty → the deal is left alone.
 */
export function ticksToApply(
  deal: { stage: DealStage; status: DealStatus } & Partial<Record<TickableWork, boolean>>,
  requested: readonly string[],
): TickableWork[] {
  const allowed = tickableWork(deal);
  return [...new Set(requested)].filter(
    (t): t is TickableWork => (allowed as readonly string[]).includes(t) && !deal[t as TickableWork],
  );
}

// ── Photos ─────────────────────────────────────────────────────────────────────────────────────

export const MAX_PHOTOS = 3;
/** A photo shrunk in the browser (~1280 px JPEG) is 100–400 kB; the server refuses more than this. */
export const MAX_PHOTO_BYTES = 700_000;
export const MAX_PHOTO_SIDE = 4096;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The image type the bytes themselves say (magic numbers), whatever the sender claimed; else null. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  // RIFF....WEBP
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42)
    return bytes[11] === 0x50 ? "image/webp" : null;
  return null;
}

/** Why a photo is refused, or null when it may be stored. */
export function photoProblem(bytes: Uint8Array): "empty" | "tooLarge" | "type" | null {
  if (bytes.length === 0) return "empty";
  if (bytes.length > MAX_PHOTO_BYTES) return "tooLarge";
  return sniffPhotoType(bytes) ? null : "type";
}

// ── Keyset pages of a person's records ─────────────────────────────────────────────────────────

export type RecordCursor = { visitedAt: Date; id: string };

/** The "more" link's cursor: the last row's time and id (ids are url-safe). */
export function encodeRecordCursor(c: RecordCursor): string {
  return `${c.visitedAt.getTime().toString(36)}.${c.id}`;
}

export function decodeRecordCursor(text: string | undefined | null): RecordCursor | null {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{1,64})$/.exec(text ?? "");
  if (!m) return null;
  const ms = parseInt(m[1]!, 36);
  const visitedAt = new Date(ms);
  return Number.isFinite(ms) && !Number.isNaN(visitedAt.getTime()) ? { visitedAt, id: m[2]! } : null;
}

/** An instant as Beijing wall-clock "YYYY-MM-DDTHH:mm" (the value of <input type="datetime-local">). */
export function chinaDateTimeLocal(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
