import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { DealDetail } from "@/lib/data/deals/detail";
import { stageNumber, type DealStage } from "@/lib/domain/pipeline";
import { MARK_ANSWERS } from "@/lib/domain/account-kinds";
import { fenToYuanInput } from "@/lib/domain/money";
import { RadioGroupField } from "@/components/accounts/radio-group-field";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { CheckboxField } from "@/components/deals/checkbox-field";
import { dateInput } from "@/components/deals/format";
import { ObstacleRows, ProgrammeRows } from "@/components/deals/row-editors";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import {
  saveClosingWorkAction,
  saveInformationWorkAction,
  saveTargetWorkAction,
  saveValueWorkAction,
  terminateDealAction,
} from "../actions";
import { RecordRef } from "@/components/forms/record-ref";
import { WorkSaved } from "@/components/deals/work-saved";
import { RelationshipWork } from "./relationship-work";

const MARK_TONE = { YES: "good", NO: "bad", UNKNOWN: "neutral" } as const;
const link = "font-medium text-indigo-800 underline underline-offset-2";

/** One stage's card: its number and name, whether the deal is in it, its focus, then its work. */
async function StageCard({
  stage,
  current,
  open,
  only,
  children,
}: {
  stage: DealStage;
  current: DealStage;
  open: boolean;
  /** The stages shown (the board's panel shows only those a move needs); all when absent. */
  only?: readonly DealStage[];
  children: ReactNode;
}) {
  if (only && !only.includes(stage)) return null;
  const [t, tg] = await Promise.all([getTranslations("deal.work"), getTranslations("gate.stages")]);
  const n = stageNumber(stage);
  const here = stageNumber(current);
  return (
    <Card id={`stage-${stage}`} className="scroll-mt-28">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h3 id={`stage-${stage}-heading`} className="text-base font-semibold text-slate-900">
          <span className="tabular-nums">{n}</span> · {tg(stage)}
        </h3>
        {n === here && open ? (
          <Badge tone="info">{t("currentStage")}</Badge>
        ) : n < here ? (
          <Badge tone="good">{t("passedStage")}</Badge>
        ) : null}
      </div>
      <div className="space-y-4 p-4">
        <p className="text-sm text-slate-700">{t(`focus.${stage}`)}</p>
        {children}
      </div>
    </Card>
  );
}

function Ref({ deal }: { deal: Pick<DealDetail, "id" | "version"> }) {
  return (
    <>
      <RecordRef id={deal.id} version={deal.version} />
    </>
  );
}

/**
 * The work of all five stages, each a form (read-only for people who may not edit the deal and
 * once it is closed). The inside coach and the decision makers are the account's contacts, edited
 * on the account page.
 */
export async function StageWork({
  deal,
  editable,
  owners,
  only,
}: {
  deal: DealDetail;
  editable: boolean;
  owners: { id: string; name: string }[];
  /** Only these stages' work (the board's panel shows the stages a move needs). */
  only?: readonly DealStage[];
}) {
  const t = await getTranslations("deal.work");
  const open = deal.status === "OPEN";
  const contactsHref = `/accounts/${encodeURIComponent(deal.account.id)}#contacts`;
  const coaches = deal.account.contacts.filter((c) => c.buyingRole === "COACH");
  const ownerOptions = owners.map((o) => ({ value: o.id, label: o.name }));
  for (const s of deal.programmeSteps)
    if (s.ownerId && !owners.some((o) => o.id === s.ownerId))
      ownerOptions.push({ value: s.ownerId, label: s.ownerName ?? s.ownerId });
  // Row labels keep their "{n}" for the row editor to number each row.
  const row = { n: "{n}" };
  // WorkSaved tells a panel around these forms (the board's) that a stage's work was saved.
  const save = (stage: DealStage) =>
    editable ? (
      <>
        <WorkSaved />
        <SubmitButton>{t("save", { stage: stageNumber(stage) })}</SubmitButton>
      </>
    ) : null;
  const answers = (prefix: string) =>
    MARK_ANSWERS.map((a) => ({ value: a, label: t(`${prefix}.${a}`), tone: MARK_TONE[a] }));

  return (
    <div className="space-y-4">
      {editable ? null : (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
          {open ? t("readOnly") : t("closedReadOnly")}
        </p>
      )}

      <StageCard stage="TARGET" current={deal.stage} open={open} only={only}>
        <ActionForm action={saveTargetWorkAction} aria-label={t("formLabel", { stage: 1 })}>
          <Ref deal={deal} />
          <fieldset disabled={!editable} className="grid gap-4 sm:grid-cols-2">
            <TextAreaField
              name="potentialNeed"
              label={t("target.potentialNeed")}
              hint={t("target.potentialNeedHint")}
              defaultValue={deal.potentialNeed ?? ""}
              rows={3}
              maxLength={2000}
              className="sm:col-span-2"
            />
            <SelectField
              name="needUrgency"
              label={t("target.needUrgency")}
              hint={t("target.needUrgencyHint")}
              options={[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: t(`target.urgency.${v}`) }))}
              placeholder={t("notAssessed")}
              defaultValue={deal.needUrgency ? String(deal.needUrgency) : ""}
            />
            <div className="hidden sm:block" />
            <TextAreaField
              name="initialCommunication"
              label={t("target.initialCommunication")}
              hint={t("target.initialCommunicationHint")}
              defaultValue={deal.initialCommunication ?? ""}
              rows={3}
              maxLength={2000}
            />
            <TextAreaField
              name="businessCondition"
              label={t("target.businessCondition")}
              hint={t("target.businessConditionHint")}
              defaultValue={deal.businessCondition ?? ""}
              rows={3}
              maxLength={2000}
            />
            <RadioGroupField
              name="opportunity"
              legend={t("target.opportunity")}
              options={answers("target.opportunityAnswers")}
              defaultValue={deal.opportunity}
              className="sm:col-span-2"
            />
          </fieldset>
          {save("TARGET")}
        </ActionForm>
        {editable && deal.opportunity === "NO" ? (
          <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
            <p className="text-sm text-red-900">{t("target.terminateBody")}</p>
            <ActionForm
              action={terminateDealAction}
              aria-label={t("target.terminateTitle")}
              className="space-y-3"
            >
              <Ref deal={deal} />
              <TextAreaField
                name="reason"
                label={t("target.terminateReason")}
                rows={2}
                maxLength={1000}
                required
              />
              <SubmitButton variant="danger">{t("target.terminate")}</SubmitButton>
            </ActionForm>
          </div>
        ) : null}
      </StageCard>

      <StageCard stage="INFORMATION" current={deal.stage} open={open} only={only}>
        <ActionForm action={saveInformationWorkAction} aria-label={t("formLabel", { stage: 2 })}>
          <Ref deal={deal} />
          <fieldset disabled={!editable} className="space-y-4">
            <legend className="text-sm font-semibold text-slate-900">{t("information.samples")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="sampleItem"
                label={t("information.sampleItem")}
                defaultValue={deal.sampleItem ?? ""}
                maxLength={200}
                autoComplete="off"
              />
              <TextField
                name="sampleSentOn"
                label={t("information.sampleSentOn")}
                type="date"
                defaultValue={dateInput(deal.sampleSentOn)}
              />
              <TextField
                name="sampleTechOwner"
                label={t("information.sampleTechOwner")}
                hint={t("information.sampleTechOwnerHint")}
                defaultValue={deal.sampleTechOwner ?? ""}
                maxLength={60}
                autoComplete="off"
              />
              <CheckboxField
                name="sampleSpecAgreed"
                label={t("information.sampleSpecAgreed")}
                defaultChecked={deal.sampleSpecAgreed}
                className="sm:pt-7"
              />
              <RadioGroupField
                name="sampleAccepted"
                legend={t("information.sampleAccepted")}
                options={answers("information.acceptedAnswers")}
                defaultValue={deal.sampleAccepted}
                className="sm:col-span-2"
              />
            </div>
          </fieldset>
          <fieldset disabled={!editable} className="space-y-3">
            <legend className="text-sm font-semibold text-slate-900">{t("information.knowledge")}</legend>
            <CheckboxField
              name="informationSufficient"
              label={t("information.informationSufficient")}
              defaultChecked={deal.informationSufficient}
            />
            <CheckboxField
              name="needsClear"
              label={t("information.needsClear")}
              defaultChecked={deal.needsClear}
            />
          </fieldset>
          {save("INFORMATION")}
        </ActionForm>
        <div
          className={
            coaches.length
              ? "rounded-md bg-emerald-50 p-3 text-sm text-emerald-950"
              : "rounded-md bg-amber-50 p-3 text-sm text-amber-950"
          }
        >
          <p className="font-medium">{t("information.coachTitle")}</p>
          {coaches.length ? (
            <p className="mt-1 flex flex-wrap gap-x-1">
              <span>{t("information.coaches")}</span>
              {coaches.map((c, i) => (
                <span key={c.id}>
                  {i ? t("listSeparator") : null}
                  <Link
                    href={`/accounts/${encodeURIComponent(deal.account.id)}#contact-${c.id}`}
                    className={link}
                  >
                    {c.name}
                  </Link>
                  {c.title ? ` · ${c.title}` : null}
                </span>
              ))}
            </p>
          ) : (
            <p className="mt-1">
              {t("information.noCoach")}{" "}
              <Link href={contactsHref} className={link}>
                {t("information.addCoach")}
              </Link>
            </p>
          )}
        </div>
      </StageCard>

      <StageCard stage="VALUE" current={deal.stage} open={open} only={only}>
        <ActionForm
          action={saveValueWorkAction}
          aria-label={t("formLabel", { stage: 3 })}
          className="space-y-6"
        >
          <Ref deal={deal} />
          <fieldset disabled={!editable} className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="closeProbability"
              label={t("value.closeProbability")}
              hint={t("value.closeProbabilityHint")}
              defaultValue={deal.closeProbability === null ? "" : String(deal.closeProbability)}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField
              name="expectedDevCost"
              label={t("value.expectedDevCost")}
              hint={t("value.expectedDevCostHint")}
              defaultValue={fenToYuanInput(deal.expectedDevCost)}
              inputMode="decimal"
              autoComplete="off"
            />
          </fieldset>
          {/* Keyed by what is saved: after a save (React resets the form) the rows show the saved list. */}
          <ObstacleRows
            key={`obstacles:${JSON.stringify(deal.obstacleList)}`}
            initial={deal.obstacleList}
            disabled={!editable}
            labels={{
              legend: t("value.obstacles"),
              hint: t("value.obstaclesHint"),
              obstacle: t("value.obstacle", row),
              counterMeasure: t("value.counterMeasure", row),
              add: t("value.addObstacle"),
              remove: t("value.removeObstacle", row),
              empty: t("value.noObstacles"),
            }}
          />
          <ProgrammeRows
            key={`programme:${JSON.stringify(deal.programmeSteps)}`}
            initial={deal.programmeSteps.map((s) => ({
              step: s.step,
              ownerId: s.ownerId,
              due: s.due,
              done: s.done,
            }))}
            owners={ownerOptions}
            defaultOwnerId={deal.owner.id}
            disabled={!editable}
            labels={{
              legend: t("value.programme"),
              hint: t("value.programmeHint"),
              step: t("value.step", row),
              owner: t("value.stepOwner", row),
              due: t("value.stepDue", row),
              done: t("value.stepDone", row),
              chooseOwner: t("value.chooseOwner"),
              add: t("value.addStep"),
              remove: t("value.removeStep", row),
              empty: t("value.noSteps"),
            }}
          />
          {save("VALUE")}
        </ActionForm>
      </StageCard>

      <StageCard stage="RELATIONSHIP" current={deal.stage} open={open} only={only}>
        <RelationshipWork deal={deal} editable={editable} />
      </StageCard>

      <StageCard stage="CLOSING" current={deal.stage} open={open} only={only}>
        <ActionForm action={saveClosingWorkAction} aria-label={t("formLabel", { stage: 5 })}>
          <Ref deal={deal} />
          <fieldset disabled={!editable} className="space-y-3">
            <legend className="sr-only">{t("formLabel", { stage: 5 })}</legend>
            <CheckboxField
              name="seniorMeetingHeld"
              label={t("closing.seniorMeetingHeld")}
              hint={t("closing.seniorMeetingHint")}
              defaultChecked={deal.seniorMeetingHeld}
            />
            <CheckboxField
              name="siteAuditDone"
              label={t("closing.siteAuditDone")}
              hint={t("closing.siteAuditHint")}
              defaultChecked={deal.siteAuditDone}
            />
            <CheckboxField
              name="systemSupportArranged"
              label={t("closing.systemSupportArranged")}
              hint={t("closing.systemSupportHint")}
              defaultChecked={deal.systemSupportArranged}
            />
          </fieldset>
          {save("CLOSING")}
        </ActionForm>
      </StageCard>
    </div>
  );
}
