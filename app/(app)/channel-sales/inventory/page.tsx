import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InventoryTable } from "@/components/channel-sales/inventory-table";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { inventoryOverview } from "@/lib/data/channel-sales/inventory";
import { hasCapability } from "@/lib/domain/access";
import { inventoryQuerySchema } from "@/lib/validation/channel-sales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelSales.inventory");
  return { title: t("title") };
}

/** 渠道库存: sell-in − sell-out per distributor and product, over the healthy stock months flagged. */
export default async function ChannelInventoryPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.read")) notFound();
  const params = cleanSearchParams(await searchParams, ["over", "page"]);
  const query = inventoryQuerySchema.parse(Object.fromEntries(params));
  const [result, t] = await Promise.all([
    inventoryOverview(viewer, { page: query.page, overOnly: !!query.over }),
    getTranslations("channelSales"),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("inventory.title")}
        description={t("inventory.description")}
        actions={
          <Link href="/channel-sales" className={buttonClass("secondary", "sm")}>
            {t("nav.lines")}
          </Link>
        }
      />
      <p className="text-sm text-slate-700">{t("inventory.healthy", { months: result.healthyMonths })}</p>
      <form
        method="get"
        action="/channel-sales/inventory"
        className="flex flex-wrap items-end gap-2"
        aria-label={t("inventory.overOnly")}
      >
        <label className="inline-flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="over" value="1" defaultChecked={!!query.over} className="size-4" />
          {t("inventory.overOnly")}
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("inventory.apply")}
        </button>
      </form>
      <Card className="overflow-hidden">
        <InventoryTable rows={result.rows} healthyMonths={result.healthyMonths} showDistributor />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(page) => hrefWith("/channel-sales/inventory", params, { page: page === 1 ? null : page })}
          labels={{
            navigation: t("inventory.caption"),
            previous: t("list.previous"),
            next: t("list.next"),
            status: t("list.page", { page: result.page, pages }),
            page: (p) => t("list.page", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
