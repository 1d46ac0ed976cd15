import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AGREEMENT_TONE, moneyText } from "@/components/channel-agreements/bits";
import { RecordTable } from "@/components/channel-agreements/record-table";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { distributorsForNewAgreement, mayWriteAgreements } from "@/lib/data/channel-agreements/detail";
import { listAgreements } from "@/lib/data/channel-agreements/list";
import { fromDbDate } from "@/lib/domain/calendar";
import { AGREEMENT_LIST_STATUSES, agreementListQuery } from "@/lib/validation/channel-agreements";
import { queryInt } from "@/lib/validation/primitives";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelAgreements");
  return { title: t("title") };
}

const KEYS = ["status", "distributorId", "page"];

/** 渠道协议: the agreements of the distributors the viewer sees, by status and distributor. */
export default async function ChannelAgreementsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = agreementListQuery.parse(Object.fromEntries(params));
  const page = queryInt(1, 10_000, 1).parse(params.get("page") ?? undefined);
  const [result, distributors, t, locale] = await Promise.all([
    listAgreements(viewer, { ...query, page }),
    distributorsForNewAgreement(viewer),
    getTranslations("channelAgreements"),
    getLocale(),
  ]);
  const money = moneyText(locale);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          mayWriteAgreements(viewer) ? (
            <Link href="/channel-agreements/new" className={buttonClass()}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      <Card className="p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
          <label className="min-w-0 flex-1 text-sm sm:max-w-xs">
            <span className="mb-1 block font-medium text-slate-800">{t("fields.status")}</span>
            <Select name="status" defaultValue={query.status ?? ""}>
              <option value="">{t("all")}</option>
              {AGREEMENT_LIST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="min-w-0 flex-1 text-sm sm:max-w-xs">
            <span className="mb-1 block font-medium text-slate-800">{t("fields.distributor")}</span>
            <Select name="distributorId" defaultValue={query.distributorId ?? ""}>
              <option value="">{t("all")}</option>
              {distributors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("apply")}
          </button>
        </form>
      </Card>
      <Card>
        <RecordTable
          caption={t("title")}
          empty={t("empty")}
          headers={{
            number: t("fields.number"),
            distributor: t("fields.distributor"),
            status: t("fields.status"),
            extra: [t("fields.term"), t("fields.annualTarget"), t("fields.versionNo")],
          }}
          rows={result.rows.map((r) => ({
            id: r.id,
            href: `/channel-agreements/${encodeURIComponent(r.id)}`,
            number: r.number,
            distributor: r.distributor.name,
            status: { text: t(`status.${r.status}`), tone: AGREEMENT_TONE[r.status] },
            extra: [
              {
                text: r.current ? `${fromDbDate(r.current.startsOn)} – ${fromDbDate(r.current.endsOn)}` : "",
              },
              { text: r.current ? money(r.current.annualTarget) : "", numeric: true },
              { text: t("versionN", { n: r.currentVersionNo }) },
            ],
          }))}
        />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(p) => hrefWith("/channel-agreements", params, { page: p === 1 ? null : p })}
          labels={{
            navigation: t("title"),
            previous: t("previous"),
            next: t("next"),
            status: t("pageStatus", { count: result.total, page: result.page, pages }),
            page: (p) => t("pageN", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
