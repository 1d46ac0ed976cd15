import type { Metadata } from "next";
import Link from "next/link";
import Form from "next/form";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/admin/guard";
import { firstValues } from "@/components/admin/search-params";
import type { RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { listVisitPeople } from "@/lib/data/visits/calendar";
import { getWeeklyLog } from "@/lib/data/visits/weekly-log";
import { chinaDate, type IsoDate } from "@/lib/domain/calendar";
import { chinaTime, mondayOf } from "@/lib/domain/visit-calendar";
import { weeklyQuerySchema } from "@/lib/validation/visit-calendar";
import { dayLabel, longDayLabel } from "../calendar/_components/format";
import { commentWeeklyLogAction, saveWeeklyTextsAction } from "./actions";
import { CommentForm, WeeklyTextsForm } from "./_components/log-forms";
import { PrintButton } from "./_components/print-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitCalendar.weekly");
  return { title: t("title") };
}

const weeklyHref = (week: IsoDate, person?: string) =>
  `/visits/weekly?${new URLSearchParams({ week, ...(person ? { person } : {}) })}`;

const navLink =
  "inline-flex h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50 sm:h-9";

/** 客户联络表: one person's week of contacts and next week's plans, with the texts and the comment. */
export default async function WeeklyLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = weeklyQuerySchema.parse(firstValues(await searchParams));
  const today = chinaDate(new Date());
  const [log, people, t, format] = await Promise.all([
    orNotFound(getWeeklyLog(viewer, { personId: query.person, week: query.week ?? today })),
    listVisitPeople(viewer),
    getTranslations("visitCalendar"),
    getFormatter(),
  ]);
  const { bounds, person, texts } = log;
  const personParam = person.id === viewer.id ? undefined : person.id;
  const range = t("weekly.weekRange", {
    start: longDayLabel(format, bounds.weekStart),
    end: longDayLabel(format, bounds.weekEnd),
  });
  const logRef = { personId: person.id, week: bounds.weekStart, version: texts.version };
  const exportHref = `/visits/weekly/export?${new URLSearchParams({ week: bounds.weekStart, ...(personParam ? { person: personParam } : {}) })}`;
  const readOnly = (value: string | null) =>
    value ? (
      <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{value}</p>
    ) : (
      <p className="text-sm text-slate-500">{t("weekly.noText")}</p>
    );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("weekly.title")}
        description={
          <>
            <span className="font-medium text-slate-800">{person.name}</span> · {range}
          </>
        }
        actions={
          <span className="flex flex-wrap gap-2 print:hidden">
            <PrintButton label={t("weekly.print")} />
            <a href={exportHref} className={buttonClass("secondary")} download>
              {t("weekly.exportCsv")}
            </a>
          </span>
        }
      />

      <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
        <nav aria-label={t("weekly.weekNav")}>
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              <Link href={weeklyHref(bounds.previousWeekStart, personParam)} className={navLink}>
                ‹ {t("weekly.previousWeek")}
              </Link>
            </li>
            <li>
              <Link
                href={weeklyHref(mondayOf(today), personParam)}
                className={navLink}
                aria-current={bounds.weekStart === mondayOf(today) ? "date" : undefined}
              >
                {t("weekly.thisWeek")}
              </Link>
            </li>
            <li>
              <Link href={weeklyHref(bounds.nextWeekStart, personParam)} className={navLink}>
                {t("weekly.nextWeek")} ›
              </Link>
            </li>
          </ul>
        </nav>
        {people.length > 1 ? (
          <Form action="/visits/weekly" className="flex w-full items-end gap-2 sm:w-auto">
            <input type="hidden" name="week" value={bounds.weekStart} />
            <div className="min-w-0 flex-1">
              <label htmlFor="weekly-person" className="mb-1 block text-sm font-medium text-slate-800">
                {t("weekly.person")}
              </label>
              <Select id="weekly-person" name="person" defaultValue={person.id}>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.id === viewer.id ? t("calendar.you", { name: p.name }) : p.name}
                  </option>
                ))}
              </Select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              {t("calendar.show")}
            </button>
          </Form>
        ) : null}
      </div>

      <p className="text-sm font-medium text-slate-800" data-testid="weekly-counts">
        {t("weekly.counts", {
          visits: log.counts.visits,
          accounts: log.counts.accounts,
          people: log.counts.people,
        })}
      </p>

      <Card className="print:border-0 print:shadow-none">
        <CardHeader title={t("weekly.contactsTitle")} />
        {log.contacts.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("weekly.contactsEmpty")}</p>
        ) : (
          <>
            <ul
              className="divide-y divide-slate-200 sm:hidden print:hidden"
              aria-label={t("weekly.contactsTitle")}
            >
              {log.contacts.map((c) => (
                <li key={c.recordId} className="space-y-1 p-4 text-sm">
                  <p className="text-slate-600">
                    {dayLabel(format, c.date)} {chinaTime(c.visitedAt)} · {t(`methods.${c.method}`)}
                    {c.outcome ? ` · ${t(`outcomes.${c.outcome}`)}` : ""}
                  </p>
                  <Link
                    href={`/visits/${encodeURIComponent(c.recordId)}`}
                    className="inline-flex min-h-11 items-center font-medium text-indigo-800 underline-offset-2 hover:underline"
                  >
                    {c.accountName}
                  </Link>
                  {c.contacts.length ? <p className="text-slate-700">{c.contacts.join("、")}</p> : null}
                  <p className="whitespace-pre-wrap break-words text-slate-800">{c.talkingPoints}</p>
                  {c.nextStep ? (
                    <p className="break-words text-slate-700">{t("feed.nextStep", { step: c.nextStep })}</p>
                  ) : null}
                </li>
              ))}
            </ul>
            <div className="hidden sm:block print:block print:[&_div]:overflow-visible">
              <Table caption={t("weekly.contactsTitle")}>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>{t("weekly.columns.date")}</Th>
                    <Th>{t("weekly.columns.account")}</Th>
                    <Th>{t("weekly.columns.contacts")}</Th>
                    <Th>{t("weekly.columns.method")}</Th>
                    <Th>{t("weekly.columns.outcome")}</Th>
                    <Th>{t("weekly.columns.talkingPoints")}</Th>
                    <Th>{t("weekly.columns.nextStep")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {log.contacts.map((c) => (
                    <tr key={c.recordId} className="break-inside-avoid">
                      <Td className="whitespace-nowrap tabular-nums">
                        {dayLabel(format, c.date)} {chinaTime(c.visitedAt)}
                      </Td>
                      <Td className="min-w-32">
                        <Link
                          href={`/visits/${encodeURIComponent(c.recordId)}`}
                          className="font-medium text-indigo-800 underline-offset-2 hover:underline print:text-slate-900 print:no-underline"
                        >
                          {c.accountName}
                        </Link>
                      </Td>
                      <Td className="min-w-24">{c.contacts.join("、") || "—"}</Td>
                      <Td className="whitespace-nowrap">{t(`methods.${c.method}`)}</Td>
                      <Td className="whitespace-nowrap">{c.outcome ? t(`outcomes.${c.outcome}`) : "—"}</Td>
                      <Td className="min-w-48 whitespace-pre-wrap break-words">{c.talkingPoints}</Td>
                      <Td className="min-w-32 break-words">{c.nextStep ?? "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </>
        )}
      </Card>

      <Card className="print:border-0 print:shadow-none">
        <CardHeader title={t("weekly.plansTitle")} />
        {log.nextWeekPlans.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("weekly.plansEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("weekly.plansTitle")}>
            {log.nextWeekPlans.map((p) => (
              <li key={p.planId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm">
                <span className="whitespace-nowrap tabular-nums text-slate-600">
                  {dayLabel(format, p.date)} {chinaTime(p.plannedStart)}
                </span>
                <Link
                  href={`/visits/plans/${encodeURIComponent(p.planId)}`}
                  className="inline-flex min-h-11 items-center font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0 print:text-slate-900"
                >
                  {p.accountName}
                </Link>
                <span className="text-slate-700">
                  {t(`methods.${p.method}`)}
                  {p.contacts.length ? ` · ${p.contacts.join("、")}` : ""}
                </span>
                <span className="basis-full break-words text-slate-800">{p.purpose}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card className="print:border-0 print:shadow-none">
        <CardHeader title={t("weekly.textsTitle")} />
        <div className="space-y-4 p-4">
          {log.canEditTexts ? (
            <WeeklyTextsForm
              action={saveWeeklyTextsAction}
              logRef={logRef}
              defaults={{ summary: texts.summary ?? "", nextWeekPlan: texts.nextWeekPlan ?? "" }}
              labels={{
                form: t("weekly.textsTitle"),
                summary: t("weekly.summary"),
                nextWeekPlan: t("weekly.nextWeekPlan"),
                save: t("weekly.saveTexts"),
              }}
            />
          ) : (
            <p className="text-xs text-slate-600 print:hidden">
              {t("weekly.textsHint", { name: person.name })}
            </p>
          )}
          {/* What prints (and what others read): the saved texts. */}
          <div className={cn("space-y-4", log.canEditTexts && "hidden print:block")}>
            <div>
              <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("weekly.summary")}</h3>
              {readOnly(texts.summary)}
            </div>
            <div>
              <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("weekly.nextWeekPlan")}</h3>
              {readOnly(texts.nextWeekPlan)}
            </div>
          </div>
        </div>
      </Card>

      <Card className="print:border-0 print:shadow-none">
        <CardHeader title={t("weekly.managerComment")} />
        <div className="space-y-3 p-4">
          <div className={cn(log.canComment && "hidden print:block")}>
            {readOnly(texts.managerComment)}
            {texts.managerComment && texts.managerCommentBy ? (
              <p className="mt-1 text-xs text-slate-600">
                {t("weekly.commentBy", { name: texts.managerCommentBy })}
              </p>
            ) : null}
          </div>
          {log.canComment ? (
            <CommentForm
              action={commentWeeklyLogAction}
              logRef={logRef}
              defaultValue={texts.managerComment ?? ""}
              labels={{ comment: t("weekly.managerComment"), save: t("weekly.saveComment") }}
            />
          ) : null}
        </div>
      </Card>
      <p className="hidden text-xs text-slate-500 print:block">
        {t("weekly.printedOn", { date: longDayLabel(format, today) })}
      </p>
    </div>
  );
}
