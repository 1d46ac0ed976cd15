import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { distributorStageCounts } from "@/lib/data/distributors/list";
import { distributorScopeOf, type Viewer } from "@/lib/domain/access";
import { DISTRIBUTOR_STAGES } from "@/lib/domain/distributors";

/** The channel manager's home card: their distributors by stage, each a link to the filtered list. */
export async function HomeDistributors({ viewer }: { viewer: Viewer }) {
  if (distributorScopeOf(viewer) !== "territories") return null;
  const [counts, t] = await Promise.all([distributorStageCounts(viewer), getTranslations("distributors")]);
  const total = Object.values(counts).reduce((a, b) => (a ?? 0) + (b ?? 0), 0) ?? 0;
  return (
    <Card>
      <CardHeader
        title={t("home.title")}
        action={
          <span className="flex flex-wrap gap-3 text-sm">
            <Link href="/distributors/board" className="font-medium text-indigo-800 hover:underline">
              {t("home.board")}
            </Link>
            <Link href="/distributors/layout" className="font-medium text-indigo-800 hover:underline">
              {t("home.layout")}
            </Link>
          </span>
        }
      />
      {total ? (
        <ul
          className="grid grid-cols-2 gap-2 p-4 sm:grid-cols-3 lg:grid-cols-6"
          data-testid="home-distributors"
        >
          {DISTRIBUTOR_STAGES.map((stage) => (
            <li key={stage}>
              <Link
                href={`/distributors?stage=${stage}`}
                className="block rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span className="block text-xs text-slate-600">{t(`stages.${stage}`)}</span>
                <span className="text-xl font-semibold text-slate-900 tabular-nums">
                  {counts[stage] ?? 0}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-4 py-6 text-sm text-slate-600">{t("home.empty")}</p>
      )}
    </Card>
  );
}
