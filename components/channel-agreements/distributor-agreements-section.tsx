import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { loadAgreementsSection } from "@/lib/data/channel-agreements/section";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { AgreementStatusBadge, moneyText, percentText, StatementStatusBadge } from "./bits";

/**
 * A section of the distributor page (/distributors/[distributorId]): the distributor's agreements (current terms, versions) and rebate statements.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorAgreementsSection({
  viewer,
  distributorId,
}: {
  viewer: Viewer;
  distributorId: string;
}) {
  const [s, t, locale] = await Promise.all([
    loadAgreementsSection(viewer, distributorId),
    getTranslations("channelAgreements"),
    getLocale(),
  ]);
  const money = moneyText(locale);
  return (
    <Card>
      <CardHeader
        title={t("section.title")}
        action={
          hasCapability(viewer, "channel.write") ? (
            <Link
              href={`/channel-agreements/new?distributor=${distributorId}`}
              className="text-sm text-indigo-700 underline"
            >
              {t("new")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4 p-4 text-sm">
        {s.agreement && s.terms ? (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <Link
                href={`/channel-agreements/${s.agreement.id}`}
                className="font-medium text-indigo-700 underline"
              >
                {s.agreement.number}
              </Link>
              <AgreementStatusBadge status={s.agreement.status} />
              <span className="text-slate-600">
                {t("versionN", { n: s.agreement.currentVersionNo })} · {s.terms.startsOn} – {s.terms.endsOn}
              </span>
            </p>
            <dl className="grid gap-2 sm:grid-cols-3">
              <div>
                <dt className="text-slate-600">{t("fields.annualTarget")}</dt>
                <dd className="font-medium">{money(s.terms.annualTarget)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("fields.deposit")}</dt>
                <dd className="font-medium">{money(s.terms.deposit)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("fields.creditLimit")}</dt>
                <dd className="font-medium">{money(s.terms.creditLimit)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("section.quarterTarget", { q: s.quarter.key })}</dt>
                <dd className="font-medium">{s.quarter.target === null ? "—" : money(s.quarter.target)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("section.quarterAchieved")}</dt>
                <dd className="font-medium">
                  {money(s.quarter.achieved)} ({percentText(s.quarter.achievementBp)})
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("fields.paymentTermDays")}</dt>
                <dd className="font-medium">{t("days", { n: s.terms.paymentTermDays })}</dd>
              </div>
            </dl>
          </>
        ) : (
          <p className="text-slate-600">{t("section.none")}</p>
        )}
        {s.statements.length ? (
          <ul className="space-y-1">
            {s.statements.map((st) => (
              <li key={st.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/rebates/${st.id}`} className="text-indigo-700 underline">
                  {st.number}
                </Link>
                <StatementStatusBadge status={st.status} />
                <span>{money(st.payable)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="flex flex-wrap gap-4">
          <Link href={`/rebates?distributorId=${distributorId}`} className="text-indigo-700 underline">
            {t("statementsLink")}
          </Link>
          <Link
            href={`/channel-agreements?distributorId=${distributorId}`}
            className="text-indigo-700 underline"
          >
            {t("section.allAgreements", { n: s.others.length + (s.agreement ? 1 : 0) })}
          </Link>
        </p>
      </div>
    </Card>
  );
}
