import { getLocale, getTranslations } from "next-intl/server";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card, CardHeader } from "@/components/ui/card";
import type { ActionState } from "@/lib/actions/types";
import type { AgreementTerms } from "@/lib/domain/channel-agreements";
import { fenToYuanInput } from "@/lib/domain/money";
import { moneyText } from "./bits";
import { EchoCheckbox, EchoInput, GroupError } from "./form-error";

type Product = { id: string; code: string; name: string; nameEn: string; unit: string; listPrice: bigint };
type Territory = { id: string; name: string; nameEn: string };
type FormAction = (
  s: ActionState<{ id: string; saved: string }>,
  f: FormData,
) => Promise<ActionState<{ id: string; saved: string }>>;

const BAND_ROWS = 5;
const pct = (bp: number) => String(bp / 100);

/**
 * The full terms of an agreement: period, territory, products with 最低限价, annual and quarterly
 * targets, the rebate bands (返点阶梯, blank rows ignored), discount, market support fund, 保证金,
 * payment days and credit limit. Used for a new draft and for a new version of existing terms.
 */
export async function TermsForm({
  action,
  initial,
  products,
  territories,
  hidden,
  agreementRef,
  submitLabel,
}: {
  action: FormAction;
  initial: AgreementTerms;
  products: Product[];
  territories: Territory[];
  hidden?: Record<string, string>;
  agreementRef?: { id: string; version: number };
  submitLabel: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("channelAgreements"), getLocale()]);
  const zh = locale === "zh-CN";
  const money = moneyText(locale);
  const floors = new Map(initial.products.map((p) => [p.productId, p.floorPrice]));
  const bands = initial.rebateRules.bands;
  return (
    <ActionForm action={action} aria-label={submitLabel}>
      {agreementRef ? <RecordRef id={agreementRef.id} version={agreementRef.version} /> : null}
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Card>
        <CardHeader title={t("form.period")} />
        <div className="grid gap-4 p-4 sm:grid-cols-3">
          <TextField
            name="startsOn"
            type="date"
            label={t("fields.startsOn")}
            defaultValue={initial.startsOn}
            required
          />
          <TextField
            name="endsOn"
            type="date"
            label={t("fields.endsOn")}
            defaultValue={initial.endsOn}
            required
          />
          <SelectField
            name="territoryId"
            label={t("fields.territory")}
            defaultValue={initial.territoryId ?? ""}
            placeholder={t("fields.none")}
            options={territories.map((x) => ({ value: x.id, label: zh ? x.name : x.nameEn }))}
          />
        </div>
      </Card>
      <Card>
        <CardHeader title={t("form.targets")} />
        <div className="grid gap-4 p-4 sm:grid-cols-5">
          <TextField
            name="annualTarget"
            label={t("fields.annualTarget")}
            inputMode="decimal"
            defaultValue={fenToYuanInput(initial.annualTarget)}
            required
            className="sm:col-span-5"
          />
          {[0, 1, 2, 3].map((i) => (
            <TextField
              key={i}
              name={`q${i + 1}`}
              label={t("fields.quarterTarget", { q: i + 1 })}
              inputMode="decimal"
              defaultValue={fenToYuanInput(initial.quarterlyTargets[i] ?? 0n)}
              required
            />
          ))}
        </div>
        <div className="px-4 pb-2">
          <GroupError name="quarterlyTargets" />
        </div>
      </Card>
      <Card>
        <CardHeader title={t("form.rebates")} />
        <div className="space-y-3 p-4">
          <p className="text-sm text-slate-600">{t("form.bandsHint")}</p>
          <SelectField
            name="rebatePeriod"
            label={t("fields.rebatePeriod")}
            defaultValue={initial.rebateRules.period}
            options={[
              { value: "QUARTER", label: t("period.QUARTER") },
              { value: "YEAR", label: t("period.YEAR") },
            ]}
          />
          <div className="grid grid-cols-2 gap-2 text-sm font-medium text-slate-800" aria-hidden>
            <span>{t("fields.bandFrom")}</span>
            <span>{t("fields.bandRate")}</span>
          </div>
          {Array.from({ length: BAND_ROWS }, (_, i) => (
            <div key={i} className="grid grid-cols-2 gap-2">
              <EchoInput
                name="bandFrom"
                index={i}
                initial={bands[i] ? pct(bands[i].fromBp) : ""}
                label={t("fields.bandFromRow", { n: i + 1 })}
              />
              <EchoInput
                name="bandRate"
                index={i}
                initial={bands[i] ? pct(bands[i].rateBp) : ""}
                label={t("fields.bandRateRow", { n: i + 1 })}
              />
            </div>
          ))}
          <GroupError name="rebateBands" />
        </div>
      </Card>
      <Card>
        <CardHeader title={t("form.products")} />
        <ul className="divide-y divide-slate-100 px-4">
          {products.map((p) => (
            <li key={p.id} className="grid items-center gap-2 py-2 sm:grid-cols-[1fr_12rem]">
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <EchoCheckbox
                  name={`product_${p.id}`}
                  initial={floors.has(p.id)}
                  label={zh ? p.name : p.nameEn}
                />
                <span>
                  {zh ? p.name : p.nameEn}{" "}
                  <span className="text-slate-600">
                    · {t("fields.listPrice")} {money(p.listPrice)} / {p.unit}
                  </span>
                </span>
              </label>
              <TextField
                name={`floor_${p.id}`}
                label={t("fields.floorPriceOf", { name: zh ? p.name : p.nameEn })}
                inputMode="decimal"
                defaultValue={floors.get(p.id) != null ? fenToYuanInput(floors.get(p.id)) : ""}
              />
            </li>
          ))}
        </ul>
        <div className="px-4 pb-2">
          <GroupError name="products" />
        </div>
      </Card>
      <Card>
        <CardHeader title={t("form.money")} />
        <div className="grid gap-4 p-4 sm:grid-cols-3">
          <TextField
            name="discount"
            label={t("fields.discount")}
            inputMode="decimal"
            defaultValue={pct(initial.discountBp)}
          />
          <TextField
            name="marketSupportFund"
            label={t("fields.marketSupportFund")}
            inputMode="decimal"
            defaultValue={fenToYuanInput(initial.marketSupportFund)}
            required
          />
          <TextField
            name="deposit"
            label={t("fields.deposit")}
            inputMode="decimal"
            defaultValue={fenToYuanInput(initial.deposit)}
            required
          />
          <TextField
            name="paymentTermDays"
            label={t("fields.paymentTermDays")}
            inputMode="numeric"
            defaultValue={String(initial.paymentTermDays)}
            required
          />
          <TextField
            name="creditLimit"
            label={t("fields.creditLimit")}
            inputMode="decimal"
            defaultValue={fenToYuanInput(initial.creditLimit)}
            required
          />
        </div>
      </Card>
      {agreementRef ? (
        <TextAreaField name="changeNote" label={t("fields.changeNote")} rows={2} maxLength={500} required />
      ) : null}
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
