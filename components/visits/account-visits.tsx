import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { listAccountVisits } from "@/lib/data/visits/record-reads";
import { day } from "@/components/deals/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LogVisitLink } from "./visit-links";

/** The account page's visits: last contact and next due date, "Log a visit", the latest records. */
export async function AccountVisits({
  viewer,
  account,
  part,
  planLink,
}: {
  viewer: Viewer;
  part: "bar" | "section";
  /** The plans slice's "Plan a visit", shown beside "Log a visit". */
  planLink?: ReactNode;
  account: { id: string; lastContactAt: Date | null; contactDueOn: Date | null; deletedAt: Date | null };
}) {
  const [t, format, visits] = await Promise.all([
    getTranslations("visits"),
    getFormatter(),
    part === "section" ? listAccountVisits(viewer, account.id) : Promise.resolve([]),
  ]);
  // Read by hand on the account page (a raw query): normalise the calendar date whatever its form.
  const dueOn = account.contactDueOn ? new Date(account.contactDueOn) : null;
  const overdue = dueOn !== null && fromDbDate(dueOn) < chinaDate(new Date());
  const logLink = account.deletedAt ? null : (
    <LogVisitLink href={`/visits/new?account=${encodeURIComponent(account.id)}`}>
      {t("logVisit")}
    </LogVisitLink>
  );
  const contactLine = (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="account-contact-due">
      {account.lastContactAt
        ? t("account.lastContact", {
            date: format.dateTime(new Date(account.lastContactAt), { dateStyle: "medium" }),
          })
        : t("overdue.neverContacted")}
      {dueOn ? (
        <>
          <span aria-hidden="true">·</span>
          {t("overdue.dueOn", { date: day(format, dueOn) })}
          {overdue ? <Badge tone="bad">{t("home.overdueBadge")}</Badge> : null}
        </>
      ) : null}
    </p>
  );
  // The bar sits under the account's header (what a rep comes to do); the list comes after the
  // deals, people and decision map, which the account page opens on.
  if (part === "bar")
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        {contactLine}
        <div className="flex flex-wrap items-center gap-2">
          {planLink}
          {logLink}
        </div>
      </div>
    );
  return (
    <section id="visits" aria-labelledby="visits-heading" className="scroll-mt-28">
      <Card className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="visits-heading" className="text-xl font-semibold text-slate-900">
              {t("account.title")}
            </h2>
            <div className="mt-1">{contactLine}</div>
          </div>
          {logLink}
        </div>
        {visits.length ? (
          <ul className="mt-3 divide-y divide-slate-100">
            {visits.map((v) => (
              <li key={v.id}>
                <Link
                  href={`/visits/${encodeURIComponent(v.id)}`}
                  className="block py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <span className="flex flex-wrap items-center gap-2 text-slate-600">
                    <time dateTime={v.visitedAt.toISOString()}>
                      {format.dateTime(v.visitedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                    <Badge>{t(`methods.${v.method}`)}</Badge>
                    <span>{v.owner.name}</span>
                  </span>
                  <span className="mt-0.5 line-clamp-2 block break-words text-slate-800">
                    {v.talkingPoints}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-600">{t("account.none")}</p>
        )}
      </Card>
    </section>
  );
}
