import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getPlanPrefill, searchVisitAccounts } from "@/lib/data/visits/record-reads";
import { cachedVisitSettings } from "@/lib/data/visits/settings";
import { queryId } from "@/lib/validation/primitives";
import { orNotFound } from "@/components/admin/guard";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { OutboxList } from "@/components/visits/outbox-list";
import { VisitsI18n } from "@/components/visits/visits-i18n";
import { Card } from "@/components/ui/card";
import { loadVisitAccountContext } from "./account-context";
import { searchVisitAccountsAction, visitAccountContextAction } from "./actions";
import { QuickLogForm } from "./_components/quick-log-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visits.new");
  return { title: t("title") };
}

/** /visits/new?account=ID&plan=ID&deal=ID — log a visit (the quick log on a phone). */
export default async function NewVisitPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = firstValues(await searchParams);
  const planId = queryId.parse(query.plan);
  const plan = planId ? await orNotFound(getPlanPrefill(viewer, planId)) : null;
  const accountId = plan?.accountId ?? queryId.parse(query.account);
  const [t, settings, account, suggestions] = await Promise.all([
    getTranslations("visits"),
    cachedVisitSettings(),
    accountId ? orNotFound(loadVisitAccountContext(viewer, accountId)) : Promise.resolve(null),
    accountId ? Promise.resolve(null) : searchVisitAccounts(viewer, ""),
  ]);
  const dealId = plan?.dealId ?? queryId.parse(query.deal) ?? null;

  return (
    <VisitsI18n>
      <div className="mx-auto max-w-2xl space-y-4">
        <div className="flex items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t("new.title")}</h1>
          <Link
            href="/visits"
            className="inline-flex min-h-11 items-center text-sm text-indigo-800 hover:underline sm:min-h-0"
          >
            {t("list.title")}
          </Link>
        </div>
        {planId && !plan ? <p className="text-sm text-slate-700">{t("new.planNotOpen")}</p> : null}
        <Card className="p-4 sm:p-6">
          <QuickLogForm
            initialAccount={account}
            plan={plan}
            initialDealId={dealId && account?.deals.some((d) => d.id === dealId) ? dealId : null}
            radiusM={settings.checkInRadiusM}
            search={searchVisitAccountsAction}
            initialOptions={suggestions}
            loadAccount={visitAccountContextAction}
          />
        </Card>
        <OutboxList compact />
      </div>
    </VisitsI18n>
  );
}
