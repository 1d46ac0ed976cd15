import { getTranslations } from "next-intl/server";
import type { DealDetail } from "@/lib/data/deals/detail";
import { DEAL_STAGES, GATE_ITEMS, stageNumber, type GateItem } from "@/lib/domain/pipeline";
import { chinaToday } from "@/lib/domain/calendar";
import type { AppLocale } from "@/lib/i18n/config";
import { fenToYuanInput } from "@/lib/domain/money";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { AgreementFields } from "@/components/deals/agreement-fields";
import { CheckboxField } from "@/components/deals/checkbox-field";
import { dateInput } from "@/components/deals/format";
import { GateErrors } from "@/components/deals/gate-errors";
import { Disclosure } from "@/components/ui/disclosure";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { moveDealAction, winDealAction } from "../actions";
import { RecordRef } from "@/components/forms/record-ref";

type LostReason = { id: string; name: string; nameEn: string };

/** The hidden fields every change of this deal carries: which deal, and the version on screen. */
function Ref({ deal }: { deal: Pick<DealDetail, "id" | "version"> }) {
  return (
    <>
      <RecordRef id={deal.id} version={deal.version} />
    </>
  );
}

/** The start of an agreement's first term: today (in China), and one year later (the day before). */
function firstTerm(now: Date) {
  const start = chinaToday(now);
  const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate() - 1));
  return { start: dateInput(start), end: dateInput(end) };
}

/**
 * Moving an open deal: forward through the current gate (a manager may pass an unmet gate with a
 * written reason), back a stage, 丢单 with a reason from the managed list, and in 促成成交 the win
 * that creates the cooperation agreement.
 */
export async function MovePanel({
  deal,
  lostReasons,
  locale,
  winRequested,
  now,
}: {
  deal: DealDetail;
  lostReasons: LostReason[];
  locale: AppLocale;
  winRequested: boolean;
  now: Date;
}) {
  const [t, tg] = await Promise.all([getTranslations("deal"), getTranslations("gate")]);
  const n = stageNumber(deal.stage);
  const next = DEAL_STAGES[n];
  const previous = n > 1 ? DEAL_STAGES[n - 2] : undefined;
  const unmet = deal.checklist.some((c) => !c.met);
  const overrideField = deal.canOverride && unmet;
  const term = firstTerm(now);
  // A refusal names its unmet gate items by id; the form words them.
  const gateLabels = Object.fromEntries(
    Object.values(GATE_ITEMS)
      .flat()
      .map((item) => [item, tg(`items.${item}`)]),
  ) as Record<GateItem, string>;

  return (
    <div className="space-y-4">
      {winRequested && deal.stage !== "CLOSING" ? (
        <Alert tone="info">{t("win.notYet", { stage: tg("stages.CLOSING") })}</Alert>
      ) : null}
      {next ? (
        <Card id="move-forward" className="scroll-mt-28">
          <CardHeader title={t("move.forwardTitle", { stage: tg(`stages.${next}`) })} />
          <div className="p-4">
            <ActionForm
              action={moveDealAction}
              aria-label={t("move.forwardTitle", { stage: tg(`stages.${next}`) })}
            >
              <Ref deal={deal} />
              <input type="hidden" name="from" value={deal.stage} />
              <input type="hidden" name="to" value={next} />
              <GateErrors title={t("move.gateListTitle")} labels={gateLabels} />
              <p className="text-sm text-slate-700">
                {unmet
                  ? deal.canOverride
                    ? t("move.unmetManager")
                    : t("move.unmetKam")
                  : t("move.gateMet", { stage: tg(`stages.${deal.stage}`) })}
              </p>
              {overrideField ? (
                <TextAreaField
                  name="overrideReason"
                  label={t("move.overrideReason")}
                  hint={t("move.overrideHint")}
                  rows={2}
                  maxLength={1000}
                />
              ) : null}
              <TextAreaField
                name="note"
                label={t("move.note")}
                hint={t("move.noteHint")}
                rows={2}
                maxLength={1000}
              />
              <SubmitButton>{t("move.forward", { stage: tg(`stages.${next}`) })}</SubmitButton>
            </ActionForm>
          </div>
        </Card>
      ) : (
        <Card id="win" className="scroll-mt-28">
          <CardHeader title={t("win.title")} />
          <div className="space-y-4 p-4">
            <p className="text-sm text-slate-700">{t("win.description")}</p>
            <ActionForm action={winDealAction} aria-label={t("win.title")} className="space-y-5">
              <Ref deal={deal} />
              <GateErrors title={t("move.gateListTitle")} labels={gateLabels} />
              {unmet ? (
                <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
                  {deal.canOverride ? t("win.unmetManager") : t("win.unmetKam")}
                </p>
              ) : null}
              <AgreementFields
                defaults={{
                  startDate: term.start,
                  endDate: term.end,
                  contractValue: fenToYuanInput(deal.expectedValue),
                  serviceContent: deal.products ?? "",
                }}
              />
              <CheckboxField
                name="applyToValue"
                label={t("win.applyToValue")}
                hint={t("win.applyToValueHint")}
              />
              {overrideField ? (
                <TextAreaField
                  name="overrideReason"
                  label={t("move.overrideReason")}
                  hint={t("move.overrideHint")}
                  rows={2}
                  maxLength={1000}
                />
              ) : null}
              <SubmitButton>{t("win.submit")}</SubmitButton>
            </ActionForm>
          </div>
        </Card>
      )}

      <Card>
        <CardHeader title={t("move.otherTitle")} />
        <div className="flex flex-col gap-4 p-4">
          {previous ? (
            <Disclosure summary={t("move.backTitle", { stage: tg(`stages.${previous}`) })}>
              <ActionForm
                action={moveDealAction}
                aria-label={t("move.backTitle", { stage: tg(`stages.${previous}`) })}
                className="max-w-xl space-y-4"
              >
                <Ref deal={deal} />
                <input type="hidden" name="from" value={deal.stage} />
                <input type="hidden" name="to" value={previous} />
                <p className="text-sm text-slate-700">{t("move.backBody")}</p>
                <TextAreaField name="note" label={t("move.backReason")} rows={2} maxLength={1000} />
                <SubmitButton variant="secondary">
                  {t("move.back", { stage: tg(`stages.${previous}`) })}
                </SubmitButton>
              </ActionForm>
            </Disclosure>
          ) : null}
          <Disclosure summary={t("move.lostTitle")} tone="danger">
            <ActionForm
              action={moveDealAction}
              aria-label={t("move.lostTitle")}
              className="max-w-xl space-y-4"
            >
              <Ref deal={deal} />
              <input type="hidden" name="from" value={deal.stage} />
              <input type="hidden" name="to" value="LOST" />
              <SelectField
                name="lostReasonId"
                label={t("move.lostReason")}
                options={lostReasons.map((r) => ({
                  value: r.id,
                  label: locale === "zh-CN" ? r.name : r.nameEn,
                }))}
                placeholder={t("move.chooseReason")}
                required
              />
              <TextAreaField name="note" label={t("move.lostNote")} rows={2} maxLength={1000} />
              <SubmitButton variant="danger">{t("move.lost")}</SubmitButton>
            </ActionForm>
          </Disclosure>
        </div>
      </Card>
    </div>
  );
}
