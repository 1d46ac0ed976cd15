import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/data/accounts";
import { allowedMoves, QUALIFICATION_MARKS, unmetMarks } from "@/lib/domain/qualification";
import { TIME_ZONE } from "@/lib/i18n/config";
import { MARK_ANSWERS } from "@/lib/domain/account-kinds";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RadioGroupField } from "@/components/accounts/radio-group-field";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { moveLifecycleAction, updateQualificationAction } from "../actions";
import { Section } from "./section";
import { RecordRef } from "@/components/forms/record-ref";

const MARK_TONE = { YES: "good", NO: "bad", UNKNOWN: "neutral" } as const;

/** 目标客户四大特征 and the lifecycle they gate: the marks, the allowed moves and the history. */
export async function QualificationSection({
  account,
  canEdit,
  mayOverrideGate,
}: {
  account: AccountDetail;
  canEdit: boolean;
  mayOverrideGate: boolean;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("accountPage"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const marks = {
    need: { answer: account.needMark, evidence: account.needEvidence },
    afford: { answer: account.affordMark, evidence: account.affordEvidence },
    willing: { answer: account.willingMark, evidence: account.willingEvidence },
    decide: { answer: account.decideMark, evidence: account.decideEvidence },
  };
  const unmet = unmetMarks({
    need: account.needMark,
    afford: account.affordMark,
    willing: account.willingMark,
    decide: account.decideMark,
  });
  const moves = allowedMoves(account.lifecycle);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  const list = (items: string[]) => items.join(t("listSeparator"));

  return (
    <Section
      id="qualification"
      title={t("sections.qualification")}
      description={t("qualification.description")}
      collapsible
      open={canEdit && account.lifecycle === "PROSPECT"}
    >
      <Card>
        <CardHeader title={t("qualification.title")} />
        <div className="p-4">
          {canEdit ? (
            <ActionForm
              action={updateQualificationAction}
              aria-label={t("qualification.title")}
              className="space-y-4"
            >
              <RecordRef id={account.id} version={account.version} />
              <div className="grid gap-4 md:grid-cols-2">
                {QUALIFICATION_MARKS.map((m) => (
                  <div key={m} className="space-y-3 rounded-md border border-slate-200 p-3">
                    <RadioGroupField
                      name={`${m}Mark`}
                      legend={ta(`marks.${m}`)}
                      defaultValue={marks[m].answer}
                      options={MARK_ANSWERS.map((a) => ({
                        value: a,
                        label: ta(`markAnswers.${a}`),
                        tone: MARK_TONE[a],
                      }))}
                    />
                    <TextAreaField
                      name={`${m}Evidence`}
                      label={t("qualification.evidence", { mark: ta(`marks.${m}`) })}
                      hint={t(`qualification.evidenceHint.${m}`)}
                      defaultValue={marks[m].evidence ?? ""}
                      rows={2}
                      maxLength={500}
                    />
                  </div>
                ))}
              </div>
              <SubmitButton>{t("qualification.save")}</SubmitButton>
            </ActionForm>
          ) : (
            <dl className="grid gap-4 md:grid-cols-2">
              {QUALIFICATION_MARKS.map((m) => (
                <div key={m} className="rounded-md border border-slate-200 p-3">
                  <dt className="flex items-center justify-between gap-2 text-sm font-medium text-slate-900">
                    {ta(`marks.${m}`)}
                    <Badge tone={MARK_TONE[marks[m].answer]}>{ta(`markAnswers.${marks[m].answer}`)}</Badge>
                  </dt>
                  <dd className="mt-1 whitespace-pre-line text-sm text-slate-700">
                    {marks[m].evidence ?? (
                      <span className="text-slate-500">{t("qualification.noEvidence")}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </Card>

      <Card>
        <CardHeader title={t("lifecycle.title")} />
        <div className="space-y-4 p-4">
          <p className="text-sm text-slate-800">
            {t.rich("lifecycle.current", {
              stage: ta(`lifecycle.${account.lifecycle}`),
              since: when(account.lifecycleChangedAt),
              strong: (chunks) => <strong className="font-semibold">{chunks}</strong>,
            })}
          </p>
          {account.lifecycle === "PROSPECT" ? (
            unmet.length === 0 ? (
              <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
                {t("lifecycle.gateMet")}
              </p>
            ) : (
              <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
                <p>{t("lifecycle.gateUnmet", { marks: list(unmet.map((m) => ta(`marks.${m}`))) })}</p>
                {mayOverrideGate ? <p className="mt-1">{t("lifecycle.managerOverride")}</p> : null}
                {!mayOverrideGate ? <p className="mt-1">{t("lifecycle.askManager")}</p> : null}
              </div>
            )
          ) : null}
          {canEdit && moves.length ? (
            <ActionForm
              action={moveLifecycleAction}
              aria-label={t("lifecycle.moveTitle")}
              className="max-w-xl space-y-4"
            >
              <RecordRef id={account.id} version={account.version} />
              <SelectField
                name="to"
                label={t("lifecycle.moveTo")}
                options={moves.map((s) => ({ value: s, label: ta(`lifecycle.${s}`) }))}
                defaultValue={moves[0]}
              />
              <TextAreaField
                name="reason"
                label={t("lifecycle.reason")}
                hint={t("lifecycle.reasonHint")}
                rows={2}
                maxLength={500}
              />
              <SubmitButton>{t("lifecycle.move")}</SubmitButton>
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-600">
              {moves.length
                ? t("lifecycle.allowed", { stages: list(moves.map((s) => ta(`lifecycle.${s}`))) })
                : t("lifecycle.noMoves")}
            </p>
          )}
        </div>

        <div className="border-t border-slate-200">
          <h3 className="px-4 pt-3 text-sm font-semibold text-slate-900">{t("lifecycle.historyTitle")}</h3>
          {account.lifecycleChanges.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-600">{t("lifecycle.historyEmpty")}</p>
          ) : (
            <Table caption={t("lifecycle.historyTitle")}>
              <thead className="bg-slate-50">
                <tr>
                  <Th>{t("lifecycle.date")}</Th>
                  <Th>{t("lifecycle.change")}</Th>
                  <Th>{t("lifecycle.who")}</Th>
                  <Th>{t("lifecycle.reason")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {account.lifecycleChanges.map((c) => (
                  <tr key={c.id}>
                    <Td className="whitespace-nowrap tabular-nums">
                      <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {ta(`lifecycle.${c.from}`)} <span aria-hidden="true">→</span>
                      <span className="sr-only">{t("lifecycle.toWord")}</span> {ta(`lifecycle.${c.to}`)}
                      {c.overridden ? (
                        <span className="ml-2">
                          <Badge tone="warn">{t("lifecycle.overridden")}</Badge>
                        </span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">{c.actor?.name ?? t("lifecycle.system")}</Td>
                    <Td className="min-w-48 whitespace-pre-line">
                      {c.reason ?? <span className="text-slate-500">—</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </Card>
    </Section>
  );
}
