import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DealDetail } from "@/lib/data/deals/detail";
import { StrengthDots } from "@/components/accounts/contact-style";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { WorkSaved } from "@/components/deals/work-saved";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { saveDecisionMakerAction } from "../actions";

const link = "font-medium text-indigo-800 underline underline-offset-2";
const STRENGTHS = [1, 2, 3, 4, 5] as const;

/**
 * 关系建立: the account's decision makers against the gate's minimum, and for each one holding the
 * gate shut, what is missing in words ("采购总监 王磊：支持度 中立，需要 支持") and a form to raise it
 * right here (on the deal page and in the board's panel alike).
 */
export async function RelationshipWork({ deal, editable }: { deal: DealDetail; editable: boolean }) {
  const [t, tr, ta] = await Promise.all([
    getTranslations("deal.work"),
    getTranslations("deal.raise"),
    getTranslations("account"),
  ]);
  const min = deal.settings.minDecisionMakerStrength;
  const contactsHref = `/accounts/${encodeURIComponent(deal.account.id)}#contacts`;
  const strength = (n: number) => tr(`levels.${n}`);
  const weak = deal.decisionMakers.filter((c) => c.weak);
  return (
    <>
      <p className="text-sm text-slate-700">{t("relationship.rule", { min })}</p>
      {deal.decisionMakers.length === 0 ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
          {t("relationship.none")}{" "}
          <Link href={contactsHref} className={link}>
            {t("relationship.addOne")}
          </Link>
        </p>
      ) : (
        <Table caption={t("relationship.caption")}>
          <thead className="bg-slate-50">
            <tr>
              <Th>{t("relationship.person")}</Th>
              <Th>{t("relationship.strength")}</Th>
              <Th>{t("relationship.approach")}</Th>
              <Th>{t("relationship.status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deal.decisionMakers.map((c) => (
              <tr key={c.id}>
                <Td className="whitespace-nowrap">
                  <Link
                    href={`/accounts/${encodeURIComponent(deal.account.id)}#contact-${c.id}`}
                    className={link}
                  >
                    {c.name}
                  </Link>
                  {c.title ? <span className="block text-xs text-slate-600">{c.title}</span> : null}
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="inline-flex items-center gap-2">
                    <StrengthDots
                      value={c.relationshipStrength}
                      label={t("relationship.strengthAlt", { value: c.relationshipStrength })}
                    />
                    <span aria-hidden="true" className="tabular-nums">
                      {c.relationshipStrength}/5
                    </span>
                  </span>
                </Td>
                <Td className="min-w-48 whitespace-pre-line">
                  {c.approach ?? <span className="text-slate-500">{t("relationship.noApproach")}</span>}
                </Td>
                <Td className="whitespace-nowrap">
                  {c.weak ? (
                    <Badge tone="warn">
                      {c.relationshipStrength < min
                        ? t("relationship.belowMin", { min })
                        : t("relationship.needsPlan")}
                    </Badge>
                  ) : (
                    <Badge tone="good">{t("relationship.ok")}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {weak.length ? (
        <section aria-label={tr("title")} className="space-y-3">
          <h4 className="text-sm font-semibold text-slate-900">{tr("title")}</h4>
          <ul className="space-y-3">
            {weak.map((c) => {
              const person = c.title ? `${c.title} ${c.name}` : c.name;
              return (
                <li
                  key={c.id}
                  data-decision-maker={c.id}
                  className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
                >
                  <p className="text-sm font-medium text-amber-950">
                    {c.relationshipStrength < min
                      ? tr("belowMin", {
                          person,
                          strength: strength(c.relationshipStrength),
                          min: strength(min),
                        })
                      : tr("noPlan", { person })}
                  </p>
                  {editable ? (
                    <ActionForm
                      action={saveDecisionMakerAction}
                      aria-label={tr("formLabel", { name: c.name })}
                      className="space-y-3"
                    >
                      <RecordRef id={c.id} version={c.version} />
                      <input type="hidden" name="dealId" value={deal.id} />
                      <SelectField
                        name="relationshipStrength"
                        label={tr("strength")}
                        options={STRENGTHS.map((n) => ({ value: String(n), label: `${n} · ${strength(n)}` }))}
                        defaultValue={String(Math.max(c.relationshipStrength, min))}
                      />
                      <TextAreaField
                        name="approach"
                        label={tr("approach")}
                        hint={tr("approachHint")}
                        defaultValue={c.approach ?? ""}
                        rows={2}
                        maxLength={2000}
                      />
                      <WorkSaved />
                      <SubmitButton variant="secondary">{tr("submit", { name: c.name })}</SubmitButton>
                    </ActionForm>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <p className="text-sm">
        <Link href={contactsHref} className={link}>
          {t("relationship.editOnAccount", { role: ta("buyingRoles.DECISION_MAKER") })}
        </Link>
      </p>
    </>
  );
}
