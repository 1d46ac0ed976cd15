import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, type RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { DRILL_PAGE_SIZE, drillPageHref, drillTable, type DrillKind } from "./drill-data";

const KEYS = ["period", "from", "to", "team", "person", "set", "stage", "tier", "page"] as const;

/** A drill-down page: the records behind one dashboard figure, a page at a time, with a CSV export. */
export async function DrillPage({
  kind,
  searchParams,
}: {
  kind: DrillKind;
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const [table, t, format] = await Promise.all([
    drillTable(kind, viewer, params, { offset: (pageNo - 1) * DRILL_PAGE_SIZE, limit: DRILL_PAGE_SIZE }),
    getTranslations("dashboard"),
    getFormatter(),
  ]);
  const pages = Math.max(1, Math.ceil(table.total / DRILL_PAGE_SIZE));
  if (pageNo > pages)
    redirect(drillPageHref(`/dashboard/${kind}`, table, { page: pages > 1 ? String(pages) : null }));
  const from = table.total ? (pageNo - 1) * DRILL_PAGE_SIZE + 1 : 0;
  const to = Math.min(table.total, pageNo * DRILL_PAGE_SIZE);
  return (
    <div className="space-y-4">
      <p>
        <Link
          href={drillPageHref("/dashboard", { ...table, extra: {} })}
          className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
        >
          ← {t("drill.back")}
        </Link>
      </p>
      <PageHeader
        title={table.title}
        description={t("drill.count", { count: table.total })}
        actions={
          <a
            href={drillPageHref(`/dashboard/${kind}/export`, table)}
            className={buttonClass("secondary")}
            download
          >
            {t("drill.export")}
          </a>
        }
      />
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        {table.rows.length === 0 ? (
          <p role="status" className="px-4 py-3 text-sm text-slate-700">
            {t("drill.empty")}
          </p>
        ) : (
          <Table caption={table.title}>
            <thead>
              <tr>
                {table.columns.map((col) => (
                  <Th key={col.label} className={cn(col.numeric && "text-right")}>
                    {col.label}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <Td
                      key={i}
                      className={cn(
                        table.columns[i]?.wide ? "min-w-44" : "whitespace-nowrap",
                        cell.numeric && "text-right tabular-nums",
                      )}
                    >
                      {cell.href ? (
                        <Link href={cell.href} className="text-indigo-700 underline-offset-2 hover:underline">
                          {cell.text}
                        </Link>
                      ) : (
                        cell.text
                      )}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={pageNo}
          pageSize={DRILL_PAGE_SIZE}
          total={table.total}
          hrefFor={(p) => drillPageHref(`/dashboard/${kind}`, table, { page: p > 1 ? String(p) : null })}
          labels={{
            navigation: t("drill.pages"),
            previous: t("drill.previous"),
            next: t("drill.next"),
            status: t("drill.range", {
              from: format.number(from),
              to: format.number(to),
              total: format.number(table.total),
            }),
            page: (page) => t("drill.page", { page }),
          }}
        />
      </div>
    </div>
  );
}
