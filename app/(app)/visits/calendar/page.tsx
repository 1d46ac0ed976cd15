import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/admin/guard";
import { firstValues } from "@/components/admin/search-params";
import type { RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listCalendarEvents, listVisitPeople } from "@/lib/data/visits/calendar";
import { getFeedStatus } from "@/lib/data/visits/calendar-feed";
import { addDays, chinaDate, type IsoDate } from "@/lib/domain/calendar";
import {
  calendarRange,
  chinaTime,
  groupByDay,
  monthGrid,
  shiftAnchor,
  type CalendarEvent,
} from "@/lib/domain/visit-calendar";
import { calendarQuerySchema } from "@/lib/validation/visit-calendar";
import { createFeedAction, revokeFeedAction } from "./actions";
import { FeedPanel } from "./_components/feed-panel";
import { dayLabel, longDayLabel, monthLabel } from "./_components/format";
import { CalendarToolbar, calendarHref } from "./_components/toolbar";
import { Agenda, MonthTable, WeekColumns } from "./_components/views";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitCalendar.calendar");
  return { title: t("title") };
}

/** 拜访日历: a person's plans and visits by day, week or month, and their iCalendar feed. */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = calendarQuerySchema.parse(firstValues(await searchParams));
  const now = new Date();
  const today = chinaDate(now);
  const view = query.view ?? "week";
  const anchor = query.date ?? today;
  const range = calendarRange(view, anchor);
  const [{ person, events }, people, feed, t, format] = await Promise.all([
    orNotFound(
      listCalendarEvents(viewer, { personId: query.person, start: range.start, end: range.end }, now),
    ),
    listVisitPeople(viewer),
    getFeedStatus(viewer),
    getTranslations("visitCalendar"),
    getFormatter(),
  ]);
  const personParam = person.id === viewer.id ? undefined : person.id;
  const showOwner = false; // one person's calendar at a time
  const byDay = groupByDay(events, (e) => e.start, range.days);
  const labelsOf = (e: CalendarEvent) => {
    const kind = t(`kinds.${e.kind}`);
    const status = e.status
      ? t(e.kind === "plan" ? `planStatuses.${e.status}` : `outcomes.${e.status}`)
      : null;
    return {
      kind,
      status,
      method: t(`methods.${e.method}`),
      name: t("calendar.eventLabel", {
        kind,
        account: e.accountName,
        time: `${dayLabel(format, chinaDate(e.start))} ${chinaTime(e.start)}`,
      }),
    };
  };
  const dayHref = (d: IsoDate) => calendarHref({ view: "day", date: d, person: personParam });
  const title =
    view === "day"
      ? longDayLabel(format, anchor)
      : view === "week"
        ? `${longDayLabel(format, range.from)} – ${longDayLabel(format, addDays(range.to, -1))}`
        : monthLabel(format, anchor);
  const common = { byDay, labelsOf, dayLabel: (d: IsoDate) => dayLabel(format, d), today, showOwner };
  // The month's agenda lists only its own days (the grid shows the neighbours' too).
  const agendaDays =
    view === "month" ? range.days.filter((d) => d.startsWith(anchor.slice(0, 7))) : range.days;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("calendar.title")}
        description={t("calendar.description")}
        actions={
          <>
            <Link href="/visits/plans/new" className={buttonClass("primary")}>
              {t("calendar.newPlan")}
            </Link>
            <Link href="/visits/new" className={buttonClass("secondary")}>
              {t("calendar.logVisit")}
            </Link>
          </>
        }
      />
      <CalendarToolbar
        view={view}
        anchor={anchor}
        today={today}
        previous={shiftAnchor(view, anchor, -1)}
        next={shiftAnchor(view, anchor, 1)}
        person={personParam}
        people={people.map((p) => ({
          id: p.id,
          label: p.id === viewer.id ? t("calendar.you", { name: p.name }) : p.name,
          selected: p.id === person.id,
        }))}
        labels={{
          views: {
            day: t("calendar.views.day"),
            week: t("calendar.views.week"),
            month: t("calendar.views.month"),
          },
          viewLabel: t("calendar.viewLabel"),
          navLabel: t("calendar.navLabel"),
          previous: t(`calendar.previous.${view}`),
          next: t(`calendar.next.${view}`),
          today: t("calendar.today"),
          personFilter: t("calendar.personFilter"),
          show: t("calendar.show"),
        }}
      />
      <section aria-labelledby="calendar-title" className="space-y-3">
        <h2 id="calendar-title" className="text-lg font-semibold text-slate-900">
          {title}
          {personParam ? (
            <span className="ml-2 text-base font-normal text-slate-600">· {person.name}</span>
          ) : null}
        </h2>
        {view === "day" ? (
          <Agenda {...common} days={range.days} empty={t("calendar.empty")} />
        ) : (
          <>
            <Agenda {...common} days={agendaDays} empty={t("calendar.empty")} className="sm:hidden" />
            {view === "week" ? (
              <WeekColumns
                {...common}
                days={range.days}
                emptyDay={t("calendar.emptyDay")}
                dayHref={dayHref}
              />
            ) : (
              <MonthTable
                weeks={monthGrid(anchor, today)}
                weekdays={[1, 2, 3, 4, 5, 6, 7].map((d) => t(`weekdays.${d}`))}
                byDay={byDay}
                labelsOf={labelsOf}
                showOwner={showOwner}
                dayHref={dayHref}
                dayNumberLabel={(d) => longDayLabel(format, d)}
                more={(count) => t("calendar.more", { count })}
                caption={title}
              />
            )}
          </>
        )}
      </section>
      {person.id === viewer.id ? (
        <Card className="print:hidden">
          <CardHeader title={t("feed.title")} id="feed" />
          <div className="space-y-4 p-4">
            <p className="text-sm text-slate-700">{t("feed.intro")}</p>
            <FeedPanel
              active={feed !== null}
              createAction={createFeedAction}
              revokeAction={revokeFeedAction}
              labels={{
                none: t("feed.none"),
                create: t("feed.create"),
                created: t("feed.created"),
                urlLabel: t("feed.urlLabel"),
                copy: t("feed.copy"),
                copied: t("feed.copied"),
                copyFailed: t("feed.copyFailed"),
                openInApp: t("feed.openInApp"),
                active: feed
                  ? t("feed.active", {
                      date: format.dateTime(feed.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    })
                  : null,
                rotate: t("feed.rotate"),
                revoke: t("feed.revoke"),
                secret: t("feed.secret"),
                revoked: t("feed.revoked"),
              }}
            />
            <div className="space-y-2 border-t border-slate-200 pt-3 text-sm text-slate-700">
              <h3 className="font-semibold text-slate-900">{t("feed.howTitle")}</h3>
              <p>{t("feed.howIphone")}</p>
              <p>{t("feed.howAndroid")}</p>
              <p>{t("feed.howWechat")}</p>
            </div>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
