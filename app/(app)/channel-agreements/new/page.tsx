import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TermsForm } from "@/components/channel-agreements/terms-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { agreementFormOptions, distributorsForNewAgreement } from "@/lib/data/channel-agreements/detail";
import { chinaDate } from "@/lib/domain/calendar";
import { evenQuarters, type AgreementTerms } from "@/lib/domain/channel-agreements";
import { hasCapability } from "@/lib/domain/access";
import { isAppError } from "@/lib/errors";
import { queryId } from "@/lib/validation/primitives";
import { createAgreementAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelAgreements");
  return { title: t("newTitle") };
}

/** 新建渠道协议: choose the distributor (a plain GET form), then fill the full terms of version 1. */
export default async function NewAgreementPage({
  searchParams,
}: {
  searchParams: Promise<{ distributor?: string }>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.write")) notFound();
  const distributorId = queryId.parse((await searchParams).distributor);
  const [t, distributors] = await Promise.all([
    getTranslations("channelAgreements"),
    distributorsForNewAgreement(viewer),
  ]);
  let options = null;
  if (distributorId) {
    try {
      options = await agreementFormOptions(viewer, distributorId);
    } catch (e) {
      if (!isAppError(e)) throw e;
      notFound();
    }
  }
  const year = Number(chinaDate(new Date()).slice(0, 4));
  const initial: AgreementTerms = {
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    territoryId: options?.distributor.territory.id ?? null,
    annualTarget: 0n,
    quarterlyTargets: evenQuarters(0n),
    rebateRules: { period: "QUARTER", bands: [] },
    discountBp: 0,
    marketSupportFund: 0n,
    deposit: 0n,
    paymentTermDays: 30,
    creditLimit: options?.distributor.creditLimit ?? 0n,
    products: [],
  };
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={t("newTitle")} description={t("newSubtitle")} />
      <Card className="p-4">
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("chooseDistributor")}>
          <label className="min-w-0 flex-1 text-sm">
            <span className="mb-1 block font-medium text-slate-800">{t("fields.distributor")}</span>
            <Select name="distributor" defaultValue={distributorId ?? ""} required>
              <option value="">{t("chooseDistributor")}</option>
              {distributors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.code} {d.name}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("loadDistributor")}
          </button>
        </form>
      </Card>
      {options ? (
        <>
          <p className="text-sm text-slate-700">
            {t("fields.distributor")}: <strong>{options.distributor.name}</strong> ({options.distributor.code}
            )
          </p>
          <TermsForm
            action={createAgreementAction}
            initial={initial}
            products={options.products}
            territories={options.territories}
            hidden={{ distributorId: options.distributor.id }}
            submitLabel={t("createDraft")}
          />
        </>
      ) : null}
    </div>
  );
}
