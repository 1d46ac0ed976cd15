import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { evaluationPage } from "@/lib/data/distributor-scorecards/selection";
import { isAppError } from "@/lib/errors";
import { SCORE_PREFIX } from "@/lib/validation/distributor-scorecards";
import { saveEvaluationAction } from "./actions";

async function load(distributorId: string) {
  const viewer = await requireViewer();
  try {
    return { viewer, data: await evaluationPage(viewer, distributorId) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ distributorId: string }>;
}): Promise<Metadata> {
  const { data } = await load((await params).distributorId);
  const t = await getTranslations("distributorScorecards");
  return { title: t("evaluation.title", { name: data.distributor.name }) };
}

/** 经销商甄选: score one candidate against the model; the latest total is its selection score. */
export default async function EvaluationPage({ params }: { params: Promise<{ distributorId: string }> }) {
  const { viewer, data } = await load((await params).distributorId);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("distributorScorecards")]);
  const { distributor, criteria, evaluations } = data;
  const name = (c: { name: string; nameEn: string }) => (viewer.locale === "zh-CN" ? c.name : c.nameEn);
  const last = new Map(evaluations[0]?.scores.map((s) => [s.key, s.raw]) ?? []);
  const date = (d: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("evaluation.title", { name: distributor.name })}
        description={`${distributor.code} · ${t(`stage.${distributor.stage}`)} · ${
          distributor.selectionScore === null
            ? t("selection.notEvaluated")
            : t("evaluation.current", { score: distributor.selectionScore })
        }`}
        actions={
          <Link href="/distributors/selection" className={buttonClass("secondary")}>
            {t("evaluation.back")}
          </Link>
        }
      />
      {!data.balanced ? <Alert tone="error">{t("evaluation.modelUnbalanced")}</Alert> : null}
      {data.canEdit && data.balanced ? (
        <Card>
          <CardHeader title={t("selection.model")} />
          <div className="p-4">
            <p className="mb-4 text-sm text-slate-700">{t("evaluation.description")}</p>
            <ActionForm action={saveEvaluationAction} aria-label={t("evaluation.save")}>
              <input type="hidden" name="distributorId" value={distributor.id} />
              <div className="grid gap-3 sm:grid-cols-2">
                {criteria.map((c) => (
                  <TextField
                    key={c.key}
                    name={`${SCORE_PREFIX}${c.key}`}
                    label={`${name(c)} (${c.weight}%)`}
                    hint={
                      c.kind === "QUALITATIVE"
                        ? t("evaluation.qualitative")
                        : t("evaluation.quantitative", {
                            worst: c.worst ?? "",
                            best: c.best ?? "",
                            unit: c.unit ?? "",
                          })
                    }
                    defaultValue={last.get(c.key) == null ? "" : String(last.get(c.key))}
                    inputMode="decimal"
                  />
                ))}
              </div>
              <TextAreaField name="note" label={t("evaluation.note")} maxLength={1000} />
              <SubmitButton>{t("evaluation.save")}</SubmitButton>
            </ActionForm>
          </div>
        </Card>
      ) : !data.canEdit ? (
        <Alert tone="info">{t("evaluation.readOnly")}</Alert>
      ) : null}
      <Card>
        <CardHeader title={t("evaluation.history")} />
        {evaluations.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("evaluation.noHistory")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="evaluation-history">
            {evaluations.map((e) => (
              <li key={e.id} className="p-4 text-sm">
                <p className="font-medium">
                  {t("evaluation.by", {
                    total: e.total,
                    name: e.evaluatorName ?? "—",
                    date: date(e.createdAt),
                  })}
                </p>
                <p className="mt-1 text-slate-700">
                  {e.scores
                    .map((s) => `${name(s)} ${s.points === null ? "—" : Math.round(s.points)}`)
                    .join(" · ")}
                </p>
                {e.note ? <p className="mt-1 text-slate-600 [overflow-wrap:anywhere]">{e.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
