import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/data/audit";
import { TIME_ZONE } from "@/lib/i18n/config";
import { Card } from "@/components/ui/card";

type Snapshot = {
  plannedStart?: string;
  plannedEnd?: string;
  decisionComment?: string | null;
  status?: string;
};

/**
 * A plan's or request's history from the audit trail, newest first: created, submitted, approved
 * or returned (with the comment), rescheduled (from when to when), cancelled.
 */
export async function RecordHistory({ rows, label }: { rows: AuditRow[]; label: string }) {
  const [t, ts, format] = await Promise.all([
    getTranslations("visitPlans.history"),
    getTranslations("visitPlans.status"),
    getFormatter(),
  ]);
  const when = (iso: string | undefined) =>
    iso
      ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE })
      : "—";
  const detail = (row: AuditRow): string | null => {
    const before = (row.before ?? {}) as Snapshot;
    const after = (row.after ?? {}) as Snapshot;
    if (row.action.endsWith(".reschedule"))
      return t("movedFromTo", { from: when(before.plannedStart), to: when(after.plannedStart) });
    if ((row.action.endsWith(".return") || row.action.endsWith(".approve")) && after.decisionComment)
      return t("comment", { comment: after.decisionComment });
    if (row.action.endsWith(".create") && after.status)
      return t("createdAs", { status: ts.has(after.status) ? ts(after.status) : after.status });
    return null;
  };
  const key = (action: string) => action.replace(".", "_");
  return (
    <Card>
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label={label}>
          {rows.map((row) => {
            const line = detail(row);
            return (
              <li key={row.id} className="flex gap-3 px-4 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="text-slate-900">
                    <span className="font-medium">
                      {t.has(`actions.${key(row.action)}`) ? t(`actions.${key(row.action)}`) : row.action}
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
    </Card>
  );
}
