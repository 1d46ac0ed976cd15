import { getTranslations } from "next-intl/server";
import { cleanSearchParams, queryString, type RawSearchParams } from "@/components/data-table/url";
import { getViewer } from "@/lib/auth/viewer";
import { exportAccounts, type AccountExportRow } from "@/lib/data/account-export";
import { hasCapability } from "@/lib/domain/access";
import { CSV_BOM, formatCsvRecord } from "@/lib/domain/csv";
import { isIndustry } from "@/lib/domain/industries";
import { isAppError, isDatabaseUnavailable } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/config";
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

/** yyyymmdd in China time. */
function stamp(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}${get("month")}${get("day")}`;
}

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });

  const url = new URL(request.url);
  const raw: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const params = cleanSearchParams(raw, EXPORT_KEYS);
  if (params.has("deleted") && !hasCapability(viewer, "records.restore")) params.delete("deleted");
  const query = accountListQuerySchema.parse(Object.fromEntries(params));

  const ta = await getTranslations({ locale: viewer.locale, namespace: "account" });

  let result: Awaited<ReturnType<typeof exportAccounts>>;
  try {
    result = await exportAccounts(viewer, query, queryString(params));
  } catch (error) {
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND"))
      return new Response("Not found", { status: 404 });
    if (isDatabaseUnavailable(error)) return new Response("Service unavailable", { status: 503 });
    throw error;
  }

  const header = formatCsvRecord([
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
  ]);
  const line = (a: AccountExportRow) =>
    formatCsvRecord([
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
    ]);

  const encoder = new TextEncoder();
  const { batches } = result;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + header));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(line).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="accounts-${stamp(new Date())}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
