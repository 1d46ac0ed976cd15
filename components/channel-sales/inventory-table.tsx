import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { InventoryRow } from "@/lib/data/channel-sales/inventory";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";

/** Inventory by distributor and product, with the stock over the healthy months flagged. */
export async function InventoryTable({
  rows,
  healthyMonths,
  showDistributor,
}: {
  rows: InventoryRow[];
  healthyMonths: number;
  showDistributor: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("channelSales"), getLocale()]);
  const n = new Intl.NumberFormat(locale);
  if (!rows.length) return <p className="px-4 py-6 text-sm text-slate-600">{t("inventory.empty")}</p>;
  return (
    <Table caption={t("inventory.caption")}>
      <thead className="bg-slate-50">
        <tr>
          {showDistributor ? <Th>{t("fields.distributor")}</Th> : null}
          <Th>{t("fields.product")}</Th>
          <Th className="text-right">{t("inventory.sellIn")}</Th>
          <Th className="text-right">{t("inventory.sellOut")}</Th>
          <Th className="text-right">{t("inventory.stock")}</Th>
          <Th className="text-right">{t("inventory.months")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={`${r.distributorId}-${r.productId}`} data-over={r.overHealthy || undefined}>
            {showDistributor ? (
              <Td className="min-w-40">
                <Link
                  href={`/distributors/${encodeURIComponent(r.distributorId)}`}
                  className="text-indigo-800 hover:underline"
                >
                  {r.distributorName}
                </Link>
              </Td>
            ) : null}
            <Td className="min-w-32">{r.productName}</Td>
            <Td className="text-right tabular-nums">{n.format(r.sellInQty)}</Td>
            <Td className="text-right tabular-nums">{n.format(r.sellOutQty)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {n.format(r.stock)} {r.unit}
            </Td>
            <Td className="whitespace-nowrap text-right">
              <span className="inline-flex flex-wrap items-center justify-end gap-1">
                {r.months !== null ? <span className="tabular-nums">{n.format(r.months)}</span> : null}
                {r.overHealthy ? (
                  <Badge tone="warn">
                    {r.months === null
                      ? t("inventory.noPace")
                      : t("inventory.over", { months: healthyMonths })}
                  </Badge>
                ) : null}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
