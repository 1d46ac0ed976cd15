import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { fenText } from "@/components/receivables/format";
import { ReceivablesNav } from "@/components/receivables/receivables-nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listCreditRequests } from "@/lib/data/receivables/credit";
import { receivableDistributorOptions } from "@/lib/data/receivables/invoices";
import { hasCapability } from "@/lib/domain/access";
import { TIME_ZONE } from "@/lib/i18n/config";
import { creditListQuerySchema } from "@/lib/validation/receivables";
import { decideCreditAction, requestCreditAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receivables");
  return { title: t("credit.title") };
}

const TONE = { PENDING: "warn", APPROVED: "good", REJECTED: "bad", WITHDRAWN: "neutral" } as const;
const STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;

/** 授信额度: channel managers ask, managers decide; the list is the history of every decision. */
export default async function CreditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const query = creditListQuerySchema.parse(raw);
  const decided = raw.decided === "APPROVED" || raw.decided === "REJECTED" ? raw.decided : null;
  const canRequest = hasCapability(viewer, "channel.write");
  const [rows, distributors, t, locale, format] = await Promise.all([
    listCreditRequests(viewer, { status: query.status, distributorId: query.distributor }),
    canRequest ? receivableDistributorOptions(viewer, { edit: true }) : Promise.resolve([]),
    getTranslations("receivables"),
    getLocale(),
    getFormatter(),
  ]);
  const money = fenText(locale);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: TIME_ZONE });
  const filterHref = (status?: string) => `/receivables/credit${status ? `?status=${status}` : ""}`;

  return (
    <div className="space-y-4">
      <PageHeader title={t("credit.title")} description={t("credit.subtitle")} />
      <ReceivablesNav current="credit" />
      {decided ? (
        <Alert tone="success">{t(decided === "APPROVED" ? "credit.approved" : "credit.rejected")}</Alert>
      ) : null}
      {canRequest ? (
        <Card className="max-w-2xl">
          <CardHeader title={t("credit.requestTitle")} />
          <ActionForm
            action={requestCreditAction}
            aria-label={t("credit.requestTitle")}
            className="p-4"
            resetOnSuccess
          >
            <SelectField
              name="distributorId"
              label={t("fields.distributor")}
              placeholder={t("newInvoice.choose")}
              defaultValue={query.distributor ?? ""}
              options={distributors.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))}
              className="w-full"
              required
            />
            <TextField
              name="requestedLimit"
              label={t("credit.requestedLimit")}
              inputMode="decimal"
              required
            />
            <TextAreaField name="reason" label={t("credit.reason")} rows={2} required />
            <SubmitButton>{t("credit.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("credit.listTitle")} />
        <nav aria-label={t("fields.status")} className="flex flex-wrap gap-1 border-b border-slate-200 px-2">
          {[undefined, ...STATUSES].map((s) => (
            <Link
              key={s ?? "any"}
              href={filterHref(s)}
              aria-current={query.status === s ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center border-b-2 px-3 text-sm",
                query.status === s
                  ? "border-indigo-600 font-medium text-indigo-800"
                  : "border-transparent text-slate-700",
              )}
            >
              {s ? t(`credit.status.${s}`) : t("credit.statusAny")}
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-600">{t("credit.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="credit-requests">
            {rows.map((r) => (
              <li key={r.id} className="space-y-2 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={TONE[r.status]}>{t(`credit.status.${r.status}`)}</Badge>
                  <Link
                    href={`/receivables/invoices?distributor=${encodeURIComponent(r.distributorId)}`}
                    className="min-w-0 break-words font-medium text-indigo-800 hover:underline"
                  >
                    {r.distributorCode} {r.distributorName}
                  </Link>
                </div>
                <p className="tabular-nums text-slate-800">
                  {t("credit.current")} {money(r.currentLimit)} → {t("credit.to")}{" "}
                  <span className="font-semibold">{money(r.requestedLimit)}</span>
                </p>
                <p className="break-words text-slate-700">{r.reason}</p>
                <p className="text-xs text-slate-600">
                  {t("credit.requestedBy")} {r.requestedBy} · {when(r.createdAt)}
                  {r.decider && r.decidedAt
                    ? ` · ${t("credit.decider")} ${r.decider} · ${when(r.decidedAt)}`
                    : ""}
                </p>
                {r.decisionNote ? (
                  <p className="break-words text-slate-700">
                    {t("credit.decisionNote")}: {r.decisionNote}
                  </p>
                ) : null}
                {r.canDecide ? (
                  <ActionForm
                    action={decideCreditAction}
                    aria-label={`${t("credit.approve")} / ${t("credit.reject")}`}
                  >
                    <RecordRef id={r.id} version={r.version} />
                    <TextField name="note" label={t("credit.decisionNote")} hint={t("credit.noteHint")} />
                    <div className="flex flex-wrap gap-2">
                      <SubmitButton name="decision" value="approve">
                        {t("credit.approve")}
                      </SubmitButton>
                      <SubmitButton name="decision" value="reject" variant="secondary">
                        {t("credit.reject")}
                      </SubmitButton>
                    </div>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
