import { getTranslations } from "next-intl/server";
import { routeHandler } from "@/lib/actions/route";
import { getWeeklyLog } from "@/lib/data/visits/weekly-log";
import { chinaDate } from "@/lib/domain/calendar";
import { CSV_BOM, formatCsvRecord } from "@/lib/domain/csv";
import { chinaTime } from "@/lib/domain/visit-calendar";
import { weeklyQuerySchema } from "@/lib/validation/visit-calendar";

// The weekly contact log (客户联络表) of one person and week as CSV: the contacts made, then next
// week's plans, then the texts. Scoped like the page (another team's person answers 404); cells
// go through formatCsvRecord, which neutralises formula-like text ("=HYPERLINK(…)").

export const dynamic = "force-dynamic";

export const GET = routeHandler(async (request, { viewer }) => {
  const url = new URL(request.url);
  const query = weeklyQuerySchema.parse({
    week: url.searchParams.get("week") ?? undefined,
    person: url.searchParams.get("person") ?? undefined,
  });
  const log = await getWeeklyLog(viewer, {
    personId: query.person,
    week: query.week ?? chinaDate(new Date()),
  });
  const t = await getTranslations({ locale: viewer.locale, namespace: "visitCalendar" });
  const rows: string[] = [
    formatCsvRecord([
      t("weekly.title"),
      log.person.name,
      t("weekly.weekRange", { start: log.bounds.weekStart, end: log.bounds.weekEnd }),
    ]),
    formatCsvRecord([]),
    formatCsvRecord([t("weekly.contactsTitle")]),
    formatCsvRecord([
      t("weekly.columns.date"),
      t("weekly.columns.time"),
      t("weekly.columns.account"),
      t("weekly.columns.contacts"),
      t("weekly.columns.method"),
      t("weekly.columns.outcome"),
      t("weekly.columns.talkingPoints"),
      t("weekly.columns.nextStep"),
    ]),
    ...log.contacts.map((c) =>
      formatCsvRecord([
        c.date,
        chinaTime(c.visitedAt),
        c.accountName,
        c.contacts.join("、"),
        t(`methods.${c.method}`),
        c.outcome ? t(`outcomes.${c.outcome}`) : null,
        c.talkingPoints,
        c.nextStep,
      ]),
    ),
    formatCsvRecord([]),
    formatCsvRecord([t("weekly.plansTitle")]),
    formatCsvRecord([
      t("weekly.columns.date"),
      t("weekly.columns.time"),
      t("weekly.columns.account"),
      t("weekly.columns.contacts"),
      t("weekly.columns.method"),
      t("weekly.columns.purpose"),
    ]),
    ...log.nextWeekPlans.map((p) =>
      formatCsvRecord([
        p.date,
        chinaTime(p.plannedStart),
        p.accountName,
        p.contacts.join("、"),
        t(`methods.${p.method}`),
        p.purpose,
      ]),
    ),
    formatCsvRecord([]),
    formatCsvRecord([t("weekly.summary"), log.texts.summary]),
    formatCsvRecord([t("weekly.nextWeekPlan"), log.texts.nextWeekPlan]),
    formatCsvRecord([t("weekly.managerComment"), log.texts.managerComment]),
  ];
  return new Response(CSV_BOM + rows.join(""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="weekly-log-${log.bounds.weekStart.replaceAll("-", "")}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
