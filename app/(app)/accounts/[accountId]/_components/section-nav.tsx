import { getTranslations } from "next-intl/server";
import { OpenTargetSection } from "@/components/ui/open-target-section";
import { SectionTabs } from "@/components/ui/section-tabs";
import { SECTIONS } from "./section";

/** Jump links to the page's sections, in the page's order; a link opens a collapsed section. */
export async function SectionNav() {
  const [t, td] = await Promise.all([
    getTranslations("accountPage.sections"),
    getTranslations("deal.accountSection"),
  ]);
  // The deals section (开发项目) comes first; satisfaction, complaints, health and the service plan
  // (sections of their own features) sit where the page shows them.
  const [contacts, map, value, ...rest] = SECTIONS;
  const ids = [contacts, map, "satisfaction", "complaints", value, "health", "service", ...rest] as const;
  const links = [{ id: "deals", label: td("nav") }, ...ids.map((id) => ({ id, label: t(id) }))];
  return (
    <>
      <SectionTabs label={t("label")} links={links} />
      <OpenTargetSection />
    </>
  );
}
