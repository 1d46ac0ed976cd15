import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/data/audit";
import { TIME_ZONE } from "@/lib/i18n/config";
import { AuditActionLabel } from "@/components/audit/audit-action-label";
import { historyWords } from "@/components/history/history-words";
import { Card } from "@/components/ui/card";
import { Section } from "./section";

const DOT: Record<string, string> = {
  Contact: "bg-teal-600",
  Deal: "bg-amber-600",
  CooperationAgreement: "bg-emerald-600",
};

/**
 * 客户动态: the account's history from the audit trail — its own entries and those of its contacts,
 * deals and agreements — as sentences with who and when, newest first. Self-contained: the page
 * hands it the rows and where "show more" leads.
 */
export async function TimelineSection({
  rows,
  more,
  accountId,
  nextTake,
}: {
  rows: AuditRow[];
  more: boolean;
  accountId: string;
  nextTake: number;
}) {
  const [t, tp, words, format] = await Promise.all([
    getTranslations("history.timeline"),
    getTranslations("accountPage"),
    historyWords(),
    getFormatter(),
  ]);

  return (
    <Section id="activity" title={tp("sections.activity")} description={t("description")} collapsible>
      <Card>
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="account-timeline">
            {rows.map((row) => {
              const line = words.sentence(row);
              return (
                <li key={row.id} className="flex gap-3 px-4 py-3 text-sm">
                  <span
                    aria-hidden="true"
                    className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${DOT[row.entity] ?? "bg-indigo-600"}`}
                  />
                  <div className="min-w-0 flex-1">
                    <p className="text-slate-900">
                      <span className="font-medium">
                        <AuditActionLabel action={row.action} />
                      </span>
                      <span className="text-slate-600">
                        {" · "}
                        {row.actor?.name ?? t("system")}
                      </span>
                    </p>
                    {line ? <p className="mt-0.5 break-words text-slate-700">{line}</p> : null}
                  </div>
                  <time
                    dateTime={row.createdAt.toISOString()}
                    className="shrink-0 text-right text-xs tabular-nums text-slate-600"
                  >
                    {format.dateTime(row.createdAt, { dateStyle: "medium", timeZone: TIME_ZONE })}
                    <br />
                    {format.dateTime(row.createdAt, { timeStyle: "short", timeZone: TIME_ZONE })}
                  </time>
                </li>
              );
            })}
          </ol>
        )}
        {more ? (
          <p className="border-t border-slate-200 px-4 py-3 text-sm">
            <Link
              href={`/accounts/${encodeURIComponent(accountId)}?activity=${nextTake}#activity`}
              className="font-medium text-indigo-800 underline-offset-2 hover:underline"
              scroll={false}
            >
              {t("more")}
            </Link>
          </p>
        ) : null}
      </Card>
    </Section>
  );
}
