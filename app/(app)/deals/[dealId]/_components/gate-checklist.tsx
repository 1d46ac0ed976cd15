import { getTranslations } from "next-intl/server";
import type { DealStage, GateItem } from "@/lib/domain/pipeline";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/** Where each gate item is done: a stage's work on this page, or the account's contacts. */
function whereToDo(item: GateItem, accountId: string): string {
  switch (item) {
    case "opportunityYes":
      return "#stage-TARGET";
    case "insideContact":
      return `/accounts/${encodeURIComponent(accountId)}#contacts`;
    case "sampleProvided":
    case "informationSufficient":
    case "needsClear":
      return "#stage-INFORMATION";
    case "probability":
    case "obstacles":
    case "devCost":
    case "programme":
      return "#stage-VALUE";
    case "decisionMakerIdentified":
    case "decisionMakersStrong":
      return "#stage-RELATIONSHIP";
    case "seniorMeeting":
    case "siteAudit":
    case "systemSupport":
      return "#stage-CLOSING";
  }
}

/** The gate of the current stage: each item met or not, and for the unmet ones what to do. */
export async function GateChecklist({
  stage,
  checklist,
  accountId,
  minStrength,
  canOverride,
}: {
  stage: DealStage;
  checklist: { item: GateItem; met: boolean }[];
  accountId: string;
  minStrength: number;
  canOverride: boolean;
}) {
  const [t, tg] = await Promise.all([getTranslations("deal.checklist"), getTranslations("gate")]);
  const unmet = checklist.filter((c) => !c.met).length;
  return (
    <Card>
      <CardHeader title={t("title", { stage: tg(`stages.${stage}`) })} />
      <div className="space-y-3 p-4">
        <p
          className={cn(
            "rounded-md p-3 text-sm",
            unmet ? "bg-amber-50 text-amber-950" : "bg-emerald-50 text-emerald-900",
          )}
        >
          {unmet
            ? `${t("unmet", { count: unmet })} ${canOverride ? t("managerMay") : t("askManager")}`
            : t("allMet")}
        </p>
        <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
          {checklist.map(({ item, met }) => (
            <li key={item} className="flex gap-3 py-2.5">
              <span
                className={cn(
                  "mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold",
                  met ? "bg-emerald-600 text-white" : "border-2 border-amber-600 text-amber-700",
                )}
                aria-hidden="true"
              >
                {met ? "✓" : "!"}
              </span>
              <div className="min-w-0 text-sm">
                <p className="text-slate-900">
                  <span className="sr-only">{met ? t("met") : t("notMet")}: </span>
                  {tg(`items.${item}`)}
                </p>
                {met ? null : (
                  <p className="mt-0.5 text-slate-700">
                    {t(`todo.${item}`, { min: minStrength })}{" "}
                    <a
                      href={whereToDo(item, accountId)}
                      className="font-medium text-indigo-800 underline underline-offset-2"
                    >
                      {item === "insideContact" ? t("goToContacts") : t("goToWork")}
                    </a>
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
