import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "@/components/forms/action-form";
import { FieldErrors } from "@/components/receivables/field-errors";
import { ageText, fenText } from "@/components/receivables/format";
import { ReceivablesNav } from "@/components/receivables/receivables-nav";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { openInvoicesOf, receivableDistributorOptions } from "@/lib/data/receivables/invoices";
import { ageingDay } from "@/lib/data/receivables/shared";
import { hasCapability } from "@/lib/domain/access";
import { fenToYuanInput } from "@/lib/domain/money";
import { daysPastDue } from "@/lib/domain/receivables";
import { isAppError } from "@/lib/errors";
import { queryId } from "@/lib/validation/primitives";
import { recordPaymentAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receivables");
  return { title: t("payment.title") };
}

/**
 * 登记回款: choose the distributor (a plain GET form, so it works before JavaScript), then the
 * payment and how it is allocated — oldest due first, or the amounts typed beside the invoices.
 */
export default async function NewPaymentPage({
  searchParams,
}: {
  searchParams: Promise<{ distributor?: string; invoice?: string }>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.write")) notFound();
  const sp = await searchParams;
  const distributorId = queryId.parse(sp.distributor);
  const invoiceId = queryId.parse(sp.invoice);
  const [t, locale, distributors] = await Promise.all([
    getTranslations("receivables"),
    getLocale(),
    receivableDistributorOptions(viewer, { edit: true }),
  ]);
  let open: Awaited<ReturnType<typeof openInvoicesOf>> | null = null;
  if (distributorId && distributors.some((d) => d.id === distributorId)) {
    try {
      open = await openInvoicesOf(viewer, distributorId);
    } catch (e) {
      if (!(isAppError(e) && e.code === "NOT_FOUND")) throw e;
    }
  }
  const money = fenText(locale);
  const today = ageingDay();
  const chosen = open && invoiceId ? open.find((i) => i.id === invoiceId) : undefined;

  return (
    <div className="space-y-4">
      <PageHeader title={t("payment.title")} description={t("payment.subtitle")} />
      <ReceivablesNav current="newPayment" />
      <form method="get" action="/receivables/payments/new" className="flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 text-sm sm:max-w-md">
          <span className="mb-1 block font-medium text-slate-800">{t("payment.distributor")}</span>
          <Select name="distributor" defaultValue={open ? distributorId : ""} className="w-full">
            <option value="">{t("payment.choose")}</option>
            {distributors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.code} {d.name}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("payment.show")}
        </button>
      </form>

      {open && distributorId ? (
        <Card className="max-w-3xl">
          <CardHeader title={t("payment.openInvoices")} />
          {open.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-600">{t("payment.noOpen")}</p>
          ) : (
            <ActionForm action={recordPaymentAction} aria-label={t("payment.title")} className="p-4">
              <input type="hidden" name="distributorId" value={distributorId} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  name="receivedOn"
                  type="date"
                  label={t("payment.receivedOn")}
                  defaultValue={today}
                  required
                />
                <TextField
                  name="amount"
                  label={t("payment.amount")}
                  inputMode="decimal"
                  defaultValue={chosen ? fenToYuanInput(chosen.open) : undefined}
                  required
                />
                <TextField name="method" label={t("payment.method")} hint={t("payment.methodHint")} />
              </div>
              <fieldset className="space-y-2">
                <legend className="mb-1 text-sm font-medium text-slate-800">{t("payment.mode")}</legend>
                {(["oldest", "explicit"] as const).map((mode) => (
                  <label key={mode} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
                    <input
                      type="radio"
                      name="mode"
                      value={mode}
                      defaultChecked={(mode === "explicit") === Boolean(chosen)}
                      className="size-4"
                    />
                    {mode === "oldest" ? t("payment.modeOldest") : t("payment.modeExplicit")}
                  </label>
                ))}
              </fieldset>
              <ul className="divide-y divide-slate-200 rounded border border-slate-200">
                {open.map((inv) => (
                  <li
                    key={inv.id}
                    className="grid gap-2 px-3 py-2 text-sm sm:grid-cols-[1fr_auto] sm:items-center"
                  >
                    <div className="min-w-0">
                      <Link
                        href={`/receivables/invoices/${encodeURIComponent(inv.id)}`}
                        className="font-medium tabular-nums text-indigo-800 hover:underline"
                      >
                        {inv.invoiceNo}
                      </Link>
                      <span className="block text-xs tabular-nums text-slate-600">
                        {inv.dueOn} · {ageText(t, daysPastDue(inv.dueOn, today))} · {t("fields.open")}{" "}
                        {money(inv.open)}
                      </span>
                    </div>
                    <input type="hidden" name="invoiceId" value={inv.id} />
                    <input type="hidden" name="invoiceVersion" value={inv.version} />
                    <input
                      name="allocation"
                      inputMode="decimal"
                      aria-label={t("payment.allocateLabel", { invoice: inv.invoiceNo })}
                      defaultValue={chosen?.id === inv.id ? fenToYuanInput(inv.open) : ""}
                      className="min-h-11 w-full rounded border border-slate-300 px-3 text-right tabular-nums sm:min-h-9 sm:w-40"
                    />
                  </li>
                ))}
              </ul>
              <FieldErrors name="allocation" />
              <TextAreaField name="note" label={t("payment.note")} rows={2} />
              <SubmitButton>{t("payment.submit")}</SubmitButton>
            </ActionForm>
          )}
        </Card>
      ) : null}
    </div>
  );
}
