import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/data/accounts";
import { assessStored, fenToYuan, type ScoringSettingsRow } from "@/lib/domain/account-scoring";
import { assetVerdict, CREDIT_RATINGS, PAYMENT_RECORDS } from "@/lib/domain/account-value";
import { TIERS } from "@/lib/domain/account-kinds";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { fenToYuanInput } from "@/lib/domain/money";
import { addMonths, monthKey } from "@/lib/domain/ledger";
import type { PurchaseVolumeSource } from "@/lib/data/ledger/value";
import { DIMENSION_BAR, ScoreBreakdown } from "@/components/accounts/score-breakdown";
import { ScoreHistory } from "@/components/accounts/score-history";
import { TierBadge } from "@/components/accounts/tier-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { overrideTierAction, updateValueInputsAction } from "../actions";
import { Disclosure } from "@/components/ui/disclosure";
import { Section } from "./section";
import { RecordRef } from "@/components/forms/record-ref";

const RATINGS = ["1", "2", "3", "4", "5"] as const;

/** 客户价值评估: the scores, why they are what they are, the inputs, the asset verdict, history, override. */
export async function ValueSection({
  account,
  settings,
  volume,
  canEdit,
  canOverrideTier,
}: {
  account: AccountDetail;
  settings: ScoringSettingsRow;
  /** Where value scoring's purchase volume comes from: the typed figure, or the sales ledger. */
  volume: PurchaseVolumeSource;
  canEdit: boolean;
  /** May change the tier by hand (the account's KAM or a manager, not a rep). */
  canOverrideTier: boolean;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("accountPage"),
    getTranslations("account"),
    getFormatter(),
  ]);
  // While the ledger drives value, the stored scores were computed from its revenue: show those.
  const assessment = assessStored(
    volume.source === "ledger" ? { ...account, purchaseVolume: volume.volume } : account,
    settings,
  );
  const asset = assetVerdict(
    fenToYuan(account.annualGrossProfit),
    fenToYuan(account.annualCostToServe),
    settings.maxCostToServeShare,
  );
  const one = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 1 });
  const totalWeight = settings.weightCurrent + settings.weightPotential + settings.weightStrategic || 1;
  const dimensions = [
    { key: "current", score: assessment.current, weight: settings.weightCurrent / totalWeight },
    { key: "potential", score: assessment.potential, weight: settings.weightPotential / totalWeight },
    { key: "strategic", score: assessment.strategic, weight: settings.weightStrategic / totalWeight },
  ] as const;
  const hasInputs = assessment.missing.length < assessment.contributions.length;
  const ratingOptions = RATINGS.map((r) => ({ value: r, label: t(`valueInputs.rating.${r}`) }));
  const str = (v: number | null) => (v === null ? "" : String(v));

  return (
    <Section
      id="value"
      title={t("sections.value")}
      description={t("value.description")}
      collapsible
      open={canEdit && !hasInputs}
    >
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader title={t("value.scoresTitle")} />
          <div className="space-y-4 p-4">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <p className="text-sm text-slate-600">{ta("fields.score")}</p>
                <p className="text-4xl font-semibold tabular-nums text-slate-900">
                  {one(assessment.composite)}
                </p>
              </div>
              <TierBadge tier={assessment.tier} label={ta(`tiers.${assessment.tier}`)} />
            </div>
            <ScoreScale
              composite={assessment.composite}
              thresholds={{ A: settings.tierA, B: settings.tierB }}
            />
            <p className="text-xs text-slate-600">
              {t("value.thresholds", { a: format.number(settings.tierA), b: format.number(settings.tierB) })}
            </p>
            <ul className="space-y-2">
              {dimensions.map((d) => (
                <li key={d.key} className="flex items-center gap-3">
                  <span
                    className={cn("h-3 w-3 shrink-0 rounded-sm", DIMENSION_BAR[d.key])}
                    aria-hidden="true"
                  />
                  <span className="min-w-0 flex-1 text-sm text-slate-800">
                    {ta(`dimensions.${d.key}`)}
                    <span className="text-xs text-slate-600">
                      {" "}
                      · {t("value.weight", { weight: percent(d.weight) })}
                    </span>
                  </span>
                  <span className="font-semibold tabular-nums text-slate-900">{one(d.score)}</span>
                </li>
              ))}
            </ul>
            <p className="text-xs text-slate-600" data-testid="purchase-volume-source">
              {volume.source === "ledger"
                ? t("value.volumeFromLedger", {
                    volume: format.number(Number(volume.volume) / 100, {
                      style: "currency",
                      currency: "CNY",
                      maximumFractionDigits: 0,
                    }),
                    from: monthKey(volume.from),
                    to: monthKey(addMonths(volume.to, -1)),
                  })
                : t("value.volumeTyped")}
            </p>
            {account.tierOverrideReason && account.tier !== assessment.tier ? (
              <p className="rounded-md bg-slate-50 p-2 text-xs text-slate-700">
                {t("value.overriddenNote", { tier: ta(`tiers.${account.tier}`) })}
              </p>
            ) : null}
          </div>
        </Card>

        <Card className="lg:col-span-3">
          <CardHeader title={t("value.whyTitle", { tier: ta(`tiers.${assessment.tier}`) })} />
          <div className="p-4">
            {hasInputs ? null : <p className="mb-3 text-sm text-amber-900">{t("value.noInputs")}</p>}
            <ScoreBreakdown assessment={assessment} />
          </div>
        </Card>
      </div>

      {canEdit ? (
        <Card>
          <CardHeader title={t("valueInputs.title")} />
          <div className="p-4">
            <Disclosure summary={t("valueInputs.open")} open={!hasInputs} lazy>
              <ActionForm
                action={updateValueInputsAction}
                aria-label={t("valueInputs.title")}
                className="space-y-6"
              >
                <RecordRef id={account.id} version={account.version} />
                <fieldset className="grid gap-4 sm:grid-cols-2">
                  <legend className="mb-3 text-sm font-semibold text-slate-900">
                    {ta("dimensions.current")}
                  </legend>
                  <TextField
                    name="purchaseVolume"
                    label={t("valueInputs.purchaseVolume")}
                    hint={t("valueInputs.yuanHint")}
                    defaultValue={fenToYuanInput(account.purchaseVolume)}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <TextField
                    name="categorySpend"
                    label={t("valueInputs.categorySpend")}
                    hint={t("valueInputs.categorySpendHint")}
                    defaultValue={fenToYuanInput(account.categorySpend)}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <SelectField
                    name="creditRating"
                    label={ta("factors.creditRating")}
                    options={CREDIT_RATINGS.map((r) => ({ value: r, label: ta(`creditRatings.${r}`) }))}
                    placeholder={t("valueInputs.notAssessed")}
                    defaultValue={account.creditRating ?? ""}
                  />
                  <SelectField
                    name="paymentRecord"
                    label={ta("factors.paymentRecord")}
                    options={PAYMENT_RECORDS.map((r) => ({ value: r, label: ta(`paymentRecords.${r}`) }))}
                    placeholder={t("valueInputs.notAssessed")}
                    defaultValue={account.paymentRecord ?? ""}
                  />
                </fieldset>
                <fieldset className="grid gap-4 sm:grid-cols-2">
                  <legend className="mb-3 text-sm font-semibold text-slate-900">
                    {ta("dimensions.potential")}
                  </legend>
                  <TextField
                    name="expectedGrowth"
                    label={t("valueInputs.expectedGrowth")}
                    hint={t("valueInputs.expectedGrowthHint")}
                    defaultValue={str(account.expectedGrowth)}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <SelectField
                    name="loyalty"
                    label={ta("factors.loyalty")}
                    options={ratingOptions}
                    placeholder={t("valueInputs.notAssessed")}
                    defaultValue={str(account.loyalty)}
                  />
                </fieldset>
                <fieldset className="grid gap-4 sm:grid-cols-3">
                  <legend className="mb-3 text-sm font-semibold text-slate-900">
                    {ta("dimensions.strategic")}
                  </legend>
                  {(["industryInfluence", "strategicFit", "referenceValue"] as const).map((k) => (
                    <SelectField
                      key={k}
                      name={k}
                      label={ta(`factors.${k}`)}
                      options={ratingOptions}
                      placeholder={t("valueInputs.notAssessed")}
                      defaultValue={str(account[k])}
                    />
                  ))}
                </fieldset>
                <fieldset className="grid gap-4 sm:grid-cols-3">
                  <legend className="mb-3 text-sm font-semibold text-slate-900">
                    {t("valueInputs.priorityAndAsset")}
                  </legend>
                  <SelectField
                    name="urgency"
                    label={t("valueInputs.urgency")}
                    hint={t("valueInputs.urgencyHint")}
                    options={ratingOptions}
                    placeholder={t("valueInputs.notAssessed")}
                    defaultValue={str(account.urgency)}
                  />
                  <TextField
                    name="annualGrossProfit"
                    label={t("valueInputs.annualGrossProfit")}
                    hint={t("valueInputs.yuanHint")}
                    defaultValue={fenToYuanInput(account.annualGrossProfit)}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <TextField
                    name="annualCostToServe"
                    label={t("valueInputs.annualCostToServe")}
                    hint={t("valueInputs.yuanHint")}
                    defaultValue={fenToYuanInput(account.annualCostToServe)}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                </fieldset>
                <SubmitButton>{t("valueInputs.save")}</SubmitButton>
              </ActionForm>
            </Disclosure>
          </div>
        </Card>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader title={t("asset.title")} />
          <div className="space-y-3 p-4 text-sm">
            <p>
              <Badge
                tone={
                  asset.verdict === "negative" ? "bad" : asset.verdict === "positive" ? "good" : "neutral"
                }
              >
                {ta(`assets.${asset.verdict}`)}
              </Badge>
            </p>
            <p className="text-slate-800">
              {asset.costShare !== null
                ? t("asset.share", {
                    share: percent(asset.costShare),
                    limit: percent(settings.maxCostToServeShare),
                  })
                : asset.verdict === "negative"
                  ? t("asset.noProfit")
                  : t("asset.unknown")}
            </p>
            <p className="text-xs text-slate-600">
              {t("asset.rule", { limit: percent(settings.maxCostToServeShare) })}
            </p>
          </div>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader title={t("history.title")} />
          <div className="p-4">
            <ScoreHistory
              snapshots={account.scoreSnapshots}
              thresholds={{ A: settings.tierA, B: settings.tierB }}
            />
          </div>
        </Card>
      </div>

      {canOverrideTier ? (
        <Card>
          <CardHeader title={t("override.title")} />
          <div className="space-y-3 p-4">
            <p className="text-sm text-slate-700">
              {account.tierOverrideReason
                ? t("override.current", {
                    tier: ta(`tiers.${account.tier}`),
                    computed: ta(`tiers.${account.computedTier}`),
                  })
                : t("override.none", { computed: ta(`tiers.${account.computedTier}`) })}
            </p>
            <Disclosure summary={t("override.open")} lazy>
              <ActionForm
                action={overrideTierAction}
                aria-label={t("override.title")}
                className="max-w-xl space-y-4"
              >
                <RecordRef id={account.id} version={account.version} />
                <SelectField
                  name="tier"
                  label={ta("fields.tier")}
                  options={TIERS.map((tier) => ({ value: tier, label: ta(`tiers.${tier}`) }))}
                  placeholder={t("override.useComputed", { computed: ta(`tiers.${account.computedTier}`) })}
                  defaultValue={account.tierOverrideReason ? account.tier : ""}
                />
                <TextAreaField
                  name="reason"
                  label={t("override.reason")}
                  hint={t("override.reasonHint")}
                  defaultValue={account.tierOverrideReason ?? ""}
                  rows={2}
                  maxLength={500}
                />
                <SubmitButton>{t("override.save")}</SubmitButton>
              </ActionForm>
            </Disclosure>
          </div>
        </Card>
      ) : null}
    </Section>
  );
}

/** 0–100 with the C | B | A bands and the account's composite marked on it. */
function ScoreScale({ composite, thresholds }: { composite: number; thresholds: { A: number; B: number } }) {
  const clamp = (n: number) => Math.min(100, Math.max(0, n));
  return (
    <div aria-hidden="true" className="relative pt-1">
      <div className="flex h-3 overflow-hidden rounded-full">
        <div className="bg-slate-200" style={{ width: `${clamp(thresholds.B)}%` }} />
        <div className="bg-sky-200" style={{ width: `${clamp(thresholds.A - thresholds.B)}%` }} />
        <div className="flex-1 bg-amber-200" />
      </div>
      <div
        className="absolute top-0 h-5 w-1 -translate-x-1/2 rounded bg-slate-900"
        style={{ left: `${clamp(composite)}%` }}
      />
      <div className="relative mt-1 h-4 text-[0.6875rem] text-slate-600">
        <span className="absolute left-0">0</span>
        <span className="absolute -translate-x-1/2" style={{ left: `${clamp(thresholds.B)}%` }}>
          B {thresholds.B}
        </span>
        <span className="absolute -translate-x-1/2" style={{ left: `${clamp(thresholds.A)}%` }}>
          A {thresholds.A}
        </span>
        <span className="absolute right-0">100</span>
      </div>
    </div>
  );
}
