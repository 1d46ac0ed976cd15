import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { moneyText } from "@/components/channel-agreements/bits";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listProducts } from "@/lib/data/channel-agreements/products";
import { hasCapability } from "@/lib/domain/access";
import { fenToYuanInput } from "@/lib/domain/money";
import { productActiveAction, saveProductAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelAgreements");
  return { title: t("products.title") };
}

type P = { code: string; name: string; nameEn: string; unit: string; listPrice: bigint };

async function ProductFields({ p }: { p?: P }) {
  const t = await getTranslations("channelAgreements");
  return (
    <div className="grid gap-3 sm:grid-cols-5">
      <TextField name="code" label={t("products.code")} defaultValue={p?.code} maxLength={40} required />
      <TextField name="name" label={t("products.name")} defaultValue={p?.name} maxLength={100} required />
      <TextField
        name="nameEn"
        label={t("products.nameEn")}
        defaultValue={p?.nameEn}
        maxLength={100}
        required
      />
      <TextField name="unit" label={t("products.unit")} defaultValue={p?.unit} maxLength={10} required />
      <TextField
        name="listPrice"
        label={t("fields.listPrice")}
        inputMode="decimal"
        defaultValue={p ? fenToYuanInput(p.listPrice) : ""}
        required
      />
    </div>
  );
}

/** 渠道产品与价目表 (administrators): create, edit and deactivate products and their list prices. */
export default async function ChannelProductsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.channels")) notFound();
  const [products, t, locale] = await Promise.all([
    listProducts(viewer),
    getTranslations("channelAgreements"),
    getLocale(),
  ]);
  const money = moneyText(locale);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title={t("products.title")} description={t("products.subtitle")} />
      <Card>
        <CardHeader title={t("products.new")} />
        <ActionForm action={saveProductAction} aria-label={t("products.new")} className="p-4" resetOnSuccess>
          <ProductFields />
          <SubmitButton>{t("products.create")}</SubmitButton>
        </ActionForm>
      </Card>
      {products.map((p) => (
        <Card key={p.id}>
          <details>
            <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-2 px-4 py-3 text-sm">
              <strong>{p.code}</strong> {locale === "zh-CN" ? p.name : p.nameEn} · {money(p.listPrice)} /{" "}
              {p.unit}
              {p.active ? null : <Badge tone="neutral">{t("products.inactive")}</Badge>}
            </summary>
            <div className="space-y-3 p-4">
              <ActionForm action={saveProductAction} aria-label={t("products.edit")}>
                <RecordRef id={p.id} version={p.version} />
                <ProductFields p={p} />
                <SubmitButton>{t("products.save")}</SubmitButton>
              </ActionForm>
              <ActionForm
                action={productActiveAction}
                aria-label={t(p.active ? "products.deactivate" : "products.activate")}
              >
                <RecordRef id={p.id} version={p.version} />
                <input type="hidden" name="active" value={p.active ? "false" : "true"} />
                <SubmitButton variant="secondary" size="sm">
                  {t(p.active ? "products.deactivate" : "products.activate")}
                </SubmitButton>
              </ActionForm>
            </div>
          </details>
        </Card>
      ))}
    </div>
  );
}
