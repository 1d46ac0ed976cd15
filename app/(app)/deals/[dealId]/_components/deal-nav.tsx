import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/ui/section-tabs";

export const DEAL_SECTIONS = ["checklist", "work", "history", "map", "activity"] as const;

/** Jump links to the deal page's parts. */
export async function DealNav({ sections }: { sections: readonly (typeof DEAL_SECTIONS)[number][] }) {
  const t = await getTranslations("deal.sections");
  return <SectionTabs label={t("label")} links={sections.map((id) => ({ id, label: t(id) }))} />;
}
