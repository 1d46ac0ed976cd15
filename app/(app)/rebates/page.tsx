import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { moneyText, percentText, STATEMENT_TONE } from "@/components/channel-agreements/bits";
import { RecordTable } from "@/components/channel-agreements/record-table";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { distributorsForStatements, listRebateStatements } from "@/lib/data/rebates/list";
import { hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { previousQuarterKey, quarterKeyOf } from "@/lib/domain/rebates";
import { STATEMENT_STATUSES, statementListQuery } from "@/lib/validation/channel-agreements";
import { queryInt } from "@/lib/validation/primitives";
import { computeStatementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelAgreements");
  return { title: t("rebates.title") };
}

const KEYS = ["status", "distributorId", "page"];

/** The periods offered for a new statement: the last eight quarters and the last two years. */
function periodChoices(today: string): string[] {
  const quarters = [quarterKeyOf(today)];
  while (quarters.length < 8) quarters.push(previousQuarterKey(quarters[quarters.length - 1]!));
  const year = Number(today.slice(0, 4));
  return [...quarters, String(year), String(year - 1)];
}

/** 返点结算: the statements of the distributors the viewer sees, and "compute a statement". */
export default async function RebatesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = statementListQuery.parse(Object.fromEntries(params));
  const page = queryInt(1, 10_000, 1).parse(params.get("page") ?? undefined);
  const canCompute = hasCapability(viewer, "channel.write");
  const [result, distributors, t, locale] = await Promise.all([
    listRebateStatements(viewer, { ...query, page }),
    distributorsForStatements(viewer),
    getTranslations("channelAgreements"),
    getLocale(),
  ]);
  const money = moneyText(locale);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const today = chinaDate(new Date());
  const periods = periodChoices(today);
  return (
    <div className="space-y-4">
      <PageHeader title={t("rebates.title")} description={t("rebates.subtitle")} />
      {canCompute ? (
        <Card>
          <CardHeader title={t("rebates.compute")} />
          <ActionForm action={computeStatementAction} aria-label={t("rebates.compute")} className="p-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="distributorId"
                label={t("fields.distributor")}
                defaultValue={query.distributorId ?? ""}
                placeholder={t("chooseDistributor")}
                options={distributors.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))}
                required
              />
              <SelectField
                name="periodKey"
                label={t("fields.period")}
                defaultValue={previousQuarterKey(quarterKeyOf(today))}
                options={periods.map((p) => ({ value: p, label: p }))}
              />
            </div>
            <SubmitButton>{t("rebates.computeSubmit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      <Card className="p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
          <label className="min-w-0 flex-1 text-sm sm:max-w-xs">
            <span className="mb-1 block font-medium text-slate-800">{t("fields.status")}</span>
            <Select name="status" defaultValue={query.status ?? ""}>
              <option value="">{t("all")}</option>
              {STATEMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statementStatus.${s}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="min-w-0 flex-1 text-sm sm:max-w-xs">
            <span className="mb-1 block font-medium text-slate-800">{t("fields.distributor")}</span>
            <Select name="distributorId" defaultValue={query.distributorId ?? ""}>
              <option value="">{t("all")}</option>
              {distributors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("apply")}
          </button>
        </form>
      </Card>
      <Card>
        <RecordTable
          caption={t("rebates.title")}
          empty={t("rebates.empty")}
          headers={{
            number: t("fields.number"),
            distributor: t("fields.distributor"),
            status: t("fields.status"),
            extra: [t("fields.period"), t("fields.achieved"), t("fields.achievement"), t("fields.payable")],
          }}
          rows={result.rows.map((r) => ({
            id: r.id,
            href: `/rebates/${encodeURIComponent(r.id)}`,
            number: r.number,
            distributor: r.distributorName,
            status: { text: t(`statementStatus.${r.status}`), tone: STATEMENT_TONE[r.status] },
            extra: [
              { text: r.periodKey },
              { text: money(r.achieved), numeric: true },
              { text: percentText(r.achievementBp), numeric: true },
              { text: money(r.payable), numeric: true },
            ],
          }))}
        />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(p) => hrefWith("/rebates", params, { page: p === 1 ? null : p })}
          labels={{
            navigation: t("rebates.title"),
            previous: t("previous"),
            next: t("next"),
            status: t("pageStatus", { count: result.total, page: result.page, pages }),
            page: (p) => t("pageN", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
