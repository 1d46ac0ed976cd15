import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AgreementStatusBadge, moneyText } from "@/components/channel-agreements/bits";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
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
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("fields.number")}</Th>
              <Th>{t("fields.distributor")}</Th>
              <Th>{t("fields.status")}</Th>
              <Th>{t("fields.term")}</Th>
              <Th className="text-right">{t("fields.annualTarget")}</Th>
              <Th>{t("fields.versionNo")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link
                    href={`/channel-agreements/${r.id}`}
                    className="font-medium text-indigo-700 underline"
                  >
                    {r.number}
                  </Link>
                </Td>
                <Td>{r.distributor.name}</Td>
                <Td>
                  <AgreementStatusBadge status={r.status} />
                </Td>
                <Td className="whitespace-nowrap">
                  {r.current ? `${fromDbDate(r.current.startsOn)} – ${fromDbDate(r.current.endsOn)}` : ""}
                </Td>
                <Td className="text-right">{r.current ? money(r.current.annualTarget) : ""}</Td>
                <Td>{t("versionN", { n: r.currentVersionNo })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {result.rows.length === 0 ? <p className="p-4 text-sm text-slate-600">{t("empty")}</p> : null}
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
