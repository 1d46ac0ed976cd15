import { getTranslations } from "next-intl/server";
import { feedEvents, feedOwnerByToken, hashFeedToken } from "@/lib/data/visits/calendar-feed";
import { buildCalendar, type IcsEvent, type IcsStatus } from "@/lib/domain/icalendar";
import { takeFromWindow } from "@/lib/domain/rate-window";
import { recordEnd } from "@/lib/domain/visit-calendar";
import { isDatabaseUnavailable } from "@/lib/errors";

// A person's visits as an iCalendar feed, for the calendar app on their phone. No session: the
// secret token in the URL is the credential (lib/data/visits/calendar-feed.ts). An unknown, revoked
// or malformed token answers 404 with nothing that tells them apart. Plans (not cancelled) and
// records from 90 days back to a year ahead; a plan that a record closed shows as the record.

export const dynamic = "force-dynamic";

// Calendar apps poll every few minutes at most; a script hammering one URL is slowed down here,
// per process (enough to keep one feed from taking the server's time; not a security boundary).
const WINDOW = { limit: 30, windowMs: 60_000 };
const hits = new Map<string, number[]>();

const notFoundResponse = () =>
  new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

const PLAN_STATUS: Record<string, IcsStatus> = { APPROVED: "CONFIRMED", DONE: "CONFIRMED" };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const key = hashFeedToken(token);
  const taken = takeFromWindow(hits.get(key) ?? [], Date.now(), WINDOW);
  hits.set(key, taken.history);
  if (hits.size > 10_000) hits.clear(); // a bound on memory, not on anyone
  if (!taken.allowed) {
    return new Response("Too many requests\n", { status: 429, headers: { "Retry-After": "60" } });
  }
  try {
    const owner = await feedOwnerByToken(token);
    if (!owner) return notFoundResponse();
    const now = new Date();
    const [{ plans, records }, t] = await Promise.all([
      feedEvents(owner, now),
      getTranslations({ locale: owner.locale, namespace: "visitCalendar" }),
    ]);
    const base = process.env.NEXTAUTH_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
    const recordIds = new Set(records.map((r) => r.id));
    const events: IcsEvent[] = [
      ...plans
        .filter((p) => !p.record || !recordIds.has(p.record.id))
        .map((p) => ({
          uid: `plan-${p.id}@keystone`,
          start: p.plannedStart,
          end: p.plannedEnd,
          summary: t("feed.planSummary", { account: p.account.name }),
          location: p.place,
          description: [t(`methods.${p.method}`), p.purpose].join("\n"),
          status: PLAN_STATUS[p.status] ?? "TENTATIVE",
          url: `${base}/visits/plans/${encodeURIComponent(p.id)}`,
          updatedAt: p.updatedAt,
        })),
      ...records.map((r) => ({
        uid: `record-${r.id}@keystone`,
        start: r.visitedAt,
        end: recordEnd(r.visitedAt, r.durationMinutes),
        summary: t("feed.recordSummary", { account: r.account.name }),
        location: r.place,
        description: [
          t(`methods.${r.method}`),
          r.talkingPoints,
          r.nextStep ? t("feed.nextStep", { step: r.nextStep }) : null,
        ]
          .filter(Boolean)
          .join("\n"),
        status: "CONFIRMED" as const,
        url: `${base}/visits/${encodeURIComponent(r.id)}`,
        updatedAt: r.updatedAt,
      })),
    ];
    const body = buildCalendar({ name: t("feed.name", { name: owner.name }), events, now });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="keystone-visits.ics"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return new Response("Unavailable\n", { status: 503 });
    console.error("[calendar feed] unexpected error", error);
    return new Response("Error\n", { status: 500 });
  }
}
