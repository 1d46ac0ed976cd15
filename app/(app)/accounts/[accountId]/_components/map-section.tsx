import { getTranslations } from "next-intl/server";
import { DecisionMap, type MapContact } from "@/components/accounts/decision-map";
import { Card } from "@/components/ui/card";
import { Section } from "./section";

/** 决策链图: the decision-maker map. */
export async function MapSection({ contacts }: { contacts: MapContact[] }) {
  const t = await getTranslations("accountPage");
  return (
    <Section id="map" title={t("sections.map")} description={t("map.description")}>
      <Card className="p-4">
        <DecisionMap contacts={contacts} linkPrefix="#contact-" />
      </Card>
    </Section>
  );
}
