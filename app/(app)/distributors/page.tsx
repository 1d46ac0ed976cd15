import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { DistributorTable } from "@/components/distributors/distributor-table";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { assertCapability } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { listDistributorsPage } from "@/lib/data/distributors/list";
import { listOwnerOptions } from "@/lib/data/people";
import { listTerritoryOptions } from "@/lib/data/territories";
import { hasCapability } from "@/lib/domain/access";
import { DISTRIBUTOR_KINDS, DISTRIBUTOR_STAGES } from "@/lib/domain/distributors";
import { fenToYuan, moneyFormat } from "@/lib/domain/money";
import { territoryLabel } from "@/lib/i18n/names";
import { distributorListQuerySchema } from "@/lib/validation/distributors";
import { STAGE_TONE } from "./_components/stage-tone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributors");
  return { title: t("title") };
}

const KEYS = ["q", "stage", "kind", "territory", "owner", "sort", "dir", "page", "pageSize", "deleted"];

/** 经销商列表: filtered, sorted and paged on the server, within the viewer's scope. */
export default async function DistributorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  assertCapability(viewer, "channel.read");
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = distributorListQuerySchema.parse(Object.fromEntries(params));
  const [result, territories, owners, t, format, locale] = await Promise.all([
    listDistributorsPage(viewer, query),
    listTerritoryOptions(),
    listOwnerOptions(viewer),
    getTranslations("distributors"),
    getFormatter(),
    getLocale(),
  ]);
  const money = moneyFormat(locale);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const sortHrefs = Object.fromEntries(
    ["code", "name", "stage", "annualSales", "updatedAt"].map((key) => [
      key,
      hrefWith("/distributors", params, {
        sort: key,
        dir: query.sort === key && query.dir === "asc" ? "desc" : "asc",
        page: null,
      }),
    ]),
  );
  const option = (value: string, label: string) => (
    <option key={value} value={value}>
      {label}
    </option>
  );
  const rows = result.rows.map((r) => {
    const exclusive = r.coverage.filter((c) => c.exclusive).length;
    const sales = fenToYuan(r.annualSales);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      creditCode: r.creditCode ?? "",
      kind: r.model ? `${t(`kinds.${r.kind}`)} · ${t(`models.${r.model}`)}` : t(`kinds.${r.kind}`),
      stage: { text: t(`stages.${r.stage}`), tone: STAGE_TONE[r.stage] },
      territory: territoryLabel(r.territory, viewer.locale),
      owner: r.owner.name,
      annualSales: sales === null ? "—" : money.compact(sales),
      exclusive: exclusive ? t("list.exclusiveCount", { count: exclusive }) : "",
      updated: format.dateTime(r.updatedAt, { dateStyle: "medium" }),
    };
  });

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <>
            {hasCapability(viewer, "channel.write") ? (
              <Link href="/distributors/new" className={buttonClass("primary", "sm")}>
                {t("new")}
              </Link>
            ) : null}
            <Link href="/distributors/board" className={buttonClass("secondary", "sm")}>
              {t("links.board")}
            </Link>
            <Link href="/distributors/layout" className={buttonClass("secondary", "sm")}>
              {t("links.layout")}
            </Link>
          </>
        }
      />
      <form
        method="get"
        action="/distributors"
        aria-label={t("list.filters")}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="min-w-48 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("list.search")}</span>
          <Input name="q" defaultValue={query.q ?? ""} type="search" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.stage")}</span>
          <Select name="stage" defaultValue={query.stage ?? ""}>
            {option("", t("list.any"))}
            {DISTRIBUTOR_STAGES.map((s) => option(s, t(`stages.${s}`)))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.kind")}</span>
          <Select name="kind" defaultValue={query.kind ?? ""}>
            {option("", t("list.any"))}
            {DISTRIBUTOR_KINDS.map((s) => option(s, t(`kinds.${s}`)))}
          </Select>
        </label>
        <label className="min-w-0 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.territory")}</span>
          <Select name="territory" defaultValue={query.territory ?? ""} className="max-w-full">
            {option("", t("list.any"))}
            {territories.map((tr) =>
              option(tr.id, `${"　".repeat(tr.depth)}${territoryLabel(tr, viewer.locale)}`),
            )}
          </Select>
        </label>
        <label className="min-w-0 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.owner")}</span>
          <Select name="owner" defaultValue={query.owner ?? ""}>
            {option("", t("list.any"))}
            {owners.map((o) => option(o.id, o.name))}
          </Select>
        </label>
        {hasCapability(viewer, "records.restore") ? (
          <label className="inline-flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="deleted"
              value="1"
              defaultChecked={query.deleted}
              className="size-4"
            />
            {t("list.showDeleted")}
          </label>
        ) : null}
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("list.apply")}
        </button>
        <Link href="/distributors" className={buttonClass("ghost", "sm")}>
          {t("list.clear")}
        </Link>
      </form>
      <Card className="overflow-hidden">
        <DistributorTable
          rows={rows}
          headers={{
            code: t("fields.code"),
            name: t("fields.name"),
            kind: t("fields.kind"),
            stage: t("fields.stage"),
            territory: t("fields.territory"),
            owner: t("fields.owner"),
            annualSales: t("fields.annualSales"),
            updatedAt: t("fields.updatedAt"),
          }}
          labels={{
            caption: t("list.caption"),
            sortedAscending: t("list.sortedAscending"),
            sortedDescending: t("list.sortedDescending"),
          }}
          sort={{ key: query.sort, dir: query.dir }}
          sortHrefs={sortHrefs}
          empty={t("list.empty")}
        />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(page) => hrefWith("/distributors", params, { page: page === 1 ? null : page })}
          labels={{
            navigation: t("list.caption"),
            previous: t("list.previous"),
            next: t("list.next"),
            status: `${t("list.total", { count: result.total })} · ${t("list.page", { page: result.page, pages })}`,
            page: (p) => t("list.page", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
