import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadSalesSection } from "@/lib/data/channel-sales/section";
import type { Viewer } from "@/lib/domain/access";
import { moneyFormat } from "@/lib/domain/money";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { InventoryTable } from "./inventory-table";

/**
 * A section of the distributor page (/distributors/[distributorId]): sell-in, sell-out and channel inventory per product.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorSalesSection({
  viewer,
  distributorId,
}: {
  viewer: Viewer;
  distributorId: string;
}) {
  const [section, t, locale] = await Promise.all([
    loadSalesSection(viewer, distributorId),
    getTranslations("channelSales"),
    getLocale(),
  ]);
  const money = moneyFormat(locale);
  const yuan = (fen: bigint) => money.compact(Number(fen) / 100);
  const empty = !section.months.some((m) => m.sellInAmount || m.sellOutAmount) && !section.inventory.length;
  return (
    <Card>
      <CardHeader
        title={t("section.title")}
        action={
          <Link
            href={`/channel-sales?distributorId=${encodeURIComponent(distributorId)}`}
            className="text-sm text-indigo-800 hover:underline"
          >
            {t("section.toLines")}
          </Link>
        }
      />
      {empty ? (
        <p className="px-4 py-6 text-sm text-slate-600">{t("section.empty")}</p>
      ) : (
        <div className="space-y-4 py-2">
          <section aria-labelledby={`sales-months-${distributorId}`}>
            <h3 id={`sales-months-${distributorId}`} className="px-4 text-sm font-semibold text-slate-900">
              {t("section.months")}
            </h3>
            <Table caption={t("section.months")}>
              <thead className="bg-slate-50">
                <tr>
                  <Th>{t("section.month")}</Th>
                  <Th className="text-right">{t("section.sellIn")}</Th>
                  <Th className="text-right">{t("section.sellOut")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {section.months.map((m) => (
                  <tr key={m.month}>
                    <Td className="tabular-nums">{m.month}</Td>
                    <Td className="text-right tabular-nums">{yuan(m.sellInAmount)}</Td>
                    <Td className="text-right tabular-nums">{yuan(m.sellOutAmount)}</Td>
                  </tr>
                ))}
                <tr className="font-semibold">
                  <Td>{t("section.total")}</Td>
                  <Td className="text-right tabular-nums">{yuan(section.totals.sellInAmount)}</Td>
                  <Td className="text-right tabular-nums">{yuan(section.totals.sellOutAmount)}</Td>
                </tr>
              </tbody>
            </Table>
          </section>
          <section aria-labelledby={`sales-inventory-${distributorId}`}>
            <h3 id={`sales-inventory-${distributorId}`} className="px-4 text-sm font-semibold text-slate-900">
              {t("section.inventory")}
            </h3>
            <InventoryTable
              rows={section.inventory}
              healthyMonths={section.healthyMonths}
              showDistributor={false}
            />
          </section>
        </div>
      )}
    </Card>
  );
}
