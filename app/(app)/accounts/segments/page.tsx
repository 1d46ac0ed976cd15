import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { segmentation } from "@/lib/data/account-list";
import { listTerritoryOptions } from "@/lib/data/territories";
import { INDUSTRIES } from "@/lib/domain/industries";
import { territoryLabel } from "@/lib/i18n/names";
import { SIZE_BANDS } from "@/lib/domain/account-kinds";
import { firstValues, hrefWith, type RawSearchParams } from "@/components/admin/search-params";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { moneyFormat } from "@/lib/domain/money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountTools.segments");
  return { title: t("title") };
}

const querySchema = z.object({ size: z.enum(SIZE_BANDS).optional().catch(undefined) });

type Cell = { count: number; volume: number };
const add = (a: Cell | undefined, b: Cell): Cell => ({
  count: (a?.count ?? 0) + b.count,
  volume: (a?.volume ?? 0) + b.volume,
});
const NONE = "∅"; // the key of "not given" (industry) / "no province"

// Darker cells hold more accounts (square-root scale, so one big cell does not wash out the rest;
// text stays dark on every shade for contrast).
const HEAT = ["bg-white", "bg-indigo-50", "bg-indigo-100", "bg-indigo-200", "bg-indigo-300"];
const heat = (count: number, max: number) =>
  count === 0 || max === 0 ? HEAT[0] : HEAT[Math.min(4, 1 + Math.floor(Math.sqrt(count / max) * 3.999))];

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const { size } = querySchema.parse(firstValues(await searchParams));
  const [rows, territories] = await Promise.all([segmentation(viewer), listTerritoryOptions()]);
  const [t, ta, format] = await Promise.all([
    getTranslations("accountTools.segments"),
    getTranslations("account"),
    getFormatter(),
  ]);

  const money = moneyFormat(viewer.locale).compact;

  // Size breakdown over everything in scope; the matrix over the chosen size only.
  const bySize = new Map<string, Cell>();
  for (const r of rows) bySize.set(r.size ?? NONE, add(bySize.get(r.size ?? NONE), r));
  const maxSize = Math.max(0, ...[...bySize.values()].map((c) => c.count));
  const selected = size ? rows.filter((r) => r.size === size) : rows;

  const cells = new Map<string, Cell>();
  const rowTotals = new Map<string, Cell>();
  const colTotals = new Map<string, Cell>();
  let grand: Cell = { count: 0, volume: 0 };
  for (const r of selected) {
    const i = r.industry ?? NONE;
    const p = r.province ?? NONE;
    cells.set(`${i}|${p}`, add(cells.get(`${i}|${p}`), r));
    rowTotals.set(i, add(rowTotals.get(i), r));
    colTotals.set(p, add(colTotals.get(p), r));
    grand = add(grand, r);
  }
  const maxCell = Math.max(0, ...[...cells.values()].map((c) => c.count));

  // Rows: industries with accounts, most accounts first ("not given" last). Columns: provinces in tree order.
  const industryKeys = [...rowTotals.keys()].sort((a, b) =>
    a === NONE
      ? 1
      : b === NONE
        ? -1
        : rowTotals.get(b)!.count - rowTotals.get(a)!.count ||
          INDUSTRIES.indexOf(a as never) - INDUSTRIES.indexOf(b as never),
  );
  const provinceById = new Map(territories.map((p) => [p.id, p]));
  const order = new Map(territories.map((p, i) => [p.id, i]));
  const provinceKeys = [...colTotals.keys()].sort((a, b) =>
    a === NONE ? 1 : b === NONE ? -1 : (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );

  const industryName = (key: string) =>
    key === NONE
      ? t("noIndustry")
      : (INDUSTRIES as readonly string[]).includes(key)
        ? ta(`industries.${key}`)
        : key;
  const provinceName = (key: string) => {
    const p = provinceById.get(key);
    return key === NONE || !p ? t("noProvince") : territoryLabel(p, viewer.locale);
  };
  /** The filtered account list, or null when a dimension is "not given" (the list cannot filter on that). */
  const listHref = (industry: string | null, province: string | null) =>
    industry === NONE || province === NONE
      ? null
      : hrefWith("/accounts", { industry, territoryId: province, size });

  const cellLink = (industry: string | null, province: string | null, cell: Cell) => {
    const href = listHref(industry, province);
    const body = (
      <>
        <span className="block font-semibold tabular-nums text-slate-900">{format.number(cell.count)}</span>
        <span className="block whitespace-nowrap text-xs tabular-nums text-slate-700">
          {money(cell.volume)}
        </span>
      </>
    );
    if (!href) return <span className="block px-3 py-2">{body}</span>;
    const where = [industry && industryName(industry), province && provinceName(province)].filter(Boolean);
    const label = `${where.join(" · ") || t("total")}: ${t("cell", { count: cell.count, value: money(cell.volume) })}`;
    return (
      <Link
        href={href}
        aria-label={label}
        title={label}
        className="block px-3 py-2 hover:underline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
      >
        {body}
      </Link>
    );
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      <Card>
        <CardHeader title={t("sizeTitle")} />
        <nav aria-label={t("sizeTitle")} className="p-4">
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            <li>
              <Link
                href="/accounts/segments"
                aria-current={!size ? "page" : undefined}
                className={cn(
                  "flex items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm",
                  !size
                    ? "border-indigo-600 bg-indigo-50 font-semibold text-indigo-900"
                    : "border-slate-200 hover:bg-slate-50",
                )}
              >
                <span>{t("allSizes")}</span>
                <span className="tabular-nums">
                  {t("accounts", { count: rows.reduce((s, r) => s + r.count, 0) })}
                </span>
              </Link>
            </li>
            {[...SIZE_BANDS, ...(bySize.has(NONE) ? [NONE] : [])].map((band) => {
              const c = bySize.get(band) ?? { count: 0, volume: 0 };
              const current = band === size;
              const content = (
                <>
                  <span className="flex items-center justify-between gap-3">
                    <span>{band === NONE ? t("noSize") : ta(`sizeBands.${band}`)}</span>
                    <span className="tabular-nums">
                      {t("accounts", { count: c.count })} · {money(c.volume)}
                    </span>
                  </span>
                  <span className="mt-1 block h-1.5 rounded bg-slate-100" aria-hidden>
                    <span
                      className="block h-1.5 rounded bg-indigo-500"
                      style={{ width: `${maxSize ? (c.count / maxSize) * 100 : 0}%` }}
                    />
                  </span>
                </>
              );
              const box = "block rounded-md border px-3 py-2 text-sm";
              return (
                <li key={band}>
                  {band === NONE || c.count === 0 ? (
                    <div className={cn(box, "border-slate-200 text-slate-600")}>{content}</div>
                  ) : (
                    <Link
                      href={hrefWith("/accounts/segments", { size: band })}
                      aria-current={current ? "page" : undefined}
                      className={cn(
                        box,
                        current
                          ? "border-indigo-600 bg-indigo-50 font-semibold text-indigo-900"
                          : "border-slate-200 hover:bg-slate-50",
                      )}
                    >
                      {content}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
      </Card>

      <Card>
        <CardHeader title={t("matrixTitle")} />
        <div className="space-y-1 px-4 pt-3 text-sm text-slate-700">
          {size ? (
            <p className="font-medium">{t("sizeFilterNote", { size: ta(`sizeBands.${size}`) })}</p>
          ) : null}
          <p>{t("legend")}</p>
          <p className="sm:hidden">{t("scrollHint")}</p>
        </div>
        {grand.count === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{size ? t("emptySize") : t("empty")}</p>
        ) : (
          <Table caption={t("matrixCaption")} className="mt-3" data-testid="segment-matrix">
            <thead className="bg-slate-50">
              <tr>
                <Th className="sticky left-0 z-10 bg-slate-50">{t("industry")}</Th>
                {provinceKeys.map((p) => (
                  <Th key={p} className="text-right">
                    {provinceName(p)}
                  </Th>
                ))}
                <Th className="text-right">{t("total")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {industryKeys.map((i) => (
                <tr key={i}>
                  <Th
                    scope="row"
                    className="sticky left-0 z-10 max-w-44 whitespace-normal bg-white font-medium"
                  >
                    {industryName(i)}
                  </Th>
                  {provinceKeys.map((p) => {
                    const c = cells.get(`${i}|${p}`);
                    return (
                      <Td key={p} className={cn("p-0 text-right", heat(c?.count ?? 0, maxCell))}>
                        {c ? cellLink(i, p, c) : <span className="block px-3 py-2 text-slate-500">—</span>}
                      </Td>
                    );
                  })}
                  <Td className="bg-slate-50 p-0 text-right">{cellLink(i, null, rowTotals.get(i)!)}</Td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-200 bg-slate-50">
              <tr>
                <Th scope="row" className="sticky left-0 z-10 bg-slate-50">
                  {t("total")}
                </Th>
                {provinceKeys.map((p) => (
                  <Td key={p} className="p-0 text-right">
                    {cellLink(null, p, colTotals.get(p)!)}
                  </Td>
                ))}
                <Td className="p-0 text-right">{cellLink(null, null, grand)}</Td>
              </tr>
            </tfoot>
          </Table>
        )}
      </Card>
    </div>
  );
}
