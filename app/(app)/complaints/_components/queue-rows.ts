import "server-only";
import type { ComplaintQueueRow } from "@/lib/data/complaints/queue";
import { TIME_ZONE } from "@/lib/i18n/config";
import type { ComplaintTableRow } from "@/components/complaints/complaint-table";
import { SEVERITY_TONE, STATUS_TONE, currentClock, type Translate } from "@/components/complaints/sla-text";

type Format = Awaited<ReturnType<typeof import("next-intl/server").getFormatter>>;

/** Queue rows shaped for the table on the server: labels in the viewer's language, clocks at `now`. */
export function tableRows(
  rows: ComplaintQueueRow[],
  t: Translate,
  format: Format,
  locale: string,
  now: Date,
): ComplaintTableRow[] {
  return rows.map((r) => {
    const team = r.handlerTeam
      ? locale === "zh-CN"
        ? (r.handlerTeam.nameZh ?? r.handlerTeam.name)
        : r.handlerTeam.name
      : null;
    const closed = r.status === "CLOSED";
    const flags = [
      ...(r.escalatedAt ? [t("sla.escalated")] : []),
      ...(r.reopenCount ? [t("sla.reopened")] : []),
    ];
    const sla = currentClock(t, r, now);
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      account: r.account.name,
      status: { text: t(`status.${r.status}`), tone: STATUS_TONE[r.status] ?? "neutral" },
      severity: { text: t(`severity.${r.severity}`), tone: SEVERITY_TONE[r.severity] ?? "neutral" },
      category: t(`category.${r.category}`),
      owner: r.owner.name,
      handler: r.handler?.name ?? team ?? t("fields.noHandler"),
      received: format.dateTime(r.receivedAt, {
        dateStyle: "short",
        timeStyle: "short",
        timeZone: TIME_ZONE,
      }),
      sla:
        closed && !r.ackBreachedAt && !r.resolveBreachedAt
          ? { ...sla, text: t("sla.met"), tone: "good" }
          : sla,
      flags,
    };
  });
}
