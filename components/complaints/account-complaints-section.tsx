import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { listAccountComplaints, type ComplaintQueueRow } from "@/lib/data/complaints/queue";
import { TIME_ZONE } from "@/lib/i18n/config";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SEVERITY_TONE, STATUS_TONE, currentClock, type Translate } from "./sla-text";

/** The account page's complaints: the open ones with their SLA clock, then the closed history. */
export async function AccountComplaintsSection({
  viewer,
  account,
}: {
  viewer: Viewer;
  account: { id: string; deletedAt: Date | null };
}) {
  const [t, format, list] = await Promise.all([
    getTranslations("complaints"),
    getFormatter(),
    listAccountComplaints(viewer, account.id, 10),
  ]);
  const tt = t as unknown as Translate;
  const now = new Date();
  const item = (c: Omit<ComplaintQueueRow, "handlerTeam">) => {
    const sla = c.status === "CLOSED" ? null : currentClock(tt, c, now);
    return (
      <li key={c.id}>
        <Link
          href={`/complaints/${encodeURIComponent(c.id)}`}
          className="block py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span className="flex flex-wrap items-center gap-2 text-slate-600">
            <span className="tabular-nums">{c.number}</span>
            <Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
            <Badge tone={SEVERITY_TONE[c.severity]}>{t(`severity.${c.severity}`)}</Badge>
            {sla ? <Badge tone={sla.tone}>{`${sla.label} · ${sla.text}`}</Badge> : null}
            <time dateTime={c.receivedAt.toISOString()}>
              {format.dateTime(c.receivedAt, { dateStyle: "medium", timeZone: TIME_ZONE })}
            </time>
          </span>
          <span className="mt-0.5 line-clamp-2 block break-words text-slate-800">{c.title}</span>
        </Link>
      </li>
    );
  };
  return (
    <section id="complaints" aria-labelledby="complaints-heading" className="scroll-mt-28">
      <Card className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id="complaints-heading" className="text-xl font-semibold text-slate-900">
            {t("account.title")}
          </h2>
          {account.deletedAt ? null : (
            <Link
              href={`/complaints/new?accountId=${encodeURIComponent(account.id)}`}
              className={buttonClass("secondary", "sm")}
            >
              {t("new")}
            </Link>
          )}
        </div>
        {list.openCount + list.closedCount === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t("account.none")}</p>
        ) : (
          <>
            <h3 className="mt-3 text-sm font-medium text-slate-700">
              {t("account.open", { count: list.openCount })}
            </h3>
            <ul className="divide-y divide-slate-100">{list.open.map(item)}</ul>
            {list.closedCount ? (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-slate-700">
                  {t("account.history", { count: list.closedCount })}
                </summary>
                <ul className="divide-y divide-slate-100">{list.closed.map(item)}</ul>
              </details>
            ) : null}
            <Link
              href={`/complaints?accountId=${encodeURIComponent(account.id)}`}
              className="mt-2 inline-flex min-h-11 items-center text-sm text-indigo-800 hover:underline"
            >
              {t("account.all")}
            </Link>
          </>
        )}
      </Card>
    </section>
  );
}
