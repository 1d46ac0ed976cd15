import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { ReceivablesNav } from "@/components/receivables/receivables-nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { receivableDistributorOptions } from "@/lib/data/receivables/invoices";
import { ageingDay } from "@/lib/data/receivables/shared";
import { hasCapability } from "@/lib/domain/access";
import { queryId } from "@/lib/validation/primitives";
import { createInvoiceAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receivables");
  return { title: t("newInvoice.title") };
}

/** 新建应收单: for a distributor in the channel manager's scope. */
export default async function NewInvoicePage({
  searchParams,
}: {
  searchParams: Promise<{ distributor?: string }>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.write")) notFound();
  const preset = queryId.parse((await searchParams).distributor);
  const [t, distributors] = await Promise.all([
    getTranslations("receivables"),
    receivableDistributorOptions(viewer, { edit: true }),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("newInvoice.title")} description={t("newInvoice.subtitle")} />
      <ReceivablesNav current="invoices" />
      <Card className="max-w-2xl p-4">
        <ActionForm action={createInvoiceAction} aria-label={t("newInvoice.title")}>
          <SelectField
            name="distributorId"
            label={t("fields.distributor")}
            placeholder={t("newInvoice.choose")}
            defaultValue={preset && distributors.some((d) => d.id === preset) ? preset : ""}
            options={distributors.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))}
            className="w-full"
            required
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="issuedOn"
              type="date"
              label={t("fields.issuedOn")}
              defaultValue={ageingDay()}
              required
            />
            <TextField name="dueOn" type="date" label={t("fields.dueOn")} hint={t("newInvoice.dueHint")} />
          </div>
          <TextField name="amount" label={t("fields.amount")} inputMode="decimal" required />
          <TextAreaField name="note" label={t("fields.note")} rows={2} />
          <SubmitButton>{t("newInvoice.submit")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
