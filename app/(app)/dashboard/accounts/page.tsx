import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DrillPage } from "@/components/dashboard/drill-page";
import type { RawSearchParams } from "@/components/data-table/url";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("drill.accounts.title") };
}

/** The accounts behind a dashboard figure (see components/dashboard/drill-data.ts). */
export default function DashboardAccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <DrillPage kind="accounts" searchParams={searchParams} />;
}
