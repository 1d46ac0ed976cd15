import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { DataTableSkeleton } from "@/components/data-table/skeleton";
import {
  cleanSearchParams,
  hrefWith,
  needsCleaning,
  queryString,
  type RawSearchParams,
} from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnerOptions } from "@/lib/data/people";
import { listSavedViews } from "@/lib/data/saved-views";
import { listTerritoryOptions } from "@/lib/data/territories";
import { hasCapability } from "@/lib/domain/access";
import { INDUSTRIES } from "@/lib/domain/industries";
import { LIFECYCLE_STAGES } from "@/lib/domain/qualification";
import { territoryLabel } from "@/lib/i18n/names";
import { SIZE_BANDS, TIERS } from "@/lib/domain/account-kinds";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { normaliseViewQuery } from "@/lib/validation/saved-views";
import { AccountResults } from "./_components/account-results";
import { FILTER_KEYS, LIST_KEYS, parseColumns } from "./_components/columns";
import { AccountFilters } from "./_components/filter-form";
import { SavedViews } from "./_components/saved-views";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountList");
  return { title: t("title") };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const params = cleanSearchParams(raw, LIST_KEYS);
  // A submitted filter form leaves empty fields and repeated keys in the address: tidy it once,
  // so the address that is shared, bookmarked or saved as a view reads cleanly.
  if (needsCleaning(raw, LIST_KEYS)) redirect(hrefWith("/accounts", params));
  // Deleted accounts are listed only for those who may restore them.
  if (params.has("deleted") && !hasCapability(viewer, "records.restore")) params.delete("deleted");
  const query = accountListQuerySchema.parse(Object.fromEntries(params));
  const visibleColumns = parseColumns(params.get("cols"));

  const [territories, owners, views, t, ta, th] = await Promise.all([
    listTerritoryOptions(),
    listOwnerOptions(viewer),
    listSavedViews(viewer, "accounts"),
    getTranslations("accountList"),
    getTranslations("account"),
    getTranslations("health"),
  ]);

  const keep = Object.fromEntries(
    ["sort", "dir", "pageSize", "cols", "deleted"].flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  const activeFilters = FILTER_KEYS.filter((k) => params.has(k)).length;
  const ownerOptions = owners.map((o) => ({ value: o.id, label: o.name }));
  const exportHref = hrefWith("/api/accounts/export", params, { page: null, pageSize: null, cols: null });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <>
            {hasCapability(viewer, "records.create") ? (
              <>
                <Link href="/accounts/new" className={buttonClass("primary", "sm")}>
                  {t("actions.new")}
                </Link>
                <Link href="/accounts/import" className={buttonClass("secondary", "sm")}>
                  {t("actions.import")}
                </Link>
              </>
            ) : null}
            <Link href="/accounts/segments" className={buttonClass("secondary", "sm")}>
              {t("actions.segments")}
            </Link>
            <a href={exportHref} download className={buttonClass("secondary", "sm")}>
              {t("actions.export")}
            </a>
          </>
        }
      />

      <Card>
        <AccountFilters
          query={query}
          stateKey={queryString(params)}
          keep={keep}
          clearHref={hrefWith("/accounts", new URLSearchParams(keep))}
          labels={{
            summary: t("filters.summary", { count: activeFilters }),
            label: t("filters.label"),
            search: t("filters.search"),
            searchPlaceholder: t("filters.searchPlaceholder"),
            tier: ta("fields.tier"),
            health: th("title"),
            lifecycle: ta("fields.lifecycle"),
            industry: ta("fields.industry"),
            size: ta("fields.sizeBand"),
            region: ta("fields.territory"),
            regionHint: t("filters.regionHint"),
            owner: ta("fields.owner"),
            scoreMin: t("filters.scoreMin"),
            scoreMax: t("filters.scoreMax"),
            any: t("filters.any"),
            apply: t("filters.apply"),
            clear: t("filters.clear"),
          }}
          options={{
            tiers: TIERS.map((v) => ({ value: v, label: ta(`tiers.${v}`) })),
            healthBands: (["AT_RISK", "WATCH", "HEALTHY"] as const).map((v) => ({
              value: v,
              label: th(`bands.${v}`),
            })),
            lifecycles: LIFECYCLE_STAGES.map((v) => ({ value: v, label: ta(`lifecycle.${v}`) })),
            industries: INDUSTRIES.map((v) => ({ value: v, label: ta(`industries.${v}`) })),
            sizes: SIZE_BANDS.map((v) => ({ value: v, label: ta(`sizeBands.${v}`) })),
            territories: territories.map((tr) => ({
              value: tr.id,
              label: `${"\u00a0\u00a0\u00a0".repeat(tr.depth)}${territoryLabel(tr, viewer.locale)}`,
            })),
            owners: ownerOptions,
          }}
        />
        <SavedViews
          views={views}
          currentQuery={normaliseViewQuery(queryString(params))}
          labels={{
            title: t("views.title"),
            none: t("views.none"),
            save: t("views.save"),
            name: t("views.name"),
            namePlaceholder: t("views.namePlaceholder"),
            submit: t("views.submit"),
            delete: (name) => t("views.delete", { name }),
          }}
        />
        <Suspense
          key={queryString(params)}
          fallback={
            <DataTableSkeleton columns={Math.min(visibleColumns.length, 8)} label={t("table.loading")} />
          }
        >
          <AccountResults
            viewer={viewer}
            query={query}
            params={queryString(params)}
            visibleColumns={visibleColumns}
            filtered={activeFilters > 0}
            owners={ownerOptions}
          />
        </Suspense>
      </Card>
    </div>
  );
}
