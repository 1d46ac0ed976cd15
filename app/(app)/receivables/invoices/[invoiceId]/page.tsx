import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { STATE_TONE, ageText, ageTone, fenText } from "@/components/receivables/format";
import { ReceivablesNav } from "@/components/receivables/receivables-nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { getInvoice } from "@/lib/data/receivables/invoices";
import { ageingDay } from "@/lib/data/receivables/shared";
import { daysPastDue } from "@/lib/domain/receivables";
import { isAppError } from "@/lib/errors";
import { voidInvoiceAction } from "../../actions";

type Params = Promise<{ invoiceId: string }>;

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    return await getInvoice(viewer, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const inv = await load((await params).invoiceId);
  return { title: inv.invoiceNo };
}

/** One invoice: amounts, due date and age, and the payments allocated to it. */
export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ paid?: string }>;
}) {
  const inv = await load((await params).invoiceId);
  const { paid } = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("receivables"), getLocale()]);
  const money = fenText(locale);
  const dpd = daysPastDue(inv.dueOn, ageingDay());
  const isOpen = inv.status === "OPEN";
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-sm tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title={inv.invoiceNo}
        description={inv.distributorName}
        actions={
          inv.canEdit && isOpen ? (
            <Link
              href={`/receivables/payments/new?distributor=${encodeURIComponent(inv.distributorId)}&invoice=${encodeURIComponent(inv.id)}`}
              className={buttonClass("primary", "sm")}
            >
              {t("detail.recordPayment")}
            </Link>
          ) : null
        }
      />
      <ReceivablesNav current="invoices" />
      {typeof paid === "string" && /^HK-\d{4}-\d{6}$/.test(paid) ? (
        <Alert tone="success">{t("payment.recorded", { number: paid })}</Alert>
      ) : null}
      <Card>
        <dl className="grid grid-cols-2 gap-4 p-4 sm:grid-cols-4">
          {row(t("fields.status"), <Badge tone={STATE_TONE[inv.state]}>{t(`state.${inv.state}`)}</Badge>)}
          {row(t("fields.amount"), money(inv.amount))}
          {row(t("fields.paid"), money(inv.paidAmount))}
          {row(t("fields.open"), <span className="font-semibold">{money(inv.open)}</span>, "invoice-open")}
          {row(t("fields.issuedOn"), inv.issuedOn)}
          {row(t("fields.dueOn"), inv.dueOn)}
          {row(t("fields.age"), isOpen ? <Badge tone={ageTone(dpd, true)}>{ageText(t, dpd)}</Badge> : "—")}
          {row(
            t("fields.distributor"),
            <Link
              href={`/receivables/invoices?distributor=${encodeURIComponent(inv.distributorId)}`}
              className="text-indigo-800 hover:underline"
            >
              {inv.distributorCode} {inv.distributorName}
            </Link>,
          )}
          {inv.note ? (
            <div className="col-span-2 sm:col-span-4">{row(t("fields.note"), inv.note)}</div>
          ) : null}
        </dl>
      </Card>

      <Card className="overflow-hidden">
        <CardHeader title={t("detail.allocations")} />
        {inv.allocations.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-600">{t("detail.noAllocations")}</p>
        ) : (
          <Table caption={t("detail.allocations")}>
            <thead>
              <tr>
                <Th>{t("detail.payment")}</Th>
                <Th>{t("detail.receivedOn")}</Th>
                <Th>{t("detail.method")}</Th>
                <Th className="text-right">{t("detail.allocated")}</Th>
              </tr>
            </thead>
            <tbody>
              {inv.allocations.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap tabular-nums">{a.payment.paymentNo}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{a.payment.receivedOn}</Td>
                  <Td>{a.payment.method ?? "—"}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{money(a.amount)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      {inv.canVoid ? (
        <Disclosure summary={t("detail.voidTitle")} tone="danger">
          <ActionForm action={voidInvoiceAction} aria-label={t("detail.voidTitle")} className="max-w-xl p-4">
            <RecordRef id={inv.id} version={inv.version} />
            <p className="text-sm text-slate-600">{t("detail.voidHint")}</p>
            <TextAreaField name="reason" label={t("detail.voidReason")} rows={2} required />
            <SubmitButton variant="danger">{t("detail.voidSubmit")}</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
    </div>
  );
}
