import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/data/audit";
import { TIME_ZONE } from "@/lib/i18n/config";
import { AuditActionLabel } from "@/components/audit/audit-action-label";
import { Card } from "@/components/ui/card";
import { Section } from "./section";

type Json = Record<string, unknown> | null;
const obj = (v: unknown): Json =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** 动态: the account's history from the audit trail, with its contacts' changes, newest first. */
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
  const [t, ta, td, tg, format] = await Promise.all([
    getTranslations("accountPage"),
    getTranslations("account"),
    getTranslations("deal.timeline"),
    getTranslations("gate"),
    getFormatter(),
  ]);
  const one = (n: unknown) =>
    typeof n === "number" ? format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : "—";

  const stage = (v: unknown) => {
    const s = str(v);
    return s ? tg(`stages.${s}`) : "—";
  };
  const calendarDay = (v: unknown) => {
    const s = str(v);
    return s ? format.dateTime(new Date(s), { dateStyle: "medium", timeZone: "UTC" }) : "—";
  };
  const fenAsYuan = (v: unknown) =>
    format.number(Number(v ?? 0) / 100, { style: "currency", currency: "CNY", maximumFractionDigits: 0 });
  const withNote = (line: string, note: string | null) => (note ? `${line} — ${note}` : line);

  /** Deals (开发项目) and agreements (合作协议) on the account: stage moves, overrides, outcomes, terms. */
  function pipelineDetail(row: AuditRow, before: Json, after: Json): string | null {
    const title = str(after?.title) ?? str(before?.title) ?? "";
    switch (row.action) {
      case "deal.create":
        return td("created", { title, stage: stage(after?.stage) });
      case "deal.move":
      case "deal.moveBack":
        return withNote(
          td("moved", { title, from: stage(before?.stage), to: stage(after?.stage) }),
          str(after?.note),
        );
      case "deal.moveOverride": {
        const gate = after?.overriddenGate;
        const items = Array.isArray(gate)
          ? gate
              .map((g: unknown) => (typeof g === "string" ? tg(`items.${g.split(".")[1]}`) : ""))
              .filter(Boolean)
              .join(td("separator"))
          : "";
        const reason = str(after?.overrideReason) ?? "";
        return after?.status === "WON"
          ? td("wonOverride", { title, reason, items })
          : td("movedOverride", {
              title,
              from: stage(before?.stage),
              to: stage(after?.stage),
              reason,
              items,
            });
      }
      case "deal.won":
        return td("won", { title });
      case "deal.lost":
        return withNote(td("lost", { title, stage: stage(before?.stage) }), str(after?.note));
      case "deal.terminate":
        return td("terminated", { title, reason: str(after?.closeNote) ?? "" });
      case "deal.update":
        return td("updated", { title });
      case "deal.delete":
        return td("deleted", { title });
      case "deal.restore":
        return td("restored", { title });
      case "agreement.create":
      case "agreement.renew":
      case "agreement.update":
        return td(
          row.action === "agreement.create"
            ? "agreement"
            : row.action === "agreement.renew"
              ? "renewed"
              : "agreementChanged",
          {
            start: calendarDay(after?.startDate),
            end: calendarDay(after?.endDate),
            value: fenAsYuan(after?.contractValue),
          },
        );
      case "account.dealWon":
        return before?.lifecycle !== "CUSTOMER"
          ? td("becameCustomer", { stage: ta("lifecycle.CUSTOMER") })
          : td("volumeFromAgreement");
      default:
        return row.action.startsWith("deal.work.")
          ? td("work", { title, stage: stage(`${row.action.slice("deal.work.".length).toUpperCase()}`) })
          : null;
    }
  }

  /** The label of a pipeline row: this page names them itself (the audit log's labels are the core's). */
  const isPipeline = (row: AuditRow) =>
    row.entity === "Deal" || row.entity === "CooperationAgreement" || row.action === "account.dealWon";
  const pipelineLabel = (action: string) => {
    const key = action.replaceAll(".", "_");
    return td.has(`actions.${key}`) ? td(`actions.${key}`) : action;
  };

  /** A short line saying what changed, where the row makes that easy to tell. */
  function detail(row: AuditRow): string | null {
    const before = obj(row.before);
    const after = obj(row.after);
    if (isPipeline(row)) return pipelineDetail(row, before, after);
    if (row.entity === "Contact") {
      const name = str(after?.name) ?? str(before?.name);
      return name ? t("timeline.contact", { name }) : null;
    }
    switch (row.action) {
      case "account.lifecycle":
      case "account.lifecycleOverride": {
        const from = str(before?.lifecycle);
        const to = str(after?.lifecycle);
        if (!from || !to) return null;
        const line = t("timeline.stage", { from: ta(`lifecycle.${from}`), to: ta(`lifecycle.${to}`) });
        const reason = str(after?.reason);
        return reason ? `${line} — ${reason}` : line;
      }
      case "account.tierOverride": {
        const tier = str(after?.tier);
        const reason = str(after?.tierOverrideReason);
        if (!tier) return null;
        return reason
          ? t("timeline.tierManual", { tier: ta(`tiers.${tier}`), reason })
          : t("timeline.tierComputed", { tier: ta(`tiers.${tier}`) });
      }
      case "account.value":
        return t("timeline.score", { from: one(before?.compositeScore), to: one(after?.compositeScore) });
      default:
        return null;
    }
  }

  return (
    <Section id="activity" title={t("sections.activity")} description={t("timeline.description")} collapsible>
      <Card>
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("timeline.empty")}</p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {rows.map((row) => {
              const line = detail(row);
              return (
                <li key={row.id} className="flex gap-3 px-4 py-3 text-sm">
                  <span
                    aria-hidden="true"
                    className={
                      row.entity === "Contact"
                        ? "mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full bg-teal-600"
                        : isPipeline(row)
                          ? "mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full bg-amber-600"
                          : "mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full bg-indigo-600"
                    }
                  />
                  <div className="min-w-0 flex-1">
                    <p className="text-slate-900">
                      <span className="font-medium">
                        {isPipeline(row) ? (
                          pipelineLabel(row.action)
                        ) : (
                          <AuditActionLabel action={row.action} />
                        )}
                      </span>
                      <span className="text-slate-600">
                        {" · "}
                        {row.actor?.name ?? t("timeline.system")}
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
              {t("timeline.more")}
            </Link>
          </p>
        ) : null}
      </Card>
    </Section>
  );
}
