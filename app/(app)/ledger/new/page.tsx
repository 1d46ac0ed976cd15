import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ledgerAccountOptions, ledgerProductLines } from "@/lib/data/ledger/lines";
import { hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { queryId } from "@/lib/validation/primitives";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerLineForm } from "@/components/ledger/line-form";
import { ledgerFormLabels } from "@/components/ledger/line-form-labels";
import { createLedgerLineAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger");
  return { title: t("new.title") };
}

/** 登记台账: a revenue or collection line typed by hand (opened from the ledger or an account). */
export default async function NewLedgerLinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "ledger.write")) notFound();
  const accountId = queryId.parse((await searchParams).account);
  const [t, accounts, productLines, labels] = await Promise.all([
    getTranslations("ledger"),
    ledgerAccountOptions(viewer),
    ledgerProductLines(viewer),
    ledgerFormLabels((await getTranslations("ledger"))("new.title")),
  ]);
  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/ledger"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <Card className="p-4 sm:p-6">
        <LedgerLineForm
          action={createLedgerLineAction}
          labels={labels}
          accounts={accounts}
          productLines={productLines}
          values={{
            accountId: accounts.some((a) => a.id === accountId) ? accountId : undefined,
            month: chinaDate(new Date()).slice(0, 7),
          }}
        />
      </Card>
    </div>
  );
}
