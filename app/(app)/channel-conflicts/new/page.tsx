import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { openConflictOptions } from "@/lib/data/channel-conflicts/detail";
import { hasCapability } from "@/lib/domain/access";
import { CONFLICT_KINDS } from "@/lib/domain/channel-conflicts";
import { queryId } from "@/lib/validation/primitives";
import { openConflictAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelConflicts");
  return { title: t("newCase.title") };
}

/**
 * 登记渠道冲突: a case for a conflict no sales report showed. The subject (territory, product or key
 * account, by kind) gives the case its open key, so later detections of the same conflict join it.
 */
export default async function NewConflictPage({
  searchParams,
}: {
  searchParams: Promise<{ distributorId?: string }>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.write")) notFound();
  const distributorId = queryId.parse((await searchParams).distributorId);
  const [o, t, locale] = await Promise.all([
    openConflictOptions(viewer),
    getTranslations("channelConflicts"),
    getLocale(),
  ]);
  const distributors = o.distributors.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }));
  const named = (v: { name: string; nameEn: string }) => (locale === "zh-CN" ? v.name : v.nameEn);

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("newCase.title")} description={t("newCase.hint")} />
      <Card className="p-4">
        <ActionForm action={openConflictAction} aria-label={t("newCase.title")}>
          <SelectField
            name="kind"
            label={t("fields.kind")}
            placeholder={t("newCase.choose")}
            options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            required
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              name="distributorId"
              label={t("fields.distributor")}
              placeholder={t("newCase.choose")}
              options={distributors}
              defaultValue={distributorId ?? ""}
              required
            />
            <SelectField
              name="affectedDistributorId"
              label={t("fields.affected")}
              placeholder={t("fields.none")}
              options={distributors}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              name="territoryId"
              label={t("fields.territory")}
              placeholder={t("fields.none")}
              options={o.territories.map((x) => ({ value: x.id, label: named(x) }))}
            />
            <SelectField
              name="productId"
              label={t("fields.product")}
              placeholder={t("fields.none")}
              options={o.products.map((x) => ({ value: x.id, label: `${x.code} ${named(x)}` }))}
            />
            <SelectField
              name="accountId"
              label={t("fields.account")}
              placeholder={t("fields.none")}
              options={o.accounts.map((x) => ({ value: x.id, label: x.name }))}
            />
          </div>
          <TextAreaField name="summary" label={t("fields.summary")} rows={4} maxLength={4000} required />
          <SubmitButton>{t("newCase.submit")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
