import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { mutate, type MutationContext } from "../audit";
import { planEventSelect, recordEventSelect, type PlanEventRow, type RecordEventRow } from "./calendar";

// A person's iCalendar feed. The URL carries a random 256-bit token; the database keeps only its
// SHA-256, so a copy of the database (or the audit trail) does not give anyone the feed. One feed
// per person is live at a time: making a new URL revokes the old one. The feed route has no
// session — the token is the credential — and answers 404 for an unknown or revoked token.

export type FeedStatus = { id: string; createdAt: Date } | null;

/** A new token: 32 random bytes as base64url (43 characters). */
export const newFeedToken = () => randomBytes(32).toString("base64url");

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The shape of a token in a URL; anything else is not looked up. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The viewer's live feed, if any (its token cannot be shown again: only the hash is kept). */
export async function getFeedStatus(viewer: Viewer): Promise<FeedStatus> {
  return db.calendarFeed.findFirst({
    where: { userId: viewer.id, revokedAt: null },
    select: { id: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Makes the viewer a new feed URL, revoking any live one (a rotation), and returns the token —
 * the only time it exists outside the person's calendar app. Audited without the token.
 */
export async function createFeed(viewer: Viewer, now = new Date()): Promise<{ id: string; token: string }> {
  const token = newFeedToken();
  return mutate(viewer, async (ctx) => {
    const { tx, audit } = ctx;
    await revokeLive(ctx, viewer, now);
    const feed = await tx.calendarFeed.create({
      data: { userId: viewer.id, tokenHash: hashFeedToken(token) },
      select: { id: true, userId: true, createdAt: true },
    });
    await audit({ action: "calendarFeed.create", entity: "CalendarFeed", entityId: feed.id, after: feed });
    return { id: feed.id, token };
  });
}

/** Revokes the viewer's live feed; the URL answers 404 from now on. Nothing live → nothing to do. */
export async function revokeFeed(viewer: Viewer, now = new Date()): Promise<{ revoked: number }> {
  const live = await getFeedStatus(viewer);
  if (!live) return { revoked: 0 };
  return mutate(viewer, async (ctx) => ({ revoked: await revokeLive(ctx, viewer, now) }));
}

async function revokeLive({ tx, audit }: MutationContext, viewer: Viewer, now: Date): Promise<number> {
  const live = await tx.calendarFeed.findMany({
    where: { userId: viewer.id, revokedAt: null },
    select: { id: true, userId: true, createdAt: true },
  });
  if (!live.length) return 0;
  await tx.calendarFeed.updateMany({
    where: { id: { in: live.map((f) => f.id) }, revokedAt: null },
    data: { revokedAt: now },
  });
  for (const f of live) {
    await audit({
      action: "calendarFeed.revoke",
      entity: "CalendarFeed",
      entityId: f.id,
      before: f,
      after: { ...f, revokedAt: now },
    });
  }
  return live.length;
}

export type FeedOwner = { id: string; name: string; locale: "en" | "zh-CN" };

/** The person a token belongs to: a live feed of an active user, else null (the route answers 404). */
export async function feedOwnerByToken(token: string): Promise<FeedOwner | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { revokedAt: true, user: { select: { id: true, name: true, locale: true, active: true } } },
  });
  if (!feed || feed.revokedAt || !feed.user.active) return null;
  return { id: feed.user.id, name: feed.user.name, locale: feed.user.locale === "en" ? "en" : "zh-CN" };
}

const DAY_MS = 86_400_000;
/** How far the feed reaches: the last 90 days and the next year. */
export const FEED_WINDOW = { pastDays: 90, futureDays: 365 } as const;
/** A bound on one response; far more than a person plans in 15 months. */
const FEED_MAX_ROWS = 5000;

/** The feed's content: the person's own plans (not cancelled) and visit records in the window. */
export async function feedEvents(
  owner: FeedOwner,
  now = new Date(),
): Promise<{ plans: PlanEventRow[]; records: RecordEventRow[] }> {
  const range = {
    gte: new Date(now.getTime() - FEED_WINDOW.pastDays * DAY_MS),
    lt: new Date(now.getTime() + FEED_WINDOW.futureDays * DAY_MS),
  };
  const [plans, records] = await Promise.all([
    db.visitPlan.findMany({
      where: { ownerId: owner.id, deletedAt: null, status: { not: "CANCELLED" }, plannedStart: range },
      select: planEventSelect,
      orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
      take: FEED_MAX_ROWS,
    }),
    db.visitRecord.findMany({
      where: { ownerId: owner.id, deletedAt: null, visitedAt: range },
      select: recordEventSelect,
      orderBy: [{ visitedAt: "asc" }, { id: "asc" }],
      take: FEED_MAX_ROWS,
    }),
  ]);
  return { plans, records };
}
