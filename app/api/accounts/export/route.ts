import { getTranslations } from "next-intl/server";
import { cleanSearchParams, queryString, type RawSearchParams } from "@/components/data-table/url";
import { routeHandler } from "@/lib/actions/route";
import { exportAccounts, type AccountExportRow } from "@/lib/data/account-export";
import { hasCapability } from "@/lib/domain/access";
import { csvDownload } from "@/lib/http/csv-download";
import { isIndustry } from "@/lib/domain/industries";
import { chinaDate } from "@/lib/domain/calendar";
import { territoryLabel } from "@/lib/i18n/names";
import { accountListQuerySchema } from "@/lib/validation/accounts";

// CSV export of the account list as currently filtered: the same scoped where clause as the page
// (accountListFilter), in the same order, UTF-8 with a byte-order mark so Excel shows Chinese, the
// header row in the viewer's language. Every export is written to the audit trail. Records are
// written by formatCsvRecord, which guards formula-like cells (a company named "=HYPERLINK(…)").

export const dynamic = "force-dynamic";

/** The filters and sort an export honours (page, page size and columns do not apply). */
const EXPORT_KEYS = [
  "q",
  "tier",
  "lifecycle",
  "industry",
  "size",
  "territoryId",
  "ownerId",
  "scoreMin",
  "scoreMax",
  "deleted",
  "sort",
  "dir",
] as const;

export const GET = routeHandler(async (request, { viewer }) => {
  const url = new URL(request.url);
  const raw: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const params = cleanSearchParams(raw, EXPORT_KEYS);
  if (params.has("deleted") && !hasCapability(viewer, "records.restore")) params.delete("deleted");
  const query = accountListQuerySchema.parse(Object.fromEntries(params));

  const ta = await getTranslations({ locale: viewer.locale, namespace: "account" });

  const result = await exportAccounts(viewer, query, queryString(params));

  const header = [
    ta("fields.name"),
    ta("fields.creditCode"),
    ta("fields.tier"),
    ta("fields.score"),
    ta("fields.priority"),
    ta("fields.lifecycle"),
    ta("fields.industry"),
    ta("fields.sizeBand"),
    ta("fields.territory"),
    ta("fields.owner"),
    ta("fields.legalRepresentative"),
    ta("fields.address"),
  ];
  const line = (a: AccountExportRow) => [
    a.name,
    a.creditCode,
    ta(`tiers.${a.tier}`),
    Math.round(a.compositeScore * 10) / 10,
    Math.round(a.priorityScore * 10) / 10,
    ta(`lifecycle.${a.lifecycle}`),
    a.industry ? (isIndustry(a.industry) ? ta(`industries.${a.industry}`) : a.industry) : null,
    a.sizeBand ? ta(`sizeBands.${a.sizeBand}`) : null,
    a.territory ? territoryLabel(a.territory, viewer.locale) : null,
    a.owner.name,
    a.legalRepresentative,
    a.address,
  ];

  // The day in China, e.g. accounts-20261202.csv.
  return csvDownload({
    header,
    batches: result.batches,
    line,
    fileName: `accounts-${chinaDate(new Date()).replaceAll("-", "")}.csv`,
  });
});
