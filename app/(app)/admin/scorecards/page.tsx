import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listIndicators, type IndicatorRow } from "@/lib/data/reviews/indicators";
import { SCORECARD_METRICS, weightTotals } from "@/lib/domain/scorecard";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import {
  addRecommendedAction,
  createIndicatorAction,
  deleteIndicatorAction,
  restoreIndicatorAction,
  updateIndicatorAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews.indicators");
  return { title: t("title") };
}

const ROLES = ["manager", "kam", "rep"] as const;
const WEIGHT_FIELD = { manager: "weightManager", kam: "weightKam", rep: "weightRep" } as const;
const num = (v: number | null) => (v === null ? "" : String(v));

/** 绩效考核指标体系: the indicators, their weights per role, and each role's weight total. */
export default async function ScorecardIndicatorsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  const showDeleted = firstValues(await searchParams).deleted === "1";
  const [live, deleted] = await orNotFound(
    Promise.all([listIndicators(viewer), showDeleted ? listIndicators(viewer, { deleted: true }) : []]),
  );
  const t = await getTranslations("reviews.indicators");
  const totals = weightTotals(live);
  const name = (r: IndicatorRow) => (viewer.locale === "zh-CN" ? r.name : r.nameEn);
  const metricOptions = SCORECARD_METRICS.map((m) => ({ value: m, label: t(`metrics.${m}`) }));

  const fields = (row?: IndicatorRow) => (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name="name" label={t("name")} defaultValue={row?.name} maxLength={40} required />
      <TextField name="nameEn" label={t("nameEn")} defaultValue={row?.nameEn} maxLength={60} required />
      <SelectField name="metric" label={t("metric")} options={metricOptions} defaultValue={row?.metric} />
      <TextField
        name="fullMarksAt"
        label={t("fullMarksAt")}
        hint={t("fullMarksHint")}
        defaultValue={num(row?.fullMarksAt ?? null)}
        inputMode="decimal"
      />
      {ROLES.map((role) => (
        <TextField
          key={role}
          name={WEIGHT_FIELD[role]}
          label={t(`weight.${role}`)}
          defaultValue={num(row ? row[WEIGHT_FIELD[role]] : null)}
          inputMode="decimal"
        />
      ))}
    </div>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={showDeleted ? t("deletedTitle") : t("title")}
        description={t("description")}
        actions={
          showDeleted ? (
            <Link href="/admin/scorecards" className={buttonClass("secondary")}>
              {t("showLive")}
            </Link>
          ) : (
            <>
              <Link href="/admin/scorecards?deleted=1" className={buttonClass("secondary")}>
                {t("showDeleted")}
              </Link>
              <a href="#new-indicator" className={buttonClass("primary")}>
                {t("new")}
              </a>
            </>
          )
        }
      />

      {showDeleted ? (
        <Card>
          {deleted.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">{t("noDeleted")}</p>
          ) : (
            <Table caption={t("deletedTitle")}>
              <thead className="bg-slate-50">
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("metric")}</Th>
                  <Th>
                    <span className="sr-only">{t("actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deleted.map((row) => (
                  <tr key={row.id}>
                    <Td className="whitespace-nowrap">{name(row)}</Td>
                    <Td className="whitespace-nowrap">{t(`metrics.${row.metric}`)}</Td>
                    <Td>
                      <RefActionForm
                        action={restoreIndicatorAction}
                        id={row.id}
                        version={row.version}
                        buttonLabel={t("restore")}
                        label={t("restoreItem", { name: name(row) })}
                      />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      ) : (
        <>
          {live.length === 0 ? (
            <Card className="space-y-3 p-4">
              <p className="text-sm text-slate-700">{t("empty")}</p>
              <p className="text-sm text-slate-600">{t("recommendedHint")}</p>
              <ActionForm action={addRecommendedAction} aria-label={t("addRecommended")}>
                <SubmitButton>{t("addRecommended")}</SubmitButton>
              </ActionForm>
            </Card>
          ) : (
            <>
              {ROLES.filter((r) => totals[r] !== 100).map((r) => (
                <Alert key={r} tone="error">
                  {t("totalWarning", { role: t(`roles.${r}`), total: totals[r] })}
                </Alert>
              ))}
              <Card>
                <Table caption={t("title")} data-testid="indicator-table">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>{t("name")}</Th>
                      <Th>{t("metric")}</Th>
                      <Th className="text-right">{t("fullMarksAt")}</Th>
                      {ROLES.map((r) => (
                        <Th key={r} className="text-right">
                          {t(`roles.${r}`)}
                        </Th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {live.map((row) => (
                      <tr key={row.id}>
                        <Td className="min-w-48">
                          <p className="font-medium">{name(row)}</p>
                          <Disclosure summary={t("edit")} lazy className="mt-1">
                            <div className="space-y-3 p-2">
                              <ActionForm
                                action={updateIndicatorAction}
                                aria-label={t("editItem", { name: name(row) })}
                              >
                                <RecordRef id={row.id} version={row.version} />
                                {fields(row)}
                                <SubmitButton>{t("save")}</SubmitButton>
                              </ActionForm>
                              <RefActionForm
                                action={deleteIndicatorAction}
                                id={row.id}
                                version={row.version}
                                buttonLabel={t("delete")}
                                label={t("deleteItem", { name: name(row) })}
                                variant="danger"
                              />
                            </div>
                          </Disclosure>
                        </Td>
                        <Td className="whitespace-nowrap">{t(`metrics.${row.metric}`)}</Td>
                        <Td className="text-right tabular-nums">{row.fullMarksAt ?? "—"}</Td>
                        {ROLES.map((r) => (
                          <Td key={r} className="text-right tabular-nums">
                            {row[WEIGHT_FIELD[r]]}
                          </Td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot className="bg-slate-50 font-medium">
                    <tr>
                      <Td colSpan={3}>{t("total")}</Td>
                      {ROLES.map((r) => (
                        <Td
                          key={r}
                          className={`text-right tabular-nums ${totals[r] === 100 ? "" : "text-red-700"}`}
                          data-testid={`total-${r}`}
                        >
                          {totals[r]}
                        </Td>
                      ))}
                    </tr>
                  </tfoot>
                </Table>
              </Card>
            </>
          )}
          <Card id="new-indicator" className="scroll-mt-20">
            <CardHeader title={t("new")} />
            <div className="p-4">
              <ActionForm action={createIndicatorAction} resetOnSuccess aria-label={t("new")}>
                {fields()}
                <SubmitButton>{t("add")}</SubmitButton>
              </ActionForm>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
