import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { SEVERITY_TONE, STATUS_TONE, clockText, type Translate } from "@/components/complaints/sla-text";
import { requireViewer } from "@/lib/auth/viewer";
import { getComplaint, handOverOptions } from "@/lib/data/complaints/detail";
import { slaClocks } from "@/lib/domain/complaints";
import { TIME_ZONE } from "@/lib/i18n/config";
import { isAppError } from "@/lib/errors";
import { notFound } from "next/navigation";
import { ComplaintActions } from "../_components/complaint-actions";
import { Timeline } from "../_components/timeline";

type Params = Promise<{ complaintId: string }>;

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    return { viewer, c: await getComplaint(viewer, id) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { c } = await load((await params).complaintId);
  return { title: `${c.number} ${c.title}` };
}

/** One complaint: what the customer said, who answers for it, its clocks, its timeline and its next steps. */
export default async function ComplaintPage({ params }: { params: Params }) {
  const { c } = await load((await params).complaintId);
  const now = new Date();
  const [t, format, locale, options] = await Promise.all([
    getTranslations("complaints"),
    getFormatter(),
    getLocale(),
    handOverOptions(),
  ]);
  const tt = t as unknown as Translate;
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }) : "—";
  const teamName = (id: string | null) => {
    const team = id ? c.teams.get(id) : undefined;
    return team ? (locale === "zh-CN" ? (team.nameZh ?? team.name) : team.name) : null;
  };
  const clocks = slaClocks(c, now);
  const closed = c.status === "CLOSED";
  const row = (label: string, value: React.ReactNode) => (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-sm text-slate-900">{value}</dd>
    </div>
  );
  const clockBlock = (label: string, which: "ack" | "resolve", breachedAt: Date | null) => {
    const text = clockText(tt, clocks[which]);
    return (
      <div className="rounded border border-slate-200 p-3" data-testid={`sla-${which}`}>
        <p className="text-xs font-medium text-slate-600">{label}</p>
        <p className="text-sm tabular-nums text-slate-900">{when(clocks[which].dueAt)}</p>
        <p className="mt-1">
          <Badge tone={closed && text.tone !== "bad" ? "good" : text.tone}>
            {closed && text.tone !== "bad" ? t("sla.met") : text.text}
          </Badge>
          {breachedAt ? <span className="ml-2 text-xs text-red-800">{when(breachedAt)}</span> : null}
        </p>
      </div>
    );
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <span className="break-words">
            <span className="tabular-nums text-slate-600">{c.number}</span> {c.title}
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
            <Badge tone={SEVERITY_TONE[c.severity]}>{t(`severity.${c.severity}`)}</Badge>
            <span>{t(`category.${c.category}`)}</span>
            {c.reopenCount ? (
              <Badge tone="warn">{t("fields.reopenCount", { count: c.reopenCount })}</Badge>
            ) : null}
            {c.escalatedAt ? <Badge tone="bad">{t("sla.escalated")}</Badge> : null}
          </span>
        }
      />
      {c.deletedAt ? <Alert tone="error">{t("manage.deleted")}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card>
            <CardHeader title={t("details")} />
            <dl className="grid gap-3 p-4 sm:grid-cols-2">
              {row(
                t("fields.account"),
                <Link
                  className="text-indigo-800 underline-offset-2 hover:underline"
                  href={`/accounts/${encodeURIComponent(c.account.id)}`}
                >
                  {c.account.name}
                </Link>,
              )}
              {row(t("fields.channel"), t(`channel.${c.channel}`))}
              {row(t("fields.owner"), <span data-testid="complaint-owner">{c.owner.name}</span>)}
              {row(
                t("fields.handler"),
                <span data-testid="complaint-handler">
                  {c.handler?.name ?? teamName(c.handlerTeamId) ?? t("fields.noHandler")}
                </span>,
              )}
              {c.handler && c.handlerTeamId
                ? row(t("fields.handlerTeam"), teamName(c.handlerTeamId) ?? "—")
                : null}
              {row(t("fields.receivedAt"), when(c.receivedAt))}
              {c.contacts.length ? row(t("fields.contacts"), c.contacts.map((x) => x.name).join("、")) : null}
              {c.deal
                ? row(
                    t("fields.deal"),
                    <Link
                      className="text-indigo-800 hover:underline"
                      href={`/deals/${encodeURIComponent(c.deal.id)}`}
                    >
                      {c.deal.title}
                    </Link>,
                  )
                : null}
              {c.escalatedToId
                ? row(
                    t("fields.escalatedTo"),
                    `${c.names.get(c.escalatedToId) ?? "—"} · ${when(c.escalatedAt)}`,
                  )
                : null}
            </dl>
            <div className="space-y-3 border-t border-slate-200 p-4">
              <div>
                <h3 className="text-xs font-medium text-slate-600">{t("fields.customerWords")}</h3>
                <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-amber-300 pl-3 text-sm text-slate-900">
                  {c.customerWords}
                </blockquote>
              </div>
              {c.resolution ? (
                <div>
                  <h3 className="text-xs font-medium text-slate-600">{t("fields.resolution")}</h3>
                  <p className="whitespace-pre-wrap break-words text-sm">{c.resolution}</p>
                </div>
              ) : null}
              {c.rootCause ? (
                <div>
                  <h3 className="text-xs font-medium text-slate-600">{t("fields.rootCause")}</h3>
                  <p className="whitespace-pre-wrap break-words text-sm" data-testid="complaint-root-cause">
                    {c.rootCause}
                  </p>
                </div>
              ) : null}
              {c.correctiveAction ? (
                <div>
                  <h3 className="text-xs font-medium text-slate-600">{t("fields.correctiveAction")}</h3>
                  <p className="whitespace-pre-wrap break-words text-sm">{c.correctiveAction}</p>
                </div>
              ) : null}
            </div>
          </Card>
          <Card>
            <CardHeader title={t("timeline")} />
            <Timeline c={c} t={tt} when={when} teamName={teamName} />
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader title={t("fields.sla")} />
            <div className="grid gap-2 p-4">
              {clockBlock(t("sla.ack"), "ack", c.ackBreachedAt)}
              {clockBlock(t("sla.resolve"), "resolve", c.resolveBreachedAt)}
            </div>
          </Card>
          <ComplaintActions
            c={{ id: c.id, version: c.version, status: c.status, deleted: !!c.deletedAt }}
            rights={c.rights}
            people={options.people.map((p) => ({ value: p.id, label: p.name }))}
            teams={options.teams.map((x) => ({
              value: x.id,
              label: locale === "zh-CN" ? (x.nameZh ?? x.name) : x.name,
            }))}
          />
        </div>
      </div>
    </div>
  );
}
