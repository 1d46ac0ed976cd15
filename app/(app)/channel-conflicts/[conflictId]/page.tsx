import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { STATUS_TONE, ageText, money, type Translate } from "@/components/channel-conflicts/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { getConflict, type ConflictDetail } from "@/lib/data/channel-conflicts/detail";
import { isAppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/config";
import { ConflictActions } from "../_components/conflict-actions";
import { EvidenceTable } from "../_components/evidence-table";

type Params = Promise<{ conflictId: string }>;

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    return await getConflict(viewer, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const c = await load((await params).conflictId);
  return { title: c.number };
}

/** One conflict case: its parties, the evidence lines, cause and outcome, the timeline, and the next steps. */
export default async function ConflictPage({ params }: { params: Params }) {
  const c = await load((await params).conflictId);
  const now = new Date();
  const [t, format, locale] = await Promise.all([
    getTranslations("channelConflicts"),
    getFormatter(),
    getLocale(),
  ]);
  const tt = t as unknown as Translate;
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const named = (v: { name: string; nameEn: string } | null) =>
    v ? (locale === "zh-CN" ? v.name : v.nameEn) : "—";
  const party = (d: ConflictDetail["distributor"]) =>
    d ? (
      <Link className="text-indigo-800 hover:underline" href={`/distributors/${encodeURIComponent(d.id)}`}>
        {d.code} {d.name}
      </Link>
    ) : (
      "—"
    );
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-sm text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  const text = (label: string, value: string | null, testId: string) =>
    value ? (
      <div>
        <h3 className="text-xs font-medium text-slate-600">{label}</h3>
        <p className="whitespace-pre-wrap break-words text-sm text-slate-900" data-testid={testId}>
          {value}
        </p>
      </div>
    ) : null;
  const age = ageText(tt, c, now);
  const eventText = (e: ConflictDetail["events"][number]) =>
    t.has(`detail.events.${e.kind}`)
      ? t(`detail.events.${e.kind}`, { to: e.toStatus ? t(`status.${e.toStatus}`) : "" })
      : e.kind;

  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <span className="break-words">
            <span className="tabular-nums text-slate-600">{c.number}</span> {t(`kinds.${c.kind}`)}
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[c.status]}>
              <span data-testid="conflict-status">{t(`status.${c.status}`)}</span>
            </Badge>
            <Badge tone={age.tone}>{age.text}</Badge>
            <span>{t(c.detectedAutomatically ? "fields.automatic" : "fields.manual")}</span>
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card>
            <CardHeader title={t("detail.parties")} />
            <dl className="grid gap-3 p-4 sm:grid-cols-2">
              {row(t("fields.distributor"), party(c.distributor), "conflict-offending")}
              {row(t("fields.affected"), party(c.affected), "conflict-affected")}
              {c.account
                ? row(
                    t("fields.account"),
                    <Link
                      className="text-indigo-800 hover:underline"
                      href={`/accounts/${encodeURIComponent(c.account.id)}`}
                    >
                      {c.account.name}
                    </Link>,
                  )
                : null}
              {c.territory ? row(t("fields.territory"), named(c.territory)) : null}
              {c.product ? row(t("fields.product"), `${c.product.code} ${named(c.product)}`) : null}
              {row(t("fields.owner"), c.people.get(c.ownerId) ?? "—")}
              {row(t("fields.openedAt"), when(c.createdAt))}
              {c.evidenceCount ? row(t("fields.evidenceAmount"), money(locale, c.evidenceAmount)) : null}
            </dl>
            <div className="space-y-3 border-t border-slate-200 p-4">
              {text(t("fields.summary"), c.summary, "conflict-summary")}
              {text(t("fields.causeAnalysis"), c.causeAnalysis, "conflict-cause")}
            </div>
          </Card>
          {c.status === "RESOLVED" && c.outcome ? (
            <Card>
              <CardHeader title={t("fields.outcome")} />
              <dl className="grid gap-3 p-4 sm:grid-cols-2">
                {row(t("fields.outcome"), t(`outcomes.${c.outcome}`), "conflict-outcome")}
                {c.outcomeAmount !== null
                  ? row(t("fields.outcomeAmount"), money(locale, c.outcomeAmount))
                  : null}
                {c.resolvedAt ? row(t("fields.resolvedAt"), when(c.resolvedAt)) : null}
                {c.resolvedById ? row(t("fields.resolvedBy"), c.people.get(c.resolvedById) ?? "—") : null}
              </dl>
              <div className="space-y-3 border-t border-slate-200 p-4">
                {text(t("fields.outcomeNote"), c.outcomeNote, "conflict-outcome-note")}
                {c.outcome === "TERRITORY_CHANGE" && c.distributor ? (
                  <Link
                    className="text-sm text-indigo-800 hover:underline"
                    href={`/distributors/${encodeURIComponent(c.distributor.id)}#coverage`}
                  >
                    {t("detail.coverage")}
                  </Link>
                ) : null}
                {text(t("fields.preventionNote"), c.preventionNote, "conflict-prevention")}
              </div>
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("detail.evidence")} />
            {c.evidence.length ? (
              <EvidenceTable
                lines={c.evidence}
                labels={{
                  caption: t("detail.evidence"),
                  date: t("detail.date"),
                  customer: t("detail.customer"),
                  region: t("detail.region"),
                  product: t("detail.product"),
                  quantity: t("detail.quantity"),
                  price: t("detail.price"),
                  amount: t("detail.amount"),
                }}
                name={named}
                day={day}
                money={(fen) => money(locale, fen)}
              />
            ) : (
              <p className="p-4 text-sm text-slate-600">{t("detail.noEvidence")}</p>
            )}
          </Card>
          <Card>
            <CardHeader title={t("detail.timeline")} />
            <ol className="divide-y divide-slate-200" data-testid="conflict-timeline">
              {c.events.map((e) => (
                <li key={e.id} className="px-4 py-3">
                  <p className="text-sm text-slate-900">
                    <span className="font-medium">
                      {e.actorId ? (c.people.get(e.actorId) ?? "—") : t("detail.system")}
                    </span>
                    {" · "}
                    {eventText(e)}
                  </p>
                  {e.note ? (
                    <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{e.note}</p>
                  ) : null}
                  <p className="text-xs tabular-nums text-slate-600">{when(e.createdAt)}</p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          <ConflictActions
            c={{
              id: c.id,
              version: c.version,
              status: c.status,
              causeAnalysis: c.causeAnalysis,
            }}
            actions={c.actions}
            canNote={c.rights.write}
          />
        </div>
      </div>
    </div>
  );
}
