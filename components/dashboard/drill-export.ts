import "server-only";
import { routeHandler } from "@/lib/actions/route";
import { formatCsv } from "@/lib/domain/csv";
import { DRILL_EXPORT_LIMIT, drillTable, type DrillKind } from "./drill-data";

/**
 * The CSV of a drill-down: the same table as the page (same scope, period and set), every row up
 * to DRILL_EXPORT_LIMIT. Cells go through formatCsv, which neutralises formula-like text.
 */
export function drillExport(kind: DrillKind) {
  return routeHandler(async (request, { viewer }) => {
    const params = new URL(request.url).searchParams;
    const table = await drillTable(kind, viewer, params, { offset: 0, limit: DRILL_EXPORT_LIMIT });
    const csv = formatCsv(
      [
        table.columns.map((c) => c.label),
        ...table.rows.map((r) => r.cells.map((c) => (c.csv === undefined ? c.text : c.csv))),
      ],
      { bom: true },
    );
    const stamp = table.period.start.replaceAll("-", "") + "-" + table.period.end.replaceAll("-", "");
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="dashboard-${kind}-${stamp}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
