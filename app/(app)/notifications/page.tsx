import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listNotifications, type NotificationRow } from "@/lib/data/notifications";
import { TIME_ZONE } from "@/lib/i18n/config";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { fenText } from "@/components/receivables/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { markAllReadAction, markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitPlans.notifications");
  return { title: t("title") };
}

const href = (n: NotificationRow) =>
  n.kind.startsWith("receivables.")
    ? `/receivables/invoices?distributor=${encodeURIComponent(n.entityId)}${n.kind === "receivables.overdue" ? "&status=overdue" : "&status=OPEN"}`
    : n.entity === "Complaint"
      ? `/complaints/${encodeURIComponent(n.entityId)}`
      : n.entity === "VisitPlan"
        ? `/visits/plans/${encodeURIComponent(n.entityId)}`
        : n.entity === "PerformanceReview"
          ? `/reviews/${encodeURIComponent(n.entityId)}`
          : n.entity === "Survey"
            ? `/surveys/${encodeURIComponent(n.entityId)}`
            : `/visits/requests/${encodeURIComponent(n.entityId)}`;

/** Channel records each link to their own page (kept apart from the chain above so modules add beside it). */
const channelHref = (n: NotificationRow): string | null =>
  n.entity === "ChannelConflict" ? `/channel-conflicts/${encodeURIComponent(n.entityId)}` : null;

/** 通知: what waits for the person and what was decided for them, newest first. */
export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const [rows, t, tk, tSurveys, tc, tr, tConflicts, locale, format] = await Promise.all([
    listNotifications(viewer),
    getTranslations("visitPlans.notifications"),
    getTranslations("visitPlans.kinds"),
    getTranslations("surveys.notifications"),
    getTranslations("complaints.notifications"),
    getTranslations("receivables.notifications"),
    getTranslations("channelConflicts"),
    getLocale(),
    getFormatter(),
  ]);
  const unread = rows.filter((r) => !r.readAt).length;
  const sentence = (n: NotificationRow) => {
    const p = n.payload;
    const key = n.kind.replace(".", "_");
    const values = {
      actor: p.actorName ?? "—",
      account: p.accountName ?? "—",
      purpose: p.purpose ?? "",
      kind: p.requestKind ? tk(p.requestKind) : "",
      period: p.period ?? "",
      score: p.score ?? "",
      count: p.count ?? 0,
      number: p.complaintNumber ?? "",
      title: p.title ?? "",
    };
    if (n.kind.startsWith("survey.") && tSurveys.has(key)) return tSurveys(key, values);
    // Receivables alerts name the distributor and the money (fen in the payload, shown in yuan).
    if (n.kind.startsWith("receivables.") && tr.has(key)) {
      const money = fenText(locale);
      const fen = (v?: string) => money(/^-?\d+$/.test(v ?? "") ? BigInt(v!) : 0n);
      return tr(key, {
        distributor: p.distributorName ?? "—",
        amount: fen(p.amountFen),
        limit: fen(p.limitFen),
        count: p.count ?? 0,
      });
    }
    if (n.kind.startsWith("channelConflict.") && tConflicts.has(`notifications.${key}`))
      return tConflicts(`notifications.${key}`, {
        number: p.number ?? "",
        kind: p.kind && tConflicts.has(`kinds.${p.kind}`) ? tConflicts(`kinds.${p.kind}`) : (p.kind ?? ""),
        distributor: p.distributorName ?? "—",
      });
    // Complaint kinds keep their sentences in the complaints catalogue.
    if (tc.has(key)) return tc(key, values);
    return t.has(`kinds.${key}`) ? t(`kinds.${key}`, values) : n.kind;
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("unread", { count: unread })}
        actions={
          unread ? (
            <ActionForm action={markAllReadAction} aria-label={t("markAll")}>
              <SubmitButton variant="secondary">{t("markAll")}</SubmitButton>
            </ActionForm>
          ) : null
        }
      />
      <Card>
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("title")} data-testid="notification-list">
            {rows.map((n) => (
              <li
                key={n.id}
                className={`flex flex-wrap items-start gap-3 px-4 py-3 ${n.readAt ? "" : "bg-indigo-50/60"}`}
              >
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    {n.readAt ? null : <Badge tone="info">{t("new")}</Badge>}
                    <Link
                      href={channelHref(n) ?? href(n)}
                      prefetch={false}
                      className="inline-flex min-h-11 items-center break-words text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
                    >
                      {sentence(n)}
                    </Link>
                  </p>
                  {n.payload.comment ? (
                    <p className="break-words text-sm text-slate-700">
                      {t("comment", { comment: n.payload.comment })}
                    </p>
                  ) : null}
                  <p className="text-xs tabular-nums text-slate-600">
                    {format.dateTime(n.createdAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: TIME_ZONE,
                    })}
                  </p>
                </div>
                {n.readAt ? null : (
                  <ActionForm action={markReadAction} aria-label={t("markRead")}>
                    <input type="hidden" name="id" value={n.id} />
                    <SubmitButton variant="ghost" size="sm">
                      {t("markRead")}
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
