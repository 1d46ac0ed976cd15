import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import {
  deletedCriteria,
  selectionCriteria,
  type CriterionRow,
} from "@/lib/data/distributor-scorecards/settings";
import { hasCapability } from "@/lib/domain/access";
import { modelWeightTotal } from "@/lib/domain/distributor-selection";
import { forbidden } from "@/lib/errors";
import {
  addRecommendedCriteriaAction,
  createCriterionAction,
  deleteCriterionAction,
  restoreCriterionAction,
  updateCriterionAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributorScorecards.admin.selection");
  return { title: t("title") };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** 经销商评估模型: the criteria, their kind, bounds and weights; the active weights must total 100. */
export default async function SelectionModelPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  const showDeleted = firstValues(await searchParams).deleted === "1";
  const [live, deleted] = await orNotFound(
    (async () => {
      if (!hasCapability(viewer, "admin.channels")) throw forbidden();
      return Promise.all([selectionCriteria(), showDeleted ? deletedCriteria(viewer) : []]);
    })(),
  );
  const t = await getTranslations("distributorScorecards.admin.selection");
  const total = modelWeightTotal(live);
  const name = (r: CriterionRow) => (viewer.locale === "zh-CN" ? r.name : r.nameEn);
  const kinds = (["QUALITATIVE", "QUANTITATIVE"] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }));

  const fields = (row?: CriterionRow) => (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name="name" label={t("name")} defaultValue={row?.name} maxLength={40} required />
      <TextField name="nameEn" label={t("nameEn")} defaultValue={row?.nameEn} maxLength={60} required />
      <SelectField name="kind" label={t("kind")} options={kinds} defaultValue={row?.kind ?? "QUALITATIVE"} />
      <TextField
        name="weight"
        label={t("weight")}
        defaultValue={num(row?.weight)}
        inputMode="numeric"
        required
      />
      <TextField name="unit" label={t("unit")} defaultValue={row?.unit ?? ""} maxLength={20} />
      <TextField name="worst" label={t("worst")} defaultValue={num(row?.worst)} inputMode="decimal" />
      <TextField name="best" label={t("best")} defaultValue={num(row?.best)} inputMode="decimal" />
      <label className="flex items-center gap-2 self-end text-sm font-medium text-slate-800">
        <input type="checkbox" name="active" defaultChecked={row ? row.active : true} className="h-5 w-5" />
        {t("active")}
      </label>
    </div>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={showDeleted ? t("deletedTitle") : t("title")}
        description={t("description")}
        actions={
          showDeleted ? (
            <Link href="/admin/channels/selection" className={buttonClass("secondary")}>
              {t("showLive")}
            </Link>
          ) : (
            <>
              <Link href="/admin/channels/selection?deleted=1" className={buttonClass("secondary")}>
                {t("showDeleted")}
              </Link>
              <a href="#new-criterion" className={buttonClass("primary")}>
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
            <ul className="divide-y divide-slate-100">
              {deleted.map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <span>{name(row)}</span>
                  <RefActionForm
                    action={restoreCriterionAction}
                    id={row.id}
                    version={row.version}
                    buttonLabel={t("restore")}
                    label={t("restoreItem", { name: name(row) })}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : (
        <>
          {live.length === 0 ? (
            <Card className="space-y-3 p-4">
              <p className="text-sm text-slate-700">{t("empty")}</p>
              <ActionForm action={addRecommendedCriteriaAction} aria-label={t("addRecommended")}>
                <SubmitButton>{t("addRecommended")}</SubmitButton>
              </ActionForm>
            </Card>
          ) : (
            <>
              {total !== 100 ? <Alert tone="error">{t("totalWarning", { total })}</Alert> : null}
              <Card>
                <Table caption={t("title")} data-testid="criteria-table">
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>{t("name")}</Th>
                      <Th>{t("kind")}</Th>
                      <Th className="text-right">{t("weight")}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {live.map((row) => (
                      <tr key={row.id}>
                        <Td className="min-w-48">
                          <p className="font-medium">
                            {name(row)}{" "}
                            {row.active ? null : (
                              <span className="text-xs text-slate-600">({t("inactive")})</span>
                            )}
                          </p>
                          <Disclosure summary={t("edit")} lazy className="mt-1">
                            <div className="space-y-3 p-2">
                              <ActionForm
                                action={updateCriterionAction}
                                aria-label={t("editItem", { name: name(row) })}
                              >
                                <RecordRef id={row.id} version={row.version} />
                                {fields(row)}
                                <SubmitButton>{t("save")}</SubmitButton>
                              </ActionForm>
                              <RefActionForm
                                action={deleteCriterionAction}
                                id={row.id}
                                version={row.version}
                                buttonLabel={t("delete")}
                                label={t("deleteItem", { name: name(row) })}
                                variant="danger"
                              />
                            </div>
                          </Disclosure>
                        </Td>
                        <Td className="whitespace-nowrap">
                          {t(`kinds.${row.kind}`)}
                          {row.kind === "QUANTITATIVE" ? (
                            <span className="block text-xs text-slate-600">
                              {row.worst} → {row.best} {row.unit ?? ""}
                            </span>
                          ) : null}
                        </Td>
                        <Td className="text-right tabular-nums">
                          {row.active ? row.weight : `(${row.weight})`}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot className="bg-slate-50 font-medium">
                    <tr>
                      <Td colSpan={2}>{t("total")}</Td>
                      <Td
                        className={`text-right tabular-nums ${total === 100 ? "" : "text-red-700"}`}
                        data-testid="weight-total"
                      >
                        {total}
                      </Td>
                    </tr>
                  </tfoot>
                </Table>
              </Card>
            </>
          )}
          <Card id="new-criterion" className="scroll-mt-20">
            <CardHeader title={t("new")} />
            <div className="p-4">
              <ActionForm action={createCriterionAction} resetOnSuccess aria-label={t("new")}>
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
